import { describe, expect, it } from 'vitest';
import { DEFAULT_TRACE_SEARCH } from '../../model/traceSearchUrl';
import { describeFilters, draftOf, readDraft } from './searchDraft';

const base = { ...DEFAULT_TRACE_SEARCH, ds: 'jaeger', sort: { key: 'duration' as const, desc: true } };

describe('readDraft', () => {
  it('turns the typed fields into the state, keeping datasource and sort', () => {
    const result = readDraft({ ...draftOf(base), service: ' payments ', tags: 'http.status_code=500 error=true', minDuration: '45us', maxDuration: '1.2s', errorsOnly: true, limit: '100' }, base);
    expect(result).toEqual({
      ok: true,
      state: { ...base, service: 'payments', tags: { 'http.status_code': '500', error: 'true' }, minDurationMs: 0.045, maxDurationMs: 1200, errorsOnly: true, limit: 100 },
    });
  });

  it('names every bad field at once', () => {
    const result = readDraft({ ...draftOf(base), tags: 'a=1 b', minDuration: '2s', maxDuration: '1s', limit: '0' }, base);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(['limit', 'maxDuration', 'tags']);
    expect(result.errors.maxDuration).toBe('The maximum is below the minimum');
    expect(readDraft({ ...draftOf(base), minDuration: 'soon' }, base)).toMatchObject({ ok: false, errors: { minDuration: expect.stringMatching(/not a duration/) as string } });
  });

  it('writes a state back to the same draft', () => {
    const state = { ...base, service: 'x', tags: { a: 'b c' }, minDurationMs: 1500, errorsOnly: true };
    expect(readDraft(draftOf(state), state)).toEqual({ ok: true, state });
  });
});

describe('describeFilters', () => {
  it('says what was searched for', () => {
    expect(describeFilters(DEFAULT_TRACE_SEARCH)).toBe('no filters');
    expect(describeFilters({ ...DEFAULT_TRACE_SEARCH, service: 'payments', tags: { error: 'true' }, minDurationMs: 1000, errorsOnly: true })).toBe('service payments, tags error=true, at least 1s, errors only');
    expect(describeFilters({ ...DEFAULT_TRACE_SEARCH, mode: 'traceql', traceql: ' { status = error } ' })).toBe('TraceQL { status = error }');
  });
});
