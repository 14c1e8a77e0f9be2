import { ensureSyntaxTree, type Language } from '@codemirror/language';
import type { Diagnostic } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { Decoration, MatchDecorator, ViewPlugin, type DecorationSet, type EditorView, type ViewUpdate } from '@codemirror/view';

// `$__rate_interval`, `$__interval`, `$__interval_ms`, `$__range`… (Grafana's names) are filled in by the
// adapter before a query is sent; dashboard panels' "Explore" links carry them. PromQL itself has no `$`.
const VARIABLE = /\$__\w+/g;

export function hasIntervalVariables(text: string): boolean {
  return /\$__\w/.test(text);
}

/**
 * The text with every interval variable replaced by PromQL of the same length: a duration (`1111111111111111s`)
 * where a range or a subquery wants one, a number elsewhere. Same length, so positions stay where they were.
 */
export function fillIntervalVariables(text: string): string {
  return text.replace(VARIABLE, (name: string, offset: number) => {
    const after = text.slice(offset + name.length).trimStart();
    const wantsDuration = after.startsWith(']') || after.startsWith(':');
    return wantsDuration ? `${'1'.repeat(name.length - 1)}s` : '1'.repeat(name.length);
  });
}

type LintFn = (view: EditorView) => readonly Diagnostic[] | Promise<readonly Diagnostic[]>;

/**
 * codemirror-promql's client-side linter, made to see interval variables as the server will: as values.
 * Without this, every query from a dashboard panel opened in Explore would open underlined as wrong.
 */
export function lintWithVariablesFilled(lint: LintFn, language: Language): LintFn {
  return (view) => {
    const text = view.state.doc.toString();
    if (!hasIntervalVariables(text)) return lint(view);
    const state = EditorState.create({ doc: fillIntervalVariables(text), extensions: [language] });
    ensureSyntaxTree(state, state.doc.length, 500);
    // The linter reads only `view.state`; a stand-in view over the filled-in text is all it needs.
    return lint({ state } as unknown as EditorView);
  };
}

const variableMatcher = new MatchDecorator({ regexp: /\$__\w+/g, decoration: Decoration.mark({ class: 'cm-template-variable' }) });

/** Shows interval variables as values to be filled in, not in the grammar's "invalid" colour. */
export const intervalVariableHighlight = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = variableMatcher.createDeco(view);
    }
    update(update: ViewUpdate) {
      this.decorations = variableMatcher.updateDeco(update, this.decorations);
    }
  },
  { decorations: (plugin) => plugin.decorations },
);
