import { Link, NavLink, Outlet } from 'react-router';
import { datasourcesSettingsUrl, exploreUrl, logsPageUrl, servicesOverviewUrl, traceSearchPageUrl } from '../model/links';
import { TimeScopeProvider } from '../state/TimeScopeProvider';
import { OpenTraceFile } from '../pages/traces/files/OpenTraceFile';
import { useTimeScope } from '../state/timeScopeContext';
import { DemoDataBadge } from './DemoDataBadge';
import { RefreshPicker } from './RefreshPicker';
import { TimeRangePicker } from './TimeRangePicker';
import { TraceIdBox } from './TraceIdBox';

/**
 * The frame of every page inside the page's main time scope, the URL's: its range, refresh timer and
 * crosshair belong to whatever page is open, and the top bar's pickers drive it.
 */
export function Layout() {
  return (
    <TimeScopeProvider>
      <Frame />
    </TimeScopeProvider>
  );
}

function Frame() {
  const { params } = useTimeScope();
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
        </div>
      </header>
      <main className="content">
        <Outlet />
      </main>
    </div>
  );
}
