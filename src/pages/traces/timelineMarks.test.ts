import { describe, expect, it } from 'vitest';
import { span, trace } from '../../model/testing/traceBuilders';
import { buildTraceTree } from '../../model/traceTree';
import { MAX_EVENT_TICKS, rowMarks, tickNear } from './timelineMarks';

const T0 = 1_700_000_000_000_000;
const events = (n: number) => Array.from({ length: n }, (_, i) => ({ timeUs: T0 + 1_000 + i, name: `e${i}`, attributes: {} }));
const TREE = buildTraceTree(
  trace([
    span('r', undefined, T0, 10_000, { events: [{ timeUs: T0 + 5_000, name: 'exception', attributes: {} }] }),
    span('late', 'r', T0 + 8_000, 2_000, { status: 'error', events: events(MAX_EVENT_TICKS + 5) }),
  ]),
);
const rowOf = (id: string) => TREE.spans.findIndex((s) => s.spanId === id);

describe('rowMarks', () => {
  it('places the bar, the duration and the ticks in % of the window', () => {
    const m = rowMarks(TREE, rowOf('late'), [{ row: rowOf('late'), startUs: T0 + 9_000, endUs: T0 + 10_000 }], T0, 10_000, '#123456');
    expect(m.bar).toEqual({ left: 80, width: 20 });
    // Reaches the right edge, starts past 15 %: the duration goes before it, right-aligned at its start.
    expect(m.label).toBe('left');
    expect(m.labelAt).toBe(80);
    expect(m.duration).toBe('2 ms');
    expect(m.error).toBe(true);
    expect(m.critical).toEqual([{ left: 90, width: 10 }]);
    // Its events lie before its start (no skew here), at 10 %; only the first 50 are drawn.
    expect(m.ticks).toHaveLength(MAX_EVENT_TICKS);
    expect(m.ticks[0]).toEqual({ at: 10, title: 'e0 at +-7 ms', exception: false });
  });

  it('draws nothing but keeps the row for a span outside the zoomed window', () => {
    const m = rowMarks(TREE, rowOf('late'), undefined, T0, 5_000, '#123456');
    expect(m.bar).toBeNull();
    expect(m.duration).toBe('');
    const root = rowMarks(TREE, rowOf('r'), undefined, T0, 10_000, '#123456');
    expect(root.label).toBe('inside');
    expect(root.labelAt).toBe(100);
    expect(root.ticks).toEqual([{ at: 50, title: 'exception at +5 ms', exception: true }]);
  });
});

describe('tickNear', () => {
  it('finds the nearest tick within the tolerance, and none beyond it', () => {
    const m = rowMarks(TREE, rowOf('r'), undefined, T0, 10_000, '#123456');
    expect(tickNear(m, 50.4, 0.5)?.title).toBe('exception at +5 ms');
    expect(tickNear(m, 49.6, 0.5)?.title).toBe('exception at +5 ms');
    expect(tickNear(m, 51, 0.5)).toBeNull();
  });
});
