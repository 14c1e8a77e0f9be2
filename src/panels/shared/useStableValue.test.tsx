// @vitest-environment jsdom
import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useStableValue } from './useStableValue';

const sameList = (a: number[], b: number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

describe('useStableValue', () => {
  it('keeps the first of equal values and takes a different one', () => {
    const first = [1, 2];
    const { result, rerender } = renderHook(({ v }) => useStableValue(v, sameList), { initialProps: { v: first } });
    rerender({ v: [1, 2] });
    expect(result.current).toBe(first);
    const changed = [1, 3];
    rerender({ v: changed });
    expect(result.current).toBe(changed);
  });
});
