import { useEffect, useRef, useState } from 'react';
import type { PatternResult } from '../../../model/logPatterns';
import type { LogLine } from '../../../model/logs';
import type { TimeRange } from '../../../model/time';
import type { PatternsEngine } from './patternsEngine';

export interface PatternsState {
  /** The last result that came back, with the lines it was computed over (its assignment indexes them). */
  settled?: { lines: readonly LogLine[]; result: PatternResult };
  /** A result for the current lines and range is on its way. */
  computing: boolean;
  error?: Error;
}

interface Answers {
  /** The last success, kept shown while a newer request computes or after it fails. */
  settled?: PatternsState['settled'];
  /** What the last answer (success or failure) was for. */
  doneFor?: { lines: readonly LogLine[]; from: number; to: number };
  error?: Error;
}

const isAbort = (error: unknown): boolean => error instanceof DOMException && error.name === 'AbortError';

/**
 * Patterns of `lines` over `range`, from an engine (the worker) this hook creates on first use with
 * `createEngine` (keep it stable) and disposes on unmount. Each change of lines or range sends a new request
 * and aborts the one in flight; until the new answer comes, the last one stays shown.
 */
export function usePatterns(createEngine: () => PatternsEngine, lines: readonly LogLine[], range: TimeRange): PatternsState {
  const [answers, setAnswers] = useState<Answers>({});
  const engineRef = useRef<PatternsEngine | undefined>(undefined);
  const { from, to } = range;

  useEffect(
    () => () => {
      engineRef.current?.dispose();
      engineRef.current = undefined;
    },
    [],
  );

  useEffect(() => {
    engineRef.current ??= createEngine();
    const engine = engineRef.current;
    const controller = new AbortController();
    const doneFor = { lines, from, to };
    engine.find(lines, { from, to }, controller.signal).then(
      (result) => setAnswers({ settled: { lines, result }, doneFor }),
      (error: unknown) => {
        if (controller.signal.aborted || isAbort(error)) return;
        setAnswers((prev) => ({ settled: prev.settled, doneFor, error: error instanceof Error ? error : new Error(String(error)) }));
      },
    );
    return () => controller.abort();
  }, [createEngine, lines, from, to]);

  const done = answers.doneFor;
  const current = done !== undefined && done.lines === lines && done.from === from && done.to === to;
  return { settled: answers.settled, computing: !current, error: current ? answers.error : undefined };
}
