/**
 * Prometheus's JSON encodings (util/jsonutil/marshal.go), built as text because JSON.stringify cannot
 * write `1435781451.050` or keep Go's float spelling.
 */

/**
 * A sample value as Go's strconv.FormatFloat(v, 'f' or 'e', -1, 64): the shortest digits that
 * round-trip, fixed notation for 1e-6 <= |v| < 1e21, else exponent form with at least two exponent
 * digits (`1e-07`, `1.5e+21`); specials are `NaN`, `+Inf`, `-Inf`.
 */
export function formatGoFloat(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  if (v === 0) return Object.is(v, -0) ? '-0' : '0';
  const sign = v < 0 ? '-' : '';
  const [mantissa = '', exponentText = '0'] = Math.abs(v).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const exponent = Number(exponentText);
  const abs = Math.abs(v);
  if (abs < 1e-6 || abs >= 1e21) {
    const expAbs = String(Math.abs(exponent)).padStart(2, '0');
    const frac = digits.length > 1 ? `.${digits.slice(1)}` : '';
    return `${sign}${digits[0] ?? ''}${frac}e${exponent < 0 ? '-' : '+'}${expAbs}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  if (digits.length <= exponent + 1) return `${sign}${digits}${'0'.repeat(exponent + 1 - digits.length)}`;
  return `${sign}${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
}

/** A timestamp from integer ms as seconds: `1435781451`, or exactly three decimals `1435781451.050`. */
export function formatTimestamp(ms: number): string {
  const negative = ms < 0;
  const t = Math.abs(Math.trunc(ms));
  const seconds = Math.floor(t / 1000);
  const fraction = t % 1000;
  const body = fraction === 0 ? String(seconds) : `${seconds}.${String(fraction).padStart(3, '0')}`;
  return negative ? `-${body}` : body;
}

/** A JSON string as Go's encoder writes it (HTML-safe: <, >, & and U+2028/9 escaped). */
export function jsonString(s: string): string {
  // Go's encoding/json writes <, >, &, U+2028/9 as \u escapes, and \b, \f as \u0008, \u000c where
  // JSON.stringify writes the short forms. An escaped backslash is matched first so `\\b` stays as it is.
  return JSON.stringify(s).replace(/\\\\|\\b|\\f|[<>&\u2028\u2029]/g, (m) => {
    if (m === '\\\\') return m;
    if (m === '\\b') return '\\u0008';
    if (m === '\\f') return '\\u000c';
    return `\\u${m.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** A label set as a JSON object with names in sorted order, as Go marshals labels.Labels. */
export function labelsJson(labels: Readonly<Record<string, string>>): string {
  const names = Object.keys(labels).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${names.map((n) => `${jsonString(n)}:${jsonString(labels[n] as string)}`).join(',')}}`;
}

/** `[ts,"value"]`, the sample pair of vector, matrix and scalar results. */
export function samplePairJson(ms: number, value: number): string {
  return `[${formatTimestamp(ms)},"${formatGoFloat(value)}"]`;
}
