import type { ReactNode } from 'react';
import type { PanelState } from './types';
import { useDelayedFlag } from './useDelayedFlag';
import { useWaitingSeconds } from './useWaitingSeconds';

interface PanelFrameProps {
  title: string;
  state: PanelState;
  error?: string;
  warnings?: readonly string[];
  /** A refresh is running behind the data shown (a spinner says so once it has taken a while). */
  fetching?: boolean;
  /** Extra controls in the title bar. */
  actions?: ReactNode;
  className?: string;
  children?: ReactNode;
}

/**
 * The box every panel lives in, and the DOM contract e2e tests and benchmarks rely on: `data-testid`,
 * `data-panel-title` and `data-state`. Errors are the server's own text, selectable, so an SRE can copy
 * the PromQL parse error with its position.
 */
/**
 * A refresh quicker than this shows no spinner: on a wall screen refreshing every few seconds, a dozen
 * spinners flashing for a fraction of a second is flicker, and each flash costs the page a restyle,
 * layout and repaint. A refresh that is really slow still shows one.
 */
export const REFRESH_SPINNER_DELAY_MS = 400;

/**
 * A query still unanswered after this says how long it has waited, counting up: a hung server can take
 * a timeout and a retry (a minute) to fail, and a bare spinner all that time reads as "fine, loading".
 */
export const STILL_WAITING_AFTER_MS = 3000;

function StillWaiting({ seconds }: { seconds: number }) {
  return (
    <span className="panel-waiting" data-testid="panel-waiting" role="status">
      still waiting, {seconds} s
    </span>
  );
}

export function PanelFrame({ title, state, error, warnings = [], fetching, actions, className, children }: PanelFrameProps) {
  const refreshing = useDelayedFlag(fetching === true && state !== 'loading', REFRESH_SPINNER_DELAY_MS);
  // Loading or refreshing alike: either way the newest answer is late.
  const waitedSeconds = useWaitingSeconds(state === 'loading' || fetching === true, STILL_WAITING_AFTER_MS);
  return (
    <section
      className={`panel ${className ?? ''}`}
      data-testid="panel"
      data-panel-title={title}
      data-state={state}
      aria-busy={state === 'loading' || fetching ? true : undefined}
    >
      <header className="panel-header">
        <h2 className="panel-title" title={title}>
          {title}
        </h2>
        {waitedSeconds !== undefined && state !== 'loading' ? (
          <StillWaiting seconds={waitedSeconds} />
        ) : refreshing ? (
          <span className="spinner spinner-small" aria-label="Refreshing" />
        ) : null}
        {warnings.length > 0 ? (
          <span className="panel-warnings" data-testid="panel-warnings" title={warnings.join('\n')}>
            ⚠ {warnings.length}
          </span>
        ) : null}
        {actions}
      </header>
      <div className="panel-body">
        {state === 'error' ? (
          <pre className="panel-error" data-testid="panel-error" role="alert">
            {error}
          </pre>
        ) : state === 'empty' ? (
          <div className="panel-placeholder panel-empty">No data</div>
        ) : (
          children
        )}
        {state === 'loading' ? (
          <div className="panel-placeholder panel-loading">
            {waitedSeconds !== undefined ? <StillWaiting seconds={waitedSeconds} /> : <span className="spinner" aria-label="Loading" />}
          </div>
        ) : null}
      </div>
    </section>
  );
}
