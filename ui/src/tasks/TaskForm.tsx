import { useForm } from 'react-hook-form';
import type { NewTask, Task, TaskStatus } from './queries';
import { Field } from '../components/Field';
import { messagesOf, showServerErrors } from '../components/serverErrors';
import { PRIORITIES, STATUS_LABELS } from './labels';

/** What the inputs hold: empty strings where the API takes null. */
interface TaskValues {
  title: string;
  description: string;
  status: TaskStatus;
  priority: string;
  due_date: string;
}

const FIELDS = ['title', 'description', 'status', 'priority', 'due_date'] as const;

interface TaskFormProps {
  /** The task being edited; a new task starts from the API's defaults. */
  initial?: Task | undefined;
  busy: boolean;
  submitLabel: string;
  /** Saves; a rejection's problem+json is shown under the fields it names. */
  onSubmit: (fields: NewTask) => Promise<unknown>;
}

/**
 * Create and edit share this form. It does no validation of its own (noValidate): the API's
 * rules are the only rules, and its messages appear under the field they are about.
 */
export function TaskForm({ initial, busy, submitLabel, onSubmit }: TaskFormProps) {
  const form = useForm<TaskValues>({
    defaultValues: {
      title: initial?.title ?? '',
      description: initial?.description ?? '',
      status: initial?.status ?? 'todo',
      priority: String(initial?.priority ?? 3),
      due_date: initial?.due_date ?? '',
    },
  });
  const errors = form.formState.errors;

  async function save(values: TaskValues) {
    try {
      await onSubmit({
        title: values.title,
        description: values.description === '' ? null : values.description,
        status: values.status,
        priority: Number(values.priority),
        due_date: values.due_date === '' ? null : values.due_date,
      });
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
      <div className="field-row">
        <Field label="Status" errors={messagesOf(errors.status)}>
          <select {...form.register('status')}>
            {Object.entries(STATUS_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Priority" errors={messagesOf(errors.priority)}>
          <select {...form.register('priority')}>
            {PRIORITIES.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Due date" errors={messagesOf(errors.due_date)}>
          <input type="date" {...form.register('due_date')} />
        </Field>
      </div>
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Saving…' : submitLabel}
      </button>
    </form>
  );
}
