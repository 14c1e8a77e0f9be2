// Nanosecond timestamps as decimal strings. A double holds integers exactly only up to 2^53 (about 9e15), and
// epoch nanoseconds are about 1.7e18, so a line's time stays a string; the ms copy is for layout and sorting.
// These helpers avoid BigInt on the hot path (100,000 lines): digits are sliced, lengths compared.

const DIGITS = /^\d+$/;

/** Whether `ns` is a non-negative integer in decimal, as Loki sends it. */
export function isNsString(ns: string): boolean {
  return DIGITS.test(ns);
}

/** Strips leading zeros so string comparison works; `"0"` stays. */
function canonical(ns: string): string {
  let i = 0;
  while (i < ns.length - 1 && ns.charCodeAt(i) === 48) i++;
  return i === 0 ? ns : ns.slice(i);
}

/** Epoch ms, the floor of ns / 1e6, exact for any date a double's ms can hold. */
export function nsToMs(ns: string): number {
  const s = canonical(ns);
  return s.length <= 6 ? 0 : Number(s.slice(0, -6));
}

/** Epoch ms (fractions keep up to ns precision) as a ns string. */
export function msToNs(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`msToNs: ${ms} is not a non-negative finite time`);
  const whole = Math.floor(ms);
  const frac = Math.round((ms - whole) * 1e6);
  return (BigInt(whole) * 1_000_000n + BigInt(frac)).toString();
}

/** Orders two ns strings numerically: negative when a < b. */
export function compareNs(a: string, b: string): number {
  const x = canonical(a);
  const y = canonical(b);
  if (x.length !== y.length) return x.length - y.length;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** ns + delta (delta may be negative), exactly; never below 0. */
export function addNs(ns: string, delta: number): string {
  const sum = BigInt(ns) + BigInt(delta);
  return (sum < 0n ? 0n : sum).toString();
}

/**
 * A ns time as a Loki time parameter that Loki reads back exactly. Loki reads an integer of at most 10 digits
 * as *seconds* and a longer one as nanoseconds (reference §2.1), so a small ns value such as `"5000000"`
 * (5 ms after the epoch) would be read as 5,000,000 seconds. Those are sent as RFC3339Nano instead, which
 * Loki parses to the nanosecond; every other value goes as the ns integer.
 */
export function lokiTimeParam(ns: string): string {
  const s = canonical(ns);
  if (s.length > 10) return s;
  const value = BigInt(s);
  const seconds = value / 1_000_000_000n;
  const nanos = (value % 1_000_000_000n).toString().padStart(9, '0');
  const iso = new Date(Number(seconds) * 1000).toISOString().slice(0, 19);
  return `${iso}.${nanos}Z`;
}
