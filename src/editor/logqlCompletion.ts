/**
 * Where the cursor stands in a LogQL query, for completion: inside a stream selector `{…}` typing a label
 * name, or a label's value. A plain scan of the text before the cursor (strings, escapes, braces) rather
 * than the syntax tree, because what is being typed is, by definition, not yet valid LogQL.
 */
export type LogQLCompletionContext =
  | { kind: 'labelName'; from: number; typed: string; used: string[] }
  | { kind: 'labelValue'; label: string; from: number; typed: string; quoted: boolean; used: string[] }
  | { kind: 'pipeline'; from: number; typed: string };

/** What LogQL completion may ask of a logs datasource. The page builds it from the adapter. */
export interface LogQLCompletionSource {
  labelNames(signal: AbortSignal): Promise<string[]>;
  labelValues(label: string, signal: AbortSignal): Promise<string[]>;
}

const NAME_START = /[a-zA-Z_]/;
const MATCHER_HEAD = /^\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*$/;

export function logqlCompletionContext(text: string, pos: number): LogQLCompletionContext | undefined {
  const before = text.slice(0, pos);
  let quote: string | undefined;
  let braceOpen = -1;
  let segmentStart = -1;
  let stringStart = -1;
  for (let i = 0; i < before.length; i++) {
    const c = before[i]!;
    if (quote !== undefined) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === '`') {
      quote = c;
      stringStart = i;
    } else if (c === '{') {
      braceOpen = i;
      segmentStart = i + 1;
    } else if (c === '}') {
      braceOpen = -1;
    } else if (c === ',' && braceOpen >= 0) segmentStart = i + 1;
  }
  if (braceOpen >= 0) {
    const used = usedLabels(text.slice(braceOpen + 1, closingBrace(text, braceOpen)));
    if (quote !== undefined) {
      const head = MATCHER_HEAD.exec(before.slice(segmentStart, stringStart));
      if (!head) return undefined;
      return { kind: 'labelValue', label: head[1]!, from: stringStart + 1, typed: before.slice(stringStart + 1), quoted: true, used };
    }
    const segment = before.slice(segmentStart);
    const head = MATCHER_HEAD.exec(segment);
    if (head) return { kind: 'labelValue', label: head[1]!, from: pos, typed: '', quoted: false, used };
    const name = /^\s*([a-zA-Z_][a-zA-Z0-9_]*)?$/.exec(segment);
    if (name) {
      const typed = name[1] ?? '';
      return { kind: 'labelName', from: pos - typed.length, typed, used: used.filter((u) => u !== typed) };
    }
    return undefined;
  }
  if (quote !== undefined) return undefined;
  const pipe = /\|\s*([a-z_]*)$/.exec(before);
  if (pipe && (pipe[1] === '' ? true : NAME_START.test(pipe[1]!))) return { kind: 'pipeline', from: pos - pipe[1]!.length, typed: pipe[1]! };
  return undefined;
}

function closingBrace(text: string, open: number): number {
  let quote: string | undefined;
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i]!;
    if (quote !== undefined) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === '`') quote = c;
    else if (c === '}') return i;
  }
  return text.length;
}

function usedLabels(selectorBody: string): string[] {
  const out: string[] = [];
  const re = /(?:^|,)\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*(?:=~|!~|!=|=)/g;
  // Strings are blanked first so a value holding `, x=` is not read as a matcher.
  const blanked = selectorBody.replace(/"(?:[^"\\]|\\.)*"?|`[^`]*`?/g, (s) => ' '.repeat(s.length));
  for (let m = re.exec(blanked); m !== null; m = re.exec(blanked)) out.push(m[1]!);
  return out;
}

/** A value inside LogQL double quotes. */
export function escapeLogQLValue(value: string): string {
  return value.replace(/[\\"]/g, '\\$&').replace(/\n/g, '\\n');
}

/** The pipeline stages offered after `|`. */
export const PIPELINE_STAGES: ReadonlyArray<{ label: string; detail: string }> = [
  { label: 'json', detail: 'parse the line as JSON' },
  { label: 'logfmt', detail: 'parse the line as logfmt' },
  { label: 'pattern', detail: 'extract with a pattern' },
  { label: 'regexp', detail: 'extract with a regex' },
  { label: 'unpack', detail: 'unpack a packed line' },
  { label: 'line_format', detail: 'rewrite the line with a template' },
  { label: 'label_format', detail: 'rename or template labels' },
  { label: 'drop', detail: 'drop labels' },
  { label: 'keep', detail: 'keep only these labels' },
  { label: 'decolorize', detail: 'strip ANSI colour codes' },
];
