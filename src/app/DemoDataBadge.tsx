import { useOptionalDataSources } from '../pages/shared/dataSources';

/**
 * The top bar's warning that the numbers are invented. Shown whenever any datasource in use is the embedded
 * demo's (the registry marks those `simulated`), on every page; it cannot be dismissed, because a screen
 * of plausible simulated data must never pass for production.
 */
export function DemoDataBadge() {
  const dataSources = useOptionalDataSources();
  if (!dataSources?.list.some((ds) => ds.simulated)) return null;
  return (
    <span
      className="demo-badge"
      role="status"
      data-testid="demo-data-badge"
      title="No config.json was found, so every figure comes from Watchfloor's built-in simulator. Add config.json next to index.html to use your own datasources."
    >
      Demo data
    </span>
  );
}
