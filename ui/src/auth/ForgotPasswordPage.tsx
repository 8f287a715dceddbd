import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import { api } from '../api/client';
import { ApiError, unwrap } from '../api/problem';
import { ErrorNotice } from '../components/ErrorNotice';
import { Field } from '../components/Field';
import { messagesOf, showServerErrors } from '../components/serverErrors';
import { ThemeToggle } from '../theme/ThemeToggle';

interface ResetRequest {
  email: string;
}

/** Asks for a reset link; the API answers the same whether or not the email has an account. */
export function ForgotPasswordPage() {
  const form = useForm<ResetRequest>({ defaultValues: { email: '' } });
  const request = useMutation({
    mutationFn: (body: ResetRequest) => unwrap(api.POST('/api/auth/password-reset', { body })),
    onError: (error) => showServerErrors(error, form.setError, ['email']),
  });
  const tooMany = request.error instanceof ApiError && request.error.status === 429;
  const onFields = request.error instanceof ApiError && request.error.status === 422;

  if (request.isSuccess) {
    return (
      <main id="main" className="auth-page">
        <ThemeToggle />
        <h1>Check your mail</h1>
        <p role="status">{request.data.detail}</p>
        <p>
          The link works once, for 30 minutes. Nothing arrived? Look in your spam folder, or{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => {
              request.reset();
            }}
          >
            ask again
          </button>
          .
        </p>
        <p>
          <Link to="/login">Back to sign in</Link>
        </p>
      </main>
    );
  }

  return (
    <main id="main" className="auth-page">
      <ThemeToggle />
      <h1>Reset your password</h1>
      <p>Enter the email of your account, and we will mail you a link to choose a new password.</p>
      {tooMany ? (
        <p className="notice notice-error" role="alert">
          Too many requests. Wait a minute, then try again.
        </p>
      ) : (
        request.error && !onFields && <ErrorNotice error={request.error} />
      )}
      <form
        onSubmit={(event) =>
          void form.handleSubmit((v) => {
            request.mutate(v);
          })(event)
        }
        noValidate
      >
        <Field label="Email" errors={messagesOf(form.formState.errors.email)}>
          <input type="email" autoComplete="username" required {...form.register('email')} />
        </Field>
        <button type="submit" className="primary" disabled={request.isPending}>
          {request.isPending ? 'Sending…' : 'Send the link'}
        </button>
      </form>
      <p>
        <Link to="/login">Back to sign in</Link>
      </p>
    </main>
  );
}
