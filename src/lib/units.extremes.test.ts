import { describe, expect, it } from 'vitest';
import type { Unit } from '../model/units';
import { EXTREME_VALUES } from './testing/extremeValues';
import { formatValue } from './units';

/** Every suffix a unit may print, with how many of the unit's own base one of it holds. */
const SUFFIXES: Record<Unit, Record<string, number>> = {
  s: { ' ns': 1e-9, ' µs': 1e-6, ' ms': 1e-3, ' s': 1, ' min': 60, ' h': 3600 },
  ms: { ' ns': 1e-6, ' µs': 1e-3, ' ms': 1, ' s': 1e3, ' min': 6e4, ' h': 3.6e6 },
  reqps: { ' req/s': 1, ' K req/s': 1e3, ' M req/s': 1e6, ' G req/s': 1e9, ' T req/s': 1e12 },
  percentunit: { '%': 1e-2 },
  percent: { '%': 1 },
  bytes: { ' B': 1, ' KiB': 1024, ' MiB': 1024 ** 2, ' GiB': 1024 ** 3, ' TiB': 1024 ** 4, ' PiB': 1024 ** 5 },
  cores: { ' cores': 1 },
  short: { '': 1, ' K': 1e3, ' M': 1e6, ' G': 1e9, ' T': 1e12 },
};
const UNITS = Object.keys(SUFFIXES) as Unit[];

const LABEL = /^(-?)(\d+(?:\.\d+)?)(?:e([+-]\d+))?(.*)$/;

/**
 * log10 of the magnitude a label says, read without building the number itself (1e+310 % must not
 * read back as Infinity), or undefined when the label is not a number and a known suffix.
 */
function readBack(label: string, unit: Unit): { negative: boolean; log10: number } | undefined {
  const m = LABEL.exec(label);
  if (!m) return undefined;
  const [, sign, mantissa, exponent, suffix] = m;
  const per = SUFFIXES[unit][suffix!];
  if (per === undefined || Number(mantissa) === 0) return undefined;
  return { negative: sign === '-', log10: Math.log10(Number(mantissa)) + Number(exponent ?? 0) + Math.log10(per) };
}

const MID_VALUES = [0.0015, -0.0123, 0.25, 1.5, 12.3, 999, 1536, 2.5e6, 7.3e12, -4.2e15];

describe('formatValue over the extremes of a double', () => {
  for (const unit of UNITS) {
    it(`reads ${unit} from ±5e-324 to ±1.8e308 as the number it is`, () => {
      for (const v of [...EXTREME_VALUES, ...MID_VALUES]) {
        const label = formatValue(v, unit);
        if (Number.isNaN(v)) expect(label).toBe('NaN');
        else if (v === Infinity) expect(label).toBe('+Inf');
        else if (v === -Infinity) expect(label).toBe('-Inf');
        else if (v === 0) expect(label, `${unit} ${v}`).toMatch(/^0( |%|$)/);
        else {
          const read = readBack(label, unit);
          expect(read, `${unit} ${v} → "${label}"`).toBeDefined();
          expect(read!.negative, `${unit} ${v} → "${label}"`).toBe(v < 0);
          // Three significant digits: within half a percent, so within 0.003 in log10.
          expect(Math.abs(read!.log10 - Math.log10(Math.abs(v))), `${unit} ${v} → "${label}"`).toBeLessThan(0.003);
        }
      }
    });
  }

  it('never prints Infinity for a finite value, even where the unit multiplies it', () => {
    expect(formatValue(Number.MAX_VALUE, 'percentunit')).toBe('1.8e+310%');
    expect(formatValue(-1e308, 'percentunit')).toBe('-1e+310%');
    expect(formatValue(1e308, 'bytes')).toBe('1e+308 B');
    expect(formatValue(1e308, 'reqps')).toBe('1e+308 req/s');
  });

  it('keeps a value that is not zero from reading as zero', () => {
    expect(formatValue(5e-324, 'short')).toBe('4.94e-324');
    expect(formatValue(-1e-98, 'cores')).toBe('-1e-98 cores');
    expect(formatValue(5e-324, 'ms')).toBe('4.94e-318 ns');
    expect(formatValue(1e-300, 's')).toBe('1e-291 ns');
    expect(formatValue(0.0004, 'percent')).toBe('4e-4%');
    expect(formatValue(-0.4, 'short', 0)).toBe('-4e-1');
    expect(formatValue(0.00002, 'percentunit', 1)).toBe('2e-3%');
  });

  it('accepts any decimals without throwing', () => {
    for (const d of [-5, 0, 150, NaN, Infinity, 2.7]) {
      for (const v of EXTREME_VALUES) expect(() => formatValue(v, 'short', d)).not.toThrow();
    }
    expect(formatValue(1e-98, 'short', 150)).toMatch(/^1(\.0+)?e-98$/);
  });
});
