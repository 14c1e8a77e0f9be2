import { useCallback, useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { exploreUrl, type TimeParams } from '../../model/links';
import { hasLink, type PanelSpec } from '../../model/panelSpec';
import type { Exemplar } from '../../model/series';
import type { TimeRange } from '../../model/time';
import { panelDefinition } from '../../panels/registry';
import { PanelErrorBoundary } from '../../panels/shared/PanelErrorBoundary';
import type { ChartDrilldown, ChartSelection } from '../../panels/timeseries/drilldown';
import { chartWindowLinks, exemplarTargetOf } from './chartLinks';
import { useCorrelator } from './correlator';
import { useOpenBeside } from './openBeside';
import { usePanelData, type PanelRunContext } from './usePanelData';

/** What the panels of one view share: where they run, and the view's time state for links and zoom. */
export interface PanelContext extends PanelRunContext {
  /** The page's time state, carried into links (Explore). */
  timeParams: TimeParams;
  /** Drag across a chart to pick a range; omit to disable. */
  onZoom?: (range: TimeRange) => void;
}

/** Opens a panel's queries in Explore, where they can be edited; the Grafana habit of "Explore" on a panel. */
export function ExploreLink({ queries, timeParams }: { queries: readonly string[]; timeParams: TimeParams }) {
  if (queries.length === 0) return null;
  return (
    <Link className="panel-action" to={exploreUrl(queries, timeParams)} title="Open this query in Explore">
      Explore
    </Link>
  );
}

function SpecPanelBody({ spec, ctx }: { spec: PanelSpec; ctx: PanelContext }) {
  const data = usePanelData(spec, ctx);
  const navigate = useNavigate();
  const correlator = useCorrelator();
  const metricsUid = ctx.ds.uid;
  // Stable across refreshes (it depends on no data), so the markers redraw only when they change.
  const exemplarTarget = useCallback((e: Exemplar) => exemplarTargetOf(correlator, metricsUid, e), [correlator, metricsUid]);
  // Shift+click (or Shift+Enter) asks for the side pane; outside the app frame there is none, and it opens here.
  const openBeside = useOpenBeside();
  const open = useCallback(
    (href: string, how: { beside: boolean }) => {
      if (how.beside && openBeside) openBeside(href);
      else void navigate(href);
    },
    [navigate, openBeside],
  );
  const series = data.series;
  const service = ctx.service;
  const windowLinks = useCallback((selection: ChartSelection) => chartWindowLinks(correlator, spec, service, series, selection), [correlator, spec, service, series]);
  const exemplarUnit = spec.options?.exemplarUnit;
  const errorSeries = spec.options?.traceHint === 'errors';
  const showAllExemplars = ctx.showAllExemplars === true;
  const drilldown = useMemo<ChartDrilldown | undefined>(
    () =>
      spec.kind === 'timeseries'
        ? {
            exemplarTarget,
            windowLinks,
            open,
            ...(exemplarUnit ? { exemplarUnit } : {}),
            errorSeries,
            showAllExemplars,
          }
        : undefined,
    [spec.kind, exemplarTarget, windowLinks, open, exemplarUnit, errorSeries, showAllExemplars],
  );
  const { component: Panel } = panelDefinition(spec.kind);
  return (
    <Panel
      spec={spec}
      series={data.series}
      query={data.query}
      range={ctx.range}
      exemplars={data.exemplars}
      drilldown={drilldown}
      onZoom={ctx.onZoom}
      actions={hasLink(spec, 'explore') ? <ExploreLink queries={spec.queries.map((q) => q.expr)} timeParams={ctx.timeParams} /> : undefined}
    />
  );
}

/**
 * A panel drawn from its spec: the runner fetches, the registry picks the component, and the page's
 * context resolves the links. A panel that throws while drawing shows its error in its own frame and
 * tries again when its queries or range change; the rest of the page lives on.
 */
export function SpecPanel({ spec, ctx }: { spec: PanelSpec; ctx: PanelContext }) {
  const resetKey = `${spec.queries.map((q) => q.expr).join('\u0000')} ${ctx.range.from}:${ctx.range.to}`;
  return (
    <PanelErrorBoundary title={spec.title} resetKey={resetKey}>
      <SpecPanelBody spec={spec} ctx={ctx} />
    </PanelErrorBoundary>
  );
}
