import { describe, expect, it } from 'vitest';
import { LogqlError } from './ast';
import { parseLogql } from './parse';

function errorOf(query: string): string {
  try {
    parseLogql(query);
  } catch (e) {
    if (e instanceof LogqlError) return e.message;
    throw e;
  }
  throw new Error(`${query} parsed`);
}

describe('parseLogql', () => {
  it('reads a log query: selector, line filters with or, parsers, label filters, line_format, in order', () => {
    const q = parseLogql('{service_name="payments", level=~"err.*"} |= "timeout" or "refused" != "debug" |~ "after [0-9]+ms" | json | res_statusCode >= 500 and msg!="x" | line_format "{{.msg}} ({{ .service }})"');
    expect(q.kind).toBe('log');
    if (q.kind !== 'log') return;
    expect(q.matchers).toEqual([
      { name: 'service_name', type: '=', value: 'payments' },
      { name: 'level', type: '=~', value: 'err.*' },
    ]);
    expect(q.stages.map((s) => s.kind)).toEqual(['line', 'line', 'line', 'json', 'labelFilter', 'lineFormat']);
    expect(q.stages[0]).toMatchObject({ op: '|=', values: ['timeout', 'refused'] });
    expect(q.stages[4]).toMatchObject({ predicate: { kind: 'and', left: { kind: 'number', name: 'res_statusCode', op: '>=', value: 500 }, right: { kind: 'string' } } });
    expect(q.stages[5]).toEqual({ kind: 'lineFormat', parts: [{ label: 'msg' }, { text: ' (' }, { label: 'service' }, { text: ')' }] });
  });

  it('reads metric queries: range functions with offset, sum by before or after', () => {
    const a = parseLogql('sum by (level) (count_over_time({service_name="payments"} |= "x" [5m]))');
    const b = parseLogql('sum(rate({service_name="payments"}[1m] offset 2m)) by (level)');
    expect(a).toMatchObject({ kind: 'vector', op: 'sum', grouping: { without: false, labels: ['level'] }, inner: { kind: 'range', fn: 'count_over_time', rangeMs: 300_000 } });
    expect(b).toMatchObject({ kind: 'vector', op: 'sum', grouping: { labels: ['level'] }, inner: { kind: 'range', fn: 'rate', rangeMs: 60_000, offsetMs: 120_000 } });
    // Several grouping labels: the grammar nests the list, and every one of them counts (the volume query's two).
    expect(parseLogql('sum by (level, detected_level, service_name) (count_over_time({a="b"}[5m]))')).toMatchObject({ grouping: { labels: ['level', 'detected_level', 'service_name'] } });
    expect(parseLogql('bytes_over_time({a="b"} | logfmt [1h])')).toMatchObject({ kind: 'range', fn: 'bytes_over_time', log: { stages: [{ kind: 'logfmt' }] } });
  });

  it("reports syntax errors Loki's way, with line and column", () => {
    expect(errorOf('{service_name="payments"')).toMatch(/^parse error at line 1, col \d+: syntax error: unexpected/);
    expect(errorOf('{a="b"} |= ')).toMatch(/^parse error at line 1, col \d+: syntax error/);
    expect(errorOf('')).toBe('parse error : syntax error: unexpected $end');
  });

  it('refuses a selector with only empty-compatible matchers, as Loki does', () => {
    expect(errorOf('{a=~".*"}')).toBe(
      'parse error : queries require at least one regexp or equality matcher that does not have an empty-compatible value. For instance, app=~".*" does not meet this requirement, but app=~".+" will',
    );
  });

  it('reports a bad regex in a line filter or matcher with Go regexp wording', () => {
    expect(errorOf('{a="b"} |~ "(unclosed"')).toMatch(/^parse error at line 1, col 9: error parsing regexp: missing closing \)/);
    expect(errorOf('{a=~"[z-a]"}')).toMatch(/error parsing regexp: invalid character class range/);
  });

  it('names what is outside the subset, as unsupported by the demo', () => {
    for (const [query, what] of [
      ['{a="b"} | pattern "<_> <x>"', 'pattern'],
      ['{a="b"} | regexp "(?P<x>.)"', 'regexp'],
      ['{a="b"} | json f="g"', 'label extraction'],
      ['{a="b"} | label_format x="y"', 'label_format'],
      ['{a="b"} | line_format "{{ .x | upper }}"', 'template action'],
      ['{a="b"} | duration > 1s', 'duration'],
      ['sum_over_time({a="b"} | logfmt | unwrap x [1m])', 'sum_over_time'],
      ['topk(3, count_over_time({a="b"}[1m]))', 'topk'],
      ['count_over_time({a="b"}[1m]) > 2', 'binary'],
    ] as const) {
      const message = errorOf(query);
      expect(message, query).toMatch(/^parse error at line 1, col \d+: unsupported by the Watchfloor demo: /);
      expect(message, query).toContain(what);
    }
  });
});
