/**
 * Takes up to `count` samples, each bounded by the callee's own timeout. A sample that throws is
 * recorded as a note; after two failures in a row the metric gives up, so a page that never draws
 * costs two timeouts, not five.
 */
export async function collectSamples(
  count: number,
  takeSample: (index: number) => Promise<{ value: number; note?: string } | { value?: undefined; note: string }>,
): Promise<{ samples: number[]; notes: string[] }> {
  const samples: number[] = [];
  const notes: string[] = [];
  let failuresInARow = 0;
  for (let i = 0; i < count; i++) {
    try {
      const outcome = await takeSample(i);
      if (outcome.note) notes.push(outcome.note);
      if (outcome.value === undefined) {
        failuresInARow++;
      } else {
        samples.push(outcome.value);
        failuresInARow = 0;
      }
    } catch (error) {
      notes.push(firstLine(error));
      failuresInARow++;
    }
    if (failuresInARow >= 2) {
      notes.push(`stopped after ${i + 1} attempts`);
      break;
    }
  }
  return { samples, notes };
}

export function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]!.slice(0, 160);
}
