import { Component, Suspense, useMemo, type ContextType, type ErrorInfo, type ReactNode } from 'react';
import {
  createPath,
  NavigationType,
  parsePath,
  Router,
  useRoutes,
  UNSAFE_DataRouterContext,
  UNSAFE_DataRouterStateContext,
  UNSAFE_LocationContext,
  UNSAFE_RouteContext,
  type Navigator,
  type RouteObject,
  type To,
} from 'react-router';
import { visibleText } from '../../lib/visibleText';
import { viewTitle } from '../../model/viewTitle';
import { TimeScopeProvider } from '../../state/TimeScopeProvider';
import { RefreshPicker } from '../RefreshPicker';
import { TimeRangePicker } from '../TimeRangePicker';
import { sideRoutes } from './sideRoutes';
import { useSplitController, type SplitController } from './splitContext';

const TOP_ROUTE: ContextType<typeof UNSAFE_RouteContext> = { outlet: null, matches: [], isDataRoute: false };
// <Router> refuses to sit inside another; the side pane's is detached from the app's on purpose.
const NO_LOCATION = null as unknown as ContextType<typeof UNSAFE_LocationContext>;

const hrefOf = (to: To) => (typeof to === 'string' ? to : createPath(to));

/**
 * A router of its own for the side pane: its location is the `side` parameter, and its navigator
 * writes that parameter back, so the links, pickers and pages inside navigate the side pane, not the
 * main view. The app's data-router contexts are hidden from it, so its hooks take this router.
 */
function DetachedRouter({ href, controller, children }: { href: string; controller: SplitController; children: ReactNode }) {
  const location = useMemo(() => ({ ...parsePath(href), state: null, key: href }), [href]);
  const { navigateSide, go } = controller;
  const navigator = useMemo<Navigator>(
    () => ({
      createHref: hrefOf,
      push: (to) => navigateSide(hrefOf(to), false),
      replace: (to) => navigateSide(hrefOf(to), true),
      go,
    }),
    [navigateSide, go],
  );
  return (
    <UNSAFE_DataRouterContext.Provider value={null}>
      <UNSAFE_DataRouterStateContext.Provider value={null}>
        <UNSAFE_RouteContext.Provider value={TOP_ROUTE}>
          <UNSAFE_LocationContext.Provider value={NO_LOCATION}>
            <Router location={location} navigator={navigator} navigationType={NavigationType.Push}>
              {children}
            </Router>
          </UNSAFE_LocationContext.Provider>
        </UNSAFE_RouteContext.Provider>
      </UNSAFE_DataRouterStateContext.Provider>
    </UNSAFE_DataRouterContext.Provider>
  );
}

function SideRoutes({ routes }: { routes: RouteObject[] }) {
  return useRoutes(routes);
}

/** One view failing in the side pane stays in the side pane. */
class SidePaneBoundary extends Component<{ children: ReactNode }, { error?: Error }> {
  override state: { error?: Error } = {};
  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }
  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('Side pane view failed', error, info.componentStack);
  }
  override render() {
    if (this.state.error) {
      return (
        <div className="route-error" role="alert">
          <h2>This view failed</h2>
          <p>{this.state.error.message}</p>
        </div>
      );
    }
    return this.props.children;
  }
}

function SidePaneBar({ controller, title }: { controller: SplitController; title: string }) {
  const shown = visibleText(title, 48);
  return (
    <div className="side-pane-bar">
      <div className="side-pane-row">
        <h2 className="side-pane-title" title={shown.title}>
          {shown.text}
        </h2>
        <label className="side-pane-lock">
          <input type="checkbox" checked={controller.split?.lock ?? false} onChange={(e) => controller.setLock(e.target.checked)} /> Lock time ranges
        </label>
        <button type="button" className="tool-button" onClick={controller.swap} title="Swap the two panes">
          Swap panes
        </button>
        <button type="button" className="tool-button" onClick={controller.promote} title="Show this view alone">
          Open as main view
        </button>
        <button type="button" className="tool-button" aria-label="Close side pane" title="Close side pane" onClick={controller.close}>
          ×
        </button>
      </div>
      <div className="side-pane-row side-pane-time">
        <TimeRangePicker />
        <RefreshPicker />
      </div>
    </div>
  );
}

/** The side pane: the linked view beside the main one, in its own router and time scope. Lazy chunk. */
export default function SidePane() {
  const controller = useSplitController();
  const routes = useMemo(() => sideRoutes(controller?.routes ?? []), [controller?.routes]);
  const href = controller?.sideView;
  if (!controller || href === undefined) return null;
  const { pathname } = parsePath(href);
  return (
    <section className="side-pane" role="region" aria-label="Side pane">
      <DetachedRouter href={href} controller={controller}>
        <TimeScopeProvider>
          <SidePaneBar controller={controller} title={viewTitle(href)} />
          <div className="side-pane-body">
            <SidePaneBoundary key={pathname}>
              <Suspense fallback={<p className="loading">Loading…</p>}>
                <SideRoutes routes={routes} />
              </Suspense>
            </SidePaneBoundary>
          </div>
        </TimeScopeProvider>
      </DetachedRouter>
    </section>
  );
}
