import type { ComponentType } from 'react';

/**
 * The panel kinds, each loaded on demand so a page's chunk holds only the panels it draws (the
 * overview ships sparklines, not Recharts). Pages that know their panels import them directly; this
 * is for views that choose panels from data, such as saved dashboards in later issues.
 */
export type PanelKind = 'timeseries' | 'stat' | 'heatmap' | 'sparkline';

// Panel props differ per kind; a caller picks the kind and supplies its props.
type AnyPanel = ComponentType<never>;

export const panelLoaders: Readonly<Record<PanelKind, () => Promise<AnyPanel>>> = {
  timeseries: () => import('./timeseries/TimeSeriesPanel').then((m) => m.TimeSeriesPanel as AnyPanel),
  stat: () => import('./stat/StatPanel').then((m) => m.StatPanel as AnyPanel),
  heatmap: () => import('./heatmap/HeatmapPanel').then((m) => m.HeatmapPanel as AnyPanel),
  sparkline: () => import('./sparkline/Sparkline').then((m) => m.Sparkline as AnyPanel),
};
