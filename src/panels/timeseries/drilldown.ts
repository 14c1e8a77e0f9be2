import type { CrossLink, TimeWindow } from '../../model/correlations';
import type { Exemplar } from '../../model/series';
import type { Unit } from '../../model/units';

/** Where an exemplar leads: its trace link (or why there is none) and its normalised trace ID. */
export interface ExemplarTarget {
  link: CrossLink;
  /** Set when the link is available: the ID the marker carries as `data-trace-id`. */
  traceId?: string;
}

/** A point clicked on a chart (a window around it) or a window dragged across it. */
export interface ChartSelection {
  kind: 'point' | 'range';
  window: TimeWindow;
  /** The clicked time, or the middle of the dragged window. */
  timeMs: number;
}

/**
 * What a chart offers beyond drawing, handed in by the page (the panel never builds a URL or navigates
 * by itself): where exemplars lead, which links a clicked point or dragged window offers, and how to
 * follow an in-app link.
 */
export interface ChartDrilldown {
  exemplarTarget?: (exemplar: Exemplar) => ExemplarTarget;
  windowLinks?: (selection: ChartSelection) => readonly CrossLink[];
  /** Follows an in-app href; `beside` asks for the side pane (Shift+click). */
  open: (href: string, how: { beside: boolean }) => void;
  /** The unit of exemplar values when it is not the panel's (request durations on an error-ratio chart). */
  exemplarUnit?: Unit;
  /** The panel's exemplars all stand for failed requests (its exemplar query selects errors only). */
  errorSeries?: boolean;
  /** Every exemplar instead of the slowest and the slowest error per bucket. */
  showAllExemplars?: boolean;
}

/** A click stands for this much time each side of the point at least: a few scrape intervals of requests. */
export const MIN_POINT_HALF_WINDOW_MS = 60_000;

/**
 * The window a click on a chart stands for: the point ± 1/40 of the shown range (± 90 s on an hour), at
 * least ± 1 minute, so a search of it finds the requests behind what the line shows there.
 */
export function windowAround(timeMs: number, range: TimeWindow): TimeWindow {
  const half = Math.max(MIN_POINT_HALF_WINDOW_MS, (range.to - range.from) / 40);
  return { from: Math.floor(timeMs - half), to: Math.ceil(timeMs + half) };
}
