import type { Labels } from '../../model/series';

/** Prometheus's reserved label that carries the metric name. */
export const METRIC_NAME = '__name__';
/** The classic-histogram bucket bound label. */
export const BUCKET_LABEL = 'le';

/** Label names in Prometheus order (bytewise ascending). */
export function sortedNames(labels: Labels): string[] {
  return Object.keys(labels).sort(compareStrings);
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Prometheus's labels.Compare: walk both sorted label lists pairwise, comparing names then values;
 * a strict prefix sorts first. Range-query matrices are sorted with it.
 */
export function compareLabels(a: Labels, b: Labels): number {
  return compareNamed(a, sortedNames(a), b, sortedNames(b));
}

/**
 * `items` in compareLabels order, each label set's names sorted once rather than at every comparison (a
 * fleet-wide selector sorts thousands of series, and sorting the names was most of the sort's time).
 */
export function sortByLabels<T>(items: readonly T[], labelsOf: (item: T) => Labels): T[] {
  const keyed = items.map((item) => {
    const labels = labelsOf(item);
    return { item, labels, names: sortedNames(labels) };
  });
  keyed.sort((x, y) => compareNamed(x.labels, x.names, y.labels, y.names));
  return keyed.map((k) => k.item);
}

function compareNamed(a: Labels, an: readonly string[], b: Labels, bn: readonly string[]): number {
  const n = Math.min(an.length, bn.length);
  for (let i = 0; i < n; i++) {
    const x = an[i] as string;
    const y = bn[i] as string;
    if (x !== y) return compareStrings(x, y);
    const xv = a[x] as string;
    const yv = b[y] as string;
    if (xv !== yv) return compareStrings(xv, yv);
  }
  return an.length - bn.length;
}

/**
 * A canonical identity for a label set. The separator cannot occur in valid UTF-8 text, so two
 * different label sets never share a key (Prometheus hashes the same way with 0xff).
 */
export function labelsKey(labels: Labels): string {
  let key = '';
  for (const name of sortedNames(labels)) key += `${name}\xff${labels[name] as string}\xff`;
  return key;
}

/** Labels without `__name__`, as arithmetic and most functions return them. */
export function dropMetricName(labels: Labels): Labels {
  if (!(METRIC_NAME in labels)) return labels;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(labels)) if (k !== METRIC_NAME) out[k] = v;
  return out;
}

export function keepLabels(labels: Labels, names: readonly string[]): Labels {
  const out: Record<string, string> = {};
  for (const name of names) {
    const v = labels[name];
    if (v !== undefined && v !== '') out[name] = v;
  }
  return out;
}

export function removeLabels(labels: Labels, names: readonly string[]): Labels {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(labels)) if (!names.includes(k)) out[k] = v;
  return out;
}

/** Go's strconv.Quote for the ASCII-printable common case, which is what label values are. */
function goQuote(s: string): string {
  return JSON.stringify(s).replace(/\\u00([0-9a-f]{2})/g, '\\x$1');
}

/** Go's labels.String(): `{a="1", b="2"}`, used verbatim inside Prometheus error messages. */
export function formatLabelsGo(labels: Labels): string {
  return `{${sortedNames(labels)
    .map((n) => `${n}=${goQuote(labels[n] as string)}`)
    .join(', ')}}`;
}
