import type { LogsCapability } from '../../../../datasources/types';
import type { LogLine, TailHandlers, TailStatus } from '../../../../model/logs';

export interface FakeSubscription {
  query: string;
  signal: AbortSignal;
  handlers: TailHandlers;
  closed: boolean;
}

/** A logs capability whose tail the test drives by hand: emit lines, statuses, drops and errors. */
export function createFakeTailSource(): { logs: LogsCapability; subscriptions: FakeSubscription[]; latest(): FakeSubscription } {
  const subscriptions: FakeSubscription[] = [];
  const logs: LogsCapability = {
    language: 'logql',
    queryLogs: () => Promise.reject(new Error('not in this fake')),
    tail(query, handlers, signal) {
      const sub: FakeSubscription = { query, signal, handlers, closed: false };
      subscriptions.push(sub);
      return {
        close: () => {
          sub.closed = true;
        },
      };
    },
  };
  return {
    logs,
    subscriptions,
    latest: () => {
      const sub = subscriptions.at(-1);
      if (sub === undefined) throw new Error('no subscription yet');
      return sub;
    },
  };
}

export type { LogLine, TailStatus };
