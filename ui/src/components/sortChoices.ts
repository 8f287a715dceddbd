import type { Choice } from './ListFilters';

/** Both directions of each sortable field, newest first at the top. */
export function sortChoices(fields: Record<string, string>): Choice[] {
  const choices = [
    { value: '-created_at', label: 'Newest first' },
    { value: 'created_at', label: 'Oldest first' },
    { value: '-updated_at', label: 'Recently changed' },
  ];
  for (const [field, label] of Object.entries(fields)) {
    choices.push({ value: field, label: `${label}, ascending` });
    choices.push({ value: `-${field}`, label: `${label}, descending` });
  }
  return choices;
}
