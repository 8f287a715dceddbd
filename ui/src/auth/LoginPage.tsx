import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../api/problem';
import { ErrorNotice } from '../components/ErrorNotice';
import { Field } from '../components/Field';
import { messagesOf, showServerErrors } from '../components/serverErrors';
import { ThemeToggle } from '../theme/ThemeToggle';
import { useAuth } from './auth-context';
import { DemoHint } from './DemoHint';

interface LoginLocationState {
  from?: string;
  email?: string;
  registered?: boolean;
  passwordReset?: boolean;
}

interface Credentials {
  email: string;
  password: string;
}

const FIELDS = ['email', 'password'] as const;

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
  const form = useForm<Credentials>({
    defaultValues: { email: locationState.email ?? '', password: '' },
  });
  const [error, setError] = useState<unknown>(null); // a failure the fields do not show

  if (state.status === 'signed-in') return <Navigate to={locationState.from ?? '/'} replace />;

  async function submit({ email, password }: Credentials) {
    setError(null);
    try {
      await login(email, password);
      void navigate(locationState.from ?? '/', { replace: true });
    } catch (failure) {
      if (!showServerErrors(failure, form.setError, FIELDS)) setError(failure);
    }
  }

  const errors = form.formState.errors;
  const busy = form.formState.isSubmitting;
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
        error !== null && <ErrorNotice error={error} />
      )}
      <form onSubmit={(event) => void form.handleSubmit(submit)(event)} noValidate>
        <Field label="Email" errors={messagesOf(errors.email)}>
          <input type="email" autoComplete="username" required {...form.register('email')} />
        </Field>
        <Field label="Password" errors={messagesOf(errors.password)}>
          <input
            type="password"
            autoComplete="current-password"
            required
            {...form.register('password')}
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
