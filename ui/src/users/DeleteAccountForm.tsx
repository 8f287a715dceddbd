import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { ApiError } from '../api/problem';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ErrorNotice } from '../components/ErrorNotice';
import { Field } from '../components/Field';
import { messagesOf, showServerErrors } from '../components/serverErrors';
import { useDeleteMe } from './queries';

interface Deletion {
  password: string;
}

/** Deletes the account after the password and a confirmation; its rows go with it. */
export function DeleteAccountForm() {
  const navigate = useNavigate();
  const [asking, setAsking] = useState(false);
  const form = useForm<Deletion>({ defaultValues: { password: '' } });
  const remove = useDeleteMe();
  const confirm = (fields: Deletion) => {
    remove.mutate(fields, {
      // The next page signs out: done here, the signed-in screens would redirect to sign-in first.
      onSuccess: () => {
        void navigate('/account-deleted', { replace: true, state: { signOut: true } });
      },
      onError: (error) => showServerErrors(error, form.setError, ['password']),
    });
  };
  const onField = remove.error instanceof ApiError && remove.error.status === 422;

  return (
    <form
      aria-labelledby="delete-heading"
      className="danger-zone"
      onSubmit={(event) => {
        event.preventDefault();
        setAsking(true);
      }}
      noValidate
    >
      <h2 id="delete-heading">Delete your account</h2>
      <p>Your account and everything in it are deleted for good, and every device is signed out.</p>
      {remove.error && !onField && <ErrorNotice error={remove.error} />}
      <Field label="Your password" errors={messagesOf(form.formState.errors.password)}>
        <input type="password" autoComplete="current-password" {...form.register('password')} />
      </Field>
      <button type="submit" className="danger" disabled={remove.isPending}>
        Delete account
      </button>
      <ConfirmDialog
        open={asking}
        title="Delete your account?"
        message="Your account and everything in it will be deleted. This cannot be undone."
        confirmLabel="Delete my account"
        onCancel={() => {
          setAsking(false);
        }}
        onConfirm={() => {
          setAsking(false);
          void form.handleSubmit((fields) => {
            confirm(fields);
          })();
        }}
      />
    </form>
  );
}
