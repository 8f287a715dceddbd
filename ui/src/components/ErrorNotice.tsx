import { ApiError } from '../api/problem';

interface ErrorNoticeProps {
  error: unknown;
  /** Offered as a button: try the failed request again. */
  onRetry?: () => void;
  /** False when a heading above already says what failed. */
  showTitle?: boolean;
}

/** Explains a failed request: the API being unreachable, or the problem it reported. */
export function ErrorNotice({ error, onRetry, showTitle = true }: ErrorNoticeProps) {
  const apiError = error instanceof ApiError ? error : null;
  const unreachable = apiError === null || apiError.unreachable;
  return (
    <div className="notice notice-error" role="alert">
      <p>
        {showTitle && (
          <>
            <strong>
              {unreachable ? 'Cannot reach the server.' : (apiError.problem.title ?? 'Error')}
            </strong>{' '}
          </>
        )}
        {unreachable
          ? 'The API did not answer: check your connection, or that it is running.'
          : apiError.problem.detail}
      </p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
