import { describe, expect, it } from 'vitest';
import { decimalRule } from './formValues';

describe('decimalRule', () => {
  const price = decimalRule(10, 2, { min: '0', message: 'Must be at least 0.' });

  it('passes what the API takes, and leaves an empty field to the API', () => {
    expect(price('12.5')).toBe(true);
    expect(price('99999999.99')).toBe(true);
    expect(price('')).toBe(true);
  });

  it("refuses what the API refuses, with the API's message", () => {
    expect(price('abc')).toBe('Not a valid number.');
    expect(price('1.234')).toBe('At most 2 digits after the decimal point.');
    expect(price('123456789')).toBe('At most 8 digits before the decimal point.');
    expect(price('-0.01')).toBe('Must be at least 0.');
    expect(decimalRule(4, 0)('1.5')).toBe('Must be a whole number.');
    expect(decimalRule(2, 2)('1.5')).toBe('Must be between -1 and 1.');
    expect(decimalRule(4, 1)('0.25')).toBe('At most 1 digit after the decimal point.');
    expect(decimalRule(4, 0, { max: '100', message: 'Must be at most 100.' })('101')).toBe(
      'Must be at most 100.',
    );
  });
});
