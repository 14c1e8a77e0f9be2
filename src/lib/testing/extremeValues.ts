/**
 * The doubles a hostile or broken Prometheus can hand us (issue 5, #14 and #15), for property-style tests:
 * every formatter and scale must hold on each of them, alone and mixed with sane values.
 */
export const EXTREME_VALUES: readonly number[] = [
  5e-324,
  -5e-324,
  1e-300,
  -1e-300,
  1e-98,
  -1e-98,
  1e308,
  -1e308,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  NaN,
  Infinity,
  -Infinity,
  0,
  -0,
];

const MAX = Number.MAX_VALUE;

/** Value columns of one pathological series each: every extreme held flat, then mixes of them. */
export const EXTREME_COLUMNS: ReadonlyArray<{ name: string; values: readonly number[] }> = [
  ...EXTREME_VALUES.map((v) => ({ name: `flat ${v}`, values: [v, v, v, v] })),
  { name: '1e308 and -1e308', values: [1e308, -1e308, 1e308, -1e308] },
  { name: '±Number.MAX_VALUE', values: [MAX, -MAX, MAX, -MAX] },
  { name: 'MAX_VALUE twice (sum overflows)', values: [MAX, MAX, MAX, MAX] },
  { name: 'subnormal to huge', values: [5e-324, 1e308, -5e-324, -1e308] },
  { name: 'tiny positive (toFixed > 100 digits)', values: [1e-98, 5e-99, 2e-99, 1e-99] },
  { name: 'subnormals only', values: [5e-324, 1e-323, 1.5e-323, 0] },
  { name: '±1e-300', values: [1e-300, -1e-300, 1e-300, -1e-300] },
  { name: 'infinities and NaN around a number', values: [Infinity, NaN, -Infinity, 1] },
  { name: 'huge beside sane', values: [1, 1e308, 2, 3] },
  { name: 'tiny beside sane', values: [1, 5e-324, 2, 3] },
];
