/**
 * Points a dashboard chart asks for, from the window width at first render (two charts per row). It is
 * read once, not on every resize: a new width would mean new query keys and a refetch of every panel.
 */
export function dashboardPoints(windowWidth: number): number {
  return Math.min(1200, Math.max(200, Math.floor(windowWidth / 2)));
}
