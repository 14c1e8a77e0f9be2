import { lazy, Suspense } from 'react';
import { ResettingErrorBoundary } from '../../panels/shared/ResettingErrorBoundary';
import type { TraceTree } from '../../model/traceTree';
import type { TimeWindow, TraceViewKind } from '../../model/traceViewParams';

// Each view is its own chunk, fetched the first time its tab opens: the waterfall carries none of them.
const FlameGraphView = lazy(async () => ({ default: (await import('./views/FlameGraphView')).FlameGraphView }));
const SummaryView = lazy(async () => ({ default: (await import('./views/SummaryView')).SummaryView }));
const TraceGraphView = lazy(async () => ({ default: (await import('./views/TraceGraphView')).TraceGraphView }));

export interface OtherTraceViewProps {
  view: Exclude<TraceViewKind, 'waterfall'>;
  tree: TraceTree;
  traceStartUs: number;
  traceDurationUs: number;
  zoom: TimeWindow | null;
  selected: number;
  /** Selects a row; with a window, zooms to it too (one URL update, so neither change is lost). */
  onSelect: (row: number, zoom?: TimeWindow | null) => void;
}

/** The flame graph, summary or service graph, loaded on demand; a view that fails says so and leaves the page alone. */
export function OtherTraceView(props: OtherTraceViewProps) {
  const { view } = props;
  return (
    <div className="trace-other-view" id="trace-view-panel" role="tabpanel" aria-labelledby={`trace-tab-${view}`}>
      <ResettingErrorBoundary
        resetKey={`${view}:${props.tree.traceId}`}
        fallback={(error) => (
          <p className="page-message" role="alert">
            This view failed to draw: {error.message}
          </p>
        )}
      >
        <Suspense fallback={<p className="trace-view-loading" role="status">Loading the view…</p>}>
          {view === 'flame' && <FlameGraphView {...props} />}
          {view === 'summary' && <SummaryView tree={props.tree} traceDurationUs={props.traceDurationUs} />}
          {view === 'graph' && <TraceGraphView tree={props.tree} />}
        </Suspense>
      </ResettingErrorBoundary>
    </div>
  );
}
