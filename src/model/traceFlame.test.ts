import { describe, expect, it } from 'vitest';
import { chainTrace, randomTrace, span, trace } from './testing/traceBuilders';
import { FLAME_MIN_BOX_PX, flameBoxes, flameHit, flameLayout } from './traceFlame';
import { buildTraceTree } from './traceTree';

// root 0–100; a 10–40 and b 30–90 overlap on level 1 (b handed over first); a's child c 12–20; a thin d 95–95.5.
const tree = buildTraceTree(
  trace([
    span('b', 'root', 30, 60, { status: 'error' }),
    span('root', undefined, 0, 100),
    span('a', 'root', 10, 30),
    span('c', 'a', 12, 8),
    span('d', 'root', 95, 0.5),
  ]),
);
const rowOf = (id: string) => tree.rowBySpanId.get(id)!;
const ids = (rows: Iterable<number>) => [...rows].map((r) => tree.spans[r]!.spanId);

describe('flameLayout', () => {
  it('puts each depth on its own level, in start order', () => {
    const layout = flameLayout(tree);
    expect(layout.levelCount).toBe(3);
    const level = (d: number) => ids(layout.rows.subarray(layout.offsets[d]!, layout.offsets[d + 1]!));
    expect(level(0)).toEqual(['root']);
    expect(level(1)).toEqual(['a', 'b', 'd']);
    expect(level(2)).toEqual(['c']);
  });

  it('sorts a level by start even where display order differs (cousins under overlapping parents)', () => {
    // p1 0–50 has child x at 40; p2 10–60 has child y at 20: pre-order gives x before y, start order y before x.
    const t = buildTraceTree(trace([span('r', undefined, 0, 100), span('p1', 'r', 0, 50), span('p2', 'r', 10, 50), span('x', 'p1', 40, 5), span('y', 'p2', 20, 5)]));
    const layout = flameLayout(t);
    expect([...layout.rows.subarray(layout.offsets[2]!, layout.offsets[3]!)].map((r) => t.spans[r]!.spanId)).toEqual(['y', 'x']);
  });

  it('handles a 100,000-deep chain without recursion', () => {
    const chain = buildTraceTree(chainTrace(100_000));
    const layout = flameLayout(chain);
    expect(layout.levelCount).toBe(100_000);
    expect(flameBoxes(chain, layout, { startUs: chain.startUs[0]!, endUs: chain.startUs[0]! + chain.durationUs[0]!, widthPx: 800, firstLevel: 99_990, endLevel: 100_000 })).toHaveLength(10);
  });
});

describe('flameBoxes', () => {
  const layout = flameLayout(tree);
  const all = { startUs: 0, endUs: 100, widthPx: 1000, firstLevel: 0, endLevel: 10 };

  it('maps time to pixels and marks errors', () => {
    const boxes = flameBoxes(tree, layout, all);
    const b = boxes.find((x) => x.row === rowOf('b'))!;
    expect(b).toEqual({ level: 1, x: 300, width: 600, row: rowOf('b'), count: 1, error: true });
    const c = boxes.find((x) => x.row === rowOf('c'))!;
    expect([c.level, c.x, c.width]).toEqual([2, 120, 80]);
  });

  it('clips spans to the window and leaves out spans outside it', () => {
    const boxes = flameBoxes(tree, layout, { ...all, startUs: 20, endUs: 40 });
    expect(ids(boxes.map((x) => x.row))).toEqual(['root', 'a', 'b']);
    const a = boxes.find((x) => x.row === rowOf('a'))!;
    expect([a.x, a.width]).toEqual([0, 1000]);
    const b = boxes.find((x) => x.row === rowOf('b'))!;
    expect([b.x, b.width]).toEqual([500, 500]);
  });

  it('shows only the levels asked for', () => {
    expect(flameBoxes(tree, layout, { ...all, firstLevel: 2, endLevel: 3 }).map((x) => x.level)).toEqual([2]);
  });

  it('keeps a lone thin span as itself, at least one pixel wide', () => {
    const d = flameBoxes(tree, layout, { ...all, widthPx: 200 }).find((x) => x.row === rowOf('d'))!;
    expect(d.width).toBeGreaterThanOrEqual(1);
    expect(d.width).toBeLessThan(FLAME_MIN_BOX_PX + 1);
    expect(d.count).toBe(1);
  });

  it('merges thin neighbours into one box per run of touching pixels, keeping any error', () => {
    const spans = [span('r', undefined, 0, 10_000)];
    for (let i = 0; i < 1000; i++) spans.push(span(`k${i}`, 'r', i * 5, 4, { status: i === 500 ? 'error' : 'ok' }));
    const t = buildTraceTree(trace(spans));
    const boxes = flameBoxes(t, flameLayout(t), { startUs: 0, endUs: 10_000, widthPx: 100, firstLevel: 1, endLevel: 2 });
    // 1000 spans of 0.04 px over the first 50 px: one merged box, not 1000.
    expect(boxes).toHaveLength(1);
    expect(boxes[0]).toMatchObject({ row: t.rowBySpanId.get('k0'), count: 1000, error: true, x: 0 });
    expect(boxes[0]!.width).toBeCloseTo(50, 0);
  });

  it('draws at most a few boxes per pixel on a 10,000-span trace', () => {
    const big = buildTraceTree(randomTrace(10_000, 3, 25));
    const l = flameLayout(big);
    const boxes = flameBoxes(big, l, { startUs: big.startUs[0]!, endUs: big.startUs[0]! + big.durationUs[0]!, widthPx: 1000, firstLevel: 0, endLevel: l.levelCount });
    expect(boxes.length).toBeLessThan(1000 * l.levelCount);
    expect(boxes.reduce((n, b) => n + b.count, 0)).toBe(big.size);
  });
});

describe('flameHit', () => {
  const layout = flameLayout(tree);
  it('finds the span under the pointer, the later one where two overlap', () => {
    expect(tree.spans[flameHit(tree, layout, 1, 15)]!.spanId).toBe('a');
    expect(tree.spans[flameHit(tree, layout, 1, 35)]!.spanId).toBe('b');
    expect(tree.spans[flameHit(tree, layout, 0, 50)]!.spanId).toBe('root');
    expect(tree.spans[flameHit(tree, layout, 2, 15)]!.spanId).toBe('c');
  });

  it('finds an earlier long span behind a later short one', () => {
    // On level 1: long 0–100, then short 10–11; at 50 only the long one is there.
    const t = buildTraceTree(trace([span('r', undefined, 0, 100), span('long', 'r', 0, 100), span('short', 'r', 10, 1)]));
    expect(t.spans[flameHit(t, flameLayout(t), 1, 50)]!.spanId).toBe('long');
  });

  it('returns -1 off every span, and off the levels', () => {
    expect(flameHit(tree, layout, 2, 50)).toBe(-1);
    expect(flameHit(tree, layout, 7, 50)).toBe(-1);
    expect(flameHit(tree, layout, -1, 50)).toBe(-1);
  });

  it('widens a sliver by the slack', () => {
    expect(flameHit(tree, layout, 1, 96)).toBe(-1);
    expect(tree.spans[flameHit(tree, layout, 1, 96, 1)]!.spanId).toBe('d');
  });
});
