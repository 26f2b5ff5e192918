// The KPI and GS scoring rules of issue 17, pure and exact: the piecewise-linear indicator
// curve, the KPI and GS parts as weighted means of what has a value, the department score
// rounded half-up to two decimals once, grades by band and the ranking.
import type { KpiDirection, KpiGrade } from '../kinds/kpi-scheme/types.js';
import { cmp, div, mul, neg, rat, roundHalfUp, sub, add, weightedMean } from './rational.js';
import type { Rational } from './rational.js';

/** The points of an indicator's curve (values in the metric's unit). */
export interface Curve {
  direction: KpiDirection;
  threshold: number;
  target: number;
  stretch?: number;
  /** Score at the stretch value (default 120). */
  cap: number;
}

/** Where on the curve a value fell. */
export type Segment = 'below-threshold' | 'threshold-target' | 'target-stretch' | 'at-target' | 'beyond-stretch';

/** A curve point: a metric value and the score it earns. */
export interface CurvePoint {
  value: number;
  score: number;
}

/** The score of one value on one curve, with the two points it fell between. */
export interface CurveScore {
  score: Rational;
  segment: Segment;
  /** The point at or below the value (in the better direction), null below the threshold. */
  from: CurvePoint | null;
  /** The next point, null when the score is flat (at or beyond the last point). */
  to: CurvePoint | null;
}

const R60 = rat(60);
const R100 = rat(100);
const ZERO = rat(0);

/** Linear between (x0, y0) and (x1, y1) at x. */
function lerp(x: Rational, x0: Rational, y0: Rational, x1: Rational, y1: Rational): Rational {
  return add(y0, div(mul(sub(y1, y0), sub(x, x0)), sub(x1, x0)));
}

/**
 * Scores `value` on the curve: worse than the threshold 0; threshold 60; target 100; stretch
 * `cap`; linear between the points and flat beyond the last one (100 without a stretch).
 * `direction: lower` mirrors the curve by negating the values. The curve must be in order
 * (the kpi-scheme check `kpi/bad-curve` guarantees it for loaded schemes).
 */
export function scoreOnCurve(value: Rational, c: Curve): CurveScore {
  const m = c.direction === 'lower' ? neg : (x: Rational) => x;
  const v = m(value);
  const th = m(rat(c.threshold));
  const tg = m(rat(c.target));
  const cap = rat(c.cap);
  const pTh = { value: c.threshold, score: 60 };
  const pTg = { value: c.target, score: 100 };
  if (cmp(v, th) < 0) return { score: ZERO, segment: 'below-threshold', from: null, to: pTh };
  if (cmp(v, tg) < 0) return { score: lerp(v, th, R60, tg, R100), segment: 'threshold-target', from: pTh, to: pTg };
  if (c.stretch === undefined) return { score: R100, segment: 'at-target', from: pTg, to: null };
  const st = m(rat(c.stretch));
  const pSt = { value: c.stretch, score: c.cap };
  if (cmp(v, st) < 0) return { score: lerp(v, tg, R100, st, cap), segment: 'target-stretch', from: pTg, to: pSt };
  return { score: cap, segment: 'beyond-stretch', from: pSt, to: null };
}

/** A weighted item that may lack a value (a missing indicator or an unscored goal). */
export interface Weighted {
  weight: number;
  value: Rational | null;
}

/** A weighted mean over the items that have a value, with the weights scored and left out. */
export interface Part {
  /** Σ weight x value / Σ weight over items with a value; null when none has one. */
  value: Rational | null;
  weightScored: number;
  weightMissing: number;
}

/** Weights are summed as integer hundredths (they have at most 2 decimals). */
const hundredths = (w: number): number => Math.round(w * 100);

/** The KPI or GS part: missing items are left out of numerator and denominator, never counted as 0. */
export function partOf(items: readonly Weighted[]): Part {
  const scored = items.filter((i): i is { weight: number; value: Rational } => i.value !== null);
  const value = weightedMean(scored.map((i) => ({ weight: rat(i.weight), value: i.value })));
  const sum = (xs: readonly Weighted[]) => xs.reduce((s, i) => s + hundredths(i.weight), 0) / 100;
  return { value, weightScored: sum(scored), weightMissing: sum(items.filter((i) => i.value === null)) };
}

/** The department score and grade. */
export interface DepartmentScore {
  /** Rounded half-up to 2 decimals, once; null when neither part has a value. */
  score: number | null;
  /** The exact score before rounding. */
  exact: Rational | null;
  grade: string | null;
  /** Why there is no grade (null when graded). */
  gradeWithheld: string | null;
}

/**
 * Department score = (weights.kpi x KPI part + weights.gs x GS part) / 100. A part without any
 * value is left out with its weight (the score is then the other part alone), never counted as
 * 0 or 100. More than half of the KPI weight missing withholds the grade (the score is shown).
 */
export function scoreDepartment(kpi: Part, gs: Part, weights: { kpi: number; gs: number }, grades: readonly KpiGrade[]): DepartmentScore {
  const parts: Weighted[] = [
    { weight: weights.kpi, value: kpi.value },
    { weight: weights.gs, value: gs.value },
  ].filter((p) => p.weight > 0);
  const exact = partOf(parts).value;
  const score = exact === null ? null : roundHalfUp(exact, 2);
  const kpiTotal = kpi.weightScored + kpi.weightMissing;
  let gradeWithheld: string | null = null;
  if (score === null) gradeWithheld = 'no indicator value and no goal score';
  else if (hundredths(kpi.weightMissing) * 2 > hundredths(kpiTotal)) gradeWithheld = `${kpi.weightMissing} of ${kpiTotal} KPI weight is missing (more than half)`;
  return { score, exact, grade: gradeWithheld === null && score !== null ? gradeOf(score, grades) : null, gradeWithheld };
}

/** The grade of the highest band whose min the (rounded) score reaches. */
export function gradeOf(score: number, grades: readonly KpiGrade[]): string | null {
  let best: KpiGrade | null = null;
  for (const g of grades) if (score >= g.min && (best === null || g.min > best.min)) best = g;
  return best?.grade ?? null;
}

/** Competition ranking (1, 2, 2, 4) by score, highest first; items without a rank key get null. */
export function rankByScore<T>(items: readonly T[], scoreOf: (t: T) => number | null): Map<T, number> {
  const ranked = items.filter((t) => scoreOf(t) !== null).sort((a, b) => scoreOf(b)! - scoreOf(a)!);
  const out = new Map<T, number>();
  ranked.forEach((t, i) => {
    const prev = ranked[i - 1];
    out.set(t, prev !== undefined && scoreOf(prev) === scoreOf(t) ? out.get(prev)! : i + 1);
  });
  return out;
}
