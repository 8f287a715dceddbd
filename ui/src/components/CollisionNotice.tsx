import type { ApiError } from '../api/problem';

interface CollisionNoticeProps {
  error: ApiError;
  /** What one row is called ("task"). */
  noun: string;
  /** Fetch the row as it is now (the form then shows it, dropping the edits). */
  onReload: () => void;
}

/** Explains 409 and 412 (see collisionOf), the two ways a write can collide with someone else's. */
export function CollisionNotice({ error, noun, onReload }: CollisionNoticeProps) {
  const stale = error.status === 412;
  return (
    <div className="notice notice-warning" role="alert">
      <p>
        <strong>{stale ? `This ${noun} was changed by someone else.` : error.message}</strong>{' '}
        {stale
          ? 'Your change was not saved, so nothing was overwritten. Reload to see the latest version, then make your change again.'
          : `Choose a different value, or reload to see the ${noun} as it is now.`}
      </p>
      <button type="button" onClick={onReload}>
        Reload {noun}
      </button>
    </div>
  );
}
