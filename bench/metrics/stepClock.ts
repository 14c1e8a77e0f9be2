/**
 * When to press "Refresh now" so that every press lands in a new query step. The adapter aligns a
 * range's end down to a multiple of the step (epoch ms), so a refresh inside the same step asks for the
 * same samples as the one before; a press `offsetMs` after each step boundary asks for a range whose
 * end has moved by exactly one step, and every series of every panel changes.
 */
export function nextPressAt(nowMs: number, stepMs: number, offsetMs: number, minLeadMs = 0): number {
  const earliest = nowMs + minLeadMs;
  const boundary = Math.floor((earliest - offsetMs) / stepMs) * stepMs;
  const candidate = boundary + offsetMs;
  return candidate >= earliest ? candidate : candidate + stepMs;
}

/** The step a press at `atMs` falls in: two presses asked for different data exactly when these differ. */
export function stepIndex(atMs: number, stepMs: number): number {
  return Math.floor(atMs / stepMs);
}
