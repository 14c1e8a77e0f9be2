import { describe, expect, it } from 'vitest';
import { createPatternMiner, findPatterns, OVERFLOW_PATTERN_ID, patternSelection, templateId, type PatternResult } from './logPatterns';
import type { LogLine } from './logs';
import { logfmtLine, pinoLine, stream } from './testing/logLineBuilders';

const HOUR = 3_600_000;
const T0 = Date.UTC(2025, 5, 4, 3, 0, 0);
const RANGE = { from: T0, to: T0 + HOUR };
const payments = stream({ service: 'payments', namespace: 'shop' });
const legacy = stream({ service: 'legacy-billing', namespace: 'shop' });

/** A deterministic pseudo-random sequence, so the lines vary like real ones but every run is the same. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * An hour of payments logs (pino JSON) and legacy billing logs (logfmt): steady request, authorization, cache
 * and retry lines all hour; from 03:45 (the last quarter) the payment provider times out.
 */
function incidentHour(): LogLine[] {
  const r = rng(7);
  const lines: LogLine[] = [];
  for (let i = 0; i < 1200; i++) {
    const t = T0 + Math.floor((i / 1200) * HOUR);
    const pick = r();
    if (pick < 0.4) {
      const route = ['/orders', '/payments', '/refunds'][Math.floor(r() * 3)]!;
      lines.push(pinoLine(payments, t, 'info', `GET ${route}/${Math.floor(r() * 1e6)} 200 in ${Math.floor(r() * 300)}ms`, { traceId: (r() * 1e16).toString(16) }, i));
    } else if (pick < 0.6) {
      lines.push(pinoLine(payments, t, 'info', `payment authorized for order ord-${Math.floor(r() * 1e5)} amount ${(r() * 500).toFixed(2)} EUR`, {}, i));
    } else if (pick < 0.75) {
      lines.push(pinoLine(payments, t, 'debug', `cache miss for key user:${Math.floor(r() * 1e4)}`, {}, i));
    } else if (pick < 0.85) {
      lines.push(pinoLine(payments, t, 'warn', `retrying call to inventory (attempt ${1 + Math.floor(r() * 3)})`, {}, i));
    } else {
      lines.push(logfmtLine(legacy, t, 'info', `invoice ${Math.floor(r() * 1e6)} rendered for customer "${['Acme', 'Globex', 'Initech'][Math.floor(r() * 3)]}"`, { duration: `${Math.floor(r() * 90)}ms` }, i));
    }
    if (t >= T0 + 0.75 * HOUR && pick > 0.7) {
      lines.push(pinoLine(payments, t + 1, 'error', 'payment provider timeout after 30000ms', { err: new Error('ETIMEDOUT'), provider: 'acquirer-eu' }, i + 5000));
    }
  }
  return lines;
}

const byTemplate = (result: PatternResult, template: string) => result.patterns.find((p) => p.template === template);

describe('findPatterns', () => {
  const lines = incidentHour();
  const result = findPatterns(lines, RANGE);

  it('finds one template per kind of line, with the variable parts masked', () => {
    expect(result.patterns.map((p) => p.template).sort()).toEqual(
      [
        'GET <*> <*> in <*>',
        'cache miss for key user:<*>',
        'invoice <*> rendered for customer <*>',
        'payment authorized for order ord-<*> amount <*> EUR',
        'payment provider timeout after <*>',
        'retrying call to inventory (attempt <*>)',
      ].sort(),
    );
  });

  it('counts every line once, and shares add up to 1', () => {
    expect(result.total).toBe(lines.length);
    expect(result.patterns.reduce((s, p) => s + p.count, 0)).toBe(lines.length);
    expect(result.patterns.reduce((s, p) => s + p.share, 0)).toBeCloseTo(1, 10);
  });

  it('marks the timeout that appears only in the last quarter as new, and nothing else', () => {
    const timeout = byTemplate(result, 'payment provider timeout after <*>')!;
    expect(timeout.isNew).toBe(true);
    expect(result.patterns.filter((p) => p.isNew).map((p) => p.template)).toEqual(['payment provider timeout after <*>']);
    // The lines span the whole hour: the recent part starts at 03:45.
    expect(result.newSinceMs).toBe(T0 + 0.75 * HOUR);
  });

  it('sorts new patterns first, then by count', () => {
    expect(result.patterns[0]!.isNew).toBe(true);
    const rest = result.patterns.slice(1).map((p) => p.count);
    expect(rest).toEqual([...rest].sort((a, b) => b - a));
  });

  it('draws the sparkline over the range: the timeout only in the last buckets', () => {
    const timeout = byTemplate(result, 'payment provider timeout after <*>')!;
    expect(timeout.sparkline).toHaveLength(24);
    expect(timeout.sparkline.reduce((s, c) => s + c, 0)).toBe(timeout.count);
    expect(timeout.sparkline.slice(0, 18).every((c) => c === 0)).toBe(true);
    expect(timeout.sparkline.slice(18).every((c) => c > 0)).toBe(true);
  });

  it('gives each line the pattern it belongs to, for the list filter', () => {
    const timeout = byTemplate(result, 'payment provider timeout after <*>')!;
    const selection = patternSelection(result, lines, timeout.id)!;
    expect(selection.template).toBe(timeout.template);
    const expected = lines.filter((l) => l.line.includes('payment provider timeout')).map((l) => l.key);
    expect([...selection.lineKeys].sort()).toEqual(expected.sort());
    expect(patternSelection(result, lines, 'p-none')).toBeNull();
  });

  it('gives the same template the same ID on other lines', () => {
    const again = findPatterns(lines.slice(0, 900).reverse(), RANGE);
    const a = byTemplate(result, 'cache miss for key user:<*>')!;
    const b = byTemplate(again, 'cache miss for key user:<*>')!;
    expect(b.id).toBe(a.id);
    expect(a.id).toBe(templateId('cache miss for key user:<*>'));
    expect(new Set(result.patterns.map((p) => p.id)).size).toBe(result.patterns.length);
  });
});

