import { useForm } from 'react-hook-form';
import { ApiError } from '../api/problem';
import { useCurrentUser } from '../auth/auth-context';
import { ErrorNotice } from '../components/ErrorNotice';
import { Field } from '../components/Field';
import { messagesOf, showServerErrors } from '../components/serverErrors';
import { DeleteAccountForm } from './DeleteAccountForm';
import { useUpdateMe } from './queries';

/** A 422 is shown under the fields; anything else above the form. */
function failureAbove(error: Error | null): Error | null {
  return error instanceof ApiError && error.status === 422 ? null : error;
}

function NameForm() {
  const user = useCurrentUser();
  const form = useForm<{ name: string }>({ defaultValues: { name: user.name } });
  const save = useUpdateMe();
  const failure = failureAbove(save.error);
  const submit = (values: { name: string }) => {
    save.mutate(values, { onError: (error) => showServerErrors(error, form.setError, ['name']) });
  };
  return (
    <form
      aria-labelledby="name-heading"
      onSubmit={(event) => void form.handleSubmit(submit)(event)}
      noValidate
    >
      <h2 id="name-heading">Your name</h2>
      {failure && <ErrorNotice error={failure} />}
      {save.isSuccess && (
        <p className="notice notice-success" role="status">
          Name saved.
        </p>
      )}
      <Field label="Name" errors={messagesOf(form.formState.errors.name)}>
        <input autoComplete="name" required {...form.register('name')} />
      </Field>
      <button type="submit" className="primary" disabled={save.isPending}>
        Save name
      </button>
    </form>
  );
}

interface PasswordChange {
  current_password: string;
  password: string;
}

const NO_PASSWORDS: PasswordChange = { current_password: '', password: '' };

function PasswordForm() {
  const form = useForm<PasswordChange>({ defaultValues: NO_PASSWORDS });
  const save = useUpdateMe();
  const failure = failureAbove(save.error);
  const submit = (values: PasswordChange) => {
    save.mutate(values, {
      onSuccess: () => {
        form.reset(NO_PASSWORDS);
      },
      onError: (error) => showServerErrors(error, form.setError, ['current_password', 'password']),
    });
  };
  const errors = form.formState.errors;
  return (
    <form
      aria-labelledby="password-heading"
      onSubmit={(event) => void form.handleSubmit(submit)(event)}
      noValidate
    >
      <h2 id="password-heading">Change password</h2>
      {failure && <ErrorNotice error={failure} />}
      {save.isSuccess && (
        <p className="notice notice-success" role="status">
          Password changed.
        </p>
      )}
      <Field label="Current password" errors={messagesOf(errors.current_password)}>
        <input
          type="password"
          autoComplete="current-password"
          required
          {...form.register('current_password')}
        />
      </Field>
      <Field label="New password" errors={messagesOf(errors.password)} hint="10 to 128 characters.">
        <input
          type="password"
          autoComplete="new-password"
          required
          {...form.register('password')}
        />
      </Field>
      <button type="submit" className="primary" disabled={save.isPending}>
        Change password
      </button>
    </form>
  );
}

export function ProfilePage() {
  const user = useCurrentUser();
  return (
    <>
      <h1>Profile</h1>
      <p>
        Signed in as <strong>{user.email}</strong>
        {user.role === 'admin' && ' (administrator)'}.
      </p>
      <div className="profile-forms">
        <NameForm />
        <PasswordForm />
      </div>
      <DeleteAccountForm />
    </>
  );
}
