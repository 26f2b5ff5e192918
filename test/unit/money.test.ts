import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countDecimals, divideRounded, formatMoney, fromCents, percentOf, spreadEvenly, sumCents, toCents } from '../../src/model/money.js';

describe('money', () => {
  it('converts decimals to exact cents', () => {
    expect(toCents(1.13)).toBe(113);
    expect(toCents(1000.1)).toBe(100010);
    expect(toCents(-999.9)).toBe(-99990);
    expect(toCents(0.29)).toBe(29);
    expect(Object.is(toCents(-0), 0)).toBe(true);
  });

  it('sums 10,000 lines of 0.10 to exactly 1000.00', () => {
    const cents = Array.from({ length: 10000 }, () => toCents(0.1));
    expect(sumCents(cents)).toBe(100000);
    expect(formatMoney(sumCents(cents))).toBe('1,000.00');
  });

  it('round-trips any 2-decimal amount through cents', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (c) => {
        const major = fromCents(c);
        expect(countDecimals(major)).toBeLessThanOrEqual(2);
        expect(toCents(major)).toBe(c);
      }),
    );
  });

  it('counts decimals as written', () => {
    expect(countDecimals(1.13)).toBe(2);
    expect(countDecimals(1.005)).toBe(3);
    expect(countDecimals(100)).toBe(0);
    expect(countDecimals(1e-7)).toBe(7);
    expect(countDecimals(1.5e-7)).toBe(8);
    expect(countDecimals(NaN)).toBe(Infinity);
  });

  it('spreads an annual amount so months add up exactly, extra cents first', () => {
    expect(spreadEvenly(10000001, 12)).toEqual([833334, 833334, 833334, 833334, 833334, 833333, 833333, 833333, 833333, 833333, 833333, 833333]);
    expect(spreadEvenly(-100, 3)).toEqual([-34, -33, -33]);
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), fc.integer({ min: 1, max: 24 }), (total, n) => {
        const parts = spreadEvenly(total, n);
        expect(sumCents(parts)).toBe(total);
        expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('rounds half-up by default and half-even on request', () => {
    expect(divideRounded(5, 10)).toBe(1);
    expect(divideRounded(5, 10, 'half-even')).toBe(0);
    expect(divideRounded(15, 10, 'half-even')).toBe(2);
    expect(divideRounded(-5, 10)).toBe(-1);
    expect(divideRounded(-25, 10, 'half-even')).toBe(-2);
    expect(formatMoney(100500, { shown: 0 })).toBe('1,005');
    expect(formatMoney(100450, { shown: 0 })).toBe('1,005');
    expect(formatMoney(250, { shown: 0, rounding: 'half-even' })).toBe('2');
    expect(formatMoney(-123456789)).toBe('-1,234,567.89');
    expect(formatMoney(5)).toBe('0.05');
  });

  it('has no percentage of a zero budget', () => {
    expect(percentOf(100, 0)).toBeNull();
    expect(percentOf(-50, -200)).toBe(-25);
    expect(percentOf(50, 200)).toBe(25);
  });
});
