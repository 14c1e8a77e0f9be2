import { Link, useLocation } from 'react-router';

export function NotFoundPage() {
  const location = useLocation();
  return (
    <div className="page-message" data-testid="not-found">
      <h1>Page not found</h1>
      <p>
        Nothing lives at <code>{location.pathname}</code>. <Link to="/services">Go to services</Link>.
      </p>
    </div>
  );
}
