import { Link, useNavigate } from 'react-router';
import { ApiError } from '../api/problem';
import { ErrorNotice } from '../components/ErrorNotice';
import { useCreateTask } from './queries';
import { TaskForm } from './TaskForm';

export function NewTaskPage() {
  const navigate = useNavigate();
  const create = useCreateTask();
  const error = create.error instanceof ApiError ? create.error : null;
  const fieldErrors =
    error?.status === 409
      ? { title: ['Another task already has this title.'] }
      : (error?.fieldErrors ?? {});

  return (
    <>
      <div className="page-heading">
        <h1>New task</h1>
        <Link to="/tasks">Back to tasks</Link>
      </div>
      {create.error && !(error && [409, 422].includes(error.status)) && (
        <ErrorNotice error={create.error} />
      )}
      <TaskForm
        fieldErrors={fieldErrors}
        busy={create.isPending}
        submitLabel="Create task"
        onSubmit={(fields) => {
          create.mutate(fields, {
            onSuccess: () => void navigate('/tasks'),
          });
        }}
      />
    </>
  );
}
