import { mineRange, startMining, summarizePatterns } from '../../../model/logPatterns';
import { packedInput, type PageToPatternsWorker, type PatternsWorkerToPage } from './patternsProtocol';

/** Lines mined between looks at the message queue: ~10-40 ms of work, so a newer request waits no longer. */
export const CHUNK_LINES = 5000;

export type PostToPage = (message: PatternsWorkerToPage, transfer: Transferable[]) => void;

/** Lets queued messages (a cancel, a newer request) run. A message task, not setTimeout: no 4 ms clamp. */
function yieldToQueue(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * The worker's side: mines each request in chunks, yielding between them, and drops a request as soon as a
 * newer one arrives or it is cancelled, so a stale computation never delays the answer that is wanted.
 */
export function createPatternsServer(post: PostToPage, yieldFn: () => Promise<void> = yieldToQueue): (message: PageToPatternsWorker) => void {
  let latest = 0;
  const cancelled = new Set<number>();
  const stale = (id: number): boolean => id !== latest || cancelled.has(id);

  const run = async (message: Extract<PageToPatternsWorker, { type: 'patterns' }>): Promise<void> => {
    const { id } = message;
    try {
      const input = packedInput(message.lines);
      const mined = startMining(input.length, message.options);
      for (let from = 0; from < input.length; from += CHUNK_LINES) {
        mineRange(input, mined, from, Math.min(input.length, from + CHUNK_LINES));
        await yieldFn();
        if (stale(id)) return;
      }
      const result = summarizePatterns(mined, message.range, message.options);
      if (stale(id)) return;
      post({ type: 'result', id, result }, [result.assignment.buffer]);
    } catch (error) {
      if (!stale(id)) post({ type: 'error', id, message: error instanceof Error ? error.message : String(error) }, []);
    } finally {
      cancelled.delete(id);
    }
  };

  return (message) => {
    if (message.type === 'cancel') {
      if (message.id === latest) cancelled.add(message.id);
      return;
    }
    latest = message.id;
    void run(message);
  };
}
