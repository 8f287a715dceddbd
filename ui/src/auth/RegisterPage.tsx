import { useState, type SyntheticEvent } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import { api } from '../api/client';
import { ApiError, unwrap } from '../api/problem';
import { ErrorNotice } from '../components/ErrorNotice';
import { Field } from '../components/Field';
import { ThemeToggle } from '../theme/ThemeToggle';
import { useAuth } from './auth-context';

export function RegisterPage() {
  const { state } = useAuth();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  if (state.status === 'signed-in') return <Navigate to="/tasks" replace />;

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await unwrap(api.POST('/api/auth/register', { body: { name, email, password } }));
      void navigate('/login', { state: { email, registered: true } });
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  const apiError = error instanceof ApiError ? error : null;
  const fieldErrors =
    apiError?.status === 409
      ? { email: ['An account with this email already exists.'] }
      : (apiError?.fieldErrors ?? {});
  const shownNextToFields = apiError?.status === 409 || apiError?.status === 422;
  return (
    <main id="main" className="auth-page">
      <ThemeToggle />
      <h1>Create an account</h1>
      {error !== null && !shownNextToFields && <ErrorNotice error={error} />}
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Field label="Name" errors={fieldErrors.name}>
          <input
            autoComplete="name"
            required
            value={name}
            onChange={(event) => {
              setName(event.target.value);
            }}
          />
        </Field>
        <Field label="Email" errors={fieldErrors.email}>
          <input
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(event) => {
              setEmail(event.target.value);
            }}
          />
        </Field>
        <Field label="Password" errors={fieldErrors.password} hint="10 to 128 characters.">
          <input
            type="password"
            autoComplete="new-password"
            required
            value={password}
            onChange={(event) => {
              setPassword(event.target.value);
            }}
          />
        </Field>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create account'}
        </button>
      </form>
      <p>
        Already have an account? <Link to="/login">Sign in</Link>
      </p>
    </main>
  );
}
