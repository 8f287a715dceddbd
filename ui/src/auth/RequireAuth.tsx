import { Navigate, Outlet, useLocation } from 'react-router';
import { ApiError } from '../api/problem';
import { ErrorNotice } from '../components/ErrorNotice';
import { useAuth } from './auth-context';

/** Routes inside need a signed-in user (an admin with `admin`); others go to the login page. */
export function RequireAuth({ admin = false }: { admin?: boolean }) {
  const { state } = useAuth();
  const location = useLocation();
  if (state.status === 'loading') {
    return (
      <main id="main">
        <p className="loading" role="status">
          Loading…
        </p>
      </main>
    );
  }
  if (state.status === 'failed') {
    const unreachable = !(state.error instanceof ApiError) || state.error.unreachable;
    return (
      <main id="main" className="centered">
        <h1>{unreachable ? 'Cannot reach the server' : 'Cannot resume your session'}</h1>
        <ErrorNotice error={state.error} onRetry={state.retry} showTitle={false} />
      </main>
    );
  }
  if (state.status === 'anonymous') {
    // Back to this page after signing in, unless the user signed out here on purpose.
    const from = state.chose ? undefined : { from: location.pathname + location.search };
    return <Navigate to="/login" replace state={from} />;
  }
  if (admin && state.user.role !== 'admin') return <Navigate to="/" replace />;
  return <Outlet />;
}
