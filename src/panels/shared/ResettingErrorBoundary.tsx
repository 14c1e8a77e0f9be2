import { Component, type ReactNode } from 'react';

interface Props {
  /** What to draw in place of children that threw. */
  fallback: (error: Error) => ReactNode;
  /** When this changes (new data, a new range) a failed part tries to draw again: a wall screen must recover by itself. */
  resetKey?: unknown;
  children: ReactNode;
}

interface State {
  error?: Error;
}

/** Keeps a failure in the part that failed (a panel, a table row) and retries it when its input changes. */
export class ResettingErrorBoundary extends Component<Props, State> {
  override state: State = {};

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidUpdate(prev: Props): void {
    if (this.state.error && !Object.is(prev.resetKey, this.props.resetKey)) this.setState({ error: undefined });
  }

  override render() {
    return this.state.error ? this.props.fallback(this.state.error) : this.props.children;
  }
}
