import { logqlLanguage, luceneLanguage } from '../../editor/logql';
import { BoundQueryField, type BoundQueryFieldProps, type LanguageFor } from '../shared/BoundQueryField';
import { logqlCompletionSource } from './logqlCompletionSource';

export type LogQLFieldProps = BoundQueryFieldProps;

const logQuery: LanguageFor = (ds, range) => (ds.logs?.language === 'lucene' ? luceneLanguage() : logqlLanguage(logqlCompletionSource(ds, range)));

/**
 * The log query editor bound to a datasource: LogQL for Loki, Lucene for Elasticsearch and OpenSearch.
 * Its own chunk (the query bar imports it lazily): CodeMirror loads with the log explorer, never the first route.
 */
export default function LogQLField(props: LogQLFieldProps) {
  return <BoundQueryField {...props} languageFor={logQuery} />;
}
