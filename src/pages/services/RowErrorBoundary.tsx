import type { ReactNode } from 'react';
import { visibleText } from '../../lib/visibleText';
import { ResettingErrorBoundary } from '../../panels/shared/ResettingErrorBoundary';

interface Props {
  service: string;
  columns: number;
  /** When this changes (a new range, a refresh) a failed row tries to draw again. */
  resetKey?: unknown;
  children: ReactNode;
}

/** The row that stands in for one that threw: it keeps the service's name and says what failed. */
function FailedRow({ service, columns, error }: { service: string; columns: number; error: Error }) {
  const name = visibleText(service);
  return (
    <tr className="service-row service-row-failed" data-testid="service-row" data-service={service} data-status="unknown">
      <td className="service-name-col" title={name.title}>
        <bdi>{name.text}</bdi>
      </td>
      <td colSpan={columns - 1} className="row-error" role="alert">
        This row failed to draw: {error.message}
      </td>
    </tr>
  );
}

/**
 * One service row that throws while drawing shows its error in its own row; every other service stays
 * on the screen. It renders a `<tr>`, so it can sit inside the table body where a panel frame cannot.
 */
export function RowErrorBoundary({ service, columns, resetKey, children }: Props) {
  return (
    <ResettingErrorBoundary resetKey={resetKey} fallback={(error) => <FailedRow service={service} columns={columns} error={error} />}>
      {children}
    </ResettingErrorBoundary>
  );
}
