import type { Extension } from '@codemirror/state';

/** A span of the editor's text, in UTF-16 offsets as CodeMirror counts them. */
export interface TextSpan {
  from: number;
  to: number;
}

/**
 * What the shared editor frame needs to know of a query language. PromQL today; LogQL and TraceQL plug in
 * the same way, each with its own completion source handed in by the page that knows the datasource.
 */
export interface EditorLanguage {
  /** Shown in the placeholder and the aria description: "PromQL". */
  readonly name: string;
  /** Highlighting, completion and the client-side linter of the language. */
  readonly extension: Extension;
  /**
   * Where in `query` (the text the server was sent) the server's error `message` points, or undefined when
   * the message names no position. Each server writes positions its own way (Prometheus: `1:5: parse error`).
   */
  locateServerError(message: string, query: string): TextSpan | undefined;
  /** Cancels what the language's completion still has in flight; called when the editor goes away. */
  destroy?(): void;
}

/** A failed run: the text that was run and the server's message for it. */
export interface ServerError {
  query: string;
  message: string;
}
