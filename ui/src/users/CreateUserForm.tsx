import { useForm } from 'react-hook-form';
import { ApiError } from '../api/problem';
import { ErrorNotice } from '../components/ErrorNotice';
import { Field } from '../components/Field';
import { messagesOf, showServerErrors } from '../components/serverErrors';
import { type NewUser, useCreateUser } from './queries';

const EMPTY: NewUser = { email: '', name: '', role: 'user', password: '' };
const FIELDS = ['email', 'name', 'role', 'password'] as const;

/** An administrator opens an account: with a first password, or an invitation by mail. */
export function CreateUserForm() {
  const form = useForm<NewUser>({ defaultValues: EMPTY });
  const create = useCreateUser();
  const submit = (values: NewUser) => {
    create.mutate(values, {
      onSuccess: () => {
        form.reset(EMPTY);
      },
      onError: (error) => {
        if (error instanceof ApiError && error.status === 409) {
          form.setError('email', { type: 'server', message: 'An account with this email exists.' });
        } else {
          showServerErrors(error, form.setError, FIELDS);
        }
      },
    });
  };
  const onFields = create.error instanceof ApiError && [409, 422].includes(create.error.status);
  const created = create.data;

  return (
    <form
      aria-labelledby="create-user-heading"
      onSubmit={(event) => void form.handleSubmit(submit)(event)}
      noValidate
    >
      <h2 id="create-user-heading">Create a user</h2>
      {create.error && !onFields && <ErrorNotice error={create.error} />}
      {created && (
        <p className="notice notice-success" role="status">
          {create.variables.password
            ? `${created.email} can sign in now.`
            : `${created.email} will get a mail with a link to choose a password.`}
        </p>
      )}
      <div className="field-row">
        <Field label="Email" errors={messagesOf(form.formState.errors.email)}>
          <input type="email" autoComplete="off" required {...form.register('email')} />
        </Field>
        <Field label="Name" errors={messagesOf(form.formState.errors.name)}>
          <input autoComplete="off" required {...form.register('name')} />
        </Field>
        <Field label="Role" errors={messagesOf(form.formState.errors.role)}>
          <select {...form.register('role')}>
            <option value="user">User</option>
            <option value="admin">Administrator</option>
          </select>
        </Field>
      </div>
      <Field
        label="First password"
        errors={messagesOf(form.formState.errors.password)}
        hint="10 to 128 characters. Leave it empty to mail the user a link to choose one."
      >
        <input type="password" autoComplete="new-password" {...form.register('password')} />
      </Field>
      <button type="submit" className="primary" disabled={create.isPending}>
        {create.isPending ? 'Creating…' : 'Create user'}
      </button>
    </form>
  );
}
