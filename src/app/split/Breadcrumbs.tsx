import { lazy, Suspense } from 'react';
import { useSplitController } from './splitContext';

// Titles and the trail's markup load once there is a path to show; a first visit has a single step.
const BreadcrumbTrail = lazy(() => import('./BreadcrumbTrail'));

/** The investigation path under the top bar, from two steps on. */
export function Breadcrumbs() {
  const controller = useSplitController();
  if (!controller || controller.trail.steps.length < 2) return null;
  return (
    <Suspense fallback={<nav className="breadcrumbs" aria-label="Investigation path" aria-busy="true" />}>
      <BreadcrumbTrail />
    </Suspense>
  );
}
