import type { Labels } from '../../../src/model/series';
import { compileMatchers } from '../../../src/demo/labelMatchers';
import type { SampleSource, SourceSeries } from '../../../src/demo/source';

/** The gauge that carries the label values the regex cases need; the simulator's own metrics have none. */
export const REGEX_PROBE_METRIC = 'watchfloor_regex_probe';

/**
 * Label values where RE2 and JS RegExp part ways: newlines (does `.` cross them?), the other line
 * terminators JS's `.` stops at, case folding beyond ASCII (Kelvin sign, long s, ß), Unicode vs ASCII
 * `\w`/`\s`, and a character outside the BMP (one rune to Go, two UTF-16 units to JS).
 */
export const REGEX_PROBE_VALUES: readonly string[] = [
  'payments',
  'Payments',
  'PAYMENTS',
  'PAYments',
  'line one\nline two',
  'trailing newline\n',
  '\n',
  'carriage\rreturn',
  'line\u2028separator',
  'tab\there',
  'vertical\vtab',
  'no\u00a0break',
  'Straße',
  '\u212Aelvin',
  'kelvin',
  '\u017Fmall',
  'small',
  '😀',
  'a.b',
  'axb',
  '',
];

/**
 * The source plus one small dedicated series per probe value (`case` labels them in order, since the
 * empty value yields no label at all). Values are constant per case, one sample per scrape.
 */
export function withRegexProbe(source: SampleSource): SampleSource {
  const probes = REGEX_PROBE_VALUES.map((value, index): Labels => {
    const labels: Record<string, string> = { __name__: REGEX_PROBE_METRIC, case: String(index).padStart(2, '0') };
    if (value !== '') labels['value'] = value;
    return labels;
  });
  const step = source.scrapeIntervalMs;
  const series = (labels: Labels, index: number): SourceSeries => ({
    labels,
    samples(startMs, endMs) {
      const first = Math.ceil(startMs / step) * step;
      const count = endMs < first ? 0 : Math.floor((endMs - first) / step) + 1;
      return { timesMs: Float64Array.from({ length: count }, (_, k) => first + k * step), values: new Float64Array(count).fill(index) };
    },
  });
  return {
    scrapeIntervalMs: step,
    select: (matchers) => {
      const matches = compileMatchers(matchers);
      return [...source.select(matchers), ...probes.flatMap((labels, i) => (matches(labels) ? [series(labels, i)] : []))];
    },
    exemplars: (matchers, startMs, endMs) => source.exemplars(matchers, startMs, endMs),
    metadata: () => ({ ...source.metadata(), [REGEX_PROBE_METRIC]: { type: 'gauge', help: 'Label values for the regex matcher cases.', unit: '' } }),
  };
}
