import { Link, useNavigate } from 'react-router';
import { ApiError } from '../api/problem';
import { ErrorNotice } from '../components/ErrorNotice';
import { useCreateTask } from './queries';
import { TaskForm } from './TaskForm';

export function NewTaskPage() {
  const navigate = useNavigate();
  const create = useCreateTask();
  const error = create.error instanceof ApiError ? create.error : null;

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
        busy={create.isPending}
        submitLabel="Create task"
        onSubmit={async (fields) => {
          await create.mutateAsync(fields);
          await navigate('/tasks');
        }}
      />
    </>
  );
}
