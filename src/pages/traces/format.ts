import type { AttrValue } from '../../model/trace';

/** A span duration or offset in µs, as a person reads it: `850 µs`, `12.3 ms`, `1.25 s`, `2m 5s`. */
export function formatMicros(us: number): string {
  if (!Number.isFinite(us)) return String(us);
  const sign = us < 0 ? '-' : '';
  const a = Math.abs(us);
  if (a < 1_000) return `${sign}${trim(a, a < 10 ? 2 : a < 100 ? 1 : 0)} µs`;
  if (a < 1_000_000) return `${sign}${trim(a / 1_000, a < 10_000 ? 2 : a < 100_000 ? 1 : 0)} ms`;
  if (a < 60_000_000) return `${sign}${trim(a / 1_000_000, a < 10_000_000 ? 2 : 1)} s`;
  const totalS = Math.round(a / 1_000_000);
  const h = Math.floor(totalS / 3600);
  const m = Math.floor((totalS % 3600) / 60);
  const s = totalS % 60;
  return sign + (h > 0 ? `${h}h ${m}m` : `${m}m ${s}s`);
}

/**
 * A count with thousands separators, `12,345`, as `toLocaleString('en-US')` writes it but without Intl: the
 * first Intl call in a tab loads ICU data (about 80 ms in Chromium), which opening a trace must not wait for.
 */
export function formatCount(n: number): string {
  if (!Number.isSafeInteger(n)) return String(n);
  const digits = String(Math.abs(n));
  let out = '';
  for (let end = digits.length; end > 0; end -= 3) out = digits.slice(Math.max(0, end - 3), end) + (out === '' ? '' : `,${out}`);
  return n < 0 ? `-${out}` : out;
}

function trim(n: number, decimals: number): string {
  return String(Number(n.toFixed(decimals)));
}

/** Tick offsets (µs from the trace's start) at a 1-2-5 step, at most `maxTicks` of them, 0 included. */
export function timeTicks(durationUs: number, maxTicks = 6): number[] {
  if (!(durationUs > 0) || !Number.isFinite(durationUs)) return [0];
  const rough = durationUs / Math.max(1, maxTicks - 1);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const ticks: number[] = [];
  for (let k = 0; k * step <= durationUs * (1 + 1e-9) && ticks.length < maxTicks + 1; k++) ticks.push(k * step);
  return ticks;
}

/** Ticks (µs from the trace's start) inside a zoomed window [fromUs, toUs], on the same 1-2-5 steps. */
export function timeTicksIn(fromUs: number, toUs: number, maxTicks = 6): number[] {
  const span = toUs - fromUs;
  if (fromUs === 0 || !(span > 0) || !Number.isFinite(span)) return timeTicks(span, maxTicks);
  const step = timeTicks(span, maxTicks)[1] ?? span;
  const ticks: number[] = [];
  for (let t = Math.ceil(fromUs / step) * step; t <= toUs * (1 + 1e-9) && ticks.length < maxTicks + 1; t += step) ticks.push(t);
  return ticks;
}

/**
 * An attribute value as plain text: strings as they are, arrays as JSON. Never markup: it is rendered as a
 * React text node, so HTML in a value stays visible characters.
 */
export function attrText(value: AttrValue): string {
  if (typeof value === 'string') return value;
  if (value === null) return 'null';
  if (Array.isArray(value)) return JSON.stringify(value);
  return String(value);
}

/** How much of a long value the detail panel shows before "show all": a 1 MB attribute must not stall a click. */
export const LONG_TEXT_CHARS = 2_000;
