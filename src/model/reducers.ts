/**
 * Named reducers, in one registry (Grafana's `fieldReducer`): a stat says which reduction it shows, and
 * the spec names it; it is never guessed from the unit. Each reducer folds a list of numbers into one,
 * skipping NaN and ±Infinity (gaps and overflow, not values to add up); with nothing finite it gives NaN.
 */
export type ReducerName = 'last' | 'sum' | 'max' | 'min' | 'mean';

export interface Reducer {
  name: ReducerName;
  /** What a stat's caption says: short, lower case. */
  label: string;
  /** A sentence for the caption's tooltip. */
  description: string;
  reduce(values: ArrayLike<number>): number;
}

function fold(values: ArrayLike<number>, step: (acc: number, v: number) => number): number {
  let acc = NaN;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    acc = Number.isNaN(acc) ? v : step(acc, v);
  }
  return acc;
}

function mean(values: ArrayLike<number>): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    sum += v;
    count++;
  }
  return count === 0 ? NaN : sum / count;
}

export const REDUCERS: Readonly<Record<ReducerName, Reducer>> = {
  last: { name: 'last', label: 'last', description: 'the last series listed, at each time', reduce: (vs) => fold(vs, (_acc, v) => v) },
  sum: { name: 'sum', label: 'sum', description: 'the series added up at each time', reduce: (vs) => fold(vs, (acc, v) => acc + v) },
  max: { name: 'max', label: 'max', description: 'the largest series at each time', reduce: (vs) => fold(vs, (acc, v) => (v > acc ? v : acc)) },
  min: { name: 'min', label: 'min', description: 'the smallest series at each time', reduce: (vs) => fold(vs, (acc, v) => (v < acc ? v : acc)) },
  mean: { name: 'mean', label: 'mean', description: 'the mean of the series at each time', reduce: mean },
};

export function isReducerName(name: string): name is ReducerName {
  return Object.hasOwn(REDUCERS, name);
}

export interface Column {
  times: Float64Array;
  values: Float64Array;
}

/**
 * The series folded into one, time by time: at every time that any series has a sample, the reducer of
 * the samples there. Times are the sorted union of the series' times (a range query's series share them);
 * a series without a sample at a time simply takes no part there, and a time where no sample is finite
 * is a gap (NaN). One series comes back as itself, so its identity (and anything memoized on it) holds.
 */
export function reduceAcross(series: readonly Column[], reducer: ReducerName): Column {
  if (series.length === 1) return series[0]!;
  const reduce = REDUCERS[reducer].reduce;
  const at = new Int32Array(series.length); // per series: index of its next unread sample
  const times: number[] = [];
  const values: number[] = [];
  const here: number[] = [];
  for (;;) {
    // The next time is the smallest unread time of any series; every series at that time takes part.
    let t = Infinity;
    for (let i = 0; i < series.length; i++) {
      const s = series[i]!;
      if (at[i]! < s.times.length && s.times[at[i]!]! < t) t = s.times[at[i]!]!;
    }
    if (t === Infinity) break;
    here.length = 0;
    for (let i = 0; i < series.length; i++) {
      const s = series[i]!;
      if (at[i]! < s.times.length && s.times[at[i]!] === t) here.push(s.values[at[i]!++]!);
    }
    times.push(t);
    values.push(reduce(here));
  }
  return { times: Float64Array.from(times), values: Float64Array.from(values) };
}

/** The newest finite value of a column, or undefined when it has none. */
export function newestFinite(values: Float64Array): number | undefined {
  for (let i = values.length - 1; i >= 0; i--) if (Number.isFinite(values[i]!)) return values[i]!;
  return undefined;
}
