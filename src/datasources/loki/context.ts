import type { LogLine } from '../../model/logs';
import { nsToMs } from '../../model/logsTime';
import type { Labels } from '../../model/series';
import type { createLogQuery } from './logs';

const LABEL_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `{a="1", b="x\"y"}`: the stream's own selector. LogQL strings take Go escapes, which JSON's are a subset of. */
export function streamSelector(labels: Labels): string {
  const pairs = Object.keys(labels)
    .filter((name) => LABEL_NAME.test(name))
    .sort()
    .map((name) => `${name}=${JSON.stringify(labels[name])}`);
  return `{${pairs.join(', ')}}`;
}

/** How far around the line context looks: Loki needs a bounded range, and `grep -C` is about neighbours. */
const WINDOW_MS = 6 * 3_600_000;

/**
 * The lines just before and after `line` in its own stream (`grep -C`): the stream's selector, no pipeline,
 * asked backward from the line and forward from it. Lines at the line's own nanosecond are "after" (except
 * the line itself, found by its text), since Loki orders them by content, not by arrival.
 */
export async function lineContext(
  queryLogs: ReturnType<typeof createLogQuery>,
  line: LogLine,
  ctx: { before: number; after: number; signal: AbortSignal },
): Promise<{ before: LogLine[]; after: LogLine[] }> {
  const selector = streamSelector(line.stream.labels);
  const atMs = nsToMs(line.timeNs);
  const wantBefore = Math.max(0, Math.floor(ctx.before));
  const wantAfter = Math.max(0, Math.floor(ctx.after));
  const [before, after] = await Promise.all([
    wantBefore === 0
      ? Promise.resolve([])
      : queryLogs(selector, { range: { from: Math.max(0, atMs - WINDOW_MS), to: atMs }, limit: wantBefore, direction: 'backward', signal: ctx.signal, endNs: line.timeNs }).then((p) => p.lines.reverse()),
    wantAfter === 0
      ? Promise.resolve([])
      : queryLogs(selector, { range: { from: atMs, to: atMs + WINDOW_MS }, limit: wantAfter + 1, direction: 'forward', signal: ctx.signal, startNs: line.timeNs }).then((p) => {
          const own = p.lines.findIndex((l) => l.timeNs === line.timeNs && l.line === line.line);
          const rest = own === -1 ? p.lines : [...p.lines.slice(0, own), ...p.lines.slice(own + 1)];
          return rest.slice(0, wantAfter);
        }),
  ]);
  return { before, after };
}
