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

  it('counts decimals of negatives, huge integers and non-finite values', () => {
    expect(countDecimals(-1.5)).toBe(1);
    expect(countDecimals(-1e-7)).toBe(7);
    // 1e21 and above print with an exponent and no dot: still no decimals
    expect(countDecimals(1e21)).toBe(0);
    expect(countDecimals(-2.5e22)).toBe(0);
    expect(countDecimals(123e-9)).toBe(9); // 0.000000123
    expect(countDecimals(Infinity)).toBe(Infinity);
    expect(countDecimals(-Infinity)).toBe(Infinity);
  });

  it('converts with the currency digits, both ways, and never gives -0', () => {
    expect(toCents(4800, 0)).toBe(4800);
    expect(toCents(1.234, 3)).toBe(1234);
    expect(toCents(12.5, 4)).toBe(125000);
    expect(Object.is(toCents(-0.001), 0)).toBe(true);
    expect(fromCents(4800, 0)).toBe(4800);
    expect(fromCents(1234, 3)).toBe(1.234);
    expect(fromCents(-99990)).toBe(-999.9);
    expect(fromCents(125000, 4)).toBe(12.5);
    expect(Object.is(fromCents(-0), 0)).toBe(true);
    expect(Object.is(fromCents(-0, 0), 0)).toBe(true);
    expect(sumCents([])).toBe(0);
    expect(sumCents([5, -7, 3])).toBe(1);
  });

  it('spreads negatives and amounts smaller than the parts', () => {
    expect(spreadEvenly(5, 12)).toEqual([1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0]);
    expect(spreadEvenly(-5, 3)).toEqual([-2, -2, -1]);
    expect(spreadEvenly(0, 3).every((v) => Object.is(v, 0))).toBe(true);
    expect(spreadEvenly(-2, 3).map((v) => Object.is(v, 0))).toEqual([false, false, true]);
    expect(spreadEvenly(12, 12)).toEqual(new Array<number>(12).fill(1));
  });

  it('rounds remainders above one half away from zero and below one half towards it, by either rule', () => {
    for (const rule of ['half-up', 'half-even'] as const) {
      expect(divideRounded(6, 10, rule)).toBe(1);
      expect(divideRounded(16, 10, rule)).toBe(2);
      expect(divideRounded(-6, 10, rule)).toBe(-1);
      expect(divideRounded(51, 100, rule)).toBe(1);
      expect(divideRounded(4, 10, rule)).toBe(0);
      expect(divideRounded(-14, 10, rule)).toBe(-1);
      expect(divideRounded(20, 10, rule)).toBe(2);
    }
    expect(Object.is(divideRounded(-4, 10), 0)).toBe(true);
    expect(divideRounded(35, 10, 'half-even')).toBe(4);
    expect(divideRounded(45, 10, 'half-even')).toBe(4);
    expect(divideRounded(7, 1)).toBe(7);
  });

  it('refuses a denominator that is not a positive integer (a bug in the caller)', () => {
    expect(() => divideRounded(1, 0)).toThrow(RangeError);
    expect(() => divideRounded(1, -10)).toThrow('denominator must be a positive integer');
    expect(() => divideRounded(1, 2.5)).toThrow(RangeError);
  });

  it('formats with the currency digits, fewer or more shown, with or without grouping', () => {
    expect(formatMoney(480000, { digits: 0 })).toBe('480,000');
    expect(formatMoney(1234567, { digits: 3 })).toBe('1,234.567');
    expect(formatMoney(-5)).toBe('-0.05');
    expect(formatMoney(-123456789, { grouping: false })).toBe('-1234567.89');
    expect(formatMoney(123456789, { shown: 1 })).toBe('1,234,567.9');
    expect(formatMoney(-4, { shown: 1 })).toBe('0.0');
    expect(formatMoney(-6, { shown: 1 })).toBe('-0.1');
    expect(formatMoney(-150, { shown: 0, rounding: 'half-even' })).toBe('-2');
    expect(formatMoney(-250, { shown: 0, rounding: 'half-even' })).toBe('-2');
    // more shown than held: padded, not shifted
    expect(formatMoney(4800, { digits: 0, shown: 2 })).toBe('4,800.00');
    expect(formatMoney(123, { shown: 3 })).toBe('1.230');
    expect(formatMoney(100000, { shown: 0 })).toBe('1,000');
    expect(formatMoney(0)).toBe('0.00');
  });

  it("takes the percentage of the budget's size, so the sign is the variance's", () => {
    expect(percentOf(50, -200)).toBe(25);
    expect(percentOf(-50, 200)).toBe(-25);
    expect(percentOf(0, 200)).toBe(0);
  });
});
