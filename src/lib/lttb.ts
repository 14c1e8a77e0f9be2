/**
 * Largest-Triangle-Three-Buckets downsampling over columnar data (Steinarsson 2013), the way Grafana and
 * uPlot thin series before drawing: it keeps the points that shape the line (peaks, dips) rather than
 * averaging them away, so a 30 s latency spike survives a 24 h view.
 *
 * Gaps matter on an SRE's chart: a missing scrape must stay a hole, not a straight line across it. So
 * the input is split into runs of finite values, each run is thinned on its own (with a share of the
 * point budget proportional to its length), and every gap is kept as one NaN point at the gap's first
 * time. The output size is about `threshold` (it may exceed it when there are more gaps than budget).
 */
export interface Columns {
  times: Float64Array;
  values: Float64Array;
}

interface Run {
  start: number;
  end: number; // exclusive
}

/** Runs of finite values and the gaps between them, in order. */
function splitRuns(values: Float64Array): { runs: Run[]; gapStarts: number[]; gapEnds: number[] } {
  const runs: Run[] = [];
  const gapStarts: number[] = [];
  const gapEnds: number[] = [];
  let i = 0;
  const n = values.length;
  while (i < n) {
    const finite = Number.isFinite(values[i]!);
    let j = i + 1;
    while (j < n && Number.isFinite(values[j]!) === finite) j++;
    if (finite) runs.push({ start: i, end: j });
    else {
      gapStarts.push(i);
      gapEnds.push(j);
    }
    i = j;
  }
  return { runs, gapStarts, gapEnds };
}

/** Classic LTTB of `times/values[start, end)` into exactly `k` (≥ 3) points, appended to `out`. */
function lttbRun(times: Float64Array, values: Float64Array, start: number, end: number, k: number, out: number[]): void {
  const len = end - start;
  const every = (len - 2) / (k - 2);
  let a = start;
  out.push(a);
  for (let i = 0; i < k - 2; i++) {
    const avgStart = start + Math.floor((i + 1) * every) + 1;
    const avgEnd = Math.min(start + Math.floor((i + 2) * every) + 1, end);
    let avgX = 0;
    let avgY = 0;
    for (let j = avgStart; j < avgEnd; j++) {
      avgX += times[j]!;
      avgY += values[j]!;
    }
    const avgLen = avgEnd - avgStart;
    avgX /= avgLen;
    avgY /= avgLen;

    const rangeStart = start + Math.floor(i * every) + 1;
    const rangeEnd = start + Math.floor((i + 1) * every) + 1;
    const ax = times[a]!;
    const ay = values[a]!;
    let maxArea = -1;
    let chosen = rangeStart;
    for (let j = rangeStart; j < rangeEnd; j++) {
      const area = Math.abs((ax - avgX) * (values[j]! - ay) - (ax - times[j]!) * (avgY - ay));
      if (area > maxArea) {
        maxArea = area;
        chosen = j;
      }
    }
    out.push(chosen);
    a = chosen;
  }
  out.push(end - 1);
}

/**
 * Thins `times/values` to about `threshold` points. Never mutates the input; returns the input arrays
 * themselves when there is nothing to thin.
 */
export function lttb(times: Float64Array, values: Float64Array, threshold: number): Columns {
  const n = Math.min(times.length, values.length);
  if (threshold >= n || threshold < 3) return { times, values };

  const { runs, gapStarts, gapEnds } = splitRuns(values.subarray(0, n));
  const budget = Math.max(0, threshold - gapStarts.length);
  const finiteCount = runs.reduce((sum, r) => sum + (r.end - r.start), 0);

  const picked: number[] = [];
  let gapIndex = 0;
  const emitGapsBefore = (index: number) => {
    while (gapIndex < gapStarts.length && gapStarts[gapIndex]! < index) {
      picked.push(gapStarts[gapIndex]!);
      gapIndex++;
    }
  };
  for (const run of runs) {
    emitGapsBefore(run.start);
    const len = run.end - run.start;
    const share = Math.max(Math.min(len, 2), Math.floor((len / finiteCount) * budget));
    if (share >= len) for (let j = run.start; j < run.end; j++) picked.push(j);
    else if (share < 3) picked.push(run.start, run.end - 1);
    else lttbRun(times, values, run.start, run.end, share, picked);
  }
  emitGapsBefore(n);
  // A trailing gap keeps its last sample too, so the drawn time extent stays that of the input.
  const lastGapEnd = gapEnds[gapEnds.length - 1];
  if (lastGapEnd === n && picked[picked.length - 1] !== n - 1) picked.push(n - 1);

  const outTimes = new Float64Array(picked.length);
  const outValues = new Float64Array(picked.length);
  for (let i = 0; i < picked.length; i++) {
    const j = picked[i]!;
    outTimes[i] = times[j]!;
    outValues[i] = Number.isFinite(values[j]!) ? values[j]! : NaN;
  }
  return { times: outTimes, values: outValues };
}
