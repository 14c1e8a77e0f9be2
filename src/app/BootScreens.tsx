import type { ConfigError } from '../datasources/config';

export function BootSpinner() {
  return (
    <div className="boot">
      <span className="spinner" aria-label="Loading Watchfloor" />
    </div>
  );
}

/** A malformed config.json: say which field is wrong, since the fix is an edit to that file. */
export function ConfigErrorPage({ error }: { error: ConfigError }) {
  return (
    <div className="boot boot-error" role="alert" data-testid="config-error">
      <h1>config.json is not valid</h1>
      <p>
        The field <code data-testid="config-error-field">{error.field}</code> is wrong:
      </p>
      <pre className="panel-error">{error.message}</pre>
      <p className="hint">
        Fix <code>config.json</code> (served next to index.html) and reload. Each entry of <code>datasources</code> needs{' '}
        <code>uid</code>, <code>kind</code>, <code>name</code> and <code>url</code>. To run the built-in demo instead, remove the
        file, so that the server answers 404 for it.
      </p>
    </div>
  );
}

export function BootErrorPage({ error }: { error: unknown }) {
  return (
    <div className="boot boot-error" role="alert">
      <h1>Watchfloor could not start</h1>
      <pre className="panel-error">{error instanceof Error ? error.message : String(error)}</pre>
      <button type="button" onClick={() => window.location.reload()}>
        Reload
      </button>
    </div>
  );
}
