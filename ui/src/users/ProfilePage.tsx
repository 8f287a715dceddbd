import { useState } from 'react';
import { ApiError } from '../api/problem';
import { useCurrentUser } from '../auth/auth-context';
import { ErrorNotice } from '../components/ErrorNotice';
import { Field } from '../components/Field';
import { DeleteAccountForm } from './DeleteAccountForm';
import { useUpdateMe } from './queries';

function NameForm() {
  const user = useCurrentUser();
  const [name, setName] = useState(user.name);
  const save = useUpdateMe();
  const fieldErrors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  return (
    <form
      aria-labelledby="name-heading"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ name });
      }}
      noValidate
    >
      <h2 id="name-heading">Your name</h2>
      {save.error && !fieldErrors.name && <ErrorNotice error={save.error} />}
      {save.isSuccess && (
        <p className="notice notice-success" role="status">
          Name saved.
        </p>
      )}
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
      <button type="submit" className="primary" disabled={save.isPending}>
        Save name
      </button>
    </form>
  );
}

function PasswordForm() {
  const [currentPassword, setCurrentPassword] = useState('');
  const [password, setPassword] = useState('');
  const save = useUpdateMe();
  const fieldErrors = save.error instanceof ApiError ? save.error.fieldErrors : {};
  const onFields = fieldErrors.password ?? fieldErrors.current_password;
  return (
    <form
      aria-labelledby="password-heading"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(
          { password, current_password: currentPassword },
          {
            onSuccess: () => {
              setCurrentPassword('');
              setPassword('');
            },
          },
        );
      }}
      noValidate
    >
      <h2 id="password-heading">Change password</h2>
      {save.error && !onFields && <ErrorNotice error={save.error} />}
      {save.isSuccess && (
        <p className="notice notice-success" role="status">
          Password changed.
        </p>
      )}
      <Field label="Current password" errors={fieldErrors.current_password}>
        <input
          type="password"
          autoComplete="current-password"
          required
          value={currentPassword}
          onChange={(event) => {
            setCurrentPassword(event.target.value);
          }}
        />
      </Field>
      <Field label="New password" errors={fieldErrors.password} hint="10 to 128 characters.">
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
