import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, Navigate, useNavigate } from 'react-router';
import { api } from '../api/client';
import { unwrap } from '../api/problem';
import { ErrorNotice } from '../components/ErrorNotice';
import { Field } from '../components/Field';
import { messagesOf, showServerErrors } from '../components/serverErrors';
import { ThemeToggle } from '../theme/ThemeToggle';
import { useAuth } from './auth-context';

interface Registration {
  name: string;
  email: string;
  password: string;
}

const FIELDS = ['name', 'email', 'password'] as const;

export function RegisterPage() {
  const { state } = useAuth();
  const navigate = useNavigate();
  const form = useForm<Registration>({ defaultValues: { name: '', email: '', password: '' } });
  const [error, setError] = useState<unknown>(null); // a failure the fields do not show

  if (state.status === 'signed-in') return <Navigate to="/" replace />;

  async function submit(values: Registration) {
    setError(null);
    try {
      await unwrap(api.POST('/api/auth/register', { body: values }));
      void navigate('/login', { state: { email: values.email, registered: true } });
    } catch (failure) {
      if (!showServerErrors(failure, form.setError, FIELDS)) setError(failure);
    }
  }

  const errors = form.formState.errors;
  const busy = form.formState.isSubmitting;
  return (
    <main id="main" className="auth-page">
      <ThemeToggle />
      <h1>Create an account</h1>
      {error !== null && <ErrorNotice error={error} />}
      <form onSubmit={(event) => void form.handleSubmit(submit)(event)} noValidate>
        <Field label="Name" errors={messagesOf(errors.name)}>
          <input autoComplete="name" required {...form.register('name')} />
        </Field>
        <Field label="Email" errors={messagesOf(errors.email)}>
          <input type="email" autoComplete="email" required {...form.register('email')} />
        </Field>
        <Field label="Password" errors={messagesOf(errors.password)} hint="10 to 128 characters.">
          <input
            type="password"
            autoComplete="new-password"
            required
            {...form.register('password')}
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
