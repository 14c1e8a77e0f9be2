// Fields of one line, parsed when the line is expanded (never for every line of a page): JSON objects with
// nested keys flattened (`http.status`), or logfmt (`level=info msg="a \"quoted\" word" cached`).

export type LineFormat = 'json' | 'logfmt' | 'none';

export interface ParsedFields {
  /** What the line was read as. `none`: neither JSON nor logfmt; `fields` then holds any `key=value` pairs found in the text. */
  format: LineFormat;
  /** In the order they appear; a Map so any key (`__proto__`, `0`) is kept as written. */
  fields: Map<string, string>;
  /** Set when not all of the line was parsed: it is longer than the cap, or has more fields than the cap. */
  truncated?: { reason: string };
}

/** Lines longer than this are not parsed whole: a 1 MB line parses, but the details view does not need all of it. */
export const MAX_PARSE_CHARS = 256 * 1024;
/** More fields than this is a dump, not a record; the rest are left out, with the flag set. */
export const MAX_FIELDS = 1000;

export interface ParseOptions {
  maxChars?: number;
  maxFields?: number;
}

export function parseFields(line: string, options: ParseOptions = {}): ParsedFields {
  const maxChars = options.maxChars ?? MAX_PARSE_CHARS;
  const maxFields = options.maxFields ?? MAX_FIELDS;
  const tooLong = line.length > maxChars;
  const trimmed = line.trim();
  if (trimmed.startsWith('{') && trimmed.endsWith('}')) {
    if (tooLong) {
      // A JSON line cut short is not JSON; saying so beats inventing fields from half an object.
      return { format: 'json', fields: new Map(), truncated: { reason: `line is ${line.length.toLocaleString('en-US')} characters, over the ${maxChars.toLocaleString('en-US')} parsed; fields not read` } };
    }
    const json = parseJsonFields(trimmed, maxFields);
    if (json) return json;
  }
  const text = tooLong ? line.slice(0, maxChars) : line;
  const result = parseLogfmt(text, maxFields);
  if (tooLong) result.truncated = { reason: `line is ${line.length.toLocaleString('en-US')} characters; only the first ${maxChars.toLocaleString('en-US')} were parsed` };
  return result;
}

function parseJsonFields(text: string, maxFields: number): ParsedFields | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const fields = new Map<string, string>();
  let truncated: ParsedFields['truncated'];
  // Iterative, so a deeply nested object cannot overflow the stack.
  const stack: Array<[prefix: string, object: Record<string, unknown>, keys: string[], index: number]> = [['', value as Record<string, unknown>, Object.keys(value), 0]];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const [prefix, object, keys] = top;
    if (top[3] >= keys.length) {
      stack.pop();
      continue;
    }
    const key = keys[top[3]++]!;
    const name = prefix === '' ? key : `${prefix}.${key}`;
    const child = object[key];
    if (typeof child === 'object' && child !== null && !Array.isArray(child)) {
      stack.push([name, child as Record<string, unknown>, Object.keys(child), 0]);
      continue;
    }
    if (fields.size >= maxFields) {
      truncated = { reason: `more than ${maxFields} fields; the rest are not shown` };
      break;
    }
    fields.set(name, typeof child === 'string' ? child : JSON.stringify(child) ?? 'null');
  }
  return truncated ? { format: 'json', fields, truncated } : { format: 'json', fields };
}

const SPACE = 32;
const EQUALS = 61;
const QUOTE = 34;
const BACKSLASH = 92;
/** A key worth calling one in plain text: starts like an identifier, no punctuation a sentence would have. */
const FIELD_KEY = /^[A-Za-z_@$][\w.\-@$/]*$/;

const ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f' };

/**
 * logfmt as go-logfmt reads it: keys are runs of characters above space other than `=` and `"`; a value is
 * bare (up to the next space) or quoted with backslash escapes (`\"`, `\\`, `\n`, `\t`, `\uXXXX`); a key with
 * no `=` is a bare key (value ""). A line is logfmt when it has at least one `key=value` pair and no more bare
 * words than pairs; otherwise it is text, and only its `key=value` pairs with identifier-like keys are kept.
 */
export function parseLogfmt(text: string, maxFields: number = MAX_FIELDS): ParsedFields {
  const pairs: Array<[string, string]> = [];
  let bare = 0;
  let i = 0;
  const n = text.length;
  let truncated: ParsedFields['truncated'];
  while (i < n) {
    while (i < n && text.charCodeAt(i) <= SPACE) i++;
    if (i >= n) break;
    const keyStart = i;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c <= SPACE || c === EQUALS || c === QUOTE) break;
      i++;
    }
    const key = text.slice(keyStart, i);
    if (key === '') {
      // A stray `=` or `"` where a key should be: skip to the next space.
      while (i < n && text.charCodeAt(i) > SPACE) i++;
      bare++;
      continue;
    }
    if (i >= n || text.charCodeAt(i) !== EQUALS) {
      if (i < n && text.charCodeAt(i) === QUOTE) while (i < n && text.charCodeAt(i) > SPACE) i++;
      pairs.push([key, '']);
      bare++;
      continue;
    }
    i++; // '='
    let value: string;
    if (i < n && text.charCodeAt(i) === QUOTE) {
      const read = readQuoted(text, i + 1);
      value = read.value;
      i = read.end;
    } else {
      const start = i;
      while (i < n && text.charCodeAt(i) > SPACE) i++;
      value = text.slice(start, i);
    }
    pairs.push([key, value]);
    if (pairs.length >= maxFields) {
      if (i < n && text.slice(i).trim() !== '') truncated = { reason: `more than ${maxFields} fields; the rest are not shown` };
      break;
    }
  }
  const valued = pairs.length - bare;
  const isLogfmt = valued > 0 && bare <= valued;
  const fields = new Map<string, string>();
  for (const [key, value] of pairs) {
    if (isLogfmt) fields.set(key, value);
    else if (value !== '' && FIELD_KEY.test(key)) fields.set(key, value);
  }
  const result: ParsedFields = { format: isLogfmt ? 'logfmt' : 'none', fields };
  if (truncated) result.truncated = truncated;
  return result;
}

/** A quoted value from just after its opening quote; an unterminated one runs to the end of the text. */
function readQuoted(text: string, from: number): { value: string; end: number } {
  let out = '';
  let i = from;
  let chunk = i;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      return { value: out + text.slice(chunk, i), end: i + 1 };
    }
    if (c === BACKSLASH && i + 1 < text.length) {
      out += text.slice(chunk, i);
      const next = text[i + 1]!;
      if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
        out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
        i += 6;
      } else {
        out += ESCAPES[next] ?? `\\${next}`;
        i += 2;
      }
      chunk = i;
      continue;
    }
    i++;
  }
  return { value: out + text.slice(chunk), end: text.length };
}
