// A list endpoint answers a numbered page, or a keyset slice when asked with `cursor`; the
// typed client cannot tell which from the query, so a screen that pages by number says so here.
export function numberedPage<T extends object>(body: T): Extract<T, { total: number }> {
  if (!('total' in body)) {
    throw new Error('The API answered a keyset slice where a numbered page was asked for.');
  }
  return body as Extract<T, { total: number }>;
}
