import { describe, expect, it } from 'vitest';
import { startPath, type Feature } from './features';

const feature = (path: string): Feature => ({ label: path, path, routes: <></> });

describe('where signing in leads', () => {
  it('is the first feature', () => {
    expect(startPath([feature('/books'), feature('/authors')])).toBe('/books');
  });

  it('is the home page when the app has no feature yet', () => {
    expect(startPath([])).toBe('/');
  });
});
