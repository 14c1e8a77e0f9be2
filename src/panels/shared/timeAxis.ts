/** Nice tick spacings for a time axis, smallest first. */
const STEPS_MS = [
  1000, 5000, 10_000, 15_000, 30_000, 60_000, 2 * 60_000, 5 * 60_000, 10 * 60_000, 15 * 60_000, 30 * 60_000,
  3_600_000, 2 * 3_600_000, 3 * 3_600_000, 6 * 3_600_000, 12 * 3_600_000, 86_400_000, 2 * 86_400_000, 7 * 86_400_000,
];

const DAY_MS = 86_400_000;

/** The viewer's local calendar day holding `t`, as fields a Date can be built from again. */
interface LocalDay {
  year: number;
  month: number;
  day: number;
}

const localDayOf = (t: number): LocalDay => {
  const d = new Date(t);
  return { year: d.getFullYear(), month: d.getMonth(), day: d.getDate() };
};

/** The instant a local clock reads `clockMs` past midnight on `day` (on a 23 h day, 03:00 is 2 h in). */
const atLocalClock = (day: LocalDay, clockMs: number): number => new Date(day.year, day.month, day.day, 0, 0, 0, clockMs).getTime();

const nextDay = (day: LocalDay, days = 1): LocalDay => localDayOf(new Date(day.year, day.month, day.day + days, 12).getTime());

/** Days since 1970-01-01 of a local date, the same on either side of a DST change. */
const dayNumber = (day: LocalDay): number => Math.round(Date.UTC(day.year, day.month, day.day) / DAY_MS);

/**
 * Tick times for [from, to] at about `maxTicks` ticks, on round local-clock boundaries (every 15 min,
 * every 6 h, every midnight...), so the labels read like a clock. Ticks are laid out per local day,
 * from that day's own midnight: across a DST change the zone's offset changes, and a tick grid built
 * from one offset would read 01:00, 07:00 ... for the rest of a 7-day range.
 */
export function timeTicks(from: number, to: number, maxTicks: number): number[] {
  if (!(to > from) || !(maxTicks >= 1) || !Number.isFinite(from) || !Number.isFinite(to)) return [];
  const span = to - from;
  const step = STEPS_MS.find((s) => span / s <= maxTicks) ?? Math.ceil(span / maxTicks / DAY_MS) * DAY_MS;
  return step >= DAY_MS ? midnightTicks(from, to, step / DAY_MS) : clockTicks(from, to, step);
}

/** Local midnights in [from, to] whose day number is a multiple of `everyDays`. */
function midnightTicks(from: number, to: number, everyDays: number): number[] {
  let day = localDayOf(from);
  if (atLocalClock(day, 0) < from) day = nextDay(day);
  const offBy = ((dayNumber(day) % everyDays) + everyDays) % everyDays;
  if (offBy > 0) day = nextDay(day, everyDays - offBy);
  const ticks: number[] = [];
  for (let t = atLocalClock(day, 0); t <= to; t = atLocalClock(day, 0)) {
    ticks.push(t);
    day = nextDay(day, everyDays);
  }
  return ticks;
}

/**
 * Times in [from, to] at which the local clock reads a multiple of `stepMs` past midnight. A clock time
 * the DST change skips resolves to the next one that exists and is not repeated; one it repeats is
 * ticked once.
 */
function clockTicks(from: number, to: number, stepMs: number): number[] {
  const ticks: number[] = [];
  const start = new Date(from);
  const clockOfFrom = ((start.getHours() * 60 + start.getMinutes()) * 60 + start.getSeconds()) * 1000 + start.getMilliseconds();
  let k = Math.floor(clockOfFrom / stepMs);
  for (let day = localDayOf(from); atLocalClock(day, 0) <= to; day = nextDay(day), k = 0) {
    for (; k * stepMs < DAY_MS; k++) {
      const t = atLocalClock(day, k * stepMs);
      if (t > to) return ticks;
      if (t >= from && (ticks.length === 0 || t > ticks[ticks.length - 1]!)) ticks.push(t);
    }
  }
  return ticks;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Short tick label: seconds only for short spans, the date only for spans over a day. */
export function formatTick(t: number, spanMs: number): string {
  const d = new Date(t);
  const hm = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  if (spanMs <= 10 * 60_000) return `${hm}:${pad(d.getSeconds())}`;
  if (spanMs > 86_400_000 * 1.5) return `${pad(d.getMonth() + 1)}/${pad(d.getDate())} ${hm}`;
  return hm;
}

/** Full time for tooltips. */
export function formatTooltipTime(t: number): string {
  const d = new Date(t);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}
