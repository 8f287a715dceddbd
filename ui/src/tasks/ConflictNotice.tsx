import type { ApiError } from '../api/problem';

interface ConflictNoticeProps {
  error: ApiError;
  /** Fetch the task as it is now (the form then shows it, dropping the edits). */
  onReload: () => void;
}

/** Explains 409 and 412, the two ways a write can collide with someone else's. */
export function ConflictNotice({ error, onReload }: ConflictNoticeProps) {
  const stale = error.status === 412;
  return (
    <div className="notice notice-warning" role="alert">
      <p>
        <strong>{stale ? 'This task was changed by someone else.' : 'That title is taken.'}</strong>{' '}
        {stale
          ? 'Your change was not saved, so nothing was overwritten. Reload to see the latest version, then make your change again.'
          : 'Another task already has this title: choose a different one, or reload to see the task as it is now.'}
      </p>
      <button type="button" onClick={onReload}>
        Reload task
      </button>
    </div>
  );
}
