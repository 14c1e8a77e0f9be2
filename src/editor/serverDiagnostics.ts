import { linter, type Diagnostic } from '@codemirror/lint';
import { StateEffect, StateField, type Extension } from '@codemirror/state';
import type { EditorLanguage, ServerError } from './types';

/** Sets (or clears, with undefined) the server's error for the text that was last run. */
export const setServerError = StateEffect.define<ServerError | undefined>();

const serverErrorField = StateField.define<ServerError | undefined>({
  create: () => undefined,
  update: (value, tr) => {
    for (const effect of tr.effects) if (effect.is(setServerError)) return effect.value;
    return value;
  },
});

/** The CSS class of a server-reported error's underline, distinct from the client-side linter's. */
export const SERVER_ERROR_CLASS = 'cm-server-error';

/**
 * The server's error for `doc`, at the position the server named, as long as the editor still holds the text
 * that was run (the server trims it; so does this). Once the text changes, the server's answer is about
 * something else and is dropped; the client-side linter keeps speaking for the new text.
 */
export function serverDiagnostics(language: Pick<EditorLanguage, 'locateServerError'>, error: ServerError | undefined, doc: string): Diagnostic[] {
  if (!error) return [];
  const run = error.query.trim();
  if (doc.trim() !== run || run === '') return [];
  const span = language.locateServerError(error.message, run);
  if (!span) return [];
  const lead = doc.length - doc.trimStart().length;
  return [
    {
      from: lead + span.from,
      to: lead + span.to,
      severity: 'error',
      source: 'server',
      message: error.message,
      markClass: SERVER_ERROR_CLASS,
    },
  ];
}

/** A linter that reports the server's error; it re-runs when a new error arrives, not only on typing. */
export function serverErrorLinter(language: () => Pick<EditorLanguage, 'locateServerError'>): Extension {
  return [
    serverErrorField,
    linter((view) => serverDiagnostics(language(), view.state.field(serverErrorField), view.state.doc.toString()), {
      delay: 300,
      needsRefresh: (update) => update.transactions.some((tr) => tr.effects.some((e) => e.is(setServerError))),
    }),
  ];
}
