import type { ReactNode } from 'react';
import type { PanelState } from './types';

interface PanelFrameProps {
  title: string;
  state: PanelState;
  error?: string;
  warnings?: readonly string[];
  /** A refresh is running behind the data shown. */
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
export function PanelFrame({ title, state, error, warnings = [], fetching, actions, className, children }: PanelFrameProps) {
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
        {fetching && state !== 'loading' ? <span className="spinner spinner-small" aria-label="Refreshing" /> : null}
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
            <span className="spinner" aria-label="Loading" />
          </div>
        ) : null}
      </div>
    </section>
  );
}
