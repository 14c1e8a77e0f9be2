import { describe, expect, it } from 'vitest';
import { windowOf } from './rowWindow';

describe('windowOf', () => {
  it('covers the rows in view plus the overscan either side, clipped to the list', () => {
    // 24 px rows, a 240 px box scrolled to 2400 px: rows 100…109 in view.
    expect(windowOf(2400, 240, 100_000, 24, 12)).toEqual({ first: 88, last: 122 });
    expect(windowOf(0, 240, 100_000, 24, 12)).toEqual({ first: 0, last: 22 });
    expect(windowOf(0, 240, 5, 24, 12)).toEqual({ first: 0, last: 5 });
  });

  it('is empty, not negative, past the end of a list that shrank (the box scrolled before a collapse)', () => {
    expect(windowOf(1_000_000, 600, 3, 24, 12)).toEqual({ first: 3, last: 3 });
    expect(windowOf(0, 600, 0, 24, 12)).toEqual({ first: 0, last: 0 });
  });

  it('draws part of a row cut by the box edge', () => {
    expect(windowOf(10, 20, 100, 24, 0)).toEqual({ first: 0, last: 2 });
  });
});
