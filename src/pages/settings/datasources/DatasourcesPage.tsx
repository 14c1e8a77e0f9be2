import { useQuery } from '@tanstack/react-query';
import { healthQueryOptions } from '../../../datasources/queries';
import type { DataSource, DataSourceConfig } from '../../../datasources/types';
import { useDataSources } from '../../shared/dataSources';
import { errorText } from '../../shared/panelQuery';

function HealthCell({ ds }: { ds: DataSource }) {
  const health = useQuery(healthQueryOptions(ds));
  if (health.isPending) return <td className="health-pending">checking…</td>;
  const ok = health.isSuccess && health.data.ok;
  const message = health.isError ? errorText(health.error) : health.data?.message;
  return (
    <td data-testid="datasource-health" data-health={ok ? 'ok' : 'failed'}>
      <div className={`health ${ok ? 'health-ok' : 'health-failed'}`}>
        <span className="health-status">{ok ? 'OK' : 'Failed'}</span>
        {message ? <span className="health-message">{message}</span> : null}
        <button type="button" className="link-button" onClick={() => void health.refetch()} disabled={health.isFetching}>
          {health.isFetching ? 'checking…' : 'check again'}
        </button>
      </div>
    </td>
  );
}

function Row({ config, ds }: { config: DataSourceConfig; ds: DataSource }) {
  return (
    <tr data-testid="datasource-row" data-uid={config.uid}>
      <td>
        {config.name}
        {ds.simulated ? <span className="badge-simulated">simulated</span> : null}
      </td>
      <td>{config.kind}</td>
      <td className="mono">{config.url}</td>
      <td className="mono">{config.uid}</td>
      <td>{config.default ? 'default' : ''}</td>
      <td>{config.access === 'proxy' ? `proxy (/proxy/${config.uid})` : 'direct'}</td>
      <HealthCell ds={ds} />
    </tr>
  );
}

/** `/settings/datasources`: what config.json configured, and whether each server answers. */
export function DatasourcesPage() {
  const directory = useDataSources();
  return (
    <div className="page settings-page">
      <div className="page-header">
        <h1>Datasources</h1>
      </div>
      <table className="datasources-table">
        <thead>
          <tr>
            <th>Name</th>
            <th>Kind</th>
            <th>URL</th>
            <th>UID</th>
            <th>Default</th>
            <th>Access</th>
            <th>Health</th>
          </tr>
        </thead>
        <tbody>
          {/* The registry builds a datasource for every entry (a placeholder whose health explains a kind
              this build has no adapter for), so each config has one. */}
          {directory.configs.flatMap((config) => {
            const ds = directory.get(config.uid);
            return ds ? [<Row key={config.uid} config={config} ds={ds} />] : [];
          })}
        </tbody>
      </table>
      {directory.simulated ? (
        <p className="hint" data-testid="datasources-hint">
          No <code>config.json</code> was found, so the built-in demo runs and every figure is simulated. To use your
          own servers, put <code>config.json</code> next to <code>index.html</code> and reload.
        </p>
      ) : (
        <p className="hint" data-testid="datasources-hint">
          Datasources come from <code>config.json</code>, read at start-up; edit it and reload to change them.
        </p>
      )}
    </div>
  );
}
