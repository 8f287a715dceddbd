import { describe, expect, it } from 'vitest';
import { numberedPage } from './pages';

describe('numberedPage', () => {
  it('passes a numbered page through', () => {
    const page = { items: [], total: 0, page: 1, per_page: 20 };
    expect(numberedPage(page)).toBe(page);
  });

  it('refuses a keyset slice, which has no total', () => {
    const slice = { items: [], per_page: 20, next_cursor: null, next: null };
    expect(() => numberedPage(slice)).toThrow(/keyset slice/);
  });
});
