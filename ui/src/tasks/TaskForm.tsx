import { useState, type SyntheticEvent } from 'react';
import type { NewTask, Task, TaskStatus } from '../api/client';
import type { FieldErrors } from '../api/problem';
import { Field } from '../components/Field';
import { PRIORITIES, STATUS_LABELS } from './labels';

interface TaskFormProps {
  /** The task being edited; a new task starts from the API's defaults. */
  initial?: Task | undefined;
  fieldErrors: FieldErrors;
  busy: boolean;
  submitLabel: string;
  onSubmit: (fields: NewTask) => void;
}

/**
 * Create and edit share this form. It does no validation of its own (noValidate): the API's
 * rules are the only rules, and its messages appear under the field they are about.
 */
export function TaskForm({ initial, fieldErrors, busy, submitLabel, onSubmit }: TaskFormProps) {
  const [title, setTitle] = useState(initial?.title ?? '');
  const [description, setDescription] = useState(initial?.description ?? '');
  const [status, setStatus] = useState<TaskStatus>(initial?.status ?? 'todo');
  const [priority, setPriority] = useState(initial?.priority ?? 3);
  const [dueDate, setDueDate] = useState(initial?.due_date ?? '');

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    onSubmit({
      title,
      description: description === '' ? null : description,
      status,
      priority,
      due_date: dueDate === '' ? null : dueDate,
    });
  }

  return (
    <form className="task-form" onSubmit={submit} noValidate>
      <Field label="Title" errors={fieldErrors.title}>
        <input
          required
          value={title}
          onChange={(event) => {
            setTitle(event.target.value);
          }}
        />
      </Field>
      <Field label="Description" errors={fieldErrors.description}>
        <textarea
          rows={4}
          value={description}
          onChange={(event) => {
            setDescription(event.target.value);
          }}
        />
      </Field>
      <div className="field-row">
        <Field label="Status" errors={fieldErrors.status}>
          <select
            value={status}
            onChange={(event) => {
              setStatus(event.target.value as TaskStatus);
            }}
          >
            {Object.entries(STATUS_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Priority" errors={fieldErrors.priority}>
          <select
            value={priority}
            onChange={(event) => {
              setPriority(Number(event.target.value));
            }}
          >
            {PRIORITIES.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Due date" errors={fieldErrors.due_date}>
          <input
            type="date"
            value={dueDate}
            onChange={(event) => {
              setDueDate(event.target.value);
            }}
          />
        </Field>
      </div>
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Saving…' : submitLabel}
      </button>
    </form>
  );
}
