import { Component, type ReactNode } from 'react';
import { visibleText } from '../../lib/visibleText';

interface Props {
  service: string;
  columns: number;
  /** When this changes (a new range, a refresh) a failed row tries to draw again. */
  resetKey?: unknown;
  children: ReactNode;
}

interface State {
  error?: Error;
}

/**
 * One service row that throws while drawing shows its error in its own row; every other service stays
 * on the screen. It renders a `<tr>`, so it can sit inside the table body where a panel frame cannot.
 */
export class RowErrorBoundary extends Component<Props, State> {
  override state: State = {};

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidUpdate(prev: Props): void {
    if (this.state.error && !Object.is(prev.resetKey, this.props.resetKey)) this.setState({ error: undefined });
  }

  override render() {
    if (!this.state.error) return this.props.children;
    const name = visibleText(this.props.service);
    return (
      <tr className="service-row service-row-failed" data-testid="service-row" data-service={this.props.service} data-status="unknown">
        <td className="service-name-col" title={name.title}>
          <bdi>{name.text}</bdi>
        </td>
        <td colSpan={this.props.columns - 1} className="row-error" role="alert">
          This row failed to draw: {this.state.error.message}
        </td>
      </tr>
    );
  }
}
