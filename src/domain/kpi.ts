// Operating performance (八): every department of the fiscal year's kpi-scheme scored for a
// month, a quarter or a year. Indicator values come from the metric catalogue (the commands'
// own figures) or the department's kpi-review; the scoring rules are in ./kpi-score.ts.
// Pure: the workspace, the period and the as-of date come in.
import type { RejectedFile } from '../kinds/kind.js';
import type { KpiReview } from '../kinds/kpi-review/types.js';
import { MANUAL } from '../kinds/kpi-scheme/metric-names.js';
import type { MetricName } from '../kinds/kpi-scheme/metric-names.js';
import type { KpiDepartmentScheme, KpiGrade, KpiIndicator, KpiScheme } from '../kinds/kpi-scheme/types.js';
import { periodFiscalYear } from '../model/period.js';
import type { MonthId, Period } from '../model/period.js';
import type { Workspace } from '../model/workspace.js';
import { METRIC_CATALOGUE, periodBounds } from './kpi-metrics.js';
import type { MetricContext } from './kpi-metrics.js';
import { partOf, rankByScore, scoreDepartment, scoreOnCurve } from './kpi-score.js';
import type { CurvePoint, Segment } from './kpi-score.js';
import { add, div, rat, toNumber } from './rational.js';
import type { Rational } from './rational.js';

/** What computeKpi is asked for. */
export interface KpiOptions {
  period: Period;
  /** YYYY-MM-DD: figures are taken on the earlier of this and the period's last day. */
  asOf: string;
  /** Files left out for errors (LoadResult.rejected): the metrics they feed are missing, never zero. */
  rejected: readonly RejectedFile[];
}

/** One month's value of an `aggregate: average` indicator. */
export interface KpiMonthValue {
  month: MonthId;
  value: number | null;
  missing: string | null;
}

/** One indicator of a department, scored. */
export interface KpiIndicatorResult {
  id: string;
  name: string;
  metric: string;
  /** `department`, `company` (one figure for every department naming it) or `manual`. */
  scope: 'department' | 'company' | 'manual';
  direction: 'higher' | 'lower';
  weight: number;
  threshold: number;
  target: number;
  stretch: number | null;
  cap: number;
  aggregate: 'period' | 'average';
  value: number | null;
  /** Why there is no value (the indicator then scores nothing and its weight is left out). */
  missing: string | null;
  /** The command and figure (or review file) the value came from. */
  source: string;
  detail: string | null;
  /** For `aggregate: average` over a quarter or a year: each month's value. */
  months: KpiMonthValue[] | null;
  /** Unrounded score, null when missing. */
  score: number | null;
  segment: Segment | null;
  /** The curve points the value fell between (from null below the threshold, to null when flat). */
  from: CurvePoint | null;
  to: CurvePoint | null;
  /** Worse than the threshold: the department must rectify. */
  belowThreshold: boolean;
  /** One sentence: value, source, points, score and weight. */
  explanation: string;
}

/** One goal of a department, scored by the reviewer. */
export interface KpiGoalResult {
  id: string;
  description: string;
  weight: number;
  score: number | null;
  comment: string | null;
  missing: string | null;
}

/** A KPI or GS part. */
export interface KpiPartResult {
  /** Weighted mean of the items with a value, unrounded; null when none has one. */
  score: number | null;
  weightScored: number;
  weightMissing: number;
}

/** A department's scorecard. */
export interface KpiDepartmentResult {
  department: string;
  name: string;
  manager: string | null;
  review: { file: string; reviewer: string; remarks: string | null } | null;
  indicators: KpiIndicatorResult[];
  goals: KpiGoalResult[];
  kpi: KpiPartResult;
  gs: KpiPartResult;
  /** Rounded half-up to 2 decimals once. */
  score: number | null;
  grade: string | null;
  gradeWithheld: string | null;
  rank: number | null;
}

/** The whole evaluation of a period. */
export interface KpiResult {
  company: string;
  period: { id: string; kind: Period['kind']; fiscalYear: string; start: string; end: string; months: MonthId[] };
  asOf: string;
  scheme: { file: string; weights: { kpi: number; gs: number }; grades: KpiGrade[] };
  departments: KpiDepartmentResult[];
  /** Graded departments by score, highest first. */
  ranking: { rank: number; department: string; name: string; score: number; grade: string }[];
  /** Indicators worse than their threshold, per department, with its manager: rectification required. */
  rectification: { department: string; manager: string | null; indicator: string; name: string; value: number; threshold: number; direction: 'higher' | 'lower' }[];
  /** Departments in the top grade band (A by default): commendation. */
  commendation: { department: string; name: string; manager: string | null; score: number; grade: string }[];
  /** Departments of opsplan.yaml the scheme does not evaluate. */
  notInScheme: string[];
}

type Valued = { value: Rational; source: string; detail: string | null; months: KpiMonthValue[] | null } | { value: null; source: string; missing: string; months: KpiMonthValue[] | null };

