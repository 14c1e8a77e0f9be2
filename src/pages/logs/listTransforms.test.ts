import logfmt from 'logfmt';
import pino from 'pino';
import { Writable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { dedupLines } from './dedup';
import { linesAsJson, linesAsText } from './download';
import { labelStats, valueStats } from './fieldStats';
import { lineFields } from './fields';
import { createLineFilter } from './inViewFilter';
import { syntheticLines, testLine, testStream } from './testing/lines';

const s = testStream({ app: 'a' });

describe('dedup', () => {
  const lines = [
    testLine(s, 5, 'retry 1 failed', { n: 0 }),
    testLine(s, 4, 'retry 1 failed', { n: 1 }),
    testLine(s, 3, 'retry 2 failed', { n: 2 }),
    testLine(s, 2, 'other', { n: 3 }),
    testLine(s, 1, 'retry 1 failed', { n: 4 }),
  ];
  it('folds consecutive exact duplicates into the first, with a count', () => {
    const d = dedupLines(lines, 'exact');
    expect(d.lines.map((l) => l.line)).toEqual(['retry 1 failed', 'retry 2 failed', 'other', 'retry 1 failed']);
    expect(d.folded.get(lines[0]!.key)).toBe(1);
  });
  it('ignoring numbers folds lines that differ only in numbers', () => {
    const d = dedupLines(lines, 'numbers');
    expect(d.lines.map((l) => l.key)).toEqual([lines[0]!.key, lines[3]!.key, lines[4]!.key]);
    expect(d.folded.get(lines[0]!.key)).toBe(2);
  });
  it('none keeps everything as it was', () => {
    expect(dedupLines(lines, 'none').lines).toBe(lines);
  });
});

describe('in-view filter', () => {
  it('matches case-insensitively and narrows as the term grows', () => {
    const lines = [testLine(s, 3, 'Payment TIMEOUT', { n: 0 }), testLine(s, 2, 'ok', { n: 1 }), testLine(s, 1, 'time out', { n: 2 })];
    const f = createLineFilter(lines);
    expect(f.filter('time').map((l) => l.line)).toEqual(['Payment TIMEOUT', 'time out']);
    expect(f.filter('timeo').map((l) => l.line)).toEqual(['Payment TIMEOUT']);
    // Shrinking the term searches everything again.
    expect(f.filter('t').map((l) => l.line)).toEqual(['Payment TIMEOUT', 'time out']);
    expect(f.filter('')).toBe(lines);
  });
  it("lower-cases only the lines new to it when handed a live tail's next buffer", () => {
    const held = syntheticLines(1000, 1_700_000_000_000);
    createLineFilter(held).warm();
    const arrived = [testLine(s, 1_800_000_000_000, 'NEW Payment line', { n: 7 })];
    const lower = vi.spyOn(String.prototype, 'toLowerCase');
    try {
      const next = createLineFilter([...arrived, ...held.slice(0, -1)]);
      next.warm();
      expect(lower).toHaveBeenCalledTimes(1);
      expect(next.filter('new payment').map((l) => l.line)).toEqual(['NEW Payment line']);
    } finally {
      lower.mockRestore();
    }
  });
  it('keeps the order of the lines in hand at 100,000 lines', () => {
    const lines = syntheticLines(100_000, 1_700_000_000_000);
    const hits = createLineFilter(lines).filter('PROVIDER timeout');
    expect(hits.length).toBe(Math.ceil(100_000 / 97));
    expect(hits.every((l, i) => i === 0 || l.timeMs < hits[i - 1]!.timeMs)).toBe(true);
  });
});

describe('value statistics', () => {
  it('counts the top values of a parsed field over the lines in hand', () => {
    const lines = ['a', 'b', 'a', 'c', 'a', 'b'].map((v, i) => testLine(s, i, `k=${v}`, { n: i }));
    lines.push(testLine(s, 99, 'no field here', { n: 99 }));
    const st = valueStats(lines, (l) => lineFields(l).find((f) => f.name === 'k')?.value, 2);
    expect(st).toEqual({ total: 7, present: 6, distinct: 3, top: [{ value: 'a', count: 3 }, { value: 'b', count: 2 }] });
  });
  it('counts stream labels per stream', () => {
    const a = testStream({ pod: 'p1' });
    const b = testStream({ pod: 'p2' });
    const lines = [testLine(a, 1, 'x'), testLine(a, 2, 'y'), testLine(b, 3, 'z'), testLine(testStream({}), 4, 'w')];
    expect(labelStats(lines, 'pod')).toEqual({ total: 4, present: 3, distinct: 2, top: [{ value: 'p1', count: 2 }, { value: 'p2', count: 1 }] });
  });
});

describe('fields of lines written by real loggers', () => {
  it('reads a pino JSON line, nested objects flattened', async () => {
    let written = '';
    const sink = new Writable({ write: (chunk: Buffer, _enc, cb) => ((written += chunk.toString()), cb()) });
    const log = pino({ base: { service: 'payments' } }, sink);
    log.error({ trace_id: 'abc', http: { status: 502 } }, 'payment provider timeout after 30000ms');
    await new Promise((r) => setTimeout(r, 10));
    const fields = lineFields(testLine(s, 1, written.trim()));
    const byName = Object.fromEntries(fields.map((f) => [f.name, f.value]));
    expect(byName).toMatchObject({ level: '50', service: 'payments', trace_id: 'abc', 'http.status': '502', msg: 'payment provider timeout after 30000ms' });
    expect(fields.every((f) => f.parser === 'json')).toBe(true);
  });
  it('reads a logfmt line from the logfmt encoder, quoted values included', () => {
    const text = logfmt.stringify({ level: 'warn', msg: 'slow "query" here', duration: '1.5s', trace_id: 'abc' });
    const byName = Object.fromEntries(lineFields(testLine(s, 1, text)).map((f) => [f.name, f.value]));
    expect(byName).toEqual({ level: 'warn', msg: 'slow "query" here', duration: '1.5s', trace_id: 'abc' });
  });
});

describe('download', () => {
  const lines = [testLine(s, 1_700_000_000_000, '\u001b[31mred\u001b[0m\nnext', { ns: 123, level: 'error', traceId: 'a'.repeat(32) })];
  it('writes text without escape codes, one line per log line', () => {
    expect(linesAsText(lines)).toBe('2023-11-14T22:13:20.000Z error red\\nnext\n');
  });
  it('writes JSON with the ns timestamp, labels and trace ID', () => {
    const parsed = JSON.parse(linesAsJson(lines)) as Array<Record<string, unknown>>;
    expect(parsed[0]).toMatchObject({ timeNs: '1700000000000000123', labels: { app: 'a' }, traceId: 'a'.repeat(32), level: 'error' });
  });
});
