import { checkViewHref } from './splitView';

/**
 * The investigation path (breadcrumbs): the main views this investigation passed through, and which
 * one is open. It lives in the history entry's state (`history.state`, through the router), not in the
 * URL, because that is what "kept in the URL history" means for a path: each entry remembers the
 * trail that led to it, so Back and Forward show the trail of the entry they land on, a reload keeps
 * it (browsers keep `history.state` across reloads), and a pasted link opens one view without someone
 * else's path (nor a kilobyte of nested URLs in it). Each step is an href the app checks like any
 * other link before it is shown, because history state outlives app versions and can be edited.
 */

export const TRAIL_STATE_KEY = 'watchfloorTrail';
/** The last steps kept; older ones fall off the front. */
export const TRAIL_MAX_STEPS = 8;

export interface Trail {
  /** Main-view hrefs (path + query, no split parameters), oldest first. */
  steps: readonly string[];
  /** The step on screen; steps after it are where Forward goes. */
  at: number;
}

export interface TrailRead {
  trail: Trail;
  /** What was dropped and why, for the user. */
  problem?: string;
}

function pathOf(href: string): string {
  const end = href.search(/[?#]/);
  return end < 0 ? href : href.slice(0, end);
}

/** A trail of the current view alone. */
export function freshTrail(currentHref: string): Trail {
  return { steps: [currentHref], at: 0 };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads the trail from a history entry's state for the view at `currentHref`. No trail at all (a
 * first load, a pasted link) is the current view alone; a trail that does not read, holds a step
 * that is not an app view, or does not lead to this view is dropped with a `problem`, and the
 * current view starts afresh. The current step takes the current href (its range may have moved).
 */
export function readTrail(state: unknown, currentHref: string, isAppPath: (pathname: string) => boolean): TrailRead {
  const value = isRecord(state) ? state[TRAIL_STATE_KEY] : undefined;
  if (value === undefined) return { trail: freshTrail(currentHref) };
  const dropped = (why: string): TrailRead => ({ trail: freshTrail(currentHref), problem: `Dropped the investigation path: ${why}.` });
  if (!isRecord(value) || !Array.isArray(value.steps) || typeof value.at !== 'number') return dropped('it was not readable');
  const { steps, at } = value;
  if (steps.length === 0 || steps.length > TRAIL_MAX_STEPS) return dropped(`it had ${steps.length} steps (1 to ${TRAIL_MAX_STEPS})`);
  if (!Number.isInteger(at) || at < 0 || at >= steps.length) return dropped('its position was not one of its steps');
  const checked: string[] = [];
  for (const step of steps) {
    if (typeof step !== 'string') return dropped('a step was not a link');
    const check = checkViewHref(step, isAppPath);
    if (!check.ok) return dropped(`a step ${check.reason}`);
    checked.push(check.href);
  }
  if (pathOf(checked[at]!) !== pathOf(currentHref)) return dropped('it did not lead to this view');
  checked[at] = currentHref;
  return { trail: { steps: checked, at } };
}

/**
 * The trail after a navigation of the main view to `toHref`. The same view (a new range, a filter,
 * another span of the same trace) updates the current step; another view is a new step after the
 * current one, dropping the steps ahead of it, as a browser drops its forward history. `replace`
 * (a redirect, a URL fix-up) puts the new view in place of the current step.
 */
export function advanceTrail(trail: Trail, toHref: string, replace = false): Trail {
  const current = trail.steps[trail.at];
  if (replace || (current !== undefined && pathOf(current) === pathOf(toHref))) {
    const steps = trail.steps.slice();
    steps[trail.at] = toHref;
    return { steps, at: trail.at };
  }
  const steps = [...trail.steps.slice(0, trail.at + 1), toHref].slice(-TRAIL_MAX_STEPS);
  return { steps, at: steps.length - 1 };
}

/** The trail moved to step `at`, keeping the steps on both sides (a breadcrumb, Back, Forward). */
export function trailAt(trail: Trail, at: number): Trail {
  return { steps: trail.steps, at: Math.max(0, Math.min(trail.steps.length - 1, at)) };
}

/** A history state holding `trail`, keeping whatever else the state held. */
export function withTrailState(state: unknown, trail: Trail): Record<string, unknown> {
  return { ...(isRecord(state) ? state : {}), [TRAIL_STATE_KEY]: trail };
}

/** Whether a navigation's own state already says which trail it leads to (a breadcrumb click). */
export function hasTrailState(state: unknown): boolean {
  return isRecord(state) && TRAIL_STATE_KEY in state;
}
