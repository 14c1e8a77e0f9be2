import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { datasourcesSettingsUrl, exploreUrl, logsPageUrl, servicesOverviewUrl, traceSearchPageUrl } from '../model/links';
import { TimeScopeProvider } from '../state/TimeScopeProvider';
import { OpenTraceFile } from '../pages/traces/files/OpenTraceFile';
import { ThemeSwitch } from '../pages/shared/ThemeSwitch';
import { useTimeScope } from '../state/timeScopeContext';
import { DemoDataBadge } from './DemoDataBadge';
import { RefreshPicker } from './RefreshPicker';
import { TimeRangePicker } from './TimeRangePicker';
import { TraceIdBox } from './TraceIdBox';
import { Breadcrumbs } from './split/Breadcrumbs';
import { SplitFrame } from './split/SplitFrame';
import { SplitNavigation } from './split/SplitNavigation';
import { useDocumentTheme } from './useDocumentTheme';

/**
 * The frame of every page inside the page's main time scope, the URL's: its range, refresh timer and
 * crosshair belong to whatever page is open, and the top bar's pickers drive it. Around it, the split
 * view (a side pane, `?side=`) and the investigation path (breadcrumbs), `split/`.
 */
export function Layout() {
  return (
    <SplitNavigation>
      <TimeScopeProvider>
        <Frame />
      </TimeScopeProvider>
    </SplitNavigation>
  );
}

function Frame() {
  const { params } = useTimeScope();
  const { pathname } = useLocation();
  useDocumentTheme(pathname === '/noc' || pathname.startsWith('/noc/'));
  return (
    <div className="app">
      <header className="top-bar">
        <Link className="brand" to={servicesOverviewUrl(params)}>
          <img src="/favicon.svg" alt="" width={20} height={20} /> Watchfloor
        </Link>
        <DemoDataBadge />
        <nav className="main-nav">
          <NavLink to={servicesOverviewUrl(params)} end={false}>
            Services
          </NavLink>
          <NavLink to={exploreUrl([], params)} end>
            Explore
          </NavLink>
          <NavLink to={logsPageUrl(params)}>Logs</NavLink>
          <NavLink to={traceSearchPageUrl(params)} end>
            Traces
          </NavLink>
          <NavLink to="/noc">Wall</NavLink>
          <NavLink to={datasourcesSettingsUrl(params)}>Datasources</NavLink>
        </nav>
        <div className="time-controls">
          <TraceIdBox />
          <OpenTraceFile />
          <TimeRangePicker />
          <RefreshPicker />
          <ThemeSwitch />
        </div>
      </header>
      <Breadcrumbs />
      <SplitFrame>
        <main className="content">
          <Outlet />
        </main>
      </SplitFrame>
    </div>
  );
}
