import { useEffect } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { datasourcesSettingsUrl, exploreUrl, servicesOverviewUrl } from '../model/links';
import { useAutoRefresh } from '../state/autoRefresh';
import { setCrosshairTime } from '../state/crosshair';
import { refreshIntervalMs } from '../state/timeUrl';
import { useTimeRange } from '../state/useTimeRange';
import { DemoDataBadge } from './DemoDataBadge';
import { RefreshPicker } from './RefreshPicker';
import { TimeRangePicker } from './TimeRangePicker';

/** The frame of every page: the top bar with navigation and the time controls, and the auto-refresh timer. */
export function Layout() {
  const { refresh, params } = useTimeRange();
  useAutoRefresh(refreshIntervalMs(refresh));
  const { pathname } = useLocation();
  // The crosshair belongs to one page's charts; a new page starts without a stale one.
  useEffect(() => setCrosshairTime(null), [pathname]);
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
          <NavLink to={exploreUrl([], params)}>Explore</NavLink>
          <NavLink to={datasourcesSettingsUrl(params)}>Datasources</NavLink>
        </nav>
        <div className="time-controls">
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
