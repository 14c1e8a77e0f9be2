import type { LogLine } from '../../model/logs';
import type { LineBuilder } from '../../model/logsPage';
import { compareNs, isNsString } from '../../model/logsTime';
import type { Labels } from '../../model/series';
import { read } from './client';

/**
 * The entries of a `streams` result (query_range, tail frames) as lines, in the order they came: stream by
 * stream. With `categorize-labels` each entry is `[ns, line, {structuredMetadata?, parsed?}]` and the stream
 * holds only stream labels; without it, `[ns, line]` (reference §2.3, §2.4). `path` names the array for errors.
 */
export function readStreams(result: unknown, path: string, builder: LineBuilder): LogLine[] {
  const streams = read.asArray(result, path);
  const lines: LogLine[] = [];
  for (let i = 0; i < streams.length; i++) {
    const at = `${path}[${i}]`;
    const entry = read.asRecord(streams[i], at);
    const labels = read.asLabels(entry.stream, `${at}.stream`);
    const values = read.asArray(entry.values, `${at}.values`);
    for (let j = 0; j < values.length; j++) {
      const tuple = values[j];
      const vat = `${at}.values[${j}]`;
      if (!Array.isArray(tuple) || tuple.length < 2) throw read.shapeError(vat, 'a ["<ns>", "<line>"] pair', tuple);
      const ns = read.asString(tuple[0], `${vat}[0]`);
      if (!isNsString(ns)) throw read.shapeError(`${vat}[0]`, 'a nanosecond timestamp in a string', ns);
      const text = read.asString(tuple[1], `${vat}[1]`);
      const metadata = tuple.length > 2 ? readMetadata(tuple[2], `${vat}[2]`) : undefined;
      lines.push(builder.build(labels, ns, text, metadata));
    }
  }
  return lines;
}

/** Structured metadata and parsed labels of one entry, as one label set (metadata first); undefined when empty. */
function readMetadata(raw: unknown, path: string): Labels | undefined {
  const record = read.asRecord(raw, path);
  const structured = record.structuredMetadata === undefined ? undefined : read.asLabels(record.structuredMetadata, `${path}.structuredMetadata`);
  const parsed = record.parsed === undefined ? undefined : read.asLabels(record.parsed, `${path}.parsed`);
  if (!parsed) return structured && Object.keys(structured).length > 0 ? structured : undefined;
  if (!structured) return Object.keys(parsed).length > 0 ? parsed : undefined;
  return { ...structured, ...parsed };
}

/**
 * Lines of several streams in one time order: newest first for `backward`. Ties keep the order they came in
 * (the sort is stable), so a stream's same-nanosecond lines stay in Loki's order and keep their keys.
 */
export function sortLines(lines: LogLine[], direction: 'forward' | 'backward'): LogLine[] {
  const sign = direction === 'backward' ? -1 : 1;
  return lines.sort((a, b) => sign * compareNs(a.timeNs, b.timeNs));
}
