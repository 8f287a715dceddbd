// What an input holds (always a string) and what the API takes, both ways. The API checks every
// value; an empty required field is sent as null, so its 422 lands under the field.

/** '' becomes null; anything else is sent as typed. */
export function textOrNull(value: string): string | null {
  return value === '' ? null : value;
}

/** '' becomes null; a number input's text becomes a number. */
export function numberOrNull(value: string): number | null {
  return value === '' ? null : Number(value);
}

/** A datetime-local input's value ("2026-05-01T09:30", local time) as ISO 8601 with an offset. */
export function instantOrNull(value: string): string | null {
  return value === '' ? null : new Date(value).toISOString();
}

/** An ISO 8601 instant as a datetime-local input shows it: local time, to the minute. */
export function localInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const moment = new Date(iso);
  const local = new Date(moment.getTime() - moment.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** "poetry_collection" -> "Poetry collection": how a value of an enum is shown. */
export function labelOf(value: string): string {
  const words = value.replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
