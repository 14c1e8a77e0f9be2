import type { Completion, CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import { LanguageSupport, LRLanguage } from '@codemirror/language';
import { parser } from '@grafana/lezer-traceql';
import { styleTags, tags as t } from '@lezer/highlight';
import type { EditorLanguage, TextSpan } from './types';

/**
 * Where TraceQL completions come from: the page binds it to a datasource (Tempo's tag endpoints). Names are
 * in TraceQL form (`resource.service.name`, `span.http.method`, intrinsics bare: `duration`, `status`).
 */
export interface TraceQLCompletionSource {
  tagNames(signal: AbortSignal): Promise<string[]>;
  tagValues(tag: string, signal: AbortSignal): Promise<string[]>;
}

// Node names as @grafana/lezer-traceql 1.0 exports them (its index.d.ts); `Static` wraps every literal,
// so the bare keywords (`error`, `true`, `server`) take its style and typed literals their own.
const traceqlHighlighting = styleTags({
  'LineComment BlockComment': t.comment,
  String: t.string,
  'Integer Float Duration': t.number,
  Static: t.atom,
  IntrinsicField: t.variableName,
  'Resource Span Event Link Instrumentation Parent': t.modifier,
  Identifier: t.labelName,
  'FieldOp ComparisonOp ScalarOp': t.operator,
  'And Or': t.logicOperator,
  'Pipe Gt Lt Desc Anc ExperimentalOp UnionStructuralOp': t.operator,
  'Aggregate MetricsAggregatorFunctionType MetricsOverTimeType': t.function(t.variableName),
  '{ }': t.brace,
  '( )': t.paren,
});

export const traceqlLRLanguage = LRLanguage.define({
  name: 'traceql',
  parser: parser.configure({ props: [traceqlHighlighting] }),
  languageData: { closeBrackets: { brackets: ['(', '{', '"'] } },
});

/** Intrinsics every Tempo has, offered even when the tag endpoint leaves them out. */
const INTRINSICS = ['duration', 'name', 'status', 'kind', 'statusMessage', 'traceDuration', 'rootName', 'rootServiceName'];
const KEYWORD_VALUES: Readonly<Record<string, readonly string[]>> = {
  status: ['error', 'ok', 'unset'],
  kind: ['server', 'client', 'producer', 'consumer', 'internal', 'unspecified'],
};

/** `resource.service.name = "pay` → the attribute and where its value starts; undefined when not in a value. */
const VALUE_BEFORE_CURSOR = /([A-Za-z_.][\w.\-/:]*)\s*(?:=|!=|=~|!~|<=|>=|<|>)\s*("(?:[^"\\]|\\.)*|[\w.-]*)$/;
const NAME_BEFORE_CURSOR = /(?:^|[{(\s&|!])([A-Za-z_.][\w.\-/:]*)?$/;

/** How deep in `{ … }` the end of `text` is, and whether it is inside a string (braces in strings do not count). */
function spansetState(text: string): { depth: number; inString: boolean } {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{') depth++;
    else if (ch === '}') depth = Math.max(0, depth - 1);
  }
  return { depth, inString };
}

function quoteValue(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** A value as TraceQL writes it: keywords and numbers bare, the rest a string literal. */
function valueCompletion(tag: string, value: string): Completion {
  const bare = KEYWORD_VALUES[tag]?.includes(value) === true || /^-?\d+(\.\d+)?$/.test(value) || value === 'true' || value === 'false';
  return { label: bare ? value : quoteValue(value), displayLabel: value, type: bare ? 'keyword' : 'text' };
}

/**
 * Completion of attribute names inside `{ … }` and of a value after `attr =`, from `source`. A lookup that
 * fails completes nothing (the editor must keep working while Tempo is down).
 */
export function traceqlCompletion(source: TraceQLCompletionSource) {
  return async (context: CompletionContext): Promise<CompletionResult | null> => {
    const before = context.state.sliceDoc(0, context.pos);
    // Only inside `{ … }` do attribute names and values make sense; a value may be a half-typed string.
    const { depth, inString } = spansetState(before);
    if (depth === 0) return null;
    const signal = abortOnClose(context);
    const value = VALUE_BEFORE_CURSOR.exec(before);
    if (value !== null) {
      const tag = value[1]!;
      const typed = value[2] ?? '';
      const fixed = KEYWORD_VALUES[tag];
      const values = fixed !== undefined ? [...fixed] : await source.tagValues(tag, signal).catch(() => [] as string[]);
      return { from: context.pos - typed.length, options: values.map((v) => valueCompletion(tag, v)), validFor: /^"?[^"]*$/ };
    }
    if (inString) return null;
    const name = NAME_BEFORE_CURSOR.exec(before);
    if (name === null) return null;
    const typed = name[1] ?? '';
    if (typed === '' && !context.explicit && !/[{&|(]\s*$/.test(before)) return null;
    const names = await source.tagNames(signal).catch(() => [] as string[]);
    const all = [...new Set([...INTRINSICS, ...names])];
    return {
      from: context.pos - typed.length,
      options: all.map((n) => ({ label: n, type: INTRINSICS.includes(n) ? 'keyword' : 'property' })),
      validFor: /^[\w.\-/:]*$/,
    };
  };
}

function abortOnClose(context: CompletionContext): AbortSignal {
  const controller = new AbortController();
  context.addEventListener('abort', () => controller.abort());
  return controller.signal;
}

/**
 * Where Tempo's `invalid TraceQL query: parse error at line 1, col 14: syntax error: unexpected …` points:
 * from that character (Go's text/scanner counts characters, 1-based) to the end of the token there.
 */
export function locateTraceQLError(message: string, query: string): TextSpan | undefined {
  const match = /line (\d+), col (\d+)/.exec(message);
  if (match === null) return undefined;
  const lines = query.split('\n');
  const lineIndex = Number(match[1]) - 1;
  const line = lines[lineIndex];
  if (line === undefined) return undefined;
  const chars = Array.from(line);
  const col = Math.min(Number(match[2]) - 1, chars.length);
  if (col < 0) return undefined;
  let offset = 0;
  for (let i = 0; i < lineIndex; i++) offset += lines[i]!.length + 1;
  const from = offset + chars.slice(0, col).join('').length;
  const rest = line.slice(from - offset);
  const token = /^(?:"(?:[^"\\]|\\.)*"?|[^\s{}()]+|.)/.exec(rest)?.[0] ?? '';
  // At the end of the text (`unexpected end of input`), mark the last character instead of nothing.
  if (token === '') return query.length === 0 ? undefined : { from: Math.max(0, query.length - 1), to: query.length };
  return { from, to: from + token.length };
}

/** TraceQL for the shared editor: @grafana/lezer-traceql highlighting, completion from `source`, Tempo's errors located. */
export function traceqlLanguage(source: TraceQLCompletionSource): EditorLanguage {
  const support = new LanguageSupport(traceqlLRLanguage, [traceqlLRLanguage.data.of({ autocomplete: traceqlCompletion(source) })]);
  return { name: 'TraceQL', extension: support, locateServerError: locateTraceQLError };
}
