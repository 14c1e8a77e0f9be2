import { describe, expect, it } from 'vitest';
import { classNoiseTerms, shapeIntegral, shapeLowerBound, shapeValue, systemTrafficTerms } from './trafficShape';

const system = systemTrafficTerms(1);
const noise = classNoiseTerms(1, 3, [0.06, 0.05, 0.04]);

describe('traffic shapes', () => {
  it('integrate in closed form: the integral’s slope is the shape', () => {
    for (const t of [0, 1_600_000_000_000, 1_749_038_196_519, -86_400_000 * 400]) {
      for (const [terms, base] of [[system, true], [noise, false]] as const) {
        const h = 1000;
        const slope = (shapeIntegral(terms, t + h, base) - shapeIntegral(terms, t - h, base)) / 2;
        expect(slope).toBeCloseTo(shapeValue(terms, t, base), 3);
      }
    }
    expect(shapeIntegral(system, 0, true)).toBe(0);
  });

  it('peaks in the afternoon and dips at night and at weekends', () => {
    const wednesday = Date.UTC(2025, 5, 4);
    const sunday = Date.UTC(2025, 5, 8);
    const at = (day: number, hour: number) => shapeValue(system, day + hour * 3_600_000, true);
    expect(at(wednesday, 14.5)).toBeGreaterThan(1.4);
    expect(at(wednesday, 3)).toBeLessThan(0.8);
    expect(at(sunday, 14.5)).toBeLessThan(at(wednesday, 14.5));
  });

  it('stays positive with any class noise on top', () => {
    expect(shapeLowerBound(system, true) + shapeLowerBound(classNoiseTerms(1, 0, [0.12, 0.08, 0.05]), false)).toBeGreaterThan(0);
  });
});
