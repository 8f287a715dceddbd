import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../api/problem';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { CollisionNotice } from '../components/CollisionNotice';
import { ErrorNotice } from '../components/ErrorNotice';
import { collisionOf } from '../components/serverErrors';
import { useDeleteTask, useTask, useUpdateTask } from './queries';
import { TaskForm } from './TaskForm';

export function EditTaskPage() {
  const id = Number(useParams().taskId);
  const navigate = useNavigate();
  const current = useTask(id);
  const update = useUpdateTask(id);
  const remove = useDeleteTask(id);
  const [confirming, setConfirming] = useState(false);

  const failure = update.error ?? remove.error;
  const apiError = failure instanceof ApiError ? failure : null;
  const collision = collisionOf(failure);

  const reload = () => {
    update.reset();
    remove.reset();
    void current.refetch();
  };

  if (current.error) {
    return (
      <>
        <h1>Edit task</h1>
        <ErrorNotice error={current.error} onRetry={reload} />
        <Link to="/tasks">Back to tasks</Link>
      </>
    );
  }
  if (!current.data) {
    return (
      <p className="loading" role="status">
        Loading task…
      </p>
    );
  }
  const { task, etag } = current.data;

  return (
    <>
      <div className="page-heading">
        <h1>Edit task</h1>
        <Link to="/tasks">Back to tasks</Link>
      </div>
      {collision && (
        <CollisionNotice error={collision} noun="task" uniqueField="title" onReload={reload} />
      )}
      {failure && !collision && apiError?.status !== 422 && <ErrorNotice error={failure} />}
      <TaskForm
        key={`${task.id}:${etag ?? task.updated_at}`} // a reload starts the form afresh
        initial={task}
        busy={update.isPending}
        submitLabel="Save changes"
        onSubmit={async (changes) => {
          await update.mutateAsync({ changes, etag });
          await navigate('/tasks');
        }}
      />
      <section className="danger-zone" aria-labelledby="delete-heading">
        <h2 id="delete-heading">Delete</h2>
        <button
          type="button"
          className="danger"
          onClick={() => {
            setConfirming(true);
          }}
        >
          Delete task
        </button>
      </section>
      <ConfirmDialog
        open={confirming}
        title="Delete this task?"
        message={`“${task.title}” will be deleted for good.`}
        confirmLabel="Delete"
        onCancel={() => {
          setConfirming(false);
        }}
        onConfirm={() => {
          setConfirming(false);
          remove.mutate(etag, { onSuccess: () => void navigate('/tasks') });
        }}
      />
    </>
  );
}
