// The scoring rules of issue 17, each figure worked by hand in the comment beside it.
import { describe, expect, it } from 'vitest';
import { curveProblem, weightSum } from '../../src/kinds/kpi-scheme/kind.js';
import { DEFAULT_GRADES } from '../../src/kinds/kpi-scheme/types.js';
import { gradeOf, partOf, rankByScore, scoreDepartment, scoreOnCurve } from '../../src/domain/kpi-score.js';
import type { Curve } from '../../src/domain/kpi-score.js';
import { rat, roundHalfUp, toNumber } from '../../src/domain/rational.js';

const higher: Curve = { direction: 'higher', threshold: 80, target: 100, stretch: 110, cap: 120 };
const lower: Curve = { direction: 'lower', threshold: 10, target: 0, stretch: -5, cap: 120 };
const score = (v: number, c: Curve): number => toNumber(scoreOnCurve(rat(v), c).score);

describe('indicator curve, direction higher (threshold 80, target 100, stretch 110, cap 120)', () => {
  it('scores 0 worse than the threshold and 60 exactly at it', () => {
    expect(score(79.99, higher)).toBe(0);
    expect(scoreOnCurve(rat(79.99), higher).segment).toBe('below-threshold');
    expect(score(80, higher)).toBe(60);
  });
  it('is linear from threshold to target: 90 -> 60 + 40 x 10/20 = 80; 95 -> 90', () => {
    expect(score(90, higher)).toBe(80);
    expect(score(95, higher)).toBe(90);
    const s = scoreOnCurve(rat(95), higher);
    expect(s.segment).toBe('threshold-target');
    expect(s.from).toEqual({ value: 80, score: 60 });
    expect(s.to).toEqual({ value: 100, score: 100 });
  });
  it('is linear from target to stretch: 105 -> 100 + 20 x 5/10 = 110', () => {
    expect(score(100, higher)).toBe(100);
    expect(score(105, higher)).toBe(110);
    expect(scoreOnCurve(rat(105), higher).segment).toBe('target-stretch');
  });
  it('is flat at the cap from the stretch on', () => {
    expect(score(110, higher)).toBe(120);
    expect(score(500, higher)).toBe(120);
    expect(scoreOnCurve(rat(500), higher).segment).toBe('beyond-stretch');
    expect(score(200, { ...higher, cap: 150 })).toBe(150);
  });
  it('stops at 100 without a stretch', () => {
    const c = { ...higher, stretch: undefined };
    expect(score(100, c)).toBe(100);
    expect(score(180, c)).toBe(100);
    expect(scoreOnCurve(rat(180), c).segment).toBe('at-target');
  });
  it('keeps exact thirds: threshold 0, target 3, value 1 -> 60 + 40/3 = 73.333...', () => {
    const s = scoreOnCurve(rat(1), { direction: 'higher', threshold: 0, target: 3, cap: 120 }).score;
    expect(roundHalfUp(s, 2)).toBe(73.33);
    expect(s).toEqual({ n: 220n, d: 3n });
  });
});

describe('indicator curve, direction lower (threshold 10, target 0, stretch -5, cap 120)', () => {
  it('mirrors every segment', () => {
    expect(score(10.01, lower)).toBe(0); // worse than the threshold
    expect(score(10, lower)).toBe(60);
    expect(score(5, lower)).toBe(80); // 60 + 40 x (10 - 5) / 10
    expect(score(0, lower)).toBe(100);
    expect(score(-2.5, lower)).toBe(110); // 100 + 20 x 2.5 / 5
    expect(score(-5, lower)).toBe(120);
    expect(score(-40, lower)).toBe(120);
  });
  it('scores acme-like variance: 29.678% over budget is worse than 10% -> 0; -4.8867248494763% -> 100 + 20 x 4.8867248494763 / 5 = 119.5468993979052', () => {
    expect(score(29.6780886996, lower)).toBe(0);
    expect(score(-4.8867248494763, lower)).toBe(119.5468993979052);
  });
  it('stock-outs: threshold 5, target 0, no stretch: 3 -> 60 + 40 x 2/5 = 76', () => {
    expect(score(3, { direction: 'lower', threshold: 5, target: 0, cap: 120 })).toBe(76);
  });
});

describe('curve order (kpi/bad-curve)', () => {
  it('accepts ordered points and names the field out of order', () => {
    expect(curveProblem(higher)).toBeNull();
    expect(curveProblem(lower)).toBeNull();
    expect(curveProblem({ direction: 'higher', threshold: 100, target: 100 })?.field).toBe('target');
    expect(curveProblem({ direction: 'higher', threshold: 80, target: 100, stretch: 100 })?.field).toBe('stretch');
    expect(curveProblem({ direction: 'lower', threshold: 0, target: 10 })?.message).toMatch(/lower needs the target below the threshold; found threshold 0, target 10/);
  });
});

