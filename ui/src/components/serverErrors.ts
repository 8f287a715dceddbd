// The one bridge between the API's problem+json and react-hook-form: `errors` go under fields.
import type { FieldError, FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError } from '../api/problem';

/**
 * Puts each message of a 422's `errors` under the form field of the same name.
 * Returns true when every message found a field, so the form need not show a general notice.
 */
export function showServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
): boolean {
  if (!(error instanceof ApiError) || error.status !== 422) return false;
  const known = new Set<string>(fields);
  let unplaced = 0;
  for (const [field, messages] of Object.entries(error.fieldErrors)) {
    if (known.has(field)) {
      setError(field as Path<T>, { type: 'server', message: messages.join(' ') });
    } else {
      unplaced += 1;
    }
  }
  return unplaced === 0;
}

/** What <Field errors> takes, from react-hook-form's error of one field. */
export function messagesOf(error: FieldError | undefined): string[] | undefined {
  return error?.message ? [error.message] : undefined;
}

/** 409 (a unique value is taken) and 412 (a stale ETag): the two ways a write collides. */
export function collisionOf(error: unknown): ApiError | null {
  return error instanceof ApiError && [409, 412].includes(error.status) ? error : null;
}

/**
 * After a failed submit: a 422's messages under their fields, a 409 under the field that must be
 * unique. Returns true when the form shows it all, so the page need not show a general notice.
 */
export function placeServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
  unique?: { field: Path<T>; message: string },
): boolean {
  if (unique && error instanceof ApiError && error.status === 409) {
    setError(unique.field, { type: 'server', message: unique.message });
    return true;
  }
  return showServerErrors(error, setError, fields);
}
