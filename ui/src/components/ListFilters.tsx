import { useEffect, useId, useState } from 'react';
import { useDebouncedValue } from './useDebouncedValue';

export const SEARCH_DELAY_MS = 300;

export interface Choice {
  value: string;
  label: string;
}

export interface ListFiltersProps {
  /** What the filters narrow: "books". */
  noun: string;
  /** The searched field's label ("titles"), when the list has a search. */
  searchLabel?: string | undefined;
  search: string;
  /** One select per filter; its first choice is "Any" (the empty value). */
  selects: { name: string; label: string; value: string; choices: Choice[] }[];
  sort: string;
  sortChoices: Choice[];
  onChange: (changes: Record<string, string>) => void;
}

/** Search (debounced), a select per filter, and the sort; each change goes to the URL. */
export function ListFilters(props: ListFiltersProps) {
  const { noun, searchLabel, search, selects, sort, sortChoices, onChange } = props;
  const id = useId();
  const [typed, setTyped] = useState(search);
  const [shownSearch, setShownSearch] = useState(search);
  if (search !== shownSearch) {
    // The URL changed under us (Back, or the navigation link): show its search.
    setShownSearch(search);
    if (typed.trim() !== search) setTyped(search);
  }
  const settled = useDebouncedValue(typed, SEARCH_DELAY_MS);
  useEffect(() => {
    // Only once the debounce has caught up: a stale value must not undo a navigation.
    if (searchLabel && settled === typed && settled.trim() !== search) {
      onChange({ q: settled.trim() });
    }
  }, [searchLabel, settled, typed, search, onChange]);

  return (
    <form
      role="search"
      aria-label={`Filter ${noun}`}
      className="filters"
      onSubmit={(event) => {
        event.preventDefault();
      }}
    >
      {searchLabel && (
        <div className="field">
          <label htmlFor={`${id}-q`}>Search {searchLabel}</label>
          <input
            id={`${id}-q`}
            type="search"
            value={typed}
            onChange={(event) => {
              setTyped(event.target.value);
            }}
          />
        </div>
      )}
      {selects.map((select) => (
        <div className="field" key={select.name}>
          <label htmlFor={`${id}-${select.name}`}>{select.label}</label>
          <select
            id={`${id}-${select.name}`}
            value={select.value}
            onChange={(event) => {
              onChange({ [select.name]: event.target.value });
            }}
          >
            <option value="">Any</option>
            {select.choices.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </select>
        </div>
      ))}
      <div className="field">
        <label htmlFor={`${id}-sort`}>Sort</label>
        <select
          id={`${id}-sort`}
          value={sort}
          onChange={(event) => {
            onChange({ sort: event.target.value });
          }}
        >
          {sortChoices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}
