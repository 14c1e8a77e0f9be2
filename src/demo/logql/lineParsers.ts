/**
 * Loki's `| json` and `| logfmt` label extraction over one line, into `out` (name → value), as Loki names them:
 * nested JSON keys joined with `_` (`req_method`), every character outside `[a-zA-Z0-9_]` replaced by `_`, a
 * leading digit prefixed with `_`; arrays are skipped. Returns false when the line is not of the format
 * (Loki then sets `__error__`).
 */

export function sanitizeLabelKey(key: string): string {
  let out = key.replace(/[^a-zA-Z0-9_]/g, '_');
  if (/^[0-9]/.test(out)) out = `_${out}`;
  return out;
}

export function extractJson(line: string, out: Map<string, string>): boolean {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return false;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  // Iterative, so a deeply nested line cannot overflow the stack.
  const stack: Array<[string, Record<string, unknown>]> = [['', value as Record<string, unknown>]];
  while (stack.length > 0) {
    const [prefix, obj] = stack.pop() as [string, Record<string, unknown>];
    for (const [k, v] of Object.entries(obj)) {
      const name = prefix === '' ? sanitizeLabelKey(k) : `${prefix}_${sanitizeLabelKey(k)}`;
      if (v === null) out.set(name, '');
      else if (Array.isArray(v)) continue;
      else if (typeof v === 'object') stack.push([name, v as Record<string, unknown>]);
      else out.set(name, String(v));
    }
  }
  return true;
}

/** go-logfmt's decoder: `key=value`, `key="quoted \"value\""`, a bare `key` (empty value). */
export function extractLogfmt(line: string, out: Map<string, string>): boolean {
  let i = 0;
  const n = line.length;
  while (i < n) {
    while (i < n && line[i] === ' ') i++;
    if (i >= n) break;
    const keyStart = i;
    while (i < n && line[i] !== '=' && line[i] !== ' ' && line[i] !== '"') i++;
    const key = line.slice(keyStart, i);
    if (key === '') return false;
    if (line[i] !== '=') {
      out.set(sanitizeLabelKey(key), '');
      continue;
    }
    i++;
    let value = '';
    if (line[i] === '"') {
      i++;
      let closed = false;
      while (i < n) {
        const c = line[i] as string;
        if (c === '\\' && i + 1 < n) {
          const e = line[i + 1] as string;
          value += e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e;
          i += 2;
          continue;
        }
        if (c === '"') {
          closed = true;
          i++;
          break;
        }
        value += c;
        i++;
      }
      if (!closed) return false;
    } else {
      const start = i;
      while (i < n && line[i] !== ' ') i++;
      value = line.slice(start, i);
    }
    out.set(sanitizeLabelKey(key), value);
  }
  return true;
}