describe('the new rule', () => {
  const steady = (n: number, from: number, to: number, msg: (i: number) => string) =>
    Array.from({ length: n }, (_, i) => pinoLine(payments, from + Math.floor(((to - from) * i) / n), 'info', msg(i), {}, i));

  it('does not mark a pattern new that was there before at a similar rate', () => {
    const lines = [...steady(200, T0, T0 + HOUR, (i) => `payment provider timeout after ${30000 + (i % 3)}ms`)];
    expect(findPatterns(lines, RANGE).patterns[0]!.isNew).toBe(false);
  });

  it('still marks it new when it occurred negligibly before (one stray line against a burst)', () => {
    const lines = [
      ...steady(300, T0, T0 + HOUR, (i) => `GET /orders/${i} 200`),
      pinoLine(payments, T0 + 60_000, 'error', 'payment provider timeout after 30000ms', {}, 9000),
      ...steady(60, T0 + 0.8 * HOUR, T0 + HOUR, () => 'payment provider timeout after 30000ms'),
    ];
    expect(byTemplate(findPatterns(lines, RANGE), 'payment provider timeout after <*>')!.isNew).toBe(true);
  });

  it('measures from the oldest line in hand: the newest page of a long range marks nothing new by itself', () => {
    const lastTenMinutes = [
      ...steady(300, T0 + 50 * 60_000, T0 + HOUR, (i) => `GET /orders/${i} 200`),
      ...steady(100, T0 + 50 * 60_000, T0 + HOUR, (i) => `cache miss for key user:${i}`),
    ];
    const result = findPatterns(lastTenMinutes, RANGE);
    expect(result.patterns.some((p) => p.isNew)).toBe(false);
    expect(result.newSinceMs).toBeCloseTo(T0 + HOUR - 0.25 * 10 * 60_000, -2);
  });

  it('marks nothing new when every line has the same time: there is no before', () => {
    const lines = [0, 1, 2, 3].map((i) => pinoLine(payments, T0 + HOUR, 'error', 'payment provider timeout after 30000ms', {}, i));
    const result = findPatterns(lines, { from: T0 + HOUR, to: T0 + HOUR });
    expect(result.patterns[0]!.isNew).toBe(false);
    expect(result.newSinceMs).toBeNull();
  });

  it('needs a few recent lines: two are not a new pattern', () => {
    const lines = [
      ...steady(300, T0, T0 + HOUR, (i) => `GET /orders/${i} 200`),
      ...steady(2, T0 + 0.9 * HOUR, T0 + HOUR, () => 'payment provider timeout after 30000ms'),
    ];
    expect(byTemplate(findPatterns(lines, RANGE), 'payment provider timeout after <*>')!.isNew).toBe(false);
  });

  it('answers an empty input with no patterns', () => {
    const result = findPatterns([], RANGE);
    expect(result).toMatchObject({ patterns: [], total: 0, capped: false });
    expect(result.assignment).toHaveLength(0);
  });
});

describe('createPatternMiner', () => {
  it('merges lines by similarity, masking the positions that differ', () => {
    const miner = createPatternMiner();
    const a = miner.add('worker alpha finished job');
    const b = miner.add('worker beta finished job');
    expect(b).toBe(a);
    expect(miner.tokensOf(a).join(' ')).toBe('worker <*> finished job');
  });

  it('keeps dissimilar lines of the same length apart', () => {
    const miner = createPatternMiner();
    expect(miner.add('disk full on node')).not.toBe(miner.add('user signed out today'));
  });

  it('stops creating clusters at the cap and counts the rest in one overflow pattern', () => {
    const lines = ['alpha one', 'beta two three', 'gamma four five six', 'delta', 'epsilon seven eight nine ten', 'alpha one', 'delta'].map((text, i) =>
      pinoLine(payments, T0 + i * 1000, 'info', text, {}, i),
    );
    const result = findPatterns(lines, RANGE, { maxClusters: 3 });
    expect(result.capped).toBe(true);
    const overflow = result.patterns.find((p) => p.id === OVERFLOW_PATTERN_ID)!;
    // alpha, beta and gamma got clusters; delta, epsilon and the second delta did not. The second alpha matched.
    expect(overflow.count).toBe(3);
    expect(overflow.overflow).toBe(true);
    expect(result.patterns[result.patterns.length - 1]).toBe(overflow);
    expect(byTemplate(result, 'alpha one')!.count).toBe(2);
    expect(result.patterns.reduce((s, p) => s + p.count, 0)).toBe(lines.length);
  });

  it('clusters thousands of distinct IDs into one template, not one each', () => {
    const miner = createPatternMiner();
    for (let i = 0; i < 5000; i++) miner.add(`session ${(i * 7919).toString(36)}x expired for tenant t${i % 17}`);
    expect(miner.clusterCount).toBe(1);
  });
});
