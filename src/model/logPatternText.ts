// What of a log line the pattern miner (logPatterns.ts) clusters on, and the masking of its obvious
// variables. Pure string work, no JSON.parse: it runs on 100,000 lines per request.

/** The wildcard of a template: a masked or merged-away variable part. */
export const WILDCARD = '<*>';

/** Only this much of a message is clustered on: a 1 MB line must not cost 1 MB of tokens. */
export const MAX_MESSAGE_CHARS = 1000;

const MESSAGE_KEYS = ['msg', 'message'] as const;
const JSON_NEEDLES = MESSAGE_KEYS.map((k) => `"${k}"`);
const LOGFMT_NEEDLES = MESSAGE_KEYS.map((k) => `${k}=`);

/**
 * The message of a JSON line (`"msg"` or `"message"`, as pino, bunyan, zap and ECS write it) or a logfmt
 * line (`msg=`/`message=`), else the line itself. A small scan, not a parse: the first such key whose value
 * is a string wins (loggers write it at the top level, before any nested object that could hold one).
 */
export function messageOf(line: string): string {
  let start = 0;
  while (start < line.length && (line.charCodeAt(start) === 32 || line.charCodeAt(start) === 9)) start++;
  const found = line.charCodeAt(start) === 123 /* { */ ? jsonMessage(line, start) : logfmtMessage(line);
  const message = found ?? line;
  return message.length > MAX_MESSAGE_CHARS ? message.slice(0, MAX_MESSAGE_CHARS) : message;
}

function jsonMessage(line: string, from: number): string | undefined {
  for (const needle of JSON_NEEDLES) {
    // An unescaped `"msg"` followed by `:` can only be a key: inside a JSON string its quotes would be escaped.
    let at = line.indexOf(needle, from);
    while (at >= 0) {
      let i = skipSpaces(line, at + needle.length);
      if (line.charCodeAt(i) === 58 /* : */) {
        i = skipSpaces(line, i + 1);
        if (line.charCodeAt(i) === 34 /* " */) return readJsonString(line, i + 1);
        break;
      }
      at = line.indexOf(needle, at + 1);
    }
  }
  return undefined;
}

function skipSpaces(s: string, i: number): number {
  while (i < s.length && (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9)) i++;
  return i;
}

const JSON_ESCAPES: Record<string, string> = { n: ' ', t: ' ', r: ' ', b: ' ', f: ' ', '"': '"', '\\': '\\', '/': '/' };

/** The string starting after its opening quote, escapes decoded (control escapes become spaces). */
function readJsonString(s: string, from: number): string | undefined {
  let out = '';
  let runStart = from;
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 34) return out + s.slice(runStart, i);
    if (c !== 92) continue;
    out += s.slice(runStart, i);
    const e = s[i + 1] ?? '';
    if (e === 'u') {
      const code = Number.parseInt(s.slice(i + 2, i + 6), 16);
      out += Number.isNaN(code) ? '' : String.fromCharCode(code);
      i += 5;
    } else {
      out += JSON_ESCAPES[e] ?? e;
      i += 1;
    }
    runStart = i + 1;
  }
  // Unterminated: a truncated line. Whatever is there is still the message.
  return out + s.slice(runStart);
}

function logfmtMessage(line: string): string | undefined {
  for (const needle of LOGFMT_NEEDLES) {
    let at = line.indexOf(needle);
    while (at >= 0) {
      if (at === 0 || line.charCodeAt(at - 1) === 32) {
        const v = at + needle.length;
        if (line.charCodeAt(v) === 34) return readLogfmtQuoted(line, v + 1);
        const end = line.indexOf(' ', v);
        return line.slice(v, end < 0 ? line.length : end);
      }
      at = line.indexOf(needle, at + 1);
    }
  }
  return undefined;
}

function readLogfmtQuoted(s: string, from: number): string {
  let out = '';
  for (let i = from; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === '"') return out;
    if (ch === '\\' && i + 1 < s.length) {
      const e = s[++i]!;
      out += e === 'n' || e === 't' || e === 'r' ? ' ' : e;
    } else out += ch;
  }
  return out;
}

/**
 * The obvious variables, masked before clustering so that Drain compares only the words around them. One
 * alternation, so a token is scanned once; at each position the first alternative that matches wins, so the
 * longer shapes (UUIDs, IPs, hex IDs, durations) come before bare numbers. It runs only on tokens holding a
 * digit: most words hold none, and a regex over whole lines was the miner's largest cost.
 */
const VARIABLE = new RegExp(
  [
    /\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b/.source, // UUIDs
    /\b\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?\b/.source, // IPv4, with a port
    /\b0[xX][0-9a-fA-F]+\b/.source, // 0x… hex
    /\b(?=[0-9a-fA-F]*\d)(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{8,}\b/.source, // hex IDs: trace and span IDs, hashes
    /(?<![A-Za-z_])\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h|d)\b/.source, // durations: 30000ms, 1.5s
    /(?<![A-Za-z_])[-+]?\d+(?:\.\d+)*(?:[eE][-+]?\d+)?/.source, // numbers (and dotted versions)
  ].join('|'),
  'g',
);
/** Quoted strings: double quotes, or single quotes that are not apostrophes inside words. Whole, even with spaces. */
const QUOTED = /"(?:[^"\\]|\\.)*"|(?<![\w])'[^'\n]*'(?![\w])/g;

const DIGIT = 1;
const HEX_LETTER = 2;
const OTHER = 4;

/** Which kinds of characters a token holds (DIGIT | HEX_LETTER | OTHER). */
function charKinds(s: string): number {
  let kinds = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const lower = c | 0x20; // folds A-F onto a-f
    kinds |= c >= 48 && c <= 57 ? DIGIT : lower >= 97 && lower <= 102 ? HEX_LETTER : OTHER;
  }
  return kinds;
}

/** A token's mask: the common whole-token cases by a character scan, the rest by VARIABLE. */
function maskToken(token: string): string {
  const kinds = charKinds(token);
  if ((kinds & DIGIT) === 0) return token;
  if (kinds === DIGIT) return WILDCARD;
  if (kinds === (DIGIT | HEX_LETTER) && token.length >= 8) return WILDCARD;
  return token.replace(VARIABLE, WILDCARD);
}

/** Whitespace-separated tokens (none for a blank string). */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    const space = c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11;
    if (space) {
      if (start >= 0) tokens.push(text.slice(start, i));
      start = -1;
    } else if (start < 0) start = i;
  }
  return tokens;
}

/** The tokens of a message with its obvious variables replaced by `<*>`. */
export function maskedTokens(message: string): string[] {
  const unquoted = message.includes('"') || message.includes("'") ? message.replace(QUOTED, WILDCARD) : message;
  const tokens = tokenize(unquoted);
  for (let i = 0; i < tokens.length; i++) tokens[i] = maskToken(tokens[i]!);
  return tokens;
}

/** The message with its obvious variables masked, spaces normalised (for tests and display). */
export function maskVariables(message: string): string {
  return maskedTokens(message).join(' ');
}

/** The tokens Drain clusters a line on: message, masked, split. */
export function patternTokens(line: string): string[] {
  return maskedTokens(messageOf(line));
}
