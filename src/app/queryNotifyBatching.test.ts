import { describe, expect, it } from 'vitest';
import { createCoalescingScheduler } from './queryNotifyBatching';

describe('createCoalescingScheduler', () => {
  it('runs every callback scheduled before the next task in one posted task, in order', () => {
    const posted: Array<() => void> = [];
    const schedule = createCoalescingScheduler((run) => posted.push(run));
    const ran: number[] = [];
    schedule(() => ran.push(1));
    schedule(() => ran.push(2));
    schedule(() => ran.push(3));
    expect(posted).toHaveLength(1);
    expect(ran).toEqual([]);
    posted[0]!();
    expect(ran).toEqual([1, 2, 3]);
  });

  it('posts a new task for callbacks scheduled after a run, including ones scheduled during it', () => {
    const posted: Array<() => void> = [];
    const schedule = createCoalescingScheduler((run) => posted.push(run));
    const ran: string[] = [];
    schedule(() => {
      ran.push('a');
      schedule(() => ran.push('b'));
    });
    posted[0]!();
    expect(ran).toEqual(['a']);
    expect(posted).toHaveLength(2);
    posted[1]!();
    expect(ran).toEqual(['a', 'b']);
  });
});
