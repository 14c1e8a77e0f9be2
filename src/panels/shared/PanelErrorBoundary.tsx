import { Component, type ReactNode } from 'react';
import { PanelFrame } from './PanelFrame';

interface Props {
  title: string;
  /** When this changes (new data, a new query) a failed panel tries to draw again: a wall screen must recover by itself. */
  resetKey?: unknown;
  children: ReactNode;
}

interface State {
  error?: Error;
}

/** A panel that throws while drawing shows its error in its own frame; the rest of the page lives on. */
export class PanelErrorBoundary extends Component<Props, State> {
  override state: State = {};

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidUpdate(prev: Props): void {
    if (this.state.error && !Object.is(prev.resetKey, this.props.resetKey)) this.setState({ error: undefined });
  }

  override render() {
    if (this.state.error) {
      return <PanelFrame title={this.props.title} state="error" error={`This panel failed to draw: ${this.state.error.message}`} />;
    }
    return this.props.children;
  }
}
