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

/** A decimal's range, as the API checks it, with the API's message. */
export interface DecimalRange {
  min?: string;
  max?: string;
  message: string;
}

/**
 * The API's check of a NUMERIC(precision, scale) field, run in the form before sending: the
 * same rules and the same messages, so the answer comes without a round trip. '' passes (the
 * API says whether the field may be empty).
 */
export function decimalRule(precision: number, scale: number, range?: DecimalRange) {
  const whole = precision - scale;
  return (value: string): string | true => {
    if (value === '') return true;
    const number = /^-?(\d+)(?:\.(\d+))?$/.exec(value);
    if (!number) return 'Not a valid number.';
    const [, wholeDigits = '', fraction = ''] = number;
    if (fraction && !scale) return 'Must be a whole number.';
    if (fraction.length > scale) return `At most ${digits(scale)} after the decimal point.`;
    if (!whole && wholeDigits !== '0') return 'Must be between -1 and 1.';
    if (whole && wholeDigits.length > whole) {
      return `At most ${digits(whole)} before the decimal point.`;
    }
    if (!range) return true;
    const below = range.min !== undefined && Number(value) < Number(range.min);
    const above = range.max !== undefined && Number(value) > Number(range.max);
    return below || above ? range.message : true;
  };
}

function digits(count: number): string {
  return count === 1 ? '1 digit' : `${count} digits`;
}
