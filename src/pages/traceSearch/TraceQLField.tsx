import { useEffect, useState } from 'react';
import type { DataSource } from '../../datasources/types';
import { CodeEditor, type CodeEditorProps } from '../../editor/CodeEditor';
import { traceqlLanguage } from '../../editor/traceql';
import type { TimeRange } from '../../model/time';
import { traceqlCompletionSource } from './traceqlCompletionSource';

export interface TraceQLFieldProps extends Omit<CodeEditorProps, 'language'> {
  ds: DataSource;
  range: TimeRange;
}

/** The TraceQL editor bound to a datasource; its own chunk, so CodeMirror loads only when TraceQL mode is opened. */
export default function TraceQLField({ ds, range, ...editor }: TraceQLFieldProps) {
  const [bound, setBound] = useState(() => bind(ds, range));
  if (bound.ds !== ds) setBound(bind(ds, range));
  useEffect(() => bound.range.set(range), [bound, range]);
  return <CodeEditor {...editor} language={bound.language} />;
}

function bind(ds: DataSource, initial: TimeRange) {
  let current = initial;
  const range = { get: () => current, set: (next: TimeRange) => void (current = next) };
  return { ds, range, language: traceqlLanguage(traceqlCompletionSource(ds, range.get)) };
}
