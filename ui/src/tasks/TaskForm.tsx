import { useForm } from 'react-hook-form';
import { Field } from '../components/Field';
import { labelOf, numberOrNull, textOrNull } from '../components/formValues';
import { messagesOf, showServerErrors } from '../components/serverErrors';
import { type NewTask, type Task } from './queries';

/** What the inputs hold: strings (and booleans for checkboxes), converted when sent. */
interface TaskValues {
  title: string;
  description: string;
  status: string;
  priority: string;
  due_date: string;
}

const FIELDS = ['title', 'description', 'status', 'priority', 'due_date'] as const;

interface TaskFormProps {
  /** The task being edited; a new one starts from the API's defaults. */
  initial?: Task | undefined;
  busy: boolean;
  submitLabel: string;
  /** Saves; a rejection's problem+json is shown under the fields it names. */
  onSubmit: (fields: NewTask) => Promise<unknown>;
}

/** Create and edit share this form; the API checks every value (noValidate). */
export function TaskForm({ initial, busy, submitLabel, onSubmit }: TaskFormProps) {
  const form = useForm<TaskValues>({
    defaultValues: {
      title: initial?.title ?? '',
      description: initial?.description ?? '',
      status: initial?.status ?? 'todo',
      priority: String(initial?.priority ?? '3'),
      due_date: initial?.due_date ?? '',
    },
  });
  const errors = form.formState.errors;

  async function save(values: TaskValues) {
    try {
      await onSubmit({
        title: values.title,
        description: textOrNull(values.description),
        status: values.status,
        priority: numberOrNull(values.priority),
        due_date: textOrNull(values.due_date),
      } as NewTask);
    } catch (error) {
      showServerErrors(error, form.setError, FIELDS);
    }
  }

  return (
    <form
      className="record-form"
      onSubmit={(event) => void form.handleSubmit(save)(event)}
      noValidate
    >
      <Field label="Title" errors={messagesOf(errors.title)}>
        <input required {...form.register('title')} />
      </Field>
      <Field label="Description" errors={messagesOf(errors.description)}>
        <textarea rows={4} {...form.register('description')} />
      </Field>
      <Field label="Status" errors={messagesOf(errors.status)}>
        <select {...form.register('status')}>
          {['todo', 'doing', 'done'].map((value) => (
            <option key={value} value={value}>
              {labelOf(value)}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Priority" errors={messagesOf(errors.priority)}>
        <input type="number" inputMode="numeric" {...form.register('priority')} />
      </Field>
      <Field label="Due date" errors={messagesOf(errors.due_date)}>
        <input type="date" {...form.register('due_date')} />
      </Field>
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Saving…' : submitLabel}
      </button>
    </form>
  );
}
