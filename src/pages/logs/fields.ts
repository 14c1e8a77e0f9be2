import type { LogLine } from '../../model/logs';

/** One key/value parsed from a line's text, and the LogQL parser stage that yields it. */
export interface LineField {
  name: string;
  value: string;
  parser: 'json' | 'logfmt';
}

// A stand-in until the model's parseFields (lmodel) lands in main: the page asks for fields only through
// `lineFields`, so swapping the parser is a one-function change.

function flattenJson(value: unknown, prefix: string, out: LineField[]): void {
  // Iterative: a hostile, deeply nested line must not overflow the stack.
  const stack: Array<[string, unknown]> = [[prefix, value]];
  while (stack.length > 0) {
    const [path, v] = stack.pop()!;
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const entries = Object.entries(v as Record<string, unknown>);
      for (let i = entries.length - 1; i >= 0; i--) stack.push([path === '' ? entries[i]![0] : `${path}.${entries[i]![0]}`, entries[i]![1]]);
    } else if (path !== '') {
      out.push({ name: path, value: typeof v === 'string' ? v : JSON.stringify(v), parser: 'json' });
    }
  }
}

const LOGFMT_PAIR = /([^\s=]+)=("(?:[^"\\]|\\.)*"|\S*)/g;

function logfmtFields(text: string): LineField[] {
  const out: LineField[] = [];
  LOGFMT_PAIR.lastIndex = 0;
  for (let m = LOGFMT_PAIR.exec(text); m !== null; m = LOGFMT_PAIR.exec(text)) {
    const raw = m[2]!;
    const value = raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, (_a, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c)) : raw;
    out.push({ name: m[1]!, value, parser: 'logfmt' });
  }
  return out;
}

/** The fields of one line (JSON object, else logfmt pairs); parsed only when a line is expanded. */
export function lineFields(line: LogLine): LineField[] {
  const text = line.line.trim();
  if (text.startsWith('{')) {
    try {
      const out: LineField[] = [];
      flattenJson(JSON.parse(text), '', out);
      return out;
    } catch {
      // Not JSON after all: try logfmt.
    }
  }
  return logfmtFields(text);
}
