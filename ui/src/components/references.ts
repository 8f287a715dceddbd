// How a screen names the rows another resource's rows refer to: by their display field, as the
// generated list, form and details show a reference. The names come from the API (a page of the
// target, or its rows by id); until they arrive, a reference shows as #id.
import type { Choice } from './ListFilters';

interface Row {
  id: number;
}

/** Each row's display name by id; a row whose display field is empty keeps its #id. */
export function namesOf<T extends Row>(
  rows: readonly T[],
  label: (row: T) => string | null | undefined,
): Map<number, string> {
  const names = new Map<number, string>();
  for (const row of rows) {
    const name = label(row);
    if (name) names.set(row.id, name);
  }
  return names;
}

/** What a reference shows: the row's name, or #id while it loads. */
export function nameIn(names: ReadonlyMap<number, string>, id: number): string {
  return names.get(id) ?? `#${id}`;
}

/** A select's choices of referenced rows, in the rows' order, and the chosen one if it is not
 * among them (a filter from the URL, or a form's saved choice past the first page). */
export function referenceChoices(
  rows: readonly Row[],
  names: ReadonlyMap<number, string>,
  chosen: string | number | null | undefined,
): Choice[] {
  const choices = rows.map((row) => ({ value: String(row.id), label: nameIn(names, row.id) }));
  const kept = chosen == null || chosen === '' ? null : String(chosen);
  if (kept !== null && !choices.some((choice) => choice.value === kept)) {
    choices.push({ value: kept, label: nameIn(names, Number(kept)) });
  }
  return choices;
}

/** The distinct ids a page refers to, without the empty ones, in a stable order (a query key). */
export function idsOf(ids: readonly (number | null | undefined)[]): number[] {
  const present = ids.filter((id): id is number => id != null);
  return [...new Set(present)].sort((a, b) => a - b);
}
