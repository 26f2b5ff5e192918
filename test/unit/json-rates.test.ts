import { describe, expect, it } from 'vitest';
import { roundPct, roundRates } from '../../src/report/json-rates.js';

describe('roundPct: 2 decimals, half away from zero, output only', () => {
  it.each([
    [7.000000000000001, 7],
    [40.10630303030303, 40.11],
    [1.005, 1.01],
    [-1.005, -1.01],
    [2.344999, 2.34],
    [-0.30045721750489873, -0.3],
    [0.125, 0.13],
    [-0.125, -0.13],
    [100, 100],
  ])('%s -> %s', (input, expected) => {
    expect(roundPct(input)).toBe(expected);
  });

  it('never returns -0 (YAML would print "-0")', () => {
    expect(Object.is(roundPct(-0.001), 0)).toBe(true);
  });
});

describe('roundRates', () => {
  it('rounds numbers under ...Pct keys at any depth and leaves the rest exact', () => {
    const doc = { amount: 0.1 + 0.2, variancePct: 7.000000000000001, rows: [{ changePct: 35.714285714285715, pace: 10980.82191780822, flags: ['a'] }], none: { achievementPct: null } };
    expect(roundRates(doc)).toEqual({ amount: 0.1 + 0.2, variancePct: 7, rows: [{ changePct: 35.71, pace: 10980.82191780822, flags: ['a'] }], none: { achievementPct: null } });
  });
});
