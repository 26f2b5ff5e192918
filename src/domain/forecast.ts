// Where the fiscal year will land, per department and category, seen from the end of a
// period: the landing forecast (actuals of the filed months + revised budget of every month
// not filed or still to come) and the run-rate projection (actuals to date / months filed x 12),
// with a projected overrun beyond the variance thresholds flagged months before year end.
// Pure: built from computeVariance's year-to-date result and the year's revised budget rows.
import type { Category } from '../model/documents.js';
import { CATEGORIES } from '../model/documents.js';
import { divideRounded, percentOf } from '../model/money.js';
import type { Cents } from '../model/money.js';
import type { MonthId } from '../model/period.js';
import { fiscalMonthIndex } from '../model/period.js';
import type { Workspace } from '../model/workspace.js';
import { computeBudgetRows, sumMonths } from './budget.js';
import type { Memo } from './memo.js';
import { resolveThresholds } from './thresholds.js';
import { isFavourable, levelOf } from './variance.js';
import type { VarianceLevel, VarianceResult } from './variance.js';

/** The full-year outlook of one department (or, department null, the company) and category. */
export interface LandingRow {
  department: string | null;
  category: Category;
  /** Revised budget of the whole fiscal year. */
  yearBudget: Cents;
  /** Actuals of the filed months through the period. */
  actualToDate: Cents;
  /** Months through the period the department filed (for the company: department-months). */
  monthsFiled: number;
  /** actualToDate + revised budget of every unfiled or future month. */
  landing: Cents;
  /** landing - yearBudget (= actuals to date against the budget of the same months). */
  landingVariance: Cents;
  /** actualToDate / monthsFiled x 12, rounded half-up to the minor unit; null with nothing filed. */
  runRate: Cents | null;
  runRateVariance: Cents | null;
  runRateVariancePct: number | null;
  /** Level of an unfavourable run-rate variance by the department's thresholds (the company default for totals). */
  level: VarianceLevel | null;
}

/** The landing forecast of a fiscal year as of the end of a year-to-date variance. */
export interface LandingForecast {
  fiscalYear: number;
  /** Last month counted as possibly filed (the period's last month). */
  through: MonthId;
  rows: LandingRow[];
  /** Per category over the company. */
  totals: LandingRow[];
}

interface Acc {
  yearBudget: Cents;
  actual: Cents;
  rest: Cents;
  monthsFiled: number;
}

/**
 * Computes the landing forecast from `ytd` (computeVariance with ytd: true through the
 * period) and the year's revised budget rows for the months after the period.
 */
export function computeLandingForecast(ws: Workspace, ytd: VarianceResult, memo?: Memo): LandingForecast {
  const startMonth = ws.company?.fiscalYearStartMonth ?? 1;
  const through = ytd.months[ytd.months.length - 1]!;
  const after = fiscalMonthIndex(through, startMonth) + 1;
  const future = new Map<string, Cents>();
  for (const r of computeBudgetRows(ws, ytd.fiscalYear, { approvedOnly: true }, memo)) {
    const k = `${r.department}\u0000${r.category}`;
    future.set(k, (future.get(k) ?? 0) + (after <= 11 ? sumMonths(r.revised, after, 11) : 0));
  }
  const byKey = new Map<string, Acc & { department: string; category: Category }>();
  for (const l of ytd.lines) {
    const k = `${l.department}\u0000${l.category}`;
    let a = byKey.get(k);
    if (!a) byKey.set(k, (a = { department: l.department, category: l.category, yearBudget: 0, actual: 0, rest: 0, monthsFiled: ytd.months.length - l.missingMonths - l.notDueMonths }));
    const filedBudget = l.actual === null ? 0 : l.budget;
    // Months not yet due count like the months after the period: their budget is still to come.
    a.yearBudget += filedBudget + l.unfiledBudget + l.notDueBudget;
    a.actual += l.actual ?? 0;
    a.rest += l.unfiledBudget + l.notDueBudget;
  }
  for (const [k, v] of future) {
    const [department, category] = k.split('\u0000') as [string, Category];
    let a = byKey.get(k);
    if (!a) byKey.set(k, (a = { department, category, yearBudget: 0, actual: 0, rest: 0, monthsFiled: ytd.months.length - [...ytd.missingActuals, ...ytd.notYetFiled].filter((m) => m.department === department).length }));
    a.yearBudget += v;
    a.rest += v;
  }
  const variance = ws.company?.thresholds.variance;
  // As in the variance: nothing to hold a department to without an approved budget.
  const unapproved = new Set(ytd.lines.filter((l) => l.flags.includes('no-approved-budget')).map((l) => l.department));
  const row = (department: string | null, category: Category, a: Acc, monthsPerYear: number): LandingRow => {
    const landing = a.actual + a.rest;
    const runRate = a.monthsFiled > 0 ? divideRounded(a.actual * monthsPerYear, a.monthsFiled) : null;
    const runRateVariance = runRate === null ? null : runRate - a.yearBudget;
    const thresholds = variance ? resolveThresholds(variance, { department: department ?? '', account: '', category }) : { warnPct: 10, criticalPct: 25, minAmount: 0 };
    return {
      department,
      category,
      yearBudget: a.yearBudget,
      actualToDate: a.actual,
      monthsFiled: a.monthsFiled,
      landing,
      landingVariance: landing - a.yearBudget,
      runRate,
      runRateVariance,
      runRateVariancePct: runRateVariance === null ? null : percentOf(runRateVariance, a.yearBudget),
      level: runRateVariance === null || (department !== null && unapproved.has(department)) ? null : levelOf(runRateVariance, a.yearBudget, isFavourable(category, runRateVariance), thresholds),
    };
  };
  const keys = [...byKey.keys()].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  const rows = keys.map((k) => {
    const a = byKey.get(k)!;
    return row(a.department, a.category, a, 12);
  });
  // The company: sums of the departments; its run rate is the sum of theirs (each department
  // projected on its own months filed), so a department that filed less is not diluted.
  const totals: LandingRow[] = [];
  for (const category of CATEGORIES) {
    const of = rows.filter((r) => r.category === category);
    if (of.length === 0) continue;
    const a: Acc = { yearBudget: 0, actual: 0, rest: 0, monthsFiled: 0 };
    let runRate: Cents | null = null;
    for (const r of of) {
      a.yearBudget += r.yearBudget;
      a.actual += r.actualToDate;
      a.rest += r.landing - r.actualToDate;
      a.monthsFiled += r.monthsFiled;
      if (r.runRate !== null) runRate = (runRate ?? 0) + r.runRate;
    }
    const t = row(null, category, a, 12);
    const runRateVariance = runRate === null ? null : runRate - a.yearBudget;
    const thresholds = variance ? resolveThresholds(variance, { department: '', account: '', category }) : { warnPct: 10, criticalPct: 25, minAmount: 0 };
    totals.push({
      ...t,
      runRate,
      runRateVariance,
      runRateVariancePct: runRateVariance === null ? null : percentOf(runRateVariance, a.yearBudget),
      level: runRateVariance === null ? null : levelOf(runRateVariance, a.yearBudget, isFavourable(category, runRateVariance), thresholds),
    });
  }
  return { fiscalYear: ytd.fiscalYear, through, rows, totals };
}
