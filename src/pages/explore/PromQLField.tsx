import { useEffect, useState } from 'react';
import type { DataSource } from '../../datasources/types';
import { CodeEditor, type CodeEditorProps } from '../../editor/CodeEditor';
import { promqlLanguage } from '../../editor/promql';
import type { TimeRange } from '../../model/time';
import { promqlCompletionSource } from './promqlCompletionSource';

export interface PromQLFieldProps extends Omit<CodeEditorProps, 'language'> {
  ds: DataSource;
  /** The page's range; completions are asked over it. */
  range: TimeRange;
}

/**
 * The PromQL editor bound to a datasource. Its own chunk (QueryEditor imports it lazily): CodeMirror and
 * codemirror-promql load on Explore only, never with the first route.
 */
export default function PromQLField({ ds, range, ...editor }: PromQLFieldProps) {
  const [bound, setBound] = useState(() => bind(ds, range));
  if (bound.ds !== ds) setBound(bind(ds, range));
  // Completions read the range when they run, so a refresh tick does not rebuild the language.
  useEffect(() => bound.range.set(range), [bound, range]);
  return <CodeEditor {...editor} language={bound.language} />;
}

/** The language for one datasource, with the cell its completions read the current range from. */
function bind(ds: DataSource, initial: TimeRange) {
  let current = initial;
  const range = { get: () => current, set: (next: TimeRange) => void (current = next) };
  return { ds, range, language: promqlLanguage(promqlCompletionSource(ds, range.get)) };
}