const fmt = (x: number): string => String(Math.round(x * 100) / 100);

function reviewOf(ws: Workspace, department: string, periodId: string): KpiReview | undefined {
  return ws.kpiReviews.find((r) => r.department === department && r.period === periodId);
}

/** The indicator's value for one period (a month, or the whole period). */
function valueFor(ws: Workspace, k: KpiIndicator, ctx: MetricContext): { value: number | null; source: string; detail: string | null; missing: string | null } {
  if (k.metric === MANUAL) {
    const review = reviewOf(ws, ctx.department, ctx.period.id);
    if (!review) return { value: null, source: 'kpi-review', detail: null, missing: `no ${ctx.period.id} kpi-review of ${ctx.department}` };
    const v = review.values.find((x) => x.indicator === k.id);
    if (!v) return { value: null, source: review.file, detail: null, missing: `${review.file} gives no value for ${k.id}` };
    return { value: v.value, source: `${review.file}: values[indicator=${k.id}]`, detail: v.note ?? null, missing: null };
  }
  const r = METRIC_CATALOGUE[k.metric as MetricName].compute(ctx);
  return r.value === null ? { value: null, source: r.source, detail: null, missing: r.missing } : { value: r.value, source: r.source, detail: r.detail, missing: null };
}

/** The value to score: the whole period's, or for `aggregate: average` the mean of the months that have one. */
function indicatorValue(ws: Workspace, k: KpiIndicator, ctx: MetricContext, startMonth: number): Valued {
  if (k.aggregate === 'period' || ctx.period.kind === 'month') {
    const v = valueFor(ws, k, ctx);
    return v.value === null ? { value: null, source: v.source, missing: v.missing!, months: null } : { value: rat(v.value), source: v.source, detail: v.detail, months: null };
  }
  const months = periodBounds(ctx.period, startMonth).months.map((m): KpiMonthValue & { source: string } => {
    const b = periodBounds({ kind: 'month', id: m, month: m }, startMonth);
    const v = valueFor(ws, k, { ...ctx, period: { kind: 'month', id: m, month: m }, start: b.start, end: b.end });
    return { month: m, value: v.value, missing: v.missing, source: v.source };
  });
  const have = months.filter((m) => m.value !== null);
  const list = months.map(({ month, value, missing }) => ({ month, value, missing }));
  const source = `mean of the months' values (${months[0]!.source} for each month)`;
  if (have.length === 0) return { value: null, source, missing: `no month of ${ctx.period.id} has a value (${months.map((m) => `${m.month}: ${m.missing}`).join('; ')})`, months: list };
  const sum = have.reduce((s, m) => add(s, rat(m.value!)), rat(0));
  return { value: div(sum, rat(have.length)), source, detail: `${have.length} of ${months.length} months with a value: ${have.map((m) => `${m.month} ${fmt(m.value!)}`).join(', ')}`, months: list };
}

function explain(k: KpiIndicator, value: number, from: CurvePoint | null, to: CurvePoint | null, score: number, source: string): string {
  const where = from === null ? `worse than the threshold ${to!.value} (60)` : to === null ? `at or beyond ${from.value} (${from.score})` : `between ${from.value} (${from.score}) and ${to.value} (${to.score})`;
  return `${k.id} ${fmt(value)} from ${source}, ${where}, direction ${k.direction}: score ${fmt(score)} x weight ${k.weight}`;
}

function scoreIndicator(ws: Workspace, k: KpiIndicator, ctx: MetricContext, startMonth: number): { result: KpiIndicatorResult; exact: Rational | null } {
  const v = indicatorValue(ws, k, ctx, startMonth);
  const scope = k.metric === MANUAL ? 'manual' : METRIC_CATALOGUE[k.metric as MetricName].scope;
  const base = {
    id: k.id, name: k.name, metric: k.metric, scope, direction: k.direction, weight: k.weight, threshold: k.threshold, target: k.target,
    stretch: k.stretch ?? null, cap: k.cap, aggregate: k.aggregate, source: v.source, months: v.months,
  } as const;
  if (v.value === null) {
    return { exact: null, result: { ...base, value: null, missing: v.missing, detail: null, score: null, segment: null, from: null, to: null, belowThreshold: false, explanation: `${k.id} missing: ${v.missing}; its weight ${k.weight} is left out` } };
  }
  const s = scoreOnCurve(v.value, { direction: k.direction, threshold: k.threshold, target: k.target, stretch: k.stretch, cap: k.cap });
  const value = toNumber(v.value);
  const score = toNumber(s.score);
  return { exact: s.score, result: { ...base, value, missing: null, detail: v.detail, score, segment: s.segment, from: s.from, to: s.to, belowThreshold: s.segment === 'below-threshold', explanation: explain(k, value, s.from, s.to, score, v.source) } };
}

