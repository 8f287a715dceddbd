import { useState, type SyntheticEvent } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../api/problem';
import { ErrorNotice } from '../components/ErrorNotice';
import { Field } from '../components/Field';
import { ThemeToggle } from '../theme/ThemeToggle';
import { useAuth } from './auth-context';
import { DemoHint } from './DemoHint';

interface LoginLocationState {
  from?: string;
  email?: string;
  registered?: boolean;
  passwordReset?: boolean;
}

function loginFailure(error: unknown): string | null {
  if (!(error instanceof ApiError)) return null;
  if (error.status === 401) return 'Wrong email or password.';
  if (error.status === 429) return 'Too many attempts. Wait a minute, then try again.';
  return null;
}

export function LoginPage() {
  const { state, login } = useAuth();
  const navigate = useNavigate();
  const locationState = (useLocation().state ?? {}) as LoginLocationState;
  const [email, setEmail] = useState(locationState.email ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  if (state.status === 'signed-in') return <Navigate to={locationState.from ?? '/tasks'} replace />;

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(email, password);
      void navigate(locationState.from ?? '/tasks', { replace: true });
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  const fieldErrors = error instanceof ApiError ? error.fieldErrors : {};
  const message = loginFailure(error);
  return (
    <main id="main" className="auth-page">
      <ThemeToggle />
      <h1>Sign in</h1>
      {locationState.registered && (
        <p className="notice notice-success" role="status">
          Your account is ready. Sign in to continue.
        </p>
      )}
      {locationState.passwordReset && (
        <p className="notice notice-success" role="status">
          Your new password is set, and every device was signed out. Sign in with it.
        </p>
      )}
      {import.meta.env.DEV && <DemoHint />}
      {message ? (
        <p className="notice notice-error" role="alert">
          {message}
        </p>
      ) : (
        error !== null &&
        !(error instanceof ApiError && error.status === 422) && <ErrorNotice error={error} />
      )}
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Field label="Email" errors={fieldErrors.email}>
          <input
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => {
              setEmail(event.target.value);
            }}
          />
        </Field>
        <Field label="Password" errors={fieldErrors.password}>
          <input
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => {
              setPassword(event.target.value);
            }}
          />
        </Field>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p>
        <Link to="/forgot-password">Forgot password?</Link>
      </p>
      <p>
        New here? <Link to="/register">Create an account</Link>
      </p>
    </main>
  );
}
