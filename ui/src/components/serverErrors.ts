// The one bridge between the API's problem+json and react-hook-form: `errors` go under fields.
import type { FieldError, FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError } from '../api/problem';

/**
 * Puts each message of a 422's `errors` (a value refused) or a 409's (a unique value taken) under
 * the form field of the same name: the API names the field, the form repeats no rule.
 * Returns true when every message found a field, so the form need not show a general notice.
 */
export function showServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
): boolean {
  if (!(error instanceof ApiError) || ![409, 422].includes(error.status)) return false;
  if (error.status === 409 && Object.keys(error.fieldErrors).length === 0) return false;
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
