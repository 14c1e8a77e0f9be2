import { Link } from 'react-router';

/** Shown instead of a page when no configured datasource can answer metric queries. */
export function NoMetricsSource() {
  return (
    <div className="page-message" role="alert">
      <h1>No metrics datasource</h1>
      <p>
        None of the configured datasources can run metric queries. Add a <code>prometheus</code> datasource to{' '}
        <code>config.json</code>, or see the <Link to="/settings/datasources">datasources page</Link>.
      </p>
    </div>
  );
}
