import type { DataSource, LogQueryLanguage, LogsCapability, QueryCtx } from '../../../datasources/types';
import { DataSourceError } from '../../../lib/errors';
import type { LogLine, LogPage } from '../../../model/logs';
import { testLine, testStream } from './lines';

/** A LogQL query the fake rejects the way Loki does, with a position. */
export const FAKE_BAD_QUERY = '{service_name="payments"} | jsn';
export const FAKE_BAD_QUERY_ERROR = 'parse error at line 1, col 29: syntax error: unexpected IDENTIFIER';
export const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';

export interface FakeLogsOptions {
  language?: LogQueryLanguage;
  /** Lines per stream; the newest is at `endMs`, one every second going back. */
  perStream?: number;
  endMs?: number;
  /** The most lines per request, as Loki's max_entries_limit_per_query. */
  serverCap?: number;
  withContext?: boolean;
}

/**
 * A logs datasource for page tests: two streams of canned lines, `|= "text"` honoured (nothing else of
 * LogQL is parsed), paging by a cursor that is the index reached, volume by level, labels, context.
 */
export function createFakeLogs(options: FakeLogsOptions = {}): DataSource & { calls: string[] } {
  const { language = 'logql', perStream = 30, endMs = Date.UTC(2026, 11, 1, 12, 0, 0), serverCap = 1000, withContext = true } = options;
  const calls: string[] = [];
  const payments = testStream({ service_name: 'payments', level: 'error' });
  const gateway = testStream({ service_name: 'api-gateway', level: 'info' });
  const all: LogLine[] = [];
  for (let i = 0; i < perStream; i++) {
    all.push(
      testLine(payments, endMs - i * 1000, JSON.stringify({ level: 'error', msg: 'payment provider timeout after 30000ms', attempt: i, trace_id: TRACE_ID }), {
        level: 'error',
        n: i,
        traceId: TRACE_ID,
        metadata: { trace_id: TRACE_ID },
      }),
    );
    all.push(testLine(gateway, endMs - i * 1000 - 500, `level=info msg="request handled" route=/api/pay status=${i % 5 === 0 ? 502 : 200} <b>bold</b>`, { level: 'info', n: i }));
  }
  all.sort((a, b) => b.timeMs - a.timeMs);
  const matching = (query: string): LogLine[] => {
    const wanted = /service_name="([^"]+)"/.exec(query)?.[1];
    const contains = [...query.matchAll(/\|= "([^"]*)"/g)].map((m) => m[1]!);
    return all.filter((l) => (wanted === undefined || l.stream.labels.service_name === wanted) && contains.every((c) => l.line.includes(c)));
  };
  const logs: LogsCapability = {
    language,
    async queryLogs(query, ctx): Promise<LogPage> {
      calls.push(`queryLogs:${query}:${ctx.cursor ?? ''}`);
      if (query === FAKE_BAD_QUERY) throw new DataSourceError(FAKE_BAD_QUERY_ERROR, { kind: 'query', status: 400 });
      const lines = matching(query);
      const start = ctx.cursor === undefined ? 0 : Number(ctx.cursor);
      const limit = Math.min(ctx.limit, serverCap);
      const page = lines.slice(start, start + limit);
      const next = start + page.length;
      return {
        lines: page,
        warnings: [],
        hasMore: next < lines.length,
        ...(next < lines.length ? { cursor: String(next) } : {}),
        ...(ctx.limit > serverCap ? { serverCap } : {}),
      };
    },
    async volume(query, ctx: QueryCtx) {
      calls.push(`volume:${query}`);
      const step = ctx.stepMs ?? 60_000;
      const byLevel = new Map<string, Map<number, number>>();
      for (const l of matching(query)) {
        const t = Math.floor(l.timeMs / step) * step;
        const m = byLevel.get(l.level) ?? new Map<number, number>();
        m.set(t, (m.get(t) ?? 0) + 1);
        byLevel.set(l.level, m);
      }
      const series = [...byLevel].map(([level, m]) => {
        const times = [...m.keys()].sort((a, b) => a - b);
        return { labels: { level }, times: Float64Array.from(times), values: Float64Array.from(times.map((t) => m.get(t)!)) };
      });
      return { series, warnings: [], stepMs: step };
    },
    async labelNames() {
      calls.push('labelNames');
      return ['level', 'service_name'];
    },
    async labelValues(label) {
      calls.push(`labelValues:${label}`);
      return label === 'service_name' ? ['api-gateway', 'payments'] : ['error', 'info'];
    },
    ...(withContext
      ? {
          async context(line: LogLine, size: { before: number; after: number }) {
            calls.push(`context:${line.key}`);
            const same = all.filter((l) => l.stream === line.stream).sort((a, b) => a.timeMs - b.timeMs);
            const i = same.findIndex((l) => l.key === line.key);
            return { before: same.slice(Math.max(0, i - size.before), i), after: same.slice(i + 1, i + 1 + size.after) };
          },
        }
      : {}),
  };
  return { uid: language === 'lucene' ? 'es' : 'loki', kind: language === 'lucene' ? 'elasticsearch' : 'loki', name: language === 'lucene' ? 'Elasticsearch' : 'Loki', health: async () => ({ ok: true }), logs, calls };
}
