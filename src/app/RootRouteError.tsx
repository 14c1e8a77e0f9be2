import { RouteError } from '../pages/shared/RouteError';
import { DemoDataBadge } from './DemoDataBadge';

/**
 * What shows when the frame itself fails (Layout threw, or an error reached the root route). The Layout and
 * its top bar are gone then, so this keeps a bar of its own: with the demo in use, "Demo data" must still be
 * said on a screen that may hold simulated figures in its message.
 */
export function RootRouteError() {
  return (
    <div className="app">
      <header className="top-bar">
        <a className="brand" href="/services">
          <img src="/favicon.svg" alt="" width={20} height={20} /> Watchfloor
        </a>
        <DemoDataBadge />
      </header>
      <main className="content">
        <RouteError />
      </main>
    </div>
  );
}