function scoreOne(ws: Workspace, scheme: KpiScheme, d: KpiDepartmentScheme, ctx: MetricContext, startMonth: number): KpiDepartmentResult {
  const dept = ws.company?.departments.find((x) => x.id === d.department);
  const review = reviewOf(ws, d.department, ctx.period.id);
  const scored = d.indicators.map((k) => scoreIndicator(ws, k, { ...ctx, department: d.department }, startMonth));
  const indicators = scored.map((x) => x.result);
  const goals = d.goals.map((g): KpiGoalResult => {
    const s = review?.goals.find((x) => x.goal === g.id);
    const missing = s ? null : review ? `not scored in ${review.file}` : `no ${ctx.period.id} kpi-review of ${d.department}`;
    return { id: g.id, description: g.description, weight: g.weight, score: s?.score ?? null, comment: s?.comment ?? null, missing };
  });
  const kpi = partOf(scored.map((x) => ({ weight: x.result.weight, value: x.exact })));
  const gs = partOf(goals.map((g) => ({ weight: g.weight, value: g.score === null ? null : rat(g.score) })));
  const total = scoreDepartment(kpi, gs, scheme.weights, scheme.grades);
  const part = (p: typeof kpi): KpiPartResult => ({ score: p.value === null ? null : toNumber(p.value), weightScored: p.weightScored, weightMissing: p.weightMissing });
  return {
    department: d.department,
    name: dept?.name ?? d.department,
    manager: dept?.manager ?? null,
    review: review ? { file: review.file, reviewer: review.reviewer, remarks: review.remarks ?? null } : null,
    indicators,
    goals,
    kpi: part(kpi),
    gs: part(gs),
    score: total.score,
    grade: total.grade,
    gradeWithheld: total.gradeWithheld,
    rank: null,
  };
}

/** The fiscal year's scheme for a period, or null. */
export function schemeFor(ws: Workspace, period: Period): KpiScheme | null {
  const fy = periodFiscalYear(period, ws.company?.fiscalYearStartMonth ?? 1);
  return ws.kpiSchemes.find((s) => s.fiscalYear === fy) ?? null;
}

/** The periods a workspace can be evaluated for: those of its reviews, and the fiscal years of its schemes. */
export function kpiPeriods(ws: Workspace): string[] {
  return [...new Set([...ws.kpiSchemes.map((s) => `FY${s.fiscalYear}`), ...ws.kpiReviews.map((r) => r.period)])].sort();
}

/** computeKpi when the period's fiscal year has a scheme, else null (the report then has no scorecards). */
export function computeKpiForPeriod(ws: Workspace, period: Period, asOf: string, rejected: readonly RejectedFile[]): KpiResult | null {
  const scheme = schemeFor(ws, period);
  return scheme ? computeKpi(ws, scheme, { period, asOf, rejected }) : null;
}

/**
 * Scores every department of the period's scheme. The caller makes sure a scheme exists
 * (`schemeFor`); departments keep the scheme's order, `ranking` orders the graded ones.
 */
export function computeKpi(ws: Workspace, scheme: KpiScheme, options: KpiOptions): KpiResult {
  const startMonth = ws.company?.fiscalYearStartMonth ?? 1;
  const bounds = periodBounds(options.period, startMonth);
  const ctx: MetricContext = { ws, department: '', period: options.period, start: bounds.start, end: bounds.end, asOf: options.asOf, rejected: options.rejected, cache: new Map() };
  const departments = scheme.departments.map((d) => scoreOne(ws, scheme, d, ctx, startMonth));
  const ranks = rankByScore(departments.filter((d) => d.grade !== null), (d) => d.score);
  for (const d of departments) d.rank = ranks.get(d) ?? null;
  const ranking = departments
    .filter((d) => d.rank !== null)
    .sort((a, b) => a.rank! - b.rank!)
    .map((d) => ({ rank: d.rank!, department: d.department, name: d.name, score: d.score!, grade: d.grade! }));
  const top = [...scheme.grades].sort((a, b) => b.min - a.min)[0]!.grade;
  const named = new Set(scheme.departments.map((d) => d.department));
  return {
    company: ws.company?.name ?? '',
    period: { id: options.period.id, kind: options.period.kind, fiscalYear: `FY${scheme.fiscalYear}`, start: bounds.start, end: bounds.end, months: bounds.months },
    asOf: options.asOf,
    scheme: { file: scheme.file, weights: scheme.weights, grades: scheme.grades },
    departments,
    ranking,
    rectification: departments.flatMap((d) =>
      d.indicators.filter((i) => i.belowThreshold).map((i) => ({ department: d.department, manager: d.manager, indicator: i.id, name: i.name, value: i.value!, threshold: i.threshold, direction: i.direction })),
    ),
    commendation: ranking.filter((r) => r.grade === top).map((r) => ({ department: r.department, name: r.name, manager: departments.find((d) => d.department === r.department)!.manager, score: r.score, grade: r.grade })),
    notInScheme: (ws.company?.departments ?? []).map((d) => d.id).filter((id) => !named.has(id)),
  };
}
