import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAnswerGroups } from './answerGroups';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createAnswerGroups', () => {
  it('holds the answers of requests sent in one task until the last has come', () => {
    const groups = createAnswerGroups<string>(100);
    const got: string[] = [];
    for (const id of [1, 2, 3]) groups.sent(id);
    groups.answered(2, 'b', (v) => got.push(v));
    groups.answered(1, 'a', (v) => got.push(v));
    expect(got).toEqual([]);
    groups.answered(3, 'c', (v) => got.push(v));
    expect(got).toEqual(['b', 'a', 'c']);
  });

  it('hands on what it holds after holdMs when a request is slow, and the slow one when it comes', () => {
    const groups = createAnswerGroups<string>(100);
    const got: string[] = [];
    groups.sent(1);
    groups.sent(2);
    groups.answered(1, 'a', (v) => got.push(v));
    vi.advanceTimersByTime(99);
    expect(got).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(got).toEqual(['a']);
    groups.answered(2, 'b', (v) => got.push(v));
    expect(got).toEqual(['a', 'b']);
  });

  it('stops waiting for a dropped request', () => {
    const groups = createAnswerGroups<string>(100);
    const got: string[] = [];
    groups.sent(1);
    groups.sent(2);
    groups.answered(1, 'a', (v) => got.push(v));
    groups.dropped(2);
    expect(got).toEqual(['a']);
  });

  it('does not group requests sent in different tasks', () => {
    const groups = createAnswerGroups<string>(100);
    const got: string[] = [];
    groups.sent(1);
    vi.advanceTimersByTime(0);
    groups.sent(2);
    groups.answered(1, 'a', (v) => got.push(v));
    expect(got).toEqual(['a']);
  });
});
