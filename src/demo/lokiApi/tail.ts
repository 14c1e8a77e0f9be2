import { entryNs } from '../logs/entry';
import type { DemoLogSource } from '../logs/logSource';
import { LogqlError, type LogQuery } from '../logql/ast';
import { runLogQuery } from '../logql/evaluate';
import { parseLogql } from '../logql/parse';
import { allLabels, metadataOf, type PipedEntry } from '../logql/pipeline';
import { ParamError, parseLimit, parseTimestamp, value, type Form } from './params';
import { goJsonString, labelsJson } from './responses';

/** Loki's tailer (pkg/querier/tail/tail.go): at most 100 entries per frame, 10 frames buffered, 1000 dropped entries listed. */
export const MAX_ENTRIES_PER_FRAME = 100;
export const MAX_BUFFERED_FRAMES = 10;
export const MAX_DROPPED_LISTED = 1000;
const MAX_DELAY_FOR_S = 5;
/** How often the demo's tail looks for new entries: often enough that a frame never waits long. */
export const TAIL_TICK_MS = 250;

export interface TailRequest {
  query: LogQuery;
  delayMs: number;
  limit: number;
  startUs: number;
  categorized: boolean;
}

/** Where a tail writes: a websocket (node), the page's in-app socket (worker), a test. */
export interface TailSink {
  send(frame: string): void;
  /** Ends the tail: 1000 normal, 1011 an error after the upgrade, with Loki's message as the reason. */
  close(code: number, reason: string): void;
}

/** Loki's ParseTailQuery, before the upgrade: a failure here is an HTTP 400 with this text. */
export function parseTailRequest(form: Form, nowMs: number, maxEntries: number, categorized: boolean): TailRequest {
  const parsed = parseLogql(value(form, 'query'));
  const limit = parseLimit(form);
  if (limit > maxEntries) throw new ParamError(`max entries limit per query exceeded, limit > max_entries_limit_per_query (${limit} > ${maxEntries})`);
  const startNs = parseTimestamp(value(form, 'start'), BigInt(Math.floor(nowMs - 3_600_000)) * 1_000_000n);
  const delayRaw = value(form, 'delay_for');
  let delayS = 0;
  if (delayRaw !== '') {
    if (!/^[+-]?\d+$/.test(delayRaw)) throw new ParamError(`strconv.Atoi: parsing ${JSON.stringify(delayRaw)}: invalid syntax`);
    delayS = Number(delayRaw);
  }
  if (delayS > MAX_DELAY_FOR_S) throw new ParamError(`delay_for can't be greater than ${MAX_DELAY_FOR_S}`);
  if (parsed.kind !== 'log') throw new LogqlError('tail queries must be log queries: metric queries cannot be tailed');
  return { query: parsed, delayMs: Math.max(0, delayS) * 1000, limit, startUs: Number(startNs / 1000n), categorized };
}

function entryJson(p: PipedEntry, categorized: boolean): string {
  const head = `"${entryNs(p.entry)}",${goJsonString(p.line)}`;
  if (!categorized) return `[${head}]`;
  const parts: string[] = [];
  const meta = metadataOf(p.entry);
  if (meta !== undefined) parts.push(`"structuredMetadata":${labelsJson(meta)}`);
  if (p.parsed !== undefined) parts.push(`"parsed":${labelsJson(Object.fromEntries(p.parsed))}`);
  return `[${head},{${parts.join(',')}}]`;
}

/** One tail frame: each entry its own stream element, as Loki's tailer sends them. */
export function tailFrame(entries: readonly PipedEntry[], dropped: readonly PipedEntry[], categorized: boolean): string {
  const streams = entries.map((p) => `{"stream":${labelsJson(categorized ? p.entry.stream.labels : allLabels(p))},"values":[${entryJson(p, categorized)}]}`);
  let out = `{"streams":[${streams.join(',')}]`;
  if (dropped.length > 0) {
    const listed = dropped.slice(0, MAX_DROPPED_LISTED).map((p) => `{"timestamp":"${entryNs(p.entry)}","labels":${labelsJson(allLabels(p))}}`);
    out += `,"dropped_entries":[${listed.join(',')}]`;
  }
  if (categorized) out += ',"encodingFlags":["categorize-labels"]';
  return `${out}}`;
}

/**
 * Runs a tail: first the newest `limit` entries since `start` (oldest first), then, every tick, the entries
 * that became older than `delay_for` since the last tick, in frames of at most 100. More than 10 frames in
 * one tick is more than Loki's tailer buffers: the rest is dropped and listed in the next frame's
 * `dropped_entries`, so a 100,000-line burst shows what a real tail would lose. Returns the stop function.
 */
export function startTail(source: DemoLogSource, req: TailRequest, now: () => number, sink: TailSink, tickMs = TAIL_TICK_MS): () => void {
  let stopped = false;
  let cursorUs = Math.floor((now() - req.delayMs) * 1000);
  let pendingDropped: PipedEntry[] = [];

  const sendFrames = (entries: PipedEntry[]): void => {
    for (let i = 0; i < entries.length && !stopped; i += MAX_ENTRIES_PER_FRAME) {
      const frame = entries.slice(i, i + MAX_ENTRIES_PER_FRAME);
      sink.send(tailFrame(frame, pendingDropped, req.categorized));
      pendingDropped = [];
    }
  };

  // The history goes out on the next task, never inside this call: the caller reports the upgrade first.
  const first = setTimeout(() => {
    const historic: PipedEntry[] = [];
    for (const p of runLogQuery(source, req.query, req.startUs, cursorUs, 'backward')) {
      historic.push(p);
      if (historic.length >= req.limit) break;
    }
    historic.reverse();
    sendFrames(historic);
  }, 0);

  const tick = (): void => {
    if (stopped) return;
    const untilUs = Math.floor((now() - req.delayMs) * 1000);
    if (untilUs <= cursorUs) return;
    const fresh = [...runLogQuery(source, req.query, cursorUs, untilUs, 'forward')];
    cursorUs = untilUs;
    const room = MAX_ENTRIES_PER_FRAME * MAX_BUFFERED_FRAMES;
    // Past what Loki's tailer buffers the rest is dropped; the drops ride on the next frame sent.
    if (fresh.length > room) pendingDropped = pendingDropped.concat(fresh.slice(room)).slice(0, MAX_DROPPED_LISTED);
    sendFrames(fresh.slice(0, room));
  };
  const timer = setInterval(tick, tickMs);
  return () => {
    if (stopped) return;
    stopped = true;
    clearTimeout(first);
    clearInterval(timer);
  };
}
