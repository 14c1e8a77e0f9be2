import { useEffect, useState } from 'react';
import type { DataSource } from '../../datasources/types';
import { CodeEditor, type CodeEditorProps } from '../../editor/CodeEditor';
import type { EditorLanguage } from '../../editor/types';
import type { TimeRange } from '../../model/time';

export interface BoundQueryFieldProps extends Omit<CodeEditorProps, 'language'> {
  ds: DataSource;
  /** The page's range; completions are asked over it. */
  range: TimeRange;
}

/** Builds a datasource's editor language, with completions that read the current range when they run. Keep it module-level (stable). */
export type LanguageFor = (ds: DataSource, range: () => TimeRange) => EditorLanguage;

/**
 * A query editor bound to a datasource (PromQL, LogQL, Lucene, TraceQL): the language is built once per
 * datasource, and a refresh tick only moves the range its completions read, never rebuilds the language.
 * Only the lazily loaded field chunks import this, so CodeMirror never loads with the first route.
 */
export function BoundQueryField({ ds, range, languageFor, ...editor }: BoundQueryFieldProps & { languageFor: LanguageFor }) {
  const [bound, setBound] = useState(() => bind(ds, range, languageFor));
  if (bound.ds !== ds) setBound(bind(ds, range, languageFor));
  useEffect(() => bound.range.set(range), [bound, range]);
  return <CodeEditor {...editor} language={bound.language} />;
}

function bind(ds: DataSource, initial: TimeRange, languageFor: LanguageFor) {
  let current = initial;
  const range = { get: () => current, set: (next: TimeRange) => void (current = next) };
  return { ds, range, language: languageFor(ds, range.get) };
}
