import type { Span, SpanKind } from './trace';
import { agree, plural, pushTallies, WarningTally } from './traceWarnings';

/** 3000-01-01T00:00:00Z in µs. A start past it was almost surely sent in ns where µs were expected. */
export const YEAR_3000_US = Date.UTC(3000, 0, 1) * 1000;

/** A value longer than this is said so in the header: the view shows only its start until asked (1 MB values exist). */
export const LONG_VALUE_CHARS = 100_000;

/**
 * Whether an attribute map (untrusted: maybe not an object) has a key or string value over LONG_VALUE_CHARS.
 * Keys and values are read as two arrays, not by for…in: this runs for every span of a trace that has only just
 * arrived, in code not yet optimized, where a for…in over objects of many shapes cost most of the pass.
 */
function hasLongValue(attrs: unknown): boolean {
  if (typeof attrs !== 'object' || attrs === null) return false;
  const keys = Object.keys(attrs);
  for (let i = 0; i < keys.length; i++) if (keys[i]!.length > LONG_VALUE_CHARS) return true;
  const values = Object.values(attrs);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === 'string' && v.length > LONG_VALUE_CHARS) return true;
  }
  return false;
}

function eventsHaveLongValue(events: unknown[]): boolean {
  for (let i = 0; i < events.length; i++) if (hasLongValue((events[i] as { attributes?: unknown } | null)?.attributes)) return true;
  return false;
}

const KINDS: ReadonlySet<string> = new Set<SpanKind>(['server', 'client', 'producer', 'consumer', 'internal', 'unspecified']);
const STATUSES: ReadonlySet<string> = new Set(['ok', 'error', 'unset']);

export interface NormalizedSpans {
  /** Same length and order as the input; an entry is the input object itself unless a field had to be fixed. */
  spans: Span[];
  /** 1 where the span had no start time: its `startUs` is only a placeholder, and the tree puts it at its parent's start. */
  startMissing: Uint8Array;
  warnings: string[];
}

/**
 * Makes every span safe for the tree algorithms without touching the input: missing fields get defaults,
 * ns timestamps become µs, negative durations become 0. Each kind of fix becomes one warning, and so do values too
 * long to show in full (only warned of: the span keeps them).
 * Adapters build `Span`s from untrusted JSON, so the declared types are not trusted here.
 */
export function normalizeSpans(input: readonly Span[], traceId: string): NormalizedSpans {
  const missingId = new WarningTally((n) => `${plural(n, 'span')} had no span ID and got a placeholder`);
  const missingName = new WarningTally((n) => `${plural(n, 'span')} had no name`);
  const missingService = new WarningTally((n) => `${plural(n, 'span')} had no service`);
  const missingStart = new WarningTally((n) => `${plural(n, 'span')} had no start time and ${agree(n, 'was', 'were')} placed at ${agree(n, 'its', 'their')} parent's start (or the trace start)`);
  const missingDuration = new WarningTally((n) => `${plural(n, 'span')} had no duration and ${agree(n, 'was', 'were')} given 0`);
  const nanoseconds = new WarningTally((n) => `${plural(n, 'span')} had timestamps in ns where µs were expected (start after year 3000) and ${agree(n, 'was', 'were')} divided by 1000`);
  const negative = new WarningTally((n) => `${plural(n, 'span')} had a negative duration, clamped to 0`);
  const longValues = new WarningTally(
    (n) => `${plural(n, 'span')} had an attribute or event value over 100,000 characters; the span detail shows the start of each, with "show all"`,
  );

  // The trace start stands in for a missing start, so a span without one sits at the left edge, not at 1970.
  let fallbackStart = Infinity;
  for (const s of input) {
    const start = (s as Partial<Span>).startUs;
    if (typeof start === 'number' && Number.isFinite(start)) {
      fallbackStart = Math.min(fallbackStart, start > YEAR_3000_US ? start / 1000 : start);
    }
  }
  if (!Number.isFinite(fallbackStart)) fallbackStart = 0;

  const spans = new Array<Span>(input.length);
  const startMissing = new Uint8Array(input.length);
  for (let i = 0; i < input.length; i++) {
    const raw = input[i] as Partial<Span> | undefined;
    const src: Partial<Span> = raw ?? {};
    // Created only for a span that needs a repair: most spans need none, and this runs 100,000 times.
    let fixed: Partial<Span> | undefined = raw === undefined ? {} : undefined;

    let spanId = src.spanId;
    if (typeof spanId !== 'string' || spanId === '') {
      spanId = `(missing span ID #${i + 1})`;
      (fixed ??= {}).spanId = spanId;
    }
    const name = typeof src.name === 'string' && src.name !== '' ? src.name : src.name === undefined || src.name === null || src.name === '' ? '(no name)' : String(src.name);
    // Warnings name the span as { name, spanId }: built only for a span that has one (most have none).
    if (name !== src.name) {
      (fixed ??= {}).name = name;
      if (typeof src.name !== 'string' || src.name === '') missingName.add({ name, spanId });
    }
    if (spanId !== src.spanId) missingId.add({ name, spanId });
    if (typeof src.service !== 'string' || src.service === '') {
      (fixed ??= {}).service = 'unknown service';
      missingService.add({ name, spanId });
    }

    let start = src.startUs;
    let duration = src.durationUs;
    if (typeof start !== 'number' || !Number.isFinite(start)) {
      start = fallbackStart;
      startMissing[i] = 1;
      missingStart.add({ name, spanId });
    } else if (start > YEAR_3000_US) {
      start /= 1000;
      if (typeof duration === 'number') duration /= 1000;
      nanoseconds.add({ name, spanId });
    }
    if (typeof duration !== 'number' || Number.isNaN(duration)) {
      duration = 0;
      missingDuration.add({ name, spanId });
    } else if (duration < 0) {
      negative.add({ name, spanId }, `(${duration} µs)`);
      duration = 0;
    } else if (!Number.isFinite(duration)) {
      // +Infinity would stretch the axis to nothing; treat it like a missing duration.
      duration = 0;
      missingDuration.add({ name, spanId });
    }
    if (start !== src.startUs) (fixed ??= {}).startUs = start;
    if (duration !== src.durationUs) (fixed ??= {}).durationUs = duration;

    // Collections and enums default quietly: an absent attribute map says nothing worth a warning.
    if (typeof src.traceId !== 'string') (fixed ??= {}).traceId = traceId;
    if (typeof src.kind !== 'string' || !KINDS.has(src.kind)) (fixed ??= {}).kind = 'unspecified';
    if (typeof src.status !== 'string' || !STATUSES.has(src.status)) (fixed ??= {}).status = 'unset';
    if (typeof src.attributes !== 'object' || src.attributes === null) (fixed ??= {}).attributes = {};
    if (typeof src.resource !== 'object' || src.resource === null) (fixed ??= {}).resource = {};
    if (!Array.isArray(src.events)) (fixed ??= {}).events = [];
    if (!Array.isArray(src.links)) (fixed ??= {}).links = [];

    if (name.length > LONG_VALUE_CHARS || hasLongValue(src.attributes) || (Array.isArray(src.events) && eventsHaveLongValue(src.events))) {
      longValues.add({ name: name.length > 80 ? `${name.slice(0, 80)}…` : name, spanId });
    }

    spans[i] = fixed === undefined ? (raw as Span) : ({ ...src, ...fixed } as Span);
  }

  const warnings: string[] = [];
  pushTallies(warnings, [missingId, missingName, missingService, missingStart, missingDuration, nanoseconds, negative, longValues]);
  return { spans, startMissing, warnings };
}
