import { useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../api/problem';
import { CollisionNotice } from './CollisionNotice';
import { ConfirmDialog } from './ConfirmDialog';
import { ErrorNotice } from './ErrorNotice';
import { collisionOf } from './serverErrors';

/** A row with the ETag it was read at: sent back in If-Match, so a stale write gets a 412. */
export interface Versioned<T> {
  row: T;
  etag: string | null;
}

/** What the edit form of one resource takes (see a resource's Form component). */
export interface FormProps<T, C> {
  initial: T;
  busy: boolean;
  submitLabel: string;
  onSubmit: (changes: C) => Promise<unknown>;
}

interface EditScreenProps<T, C> {
  /** What one row is called ("book"), and where its list is ("/books", "books"). */
  noun: string;
  listPath: string;
  listName: string;
  /** How the delete question names the row. */
  describe: (row: T) => string;
  query: { data?: Versioned<T> | undefined; error: Error | null; refetch: () => unknown };
  update: {
    error: Error | null;
    isPending: boolean;
    reset: () => void;
    mutateAsync: (variables: { changes: C; etag: string | null }) => Promise<unknown>;
  };
  remove: {
    error: Error | null;
    reset: () => void;
    mutate: (etag: string | null, options: { onSuccess: () => void }) => void;
  };
  form: (props: FormProps<T, C>) => ReactNode;
}

/**
 * Edit and delete one row: the form from the version it read, a 412 or a taken value explained
 * with a reload, a delete that asks first (and a 409 when other rows still refer to this one).
 */
export function EditScreen<T extends { id: number; updated_at: string }, C>(
  props: EditScreenProps<T, C>,
) {
  const { noun, listPath, listName, describe, query, update, remove, form } = props;
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);

  const failure = update.error ?? remove.error;
  const apiError = failure instanceof ApiError ? failure : null;
  const collision = collisionOf(failure);
  // A 409 on delete: other rows still refer to this one (a 409 on save is a taken value).
  const inUse = remove.error instanceof ApiError && remove.error.status === 409;
  const back = <Link to={listPath}>Back to {listName}</Link>;

  const reload = () => {
    update.reset();
    remove.reset();
    void query.refetch();
  };

  if (query.error) {
    return (
      <>
        <h1>Edit {noun}</h1>
        <ErrorNotice error={query.error} onRetry={reload} />
        {back}
      </>
    );
  }
  if (!query.data) {
    return (
      <p className="loading" role="status">
        Loading {noun}…
      </p>
    );
  }
  const { row, etag } = query.data;

  return (
    <>
      <div className="page-heading">
        <h1>Edit {noun}</h1>
        {back}
      </div>
      {collision && !inUse && <CollisionNotice error={collision} noun={noun} onReload={reload} />}
      {failure && (inUse || (!collision && apiError?.status !== 422)) && (
        <ErrorNotice error={failure} />
      )}
      <div key={`${row.id}:${etag ?? row.updated_at}`}>
        {/* keyed: a reload starts the form afresh */}
        {form({
          initial: row,
          busy: update.isPending,
          submitLabel: 'Save changes',
          onSubmit: async (changes) => {
            await update.mutateAsync({ changes, etag });
            await navigate(listPath);
          },
        })}
      </div>
      <section className="danger-zone" aria-labelledby="delete-heading">
        <h2 id="delete-heading">Delete</h2>
        <button
          type="button"
          className="danger"
          onClick={() => {
            setConfirming(true);
          }}
        >
          Delete {noun}
        </button>
      </section>
      <ConfirmDialog
        open={confirming}
        title={`Delete this ${noun}?`}
        message={`${describe(row)} will be deleted for good.`}
        confirmLabel="Delete"
        onCancel={() => {
          setConfirming(false);
        }}
        onConfirm={() => {
          setConfirming(false);
          remove.mutate(etag, { onSuccess: () => void navigate(listPath) });
        }}
      />
    </>
  );
}
