/**
 * Tag filters as typed in the search form, logfmt-like: `http.status_code=500 error=true`, with double
 * quotes around a value that holds spaces (`http.route="/cart items"`, `\"` and `\\` inside). Keys are the
 * backend's attribute names, unscoped (Jaeger and Zipkin tag keys, Tempo's bare attribute names).
 */
export type TagFilters = Record<string, string>;

/** The filters, in the order typed (a key given twice keeps its last value), or an Error naming the place. */
export function parseTagFilters(text: string): TagFilters | Error {
  const tags: TagFilters = {};
  let i = 0;
  const n = text.length;
  const skipSpace = () => {
    while (i < n && /\s/.test(text[i]!)) i++;
  };
  skipSpace();
  while (i < n) {
    const keyStart = i;
    while (i < n && text[i] !== '=' && !/\s/.test(text[i]!)) i++;
    const key = text.slice(keyStart, i);
    if (text[i] !== '=') return new Error(`Tag "${key.slice(0, 40)}" has no value: write key=value, e.g. http.status_code=500`);
    if (key === '') return new Error(`A tag at character ${keyStart + 1} has no key: write key=value`);
    if (key.includes('"')) return new Error(`Tag key ${key.slice(0, 40)} holds a quote`);
    i++; // '='
    let value = '';
    if (text[i] === '"') {
      i++;
      let closed = false;
      while (i < n) {
        const ch = text[i]!;
        if (ch === '\\' && i + 1 < n) {
          value += text[i + 1];
          i += 2;
          continue;
        }
        if (ch === '"') {
          closed = true;
          i++;
          break;
        }
        value += ch;
        i++;
      }
      if (!closed) return new Error(`The value of tag "${key.slice(0, 40)}" has no closing quote`);
      if (i < n && !/\s/.test(text[i]!)) return new Error(`Put a space after the quoted value of tag "${key.slice(0, 40)}"`);
    } else {
      const valueStart = i;
      while (i < n && !/\s/.test(text[i]!)) i++;
      value = text.slice(valueStart, i);
      if (value.includes('"')) return new Error(`The value of tag "${key.slice(0, 40)}" holds a quote: quote the whole value, key="…"`);
    }
    tags[key] = value;
    skipSpace();
  }
  return tags;
}
