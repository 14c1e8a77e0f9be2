import { afterAll, describe, expect, it } from 'vitest';
import { timeTicks } from './timeAxis';

// Node reads TZ again whenever it is assigned, so the ticks below are laid out in Berlin's clock. Set
// while the module loads, before the test table below builds its dates; the first test checks it took.
const previousTz = process.env.TZ;
process.env.TZ = 'Europe/Berlin';
afterAll(() => {
  if (previousTz === undefined) delete process.env.TZ;
  else process.env.TZ = previousTz;
});

const berlin = (month: number, day: number, hours = 0, minutes = 0) => new Date(2026, month - 1, day, hours, minutes).getTime();
const clock = (t: number) => {
  const d = new Date(t);
  return `${String(d.getDate()).padStart(2, '0')} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
};

describe('timeTicks across a DST change (#11)', () => {
  it('really runs in a zone that changes its offset in those weeks', () => {
    expect(new Date(berlin(3, 28, 12)).getTimezoneOffset()).toBe(-60);
    expect(new Date(berlin(3, 30, 12)).getTimezoneOffset()).toBe(-120);
    expect(new Date(berlin(10, 26, 12)).getTimezoneOffset()).toBe(-60);
    // 29 March has 23 hours, 25 October 25.
    expect(berlin(3, 30) - berlin(3, 29)).toBe(23 * 3_600_000);
    expect(berlin(10, 26) - berlin(10, 25)).toBe(25 * 3_600_000);
  });

  for (const [name, from, to] of [
    ['spring forward, week of 2026-03-29', berlin(3, 26), berlin(4, 2)],
    ['fall back, week of 2026-10-25', berlin(10, 22), berlin(10, 29)],
  ] as const) {
    it(`keeps 6-hourly ticks on 00:00, 06:00, 12:00, 18:00 all week (${name})`, () => {
      const ticks = timeTicks(from, to, 30);
      expect(ticks.length).toBe(29);
      for (const t of ticks) expect(clock(t)).toMatch(/ (00|06|12|18):00$/);
    });

    it(`keeps daily ticks on local midnight (${name})`, () => {
      const start = new Date(from);
      const midnights = Array.from({ length: 8 }, (_, i) => new Date(start.getFullYear(), start.getMonth(), start.getDate() + i).getTime());
      expect(timeTicks(from, to, 8).map(clock)).toEqual(midnights.map(clock));
      expect(midnights.map(clock).every((c) => c.endsWith(' 00:00'))).toBe(true);
    });
  }

  it('ticks every hour the clock shows on the short day, skipping the hour that does not exist', () => {
    expect(timeTicks(berlin(3, 29), berlin(3, 29, 6), 8).map(clock)).toEqual(['29 00:00', '29 01:00', '29 03:00', '29 04:00', '29 05:00', '29 06:00']);
  });

  it('ticks the repeated hour once on the long day, in order', () => {
    const ticks = timeTicks(berlin(10, 25), berlin(10, 25, 6), 8);
    expect(ticks.map(clock)).toEqual(['25 00:00', '25 01:00', '25 02:00', '25 03:00', '25 04:00', '25 05:00', '25 06:00']);
    for (let i = 1; i < ticks.length; i++) expect(ticks[i]!).toBeGreaterThan(ticks[i - 1]!);
  });

  it('keeps quarter-hour ticks on the quarter hour through the change', () => {
    const ticks = timeTicks(berlin(3, 29, 1, 7), berlin(3, 29, 4, 7), 8);
    expect(ticks.length).toBeGreaterThan(4);
    for (const t of ticks) expect(new Date(t).getMinutes() % 15).toBe(0);
  });
});
