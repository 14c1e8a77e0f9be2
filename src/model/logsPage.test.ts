import { describe, expect, it } from 'vitest';
import { createLineBuilder, mergeLogPages } from './logsPage';
import { compileDerivedFields } from './logsTraceId';

describe('createLineBuilder', () => {
  it('shares one stream per label set, keys lines stably, and finds level and trace ID', () => {
    const builder = createLineBuilder(compileDerivedFields([{ name: 't', matcherRegex: 'tid=(\\w+)' }]));
    const a = builder.build({ job: 'x' }, '1569266497240578123', `level=error tid=${'ab'.repeat(16)}`);
    const b = builder.build({ job: 'x' }, '1569266497240578123', 'second');
    const c = builder.build({ job: 'y' }, '1', 'other', { trace_id: 'cd'.repeat(16), level: 'warn' });
    expect(a.stream).toBe(b.stream);
    expect(a.key).not.toBe(b.key);
    expect(a).toMatchObject({ timeMs: 1569266497240, level: 'error', traceId: 'ab'.repeat(16) });
    expect(c).toMatchObject({ level: 'warn', traceId: 'cd'.repeat(16), metadata: { trace_id: 'cd'.repeat(16), level: 'warn' }, timeMs: 0 });
    expect('metadata' in b).toBe(false);
  });
});

describe('mergeLogPages', () => {
  it('appends the next page without the lines already held, pointing them at the held streams', () => {
    const first = createLineBuilder();
    const held = [first.build({ job: 'x' }, '30', 'c'), first.build({ job: 'x' }, '20', 'b')];
    const second = createLineBuilder();
    const next = [second.build({ job: 'x' }, '20', 'b'), second.build({ job: 'x' }, '10', 'a'), second.build({ job: 'z' }, '5', 'z')];
    const merged = mergeLogPages(held, next);
    expect(merged.map((l) => l.line)).toEqual(['c', 'b', 'a', 'z']);
    expect(merged[2]!.stream, 'a stream stays one object across pages').toBe(held[0]!.stream);
    expect(merged[3]).toBe(next[2]);
    expect(held).toHaveLength(2);
  });
});
