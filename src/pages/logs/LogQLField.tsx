import { useEffect, useState } from 'react';
import type { DataSource } from '../../datasources/types';
import { CodeEditor, type CodeEditorProps } from '../../editor/CodeEditor';
import { logqlLanguage, luceneLanguage } from '../../editor/logql';
import type { EditorLanguage } from '../../editor/types';
import type { TimeRange } from '../../model/time';
import { logqlCompletionSource } from './logqlCompletionSource';

export interface LogQLFieldProps extends Omit<CodeEditorProps, 'language'> {
  ds: DataSource;
  range: TimeRange;
}

/**
 * The log query editor bound to a datasource: LogQL for Loki, Lucene for Elasticsearch and OpenSearch.
 * Its own chunk (the query bar imports it lazily): CodeMirror loads with the log explorer, never the first route.
 */
export default function LogQLField({ ds, range, ...editor }: LogQLFieldProps) {
  const [bound, setBound] = useState(() => bind(ds, range));
  if (bound.ds !== ds) setBound(bind(ds, range));
  useEffect(() => bound.range.set(range), [bound, range]);
  return <CodeEditor {...editor} language={bound.language} />;
}

function bind(ds: DataSource, initial: TimeRange): { ds: DataSource; range: { get: () => TimeRange; set: (r: TimeRange) => void }; language: EditorLanguage } {
  let current = initial;
  const range = { get: () => current, set: (next: TimeRange) => void (current = next) };
  const language = ds.logs?.language === 'lucene' ? luceneLanguage() : logqlLanguage(logqlCompletionSource(ds, range.get));
  return { ds, range, language };
}
