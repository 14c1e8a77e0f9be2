/**
 * What a log line looks like on screen: ANSI colour codes turned into coloured runs (never printed as
 * escape soup), control characters and NUL made visible, lone surrogates (what invalid UTF-8 or a hostile
 * `\ud800` leave behind) shown as U+FFFD, and a very long line cut for the row. Everything is returned as
 * plain text runs: the caller renders text nodes, never HTML.
 */

export interface TextRun {
  text: string;
  /** A CSS colour from an ANSI SGR code. */
  color?: string;
  bold?: boolean;
}

/** The most characters a row draws; the details show the whole line on request. 1 MB lines exist. */
export const ROW_MAX_CHARS = 10_000;

const ANSI_COLORS = ['#4c4c4c', '#f2495c', '#73bf69', '#f2cc0c', '#5794f2', '#b877d9', '#6ed0e0', '#d8d9da'];
const ANSI_BRIGHT = ['#8e8e8e', '#ff7383', '#96d98d', '#fade2a', '#8ab8ff', '#ca95e5', '#8fe3f0', '#ffffff'];

// CSI sequences (ESC [ params final), OSC (ESC ] … BEL or ESC \), and lone two-byte escapes.
// eslint-disable-next-line no-control-regex
const ESCAPE = /\u001b\[([0-9;?]*)([@-~])|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-Z\\-_]?/g;
// C0 controls other than tab and newline, DEL, C1 controls, and lone surrogates.
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** NUL and C0 controls as their Unicode "control picture" (␀, ␛…); others and lone surrogates as U+FFFD. */
function visibleChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return '\uFFFD';
}

export function makeVisible(text: string): string {
  return text.replace(UNPRINTABLE, visibleChar);
}

interface SgrState {
  color?: string;
  bold?: boolean;
}

function applySgr(params: string, state: SgrState): SgrState {
  const codes = params === '' ? [0] : params.split(';').map((p) => Number(p));
  let next: SgrState = { ...state };
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    if (c === 0) next = {};
    else if (c === 1) next.bold = true;
    else if (c === 22) delete next.bold;
    else if (c >= 30 && c <= 37) next.color = ANSI_COLORS[c - 30]!;
    else if (c >= 90 && c <= 97) next.color = ANSI_BRIGHT[c - 90]!;
    else if (c === 39) delete next.color;
    else if (c === 38 && codes[i + 1] === 5) {
      const n = codes[i + 2] ?? 7;
      next.color = n < 8 ? ANSI_COLORS[n]! : n < 16 ? ANSI_BRIGHT[n - 8]! : '#d8d9da';
      i += 2;
    } else if (c === 38 && codes[i + 1] === 2) {
      const [r, g, b] = [codes[i + 2] ?? 0, codes[i + 3] ?? 0, codes[i + 4] ?? 0].map((v) => Math.max(0, Math.min(255, v || 0)));
      next.color = `rgb(${r}, ${g}, ${b})`;
      i += 4;
    }
  }
  return next;
}

function run(text: string, state: SgrState): TextRun {
  const r: TextRun = { text: makeVisible(text) };
  if (state.color !== undefined) r.color = state.color;
  if (state.bold) r.bold = true;
  return r;
}

/** The line as coloured text runs, escapes consumed (SGR colours applied, every other sequence dropped). */
export function ansiRuns(line: string): TextRun[] {
  if (!line.includes('\u001b')) return [{ text: makeVisible(line) }];
  const runs: TextRun[] = [];
  let state: SgrState = {};
  let last = 0;
  ESCAPE.lastIndex = 0;
  for (let m = ESCAPE.exec(line); m !== null; m = ESCAPE.exec(line)) {
    if (m.index > last) runs.push(run(line.slice(last, m.index), state));
    if (m[2] === 'm') state = applySgr(m[1] ?? '', state);
    last = m.index + m[0].length;
  }
  if (last < line.length) runs.push(run(line.slice(last), state));
  return runs;
}

/** The line without its escape sequences (for search, copy and download as plain text). */
export function stripAnsi(line: string): string {
  return line.includes('\u001b') ? line.replace(ESCAPE, '') : line;
}

export interface RowText {
  runs: TextRun[];
  /** Characters left out of the row (0 when the whole line is drawn). */
  omitted: number;
}

/** What a row draws: at most `max` characters of the line, as runs. */
export function rowText(line: string, max = ROW_MAX_CHARS): RowText {
  if (line.length <= max) return { runs: ansiRuns(line), omitted: 0 };
  // Never cut a surrogate pair in two: the half would draw as a replacement character that is not in the line.
  let cut = max;
  const code = line.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return { runs: ansiRuns(line.slice(0, cut)), omitted: line.length - cut };
}

/** JSON lines shown indented when expanded or toggled; anything else (or a bare number) is left alone. */
export function prettyJson(line: string): string | undefined {
  const t = line.trimStart();
  if (t[0] !== '{' && t[0] !== '[') return undefined;
  try {
    return JSON.stringify(JSON.parse(line), null, 2);
  } catch {
    return undefined;
  }
}
