import { useEffect, useState } from 'react';
import type { TaskStatus } from '../api/client';
import { useDebouncedValue } from '../components/useDebouncedValue';
import { SORT_LABELS, STATUS_LABELS } from './labels';
import type { TaskSort } from './queries';

export const SEARCH_DELAY_MS = 300;

interface TaskFiltersProps {
  search: string;
  status: TaskStatus | undefined;
  sort: TaskSort;
  onChange: (changes: { q?: string; status?: string; sort?: string }) => void;
}

/** Search (debounced), status and sort; each change goes to the URL, so views can be shared. */
export function TaskFilters({ search, status, sort, onChange }: TaskFiltersProps) {
  const [typed, setTyped] = useState(search);
  const [shownSearch, setShownSearch] = useState(search);
  if (search !== shownSearch) {
    // The URL changed under us (Back, or the Tasks link): show its search, unless it is ours.
    setShownSearch(search);
    if (typed.trim() !== search) setTyped(search);
  }
  const settled = useDebouncedValue(typed, SEARCH_DELAY_MS);
  useEffect(() => {
    // Only once the debounce has caught up: a stale value must not undo a navigation.
    if (settled === typed && settled.trim() !== search) onChange({ q: settled.trim() });
  }, [settled, typed, search, onChange]);

  return (
    <form
      role="search"
      aria-label="Filter tasks"
      className="filters"
      onSubmit={(event) => {
        event.preventDefault();
      }}
    >
      <div className="field">
        <label htmlFor="task-search">Search titles</label>
        <input
          id="task-search"
          type="search"
          value={typed}
          onChange={(event) => {
            setTyped(event.target.value);
          }}
        />
      </div>
      <div className="field">
        <label htmlFor="task-status">Status</label>
        <select
          id="task-status"
          value={status ?? ''}
          onChange={(event) => {
            onChange({ status: event.target.value });
          }}
        >
          <option value="">Any</option>
          {Object.entries(STATUS_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="task-sort">Sort</label>
        <select
          id="task-sort"
          value={sort}
          onChange={(event) => {
            onChange({ sort: event.target.value });
          }}
        >
          {Object.entries(SORT_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}
