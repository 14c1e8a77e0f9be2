import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { bracketMatching } from '@codemirror/language';
import { lintKeymap } from '@codemirror/lint';
import { Compartment, EditorState, Prec } from '@codemirror/state';
import { EditorView, keymap, placeholder as placeholderText } from '@codemirror/view';
import { useEffect, useRef } from 'react';
import { serverErrorLinter, setServerError } from './serverDiagnostics';
import { darkEditorTheme } from './theme';
import type { EditorLanguage, ServerError } from './types';

export interface CodeEditorProps {
  /** The text to show. When it changes from outside (Back, a history pick), the editor follows it. */
  value: string;
  onChange: (text: string) => void;
  /** Shift+Enter or Ctrl/Cmd+Enter, as in Grafana; plain Enter adds a line (or accepts a completion). */
  onRun: (text: string) => void;
  /** The query language, with its completion source already bound by the page. */
  language: EditorLanguage;
  /** The server's error for the text last run; underlined where the server says while that text stands. */
  serverError?: ServerError | undefined;
  /** Accessible name of the text box, e.g. "Query A". */
  label: string;
  id?: string;
  placeholder?: string;
}

/**
 * The shared query editor frame: CodeMirror 6 with the app's dark theme, run keys, undo history, bracket
 * handling, completion and lint, and server errors as diagnostics. Everything language-specific comes in
 * through `language`, so the log and trace explorers reuse this frame for LogQL and TraceQL.
 */
export function CodeEditor({ value, onChange, onRun, language, serverError, label, id, placeholder }: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const languageSlot = useRef(new Compartment());
  // The view is built once; it reaches the latest props through these.
  const latest = useRef({ onChange, onRun, language });
  useEffect(() => {
    latest.current = { onChange, onRun, language };
  });

  useEffect(() => {
    const run = (v: EditorView) => {
      latest.current.onRun(v.state.doc.toString());
      return true;
    };
    const state = EditorState.create({
      doc: value,
      extensions: [
        Prec.highest(keymap.of([{ key: 'Shift-Enter', run }, { key: 'Mod-Enter', run }])),
        history(),
        closeBrackets(),
        bracketMatching(),
        autocompletion({ activateOnTyping: true }),
        keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, ...completionKeymap, ...lintKeymap]),
        languageSlot.current.of(latest.current.language.extension),
        serverErrorLinter(() => latest.current.language),
        placeholderText(placeholder ?? ''),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ 'aria-label': label, ...(id === undefined ? {} : { id }) }),
        darkEditorTheme,
        EditorView.updateListener.of((update) => {
          if (update.docChanged) latest.current.onChange(update.state.doc.toString());
        }),
      ],
    });
    const created = new EditorView({ state, parent: host.current! });
    view.current = created;
    return () => {
      created.destroy();
      view.current = null;
    };
    // Built once per mount; later prop changes are applied by the effects below, not by a new view.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // A new language (another datasource's completion source): swap it in place, keeping text and undo history.
  const shownLanguage = useRef(language);
  useEffect(() => {
    if (shownLanguage.current !== language) {
      view.current?.dispatch({ effects: languageSlot.current.reconfigure(language.extension) });
      shownLanguage.current = language;
    }
  }, [language]);
  useEffect(() => () => language.destroy?.(), [language]);

  useEffect(() => {
    const v = view.current;
    if (v && v.state.doc.toString() !== value) v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value } });
  }, [value]);

  useEffect(() => {
    view.current?.dispatch({ effects: setServerError.of(serverError) });
  }, [serverError]);

  return <div ref={host} className="code-editor" data-testid="code-editor" data-language={language.name} />;
}
