import { Link, isRouteErrorResponse, useRouteError } from 'react-router';

/**
 * What a route shows when its page throws while rendering or its code fails to load (a deploy
 * replaced the chunk, say). The top bar stays, so the rest of the app remains reachable.
 */
export function RouteError() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : String(error);
  return (
    <div className="page-message" role="alert" data-testid="route-error">
      <h1>This page failed</h1>
      <pre className="panel-error">{message}</pre>
      <p>
        <button type="button" onClick={() => window.location.reload()}>
          Reload
        </button>{' '}
        or <Link to="/services">go to services</Link>.
      </p>
    </div>
  );
}
