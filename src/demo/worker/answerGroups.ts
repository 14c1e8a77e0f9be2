/**
 * Groups the answers to requests that were sent together, so they are handed on together.
 *
 * A dashboard refresh sends every panel's query in one task; the worker answers them one by one as it
 * evaluates them, each answer in its own message task. Handed on one by one, every answer becomes its
 * own query-cache notification and its own React commit: a dozen passes of render, layout and paint per
 * refresh. Held until the group is complete (or `holdMs` after the first held answer, so one slow query
 * cannot keep the others back), the answers settle in one task and the page draws them in one pass.
 * The last panel shows no later than it would have; the first ones wait at most `holdMs`.
 */
export interface AnswerGroups<T> {
  /** A request was posted now. Requests posted before the next task belong to one group. */
  sent(id: number): void;
  /** The answer to `id` arrived; `deliver` runs when its group is complete or its hold time ends. */
  answered(id: number, value: T, deliver: (value: T) => void): void;
  /** `id` will get no answer (aborted, or the worker failed); its group no longer waits for it. */
  dropped(id: number): void;
}

interface Group<T> {
  waiting: Set<number>;
  held: Array<{ value: T; deliver: (value: T) => void }>;
  timer?: ReturnType<typeof setTimeout>;
}

export function createAnswerGroups<T>(holdMs: number): AnswerGroups<T> {
  const groupOf = new Map<number, Group<T>>();
  let open: Group<T> | undefined;

  const release = (group: Group<T>): void => {
    if (group.timer !== undefined) clearTimeout(group.timer);
    group.timer = undefined;
    const held = group.held.splice(0);
    for (const { value, deliver } of held) deliver(value);
  };
  const settleIfDone = (group: Group<T>): void => {
    if (group.waiting.size === 0) release(group);
  };

  return {
    sent(id) {
      if (open === undefined) {
        const group: Group<T> = { waiting: new Set(), held: [] };
        open = group;
        // Everything sent in this task joins; the next task starts a new group.
        setTimeout(() => {
          if (open === group) open = undefined;
        }, 0);
      }
      open.waiting.add(id);
      groupOf.set(id, open);
    },
    answered(id, value, deliver) {
      const group = groupOf.get(id);
      groupOf.delete(id);
      if (group === undefined) {
        deliver(value);
        return;
      }
      group.waiting.delete(id);
      group.held.push({ value, deliver });
      if (group.waiting.size === 0 || holdMs <= 0) {
        release(group);
        return;
      }
      group.timer ??= setTimeout(() => release(group), holdMs);
    },
    dropped(id) {
      const group = groupOf.get(id);
      groupOf.delete(id);
      if (group === undefined) return;
      group.waiting.delete(id);
      if (group.held.length > 0) settleIfDone(group);
    },
  };
}
