import { describe, expect, it } from 'vitest';
import { idsOf, nameIn, namesOf, referenceChoices } from './references';

const rows = [
  { id: 3, title: 'Write the report' },
  { id: 5, title: null },
];

describe('references', () => {
  it('names a row by its display field, and by #id while unknown or empty', () => {
    const names = namesOf(rows, (row) => row.title);

    expect(nameIn(names, 3)).toBe('Write the report');
    expect(nameIn(names, 5)).toBe('#5');
    expect(nameIn(names, 9)).toBe('#9');
  });

  it('offers the rows as choices, and keeps a chosen one that is not among them', () => {
    const names = namesOf([...rows, { id: 9, title: 'Far away' }], (row) => row.title);

    expect(referenceChoices(rows, names, '9')).toEqual([
      { value: '3', label: 'Write the report' },
      { value: '5', label: '#5' },
      { value: '9', label: 'Far away' },
    ]);
    expect(referenceChoices(rows, names, 3)).toHaveLength(2);
    expect(referenceChoices(rows, names, '')).toHaveLength(2);
  });

  it('asks for each referenced id once, in order, without the empty ones', () => {
    expect(idsOf([5, null, 3, 5, undefined])).toEqual([3, 5]);
  });
});
