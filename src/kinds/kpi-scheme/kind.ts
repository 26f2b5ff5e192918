// The KPI and GS scheme of a fiscal year (八): per department the indicators scored from the
// metric catalogue or manual values, the work goals, the KPI/GS weights and the grade bands.
import { closest } from '../../model/did-you-mean.js';
import { fiscalYearNumber } from '../budget/kind.js';
import { defineKind } from '../kind.js';
import type { CheckContext, NormalizeContext } from '../kind.js';
import { MANUAL, METRIC_NAMES } from './metric-names.js';
import { DEFAULT_CAP, DEFAULT_GRADES, DEFAULT_WEIGHTS } from './types.js';
import type { KpiIndicator, KpiScheme, KpiSchemeDoc } from './types.js';

function normalizeScheme(raw: unknown, ctx: NormalizeContext): KpiScheme {
  const s = raw as KpiSchemeDoc;
  return {
    file: ctx.file,
    fiscalYear: fiscalYearNumber(s.fiscalYear),
    weights: s.weights ?? { ...DEFAULT_WEIGHTS },
    weightsWritten: s.weights !== undefined,
    grades: (s.grades ?? DEFAULT_GRADES).map((g) => ({ grade: g.grade, min: g.min })),
    gradesWritten: s.grades !== undefined,
    departments: s.departments.map((d, index) => ({
      department: d.department,
      index,
      indicators: d.indicators.map((k, i) => ({ ...k, cap: k.cap ?? DEFAULT_CAP, aggregate: k.aggregate ?? 'period', index: i })),
      goals: (d.goals ?? []).map((g, i) => ({ ...g, index: i })),
    })),
  };
}

/** Weights have at most 2 decimals: summed as integer hundredths, so 33.33 + 33.33 + 33.34 is exactly 100. */
export function weightSum(weights: readonly number[]): number {
  return weights.reduce((sum, w) => sum + Math.round(w * 100), 0) / 100;
}

/**
 * Why the points of an indicator's curve are out of order for its direction, or null when
 * they are in order (higher: threshold < target < stretch; lower: the reverse).
 */
export function curveProblem(k: Pick<KpiIndicator, 'direction' | 'threshold' | 'target' | 'stretch'>): { field: 'target' | 'stretch'; message: string } | null {
  const better = k.direction === 'higher' ? (a: number, b: number) => a > b : (a: number, b: number) => a < b;
  const word = k.direction === 'higher' ? 'above' : 'below';
  if (!better(k.target, k.threshold)) return { field: 'target', message: `direction ${k.direction} needs the target ${word} the threshold; found threshold ${k.threshold}, target ${k.target}` };
  if (k.stretch !== undefined && !better(k.stretch, k.target)) return { field: 'stretch', message: `direction ${k.direction} needs the stretch ${word} the target; found target ${k.target}, stretch ${k.stretch}` };
  return null;
}

function checkGrades(s: KpiScheme, report: CheckContext['report']): void {
  if (!s.gradesWritten) return;
  const names = new Set<string>();
  const mins = new Map<number, string>();
  s.grades.forEach((g, i) => {
    if (names.has(g.grade)) report('error', 'kpi/grade-overlap', `grade "${g.grade}" is defined twice; give each grade one band`, s.file, ['grades', i, 'grade']);
    names.add(g.grade);
    const other = mins.get(g.min);
    if (other !== undefined) report('error', 'kpi/grade-overlap', `grades "${other}" and "${g.grade}" both start at ${g.min}, so the bands overlap; give each grade a different min`, s.file, ['grades', i, 'min']);
    mins.set(g.min, g.grade);
  });
  if (!mins.has(0)) report('error', 'kpi/grade-gap', `no grade starts at 0, so a score below ${Math.min(...mins.keys())} would have no grade; add a band with min: 0 (e.g. { grade: D, min: 0 })`, s.file, ['grades'], 'key');
}

