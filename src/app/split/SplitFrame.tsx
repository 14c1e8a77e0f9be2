import { lazy, Suspense, useState, type ReactNode } from 'react';
import { PaneDivider } from './PaneDivider';
import { useSplitController } from './splitContext';

// The side pane's machinery (a second router over the route table, its bar) loads only when a pane opens.
const SidePane = lazy(() => import('./SidePane'));

/**
 * The main view, and the side pane beside it when one is open. The main view stays the same element
 * either way, so opening or closing the side pane does not remount the page.
 */
export function SplitFrame({ children }: { children: ReactNode }) {
  const controller = useSplitController();
  const open = controller?.split !== undefined;
  const [share, setShare] = useState(0.5);
  return (
    <>
      {controller && controller.notices.length > 0 ? (
        <div className="url-state-notice" role="status">
          {controller.notices.map((text) => (
            <p key={text}>{text}</p>
          ))}
          <button type="button" className="tool-button" aria-label="Dismiss" onClick={controller.dismissNotices}>
            ×
          </button>
        </div>
      ) : null}
      <div
        className={open ? 'split-area is-split' : 'split-area'}
        style={open ? { gridTemplateColumns: `minmax(0, ${share}fr) auto minmax(0, ${1 - share}fr)` } : undefined}
      >
        {children}
        {open ? <PaneDivider share={share} onShare={setShare} /> : null}
        {open ? (
          <Suspense fallback={<section className="side-pane" role="region" aria-label="Side pane" aria-busy="true" />}>
            <SidePane />
          </Suspense>
        ) : null}
      </div>
    </>
  );
}
