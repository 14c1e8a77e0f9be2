import type { ReducerName } from './reducers';
import type { Thresholds } from './thresholds';
import type { Unit } from './units';

/**
 * Panels described by data. A spec is plain, serialisable data (no functions, no class instances), so
 * that a dashboard can be built from detected signals today and, later, be saved, imported from Grafana
 * JSON or played on a NOC wall. The panel registry (`panels/registry.tsx`) turns a kind into a component
 * and the one runner (`pages/shared/usePanelData.ts`) turns the queries into data; neither lives here,
 * because a spec must be readable by every layer and this folder imports nothing.
 */
export type PanelKind = 'timeseries' | 'stat' | 'heatmap';

export interface PanelQuerySpec {
  /**
   * The query's name within its panel (A, B… in Explore; p50, p95, p99 on the latency chart). With the
   * label set it is each series' identity, so two queries answering `{}` are still two series.
   */
  ref: string;
  /** Query text in the datasource's own language. */
  expr: string;
  /** Label whose value names each series in the legend (`http_route`, `le`). */
  legendLabel?: string;
  /** Leads each series' name when several queries share one chart ("p99"). */
  legendPrefix?: string;
  /** A fixed colour for this query's series (p99 is the same red on every dashboard). */
  color?: string;
}

/** Links a panel offers; the page resolves them to URLs with its own time state (model/links.ts). */
export type PanelLinkSpec =
  /** "Explore" in the title bar: the panel's queries, editable. */
  | { kind: 'explore' }
  /** A click on an exemplar marker opens its trace. */
  | { kind: 'exemplarTrace' };

export interface PanelOptions {
  /** Name of a series that has no labels at all (a `sum()` without `by`). */
  unnamedSeries?: string;
  /** Series named by an HTTP status code keep its class colour (5xx red) instead of a palette colour. */
  colorBy?: 'statusCode';
  /** A query whose exemplars mark a time-series chart (else the panel's own queries are asked). */
  exemplarsExpr?: string;
  /** The unit of the exemplars' values when it is not the panel's (request durations on an error-ratio chart). */
  exemplarUnit?: Unit;
  /**
   * What the chart shows about requests, so a click on it asks for the right traces: an error chart's
   * traces are the failed ones (and its exemplars all errors), a latency chart's at least as slow as the line there.
   */
  traceHint?: 'errors' | 'latency';
  /** Heatmap: the label holding each bucket's upper bound, and the bound's unit. */
  bucketLabel?: string;
  bucketUnit?: Unit;
}

export interface PanelSpec {
  /** Unique within its dashboard, stable across rebuilds: the React key and the error boundary's name. */
  id: string;
  kind: PanelKind;
  /** Also the DOM contract (`data-panel-title`) that e2e tests and benchmarks select by. */
  title: string;
  queries: readonly PanelQuerySpec[];
  unit: Unit;
  thresholds?: Thresholds;
  /** How a stat folds several series into the one line and number it shows; 'last' when left out. */
  reducer?: ReducerName;
  links?: readonly PanelLinkSpec[];
  options?: PanelOptions;
}

/** A titled group of panels laid out together (the stat row, a grid of charts). */
export interface DashboardSection {
  id: string;
  title?: string;
  layout: 'stats' | 'grid' | 'grid-3';
  panels: readonly PanelSpec[];
}

export interface DashboardSpec {
  title: string;
  sections: readonly DashboardSection[];
}

export function hasLink(spec: PanelSpec, kind: PanelLinkSpec['kind']): boolean {
  return spec.links?.some((l) => l.kind === kind) ?? false;
}
