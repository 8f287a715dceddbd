import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A list's state in the URL (?page=2&sort=…&q=…&genre=…): shareable, and Back works.
 * `filters` names the query arguments besides page and sort that the list reads.
 */
export function useListParams(filters: readonly string[], defaultSort: string) {
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? 1);
  const values: Record<string, string> = {};
  for (const name of filters) {
    const value = params.get(name);
    if (value) values[name] = value;
  }
  const query = {
    page: Number.isInteger(page) && page > 0 ? page : 1,
    sort: params.get('sort') ?? defaultSort,
    ...values,
  };

  const change = useCallback(
    (changes: Record<string, string>) => {
      setParams((current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        next.delete('page'); // a new filter starts at its first page
        return next;
      });
    },
    [setParams],
  );
  const goToPage = (target: number) => {
    setParams((current) => {
      const next = new URLSearchParams(current);
      next.set('page', String(target));
      return next;
    });
  };
  return { query, values, change, goToPage };
}
