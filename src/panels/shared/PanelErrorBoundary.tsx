import type { ReactNode } from 'react';
import { PanelFrame } from './PanelFrame';
import { ResettingErrorBoundary } from './ResettingErrorBoundary';

interface Props {
  title: string;
  /** When this changes (new data, a new query) a failed panel tries to draw again. */
  resetKey?: unknown;
  children: ReactNode;
}

/** A panel that throws while drawing shows its error in its own frame; the rest of the page lives on. */
export function PanelErrorBoundary({ title, resetKey, children }: Props) {
  return (
    <ResettingErrorBoundary
      resetKey={resetKey}
      fallback={(error) => <PanelFrame title={title} state="error" error={`This panel failed to draw: ${error.message}`} />}
    >
      {children}
    </ResettingErrorBoundary>
  );
}
