import { describe, expect, it } from 'vitest';
import { advanceTrail, freshTrail, readTrail, TRAIL_MAX_STEPS, TRAIL_STATE_KEY, trailAt, withTrailState } from './trail';

const isAppPath = (p: string) => /^\/(services(\/[^/]+)?|traces(\/[^/]+)?|explore(\/logs)?)$/.test(p);
const stateWith = (trail: unknown) => ({ [TRAIL_STATE_KEY]: trail });

describe('advanceTrail', () => {
  it('adds a step per view: metric → trace → logs', () => {
    let trail = freshTrail('/services/payments?from=now-1h&to=now');
    trail = advanceTrail(trail, '/traces/abc?from=1&to=2');
    trail = advanceTrail(trail, '/explore/logs?q=%7Bservice_name%3D%22payments%22%7D');
    expect(trail).toEqual({ steps: ['/services/payments?from=now-1h&to=now', '/traces/abc?from=1&to=2', '/explore/logs?q=%7Bservice_name%3D%22payments%22%7D'], at: 2 });
  });

  it('updates the current step when the same view changes (a range, a selected span)', () => {
    const trail = advanceTrail(freshTrail('/traces/abc?from=1&to=2'), '/traces/abc?from=1&to=2&span=s1');
    expect(trail).toEqual({ steps: ['/traces/abc?from=1&to=2&span=s1'], at: 0 });
  });

  it('replaces the current step on a replace navigation (a redirect)', () => {
    expect(advanceTrail(freshTrail('/'), '/services', true)).toEqual({ steps: ['/services'], at: 0 });
  });

  it('drops the steps ahead when a new view is opened from an earlier step', () => {
    const trail = trailAt({ steps: ['/services/a', '/traces/t', '/explore/logs'], at: 2 }, 0);
    expect(advanceTrail(trail, '/explore')).toEqual({ steps: ['/services/a', '/explore'], at: 1 });
  });

  it(`keeps the last ${TRAIL_MAX_STEPS} steps`, () => {
    let trail = freshTrail('/services/s0');
    for (let i = 1; i <= 20; i++) trail = advanceTrail(trail, i % 2 ? `/traces/t${i}` : `/services/s${i}`);
    expect(trail.steps).toHaveLength(TRAIL_MAX_STEPS);
    expect(trail.steps.at(-1)).toBe('/services/s20');
    expect(trail.at).toBe(TRAIL_MAX_STEPS - 1);
  });
});

describe('readTrail: history state is checked like any link', () => {
  it('starts with the current view when the entry has no trail (a first load, a pasted link)', () => {
    expect(readTrail(null, '/services', isAppPath)).toEqual({ trail: { steps: ['/services'], at: 0 } });
    expect(readTrail({ other: 1 }, '/services', isAppPath)).toEqual({ trail: { steps: ['/services'], at: 0 } });
  });

  it('reads a trail that leads to the current view, taking its current href', () => {
    const read = readTrail(withTrailState(null, { steps: ['/services/a', '/traces/t?from=1'], at: 1 }), '/traces/t?from=5', isAppPath);
    expect(read).toEqual({ trail: { steps: ['/services/a', '/traces/t?from=5'], at: 1 } });
  });

  it.each([
    ['a string', 'garbage', 'it was not readable'],
    ['an array', ['/services'], 'it was not readable'],
    ['steps not an array', { steps: '/services', at: 0 }, 'it was not readable'],
    ['no steps', { steps: [], at: 0 }, 'it had 0 steps (1 to 8)'],
    ['too many steps', { steps: Array(9).fill('/services'), at: 0 }, 'it had 9 steps (1 to 8)'],
    ['a position past the end', { steps: ['/services'], at: 3 }, 'its position was not one of its steps'],
    ['a fractional position', { steps: ['/services'], at: 0.5 }, 'its position was not one of its steps'],
    ['a step that is a number', { steps: [42], at: 0 }, 'a step was not a link'],
    ['an off-site step', { steps: ['//evil.example', '/services'], at: 1 }, 'a step is not a path in Watchfloor'],
    ['a javascript: step', { steps: ['javascript:alert(1)', '/services'], at: 1 }, 'a step is not a path in Watchfloor'],
    ['a step that is no route', { steps: ['/admin', '/services'], at: 1 }, 'a step is not a Watchfloor view'],
    ['a trail that leads elsewhere', { steps: ['/services', '/explore'], at: 1 }, 'it did not lead to this view'],
  ])('drops %s with a message and starts afresh', (_name, value, why) => {
    expect(readTrail(stateWith(value), '/services', isAppPath)).toEqual({
      trail: { steps: ['/services'], at: 0 },
      problem: `Dropped the investigation path: ${why}.`,
    });
  });

  it('keeps other history state next to the trail', () => {
    expect(withTrailState({ keep: 1 }, freshTrail('/x'))).toEqual({ keep: 1, [TRAIL_STATE_KEY]: { steps: ['/x'], at: 0 } });
    expect(withTrailState('text', freshTrail('/x'))).toEqual({ [TRAIL_STATE_KEY]: { steps: ['/x'], at: 0 } });
  });
});
