import { Suspense, use, useEffect, type ComponentType } from 'react';
import { whenIdle } from '../../lib/whenIdle';
import { ResettingErrorBoundary } from '../../panels/shared/ResettingErrorBoundary';
import type { TraceTree } from '../../model/traceTree';
import type { TimeWindow, TraceViewKind } from '../../model/traceViewParams';

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

type ViewComponent = ComponentType<OtherTraceViewProps>;
type OtherView = OtherTraceViewProps['view'];

// Each view is its own chunk: none is in the waterfall's JS. They are fetched the first time a tab opens, or
// once the trace page has painted and the browser is idle (preloadTraceViews), so a tab switch need not wait
// for the network and for React's fallback-reveal throttle (~300 ms) as well.
const LOADERS: Record<OtherView, () => Promise<ViewComponent>> = {
  flame: async () => (await import('./views/FlameGraphView')).FlameGraphView,
  summary: async () => (await import('./views/SummaryView')).SummaryView,
  graph: async () => (await import('./views/TraceGraphView')).TraceGraphView,
};
const pending = new Map<OtherView, Promise<ViewComponent>>();
const loaded = new Map<OtherView, ViewComponent>();

function load(view: OtherView): Promise<ViewComponent> {
  let promise = pending.get(view);
  if (!promise) {
    promise = LOADERS[view]().then((component) => {
      loaded.set(view, component);
      return component;
    });
    // A failed fetch (a deploy replaced the chunk, the network dropped) may be retried by the next switch.
    promise.catch(() => pending.delete(view));
    pending.set(view, promise);
  }
  return promise;
}

/** Fetches every view's chunk when the browser is next idle; failures are left for the tab switch to report. */
export function usePreloadTraceViews(): void {
  useEffect(() => {
    const run = () => {
      for (const view of Object.keys(LOADERS) as OtherView[]) load(view).catch(() => undefined);
    };
    return whenIdle(run, { timeoutMs: 2000, fallbackMs: 200 });
  }, []);
}

/** The flame graph, summary or service graph; a view that fails says so and leaves the page alone. */
export function OtherTraceView(props: OtherTraceViewProps) {
  const { view } = props;
  const ready = loaded.get(view);
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
        {ready ? (
          <ViewOf component={ready} {...props} />
        ) : (
          <Suspense fallback={<p className="trace-view-loading" role="status">Loading the view…</p>}>
            <LoadingView {...props} />
          </Suspense>
        )}
      </ResettingErrorBoundary>
    </div>
  );
}

function LoadingView(props: OtherTraceViewProps) {
  const component = use(load(props.view));
  return <ViewOf component={component} {...props} />;
}

function ViewOf({ component: View, ...props }: OtherTraceViewProps & { component: ViewComponent }) {
  return <View {...props} />;
}