describe('weights', () => {
  it('names the sum when weights do not add up to 100', () => {
    expect(weightSum([30, 30, 30])).toBe(90);
    expect(weightSum([70, 30])).toBe(100);
    expect(weightSum([33.33, 33.33, 33.34])).toBe(100);
  });
});

describe('parts and department score', () => {
  it('leaves a missing indicator out of numerator and denominator, and shows its weight', () => {
    // 40 x 80 + 30 x 100 = 6200 over 70 -> 88.571428...; the 30 missing is not a 0
    const p = partOf([{ weight: 40, value: rat(80) }, { weight: 30, value: rat(100) }, { weight: 30, value: null }]);
    expect(toNumber(p.value!)).toBeCloseTo(88.57142857142857, 12);
    expect(p.weightScored).toBe(70);
    expect(p.weightMissing).toBe(30);
  });
  it('combines KPI and GS by the scheme weights and rounds half-up once', () => {
    // KPI 88.571428..., GS 0.5 x 90 + 0.5 x 75 = 82.5; (70 x 88.571428... + 30 x 82.5) / 100 = 62 + 24.75 = 86.75
    const kpi = partOf([{ weight: 40, value: rat(80) }, { weight: 30, value: rat(100) }, { weight: 30, value: null }]);
    const gs = partOf([{ weight: 50, value: rat(90) }, { weight: 50, value: rat(75) }]);
    const d = scoreDepartment(kpi, gs, { kpi: 70, gs: 30 }, DEFAULT_GRADES);
    expect(d.score).toBe(86.75);
    expect(d.grade).toBe('B');
  });
  it('rounds a half exactly up: 79.995 -> 80.00 (grade B); 79.975 -> 79.98, which floating point gives as 79.97', () => {
    // KPI 79.995 (one indicator), GS missing: the score is the KPI part alone
    const d = scoreDepartment(partOf([{ weight: 100, value: rat(79.995) }]), partOf([{ weight: 100, value: null }]), { kpi: 70, gs: 30 }, DEFAULT_GRADES);
    expect(d.score).toBe(80);
    expect(d.grade).toBe('B');
    expect(Math.round(79.975 * 100) / 100).toBe(79.97);
    expect(roundHalfUp(rat(79.975), 2)).toBe(79.98);
  });
  it('puts a score on the grade boundary into the upper band: 80.00 is B, 79.99 is C', () => {
    expect(gradeOf(80, DEFAULT_GRADES)).toBe('B');
    expect(gradeOf(79.99, DEFAULT_GRADES)).toBe('C');
    expect(gradeOf(59.99, DEFAULT_GRADES)).toBe('D');
    expect(gradeOf(120, DEFAULT_GRADES)).toBe('A');
  });
  it('withholds the grade when more than half of the KPI weight is missing, not at exactly half', () => {
    const gs = partOf([{ weight: 100, value: rat(100) }]);
    const half = scoreDepartment(partOf([{ weight: 50, value: rat(100) }, { weight: 50, value: null }]), gs, { kpi: 70, gs: 30 }, DEFAULT_GRADES);
    expect(half.grade).toBe('A');
    const more = scoreDepartment(partOf([{ weight: 49.99, value: rat(100) }, { weight: 50.01, value: null }]), gs, { kpi: 70, gs: 30 }, DEFAULT_GRADES);
    expect(more.score).toBe(100);
    expect(more.grade).toBeNull();
    expect(more.gradeWithheld).toBe('50.01 of 100 KPI weight is missing (more than half)');
  });
  it('has no score when nothing has a value', () => {
    const d = scoreDepartment(partOf([{ weight: 100, value: null }]), partOf([]), { kpi: 70, gs: 30 }, DEFAULT_GRADES);
    expect(d.score).toBeNull();
    expect(d.grade).toBeNull();
  });
  it('ignores a zero-weight part', () => {
    const d = scoreDepartment(partOf([{ weight: 100, value: rat(70) }]), partOf([]), { kpi: 100, gs: 0 }, DEFAULT_GRADES);
    expect(d.score).toBe(70);
    expect(d.grade).toBe('C');
  });
});

describe('ranking', () => {
  it('gives ties the same rank and skips the next (1, 2, 2, 4), unscored unranked', () => {
    const items = [{ id: 'a', s: 80 }, { id: 'b', s: 95 }, { id: 'c', s: 80 }, { id: 'd', s: 70 }, { id: 'e', s: null }];
    const r = rankByScore(items, (x) => x.s);
    expect(items.map((x) => r.get(x) ?? null)).toEqual([2, 1, 2, 4, null]);
  });
});

describe('rationals', () => {
  it('reads numbers as the decimals they print as', () => {
    expect(rat(0.1)).toEqual({ n: 1n, d: 10n });
    expect(rat(-2.5)).toEqual({ n: -5n, d: 2n });
    expect(rat(1e-7)).toEqual({ n: 1n, d: 10000000n });
    expect(roundHalfUp(rat(-1.005), 2)).toBe(-1.01);
    expect(roundHalfUp(rat(1.005), 2)).toBe(1.01);
  });
});
