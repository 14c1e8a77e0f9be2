import { mineRange, startMining, summarizePatterns, type MinedLines, type PatternOptions } from '../../../model/logPatterns';
import type { TimeRange } from '../../../model/time';
import { chunkInput, type PageToPatternsWorker, type PatternsWorkerToPage } from './patternsProtocol';

export type PostToPage = (message: PatternsWorkerToPage, transfer: Transferable[]) => void;

interface Job {
  id: number;
  mined: MinedLines;
  range: TimeRange;
  options?: PatternOptions;
  received: number;
}

/**
 * The worker's side. One request at a time: a `start` drops whatever request came before it, a `cancel`
 * drops its own; each chunk is mined as it arrives (its own message task, so a cancel or a newer request is
 * seen between chunks), and `end` summarizes and answers. Chunks of a dropped request are ignored.
 */
export function createPatternsServer(post: PostToPage): (message: PageToPatternsWorker) => void {
  let job: Job | undefined;

  const fail = (id: number, error: unknown): void => {
    job = undefined;
    post({ type: 'error', id, message: error instanceof Error ? error.message : String(error) }, []);
  };

  return (message) => {
    const { id } = message;
    if (message.type === 'start') {
      job = { id, mined: startMining(message.total, message.options), range: message.range, options: message.options, received: 0 };
      return;
    }
    if (job === undefined || job.id !== id) return;
    if (message.type === 'cancel') {
      job = undefined;
      return;
    }
    try {
      if (message.type === 'chunk') {
        const input = chunkInput(message.lines);
        if (message.from !== job.received || job.received + input.length > job.mined.clusterOf.length) {
          throw new Error(`chunk at line ${message.from} does not follow line ${job.received} of ${job.mined.clusterOf.length}`);
        }
        mineRange(input, job.mined, 0, input.length, message.from);
        job.received += input.length;
        return;
      }
      if (job.received !== job.mined.clusterOf.length) throw new Error(`got ${job.received} of ${job.mined.clusterOf.length} lines`);
      const result = summarizePatterns(job.mined, job.range, job.options);
      job = undefined;
      post({ type: 'result', id, result }, [result.assignment.buffer]);
    } catch (error) {
      fail(id, error);
    }
  };
}