function checkIndicator(s: KpiScheme, d: number, k: KpiIndicator, report: CheckContext['report']): void {
  const at = ['departments', d, 'indicators', k.index];
  if (k.metric !== MANUAL && !(METRIC_NAMES as readonly string[]).includes(k.metric)) {
    const guess = closest(k.metric, [...METRIC_NAMES, MANUAL]);
    report('error', 'kpi/unknown-metric', `metric "${k.metric}" is not in the metric catalogue${guess ? `; did you mean "${guess}"?` : ''} (use manual for a value given in the kpi-review; the catalogue is listed in the README under opsplan kpi)`, s.file, [...at, 'metric']);
  }
  const curve = curveProblem(k);
  if (curve) report('error', 'kpi/bad-curve', `indicator "${k.id}": ${curve.message}; put the points in order or change direction`, s.file, [...at, curve.field]);
}

function checkSchemes({ ws, report, knownDepartment, duplicates }: CheckContext): void {
  duplicates(ws.kpiSchemes, (s) => String(s.fiscalYear), (s, first) =>
    report('error', 'submission/duplicate', `a second KPI scheme for FY${s.fiscalYear} (the first is ${first.file}); keep one scheme per fiscal year`, s.file, ['fiscalYear']),
  );
  for (const s of ws.kpiSchemes) {
    const total = weightSum([s.weights.kpi, s.weights.gs]);
    if (s.weightsWritten && total !== 100) report('error', 'kpi/weights-sum', `weights kpi ${s.weights.kpi} + gs ${s.weights.gs} sum to ${total}, not 100; change them so they add up to 100`, s.file, ['weights']);
    checkGrades(s, report);
    duplicates(s.departments, (d) => d.department, (d, first) =>
      report('error', 'kpi/duplicate-department', `department "${d.department}" already has indicators at departments[${first.index}]; merge the two entries`, s.file, ['departments', d.index, 'department']),
    );
    for (const d of s.departments) {
      knownDepartment(d.department, s.file, ['departments', d.index, 'department']);
      for (const list of ['indicators', 'goals'] as const) {
        duplicates<{ id: string; index: number }>(d[list], (x) => x.id, (x) => report('error', 'kpi/duplicate-id', `${list === 'goals' ? 'goal' : 'indicator'} id "${x.id}" is used twice in "${d.department}"; ids must be unique within a department`, s.file, ['departments', d.index, list, x.index, 'id']));
      }
      const kpiSum = weightSum(d.indicators.map((k) => k.weight));
      if (kpiSum !== 100) report('error', 'kpi/indicator-weights', `the indicator weights of "${d.department}" sum to ${kpiSum}, not 100; adjust them so they add up to 100`, s.file, ['departments', d.index, 'indicators'], 'key');
      const gsSum = weightSum(d.goals.map((g) => g.weight));
      if (gsSum !== 100 && (d.goals.length > 0 || s.weights.gs > 0)) {
        const hint = d.goals.length === 0 ? `; add goals: (GS weight is ${s.weights.gs}) or set weights.gs to 0` : '; adjust them so they add up to 100';
        report('error', 'kpi/goal-weights', `the goal weights of "${d.department}" sum to ${gsSum}, not 100${hint}`, s.file, ['departments', d.index, d.goals.length > 0 ? 'goals' : 'department'], 'key');
      }
      for (const k of d.indicators) checkIndicator(s, d.index, k, report);
    }
  }
}

/** KPI and GS schemes. */
export const kpiSchemeKind = defineKind({
  id: 'kpi-scheme',
  collection: 'kpiSchemes',
  title: 'the KPI and GS scheme of a fiscal year: indicators, goals, weights and grades per department',
  globs: ['kpi/schemes/**/*.yaml'],
  template: {
    path: 'kpi/schemes/FY2026.yaml',
    text: `kind: kpi-scheme
version: 1
fiscalYear: FY2026
weights: { kpi: 70, gs: 30 }
departments:
  - department: marketing
    indicators:
      - id: MKT-K1
        name: Expense variance
        weight: 60
        metric: budget.expense.variancePct
        direction: lower
        threshold: 10
        target: 0
        stretch: -5
      - id: MKT-K2
        name: Brand survey score
        weight: 40
        metric: manual
        direction: higher
        threshold: 70
        target: 85
    goals:
      - id: MKT-G1
        description: Launch the spring campaign on time
        weight: 100
`,
  },
  normalize: (doc, ctx): KpiScheme => normalizeScheme(doc, ctx),
  check: checkSchemes,
});
