import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { Link, useLocation, useNavigate } from 'react-router';
import { api } from '../api/client';
import { ApiError, unwrap } from '../api/problem';
import { ErrorNotice } from '../components/ErrorNotice';
import { Field } from '../components/Field';
import { messagesOf, showServerErrors } from '../components/serverErrors';
import { ThemeToggle } from '../theme/ThemeToggle';

interface NewPassword {
  password: string;
}

/** The token travels in the link's fragment (#token=…), which no server or Referer sees. */
function tokenOf(hash: string): string | null {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token');
}

export function ResetPasswordPage() {
  const token = tokenOf(useLocation().hash);
  const navigate = useNavigate();
  const form = useForm<NewPassword>({ defaultValues: { password: '' } });
  const confirm = useMutation({
    mutationFn: ({ password }: NewPassword) =>
      unwrap(
        api.POST('/api/auth/password-reset/confirm', { body: { token: token ?? '', password } }),
      ),
    onSuccess: () => navigate('/login', { state: { passwordReset: true } }),
    onError: (error) => showServerErrors(error, form.setError, ['password']),
  });
  const error = confirm.error instanceof ApiError ? confirm.error : null;
  const linkRefused = token === null || error?.status === 400;

  return (
    <main id="main" className="auth-page">
      <ThemeToggle />
      <h1>Choose a new password</h1>
      {linkRefused ? (
        <>
          <p className="notice notice-error" role="alert">
            This reset link is invalid, already used or expired.
          </p>
          <p>
            <Link to="/forgot-password">Ask for a new link</Link>
          </p>
        </>
      ) : (
        <>
          {confirm.error && error?.status !== 422 && <ErrorNotice error={confirm.error} />}
          <form
            onSubmit={(event) =>
              void form.handleSubmit((v) => {
                confirm.mutate(v);
              })(event)
            }
            noValidate
          >
            <Field
              label="New password"
              errors={messagesOf(form.formState.errors.password)}
              hint="10 to 128 characters. Every signed-in device will be signed out."
            >
              <input
                type="password"
                autoComplete="new-password"
                required
                {...form.register('password')}
              />
            </Field>
            <button type="submit" className="primary" disabled={confirm.isPending}>
              {confirm.isPending ? 'Saving…' : 'Set the new password'}
            </button>
          </form>
        </>
      )}
      <p>
        <Link to="/login">Back to sign in</Link>
      </p>
    </main>
  );
}
