/**
 * Literal syntax shared by the PromQL parser and the HTTP parameter parser, following Go's strconv
 * rules that Prometheus relies on.
 */

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const HEX_FLOAT = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?\d+)$/;

/**
 * Go's strconv.ParseFloat(s, 64): decimal or hex-float syntax, `Inf`/`Infinity`/`NaN` in any case
 * with an optional sign. Returns null where Go returns an error (including out-of-range values).
 */
export function parseGoFloat(s: string): number | null {
  const special = /^([+-]?)(inf|infinity|nan)$/i.exec(s);
  if (special) {
    if ((special[2] as string).toLowerCase() === 'nan') return NaN;
    return special[1] === '-' ? -Infinity : Infinity;
  }
  if (DECIMAL.test(s)) {
    const v = Number(s);
    return Number.isFinite(v) ? v : null;
  }
  const hex = HEX_FLOAT.exec(s);
  if (hex) {
    const intPart = hex[2] ?? '';
    const fracPart = hex[3] ?? '';
    if (intPart === '' && fracPart === '') return null;
    const mantissa = parseInt(`${intPart}${fracPart}` || '0', 16);
    const v = mantissa * 2 ** (Number(hex[4]) - 4 * fracPart.length);
    if (!Number.isFinite(v)) return null;
    return hex[1] === '-' ? -v : v;
  }
  return null;
}

/**
 * A PromQL number literal: Go's strconv.ParseInt(s, 0, 64) first (so `0x1f`, `0o17`, `017` octal and
 * `0b101` work as in Prometheus), then ParseFloat.
 */
export function parsePromqlNumber(s: string): number | null {
  const body = s.replace(/^[+-]/, '');
  const negative = s.startsWith('-');
  let int: number | null = null;
  if (/^0[xX][0-9a-fA-F]+$/.test(body)) int = parseInt(body.slice(2), 16);
  else if (/^0[oO][0-7]+$/.test(body)) int = parseInt(body.slice(2), 8);
  else if (/^0[bB][01]+$/.test(body)) int = parseInt(body.slice(2), 2);
  else if (/^0[0-7]+$/.test(body)) int = parseInt(body.slice(1), 8);
  if (int !== null) return negative ? -int : int;
  return parseGoFloat(s);
}

const DURATION_UNITS_MS: ReadonlyArray<readonly [string, number]> = [
  ['y', 365 * 24 * 3600_000],
  ['w', 7 * 24 * 3600_000],
  ['d', 24 * 3600_000],
  ['h', 3600_000],
  ['m', 60_000],
  ['s', 1000],
  ['ms', 1],
];

const DURATION = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;

/** Prometheus's model.ParseDuration (`1h30m`, `5m`, `250ms`, units in descending order), in ms. */
export function parsePromDuration(s: string): number | null {
  if (s === '' || s === '0') return s === '0' ? 0 : null;
  const m = DURATION.exec(s);
  if (!m) return null;
  let ms = 0;
  DURATION_UNITS_MS.forEach(([, unitMs], i) => {
    const part = m[i + 1];
    if (part !== undefined) ms += Number(part) * unitMs;
  });
  return ms;
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  '"': '"',
  "'": "'",
};

/**
 * Prometheus's strutil.Unquote: "…" and '…' with Go escapes, `…` raw. Returns null for a malformed
 * literal (unterminated, bad escape, the other quote unescaped is fine).
 */
export function unquoteString(literal: string): string | null {
  const quote = literal[0];
  if (literal.length < 2 || literal[literal.length - 1] !== quote) return null;
  const body = literal.slice(1, -1);
  if (quote === '`') return body.includes('`') ? null : body;
  if (quote !== '"' && quote !== "'") return null;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (c === quote || c === '\n') return null;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[i + 1];
    if (e === undefined) return null;
    const simple = SIMPLE_ESCAPES[e];
    if (simple !== undefined) {
      if ((e === '"' || e === "'") && e !== quote) return null;
      out += simple;
      i += 1;
      continue;
    }
    const hexLen = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
    if (hexLen > 0) {
      const hex = body.slice(i + 2, i + 2 + hexLen);
      if (!new RegExp(`^[0-9a-fA-F]{${hexLen}}$`).test(hex)) return null;
      const code = parseInt(hex, 16);
      if (e === 'x') out += String.fromCharCode(code);
      else if (code > 0x10ffff) return null;
      else out += String.fromCodePoint(code);
      i += 1 + hexLen;
      continue;
    }
    const octal = body.slice(i + 1, i + 4);
    if (/^[0-7]{3}$/.test(octal)) {
      const code = parseInt(octal, 8);
      if (code > 255) return null;
      out += String.fromCharCode(code);
      i += 3;
      continue;
    }
    return null;
  }
  return out;
}
