import { describe, expect, it } from 'vitest';
import { fillFromLast } from './lastData';

describe('fillFromLast', () => {
  it('stands in the last answer of the same key while a new one loads', () => {
    const memory = new Map<string, string>();
    expect(fillFromLast(memory, ['a', 'b'], ['A1', 'B1'])).toEqual(['A1', 'B1']);
    expect(fillFromLast(memory, ['a', 'b'], [undefined, 'B2'])).toEqual(['A1', 'B2']);
    expect(fillFromLast(memory, ['a', 'b'], ['A3', undefined])).toEqual(['A3', 'B2']);
  });

  it('never mixes up keys when the list changes order', () => {
    const memory = new Map<string, string>();
    fillFromLast(memory, ['a', 'b'], ['A', 'B']);
    expect(fillFromLast(memory, ['b', 'a'], [undefined, undefined])).toEqual(['B', 'A']);
  });

  it('forgets keys that are no longer asked for', () => {
    const memory = new Map<string, string>();
    fillFromLast(memory, ['a', 'b'], ['A', 'B']);
    fillFromLast(memory, ['b'], [undefined]);
    expect([...memory.keys()]).toEqual(['b']);
  });
});
