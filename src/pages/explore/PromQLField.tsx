import { promqlLanguage } from '../../editor/promql';
import { BoundQueryField, type BoundQueryFieldProps, type LanguageFor } from '../shared/BoundQueryField';
import { promqlCompletionSource } from './promqlCompletionSource';

export type PromQLFieldProps = BoundQueryFieldProps;

const promql: LanguageFor = (ds, range) => promqlLanguage(promqlCompletionSource(ds, range));

/**
 * The PromQL editor bound to a datasource. Its own chunk (QueryEditor imports it lazily): CodeMirror and
 * codemirror-promql load on Explore only, never with the first route.
 */
export default function PromQLField(props: PromQLFieldProps) {
  return <BoundQueryField {...props} languageFor={promql} />;
}
