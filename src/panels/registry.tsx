import type { ComponentType, ReactNode } from 'react';
import type { PanelKind, PanelSpec } from '../model/panelSpec';
import type { Exemplar } from '../model/series';
import type { TimeRange } from '../model/time';
import { HeatmapPanel } from './heatmap/HeatmapPanel';
import type { NamedSeries, PanelQueryState } from './shared/types';
import { StatPanel } from './stat/StatPanel';
import type { ChartDrilldown } from './timeseries/drilldown';
import { TimeSeriesPanel } from './timeseries/TimeSeriesPanel';

/**
 * What every panel kind is handed: its spec and the data the runner (`usePanelData`) fetched for it.
 * Panels never fetch; a kind reads the parts of the spec it understands and ignores the rest.
 */
export interface PanelViewProps {
  spec: PanelSpec;
  series: readonly NamedSeries[];
  query: PanelQueryState;
  range: TimeRange;
  exemplars?: readonly Exemplar[];
  /** Where a time-series chart's exemplars and clicked windows lead (the page's links and router). */
  drilldown?: ChartDrilldown;
  onZoom?: (range: TimeRange) => void;
  /** Title-bar controls the page resolved from the spec's links. */
  actions?: ReactNode;
}

export interface PanelDefinition<K extends PanelKind = PanelKind> {
  kind: K;
  /** For pickers and errors: "Time series". */
  name: string;
  component: ComponentType<PanelViewProps>;
}

function TimeSeriesView({ spec, series, query, range, exemplars, drilldown, onZoom, actions }: PanelViewProps) {
  return (
    <TimeSeriesPanel
      title={spec.title}
      unit={spec.unit}
      series={series}
      query={query}
      range={range}
      exemplars={exemplars}
      drilldown={drilldown}
      onZoom={onZoom}
      actions={actions}
    />
  );
}

function StatView({ spec, series, query, range }: PanelViewProps) {
  return <StatPanel title={spec.title} unit={spec.unit} series={series} query={query} range={range} reducer={spec.reducer ?? 'last'} thresholds={spec.thresholds} />;
}

function HeatmapView({ spec, series, query, range }: PanelViewProps) {
  return (
    <HeatmapPanel
      title={spec.title}
      series={series}
      query={query}
      range={range}
      unit={spec.unit}
      boundUnit={spec.options?.bucketUnit ?? 's'}
      leLabel={spec.options?.bucketLabel ?? 'le'}
    />
  );
}

/**
 * The panel kinds, typed by kind: a spec's `kind` picks its component here, so dashboards built from
 * data (detected signals now; saved, imported and wall dashboards later) need no per-page glue.
 * Imported statically: the pages that draw specs draw most kinds, and a lazy chunk per kind would
 * show a second loading state behind every panel's own.
 */
export const PANEL_REGISTRY: { readonly [K in PanelKind]: PanelDefinition<K> } = {
  timeseries: { kind: 'timeseries', name: 'Time series', component: TimeSeriesView },
  stat: { kind: 'stat', name: 'Stat', component: StatView },
  heatmap: { kind: 'heatmap', name: 'Heatmap', component: HeatmapView },
};

export function panelDefinition(kind: PanelKind): PanelDefinition {
  return PANEL_REGISTRY[kind];
}
