// The variance result as the documented JSON object (README.md, "opsplan variance"): money in major
// units, percentages (`...Pct`) rounded to 2 decimals or null.
import type { LandingForecast, LandingRow } from '../domain/forecast.js';
import type { VarianceLine, VarianceResult, VarianceSubtotal } from '../domain/variance.js';
import { levelsPending } from '../domain/variance.js';
import { fromCents } from '../model/money.js';
import type { Cents } from '../model/money.js';
import { roundRates } from './json-rates.js';

/** Major units, or null for a missing amount (never 0). */
function amount(c: Cents | null, digits: number): number | null {
  return c === null ? null : fromCents(c, digits);
}

function lineJson(l: VarianceLine, digits: number): Record<string, unknown> {
  return {
    department: l.department,
    account: l.account,
    name: l.name,
    category: l.category,
    categoryAssumed: l.categoryAssumed,
    budget: fromCents(l.budget, digits),
    actual: amount(l.actual, digits),
    variance: amount(l.variance, digits),
    variancePct: l.variancePct,
    missingMonths: l.missingMonths,
    unfiledBudget: fromCents(l.unfiledBudget, digits),
    notDueMonths: l.notDueMonths,
    notDueBudget: fromCents(l.notDueBudget, digits),
    favourable: l.favourable,
    level: l.level,
    flags: l.flags,
    thresholds: { warnPct: l.thresholds.warnPct, criticalPct: l.thresholds.criticalPct, minAmount: fromCents(l.thresholds.minAmount, digits) },
  };
}

function subtotalJson(s: VarianceSubtotal, digits: number): Record<string, unknown> {
  return {
    ...(s.department === null ? {} : { department: s.department }),
    category: s.category,
    budget: fromCents(s.budget, digits),
    actual: amount(s.actual, digits),
    variance: amount(s.variance, digits),
    variancePct: s.variancePct,
    favourable: s.favourable,
    lines: s.lines,
    missingLines: s.missingLines,
    unfiledBudget: fromCents(s.unfiledBudget, digits),
  };
}

function landingJson(l: LandingRow, digits: number): Record<string, unknown> {
  return {
    ...(l.department === null ? {} : { department: l.department }),
    category: l.category,
    yearBudget: fromCents(l.yearBudget, digits),
    actualToDate: fromCents(l.actualToDate, digits),
    monthsFiled: l.monthsFiled,
    landing: fromCents(l.landing, digits),
    landingVariance: fromCents(l.landingVariance, digits),
    runRate: amount(l.runRate, digits),
    runRateVariance: amount(l.runRateVariance, digits),
    runRateVariancePct: l.runRateVariancePct,
    level: l.level,
  };
}

/**
 * The period before, for comparison: its subtotals and totals under the same rules (missing
 * never 0). `missing` is true when nothing is budgeted or filed for it (a fiscal year before
 * the first budget): then there is no figure to compare with, not a zero.
 */
function previousJson(p: VarianceResult): Record<string, unknown> {
  const d = p.digits;
  return {
    id: p.period.id,
    kind: p.period.kind,
    fiscalYear: `FY${p.fiscalYear}`,
    from: p.from,
    to: p.to,
    months: p.months,
    missing: p.lines.length === 0,
    summary: {
      critical: p.lines.filter((l) => l.level === 'critical').length,
      warn: p.lines.filter((l) => l.level === 'warn').length,
      unbudgeted: p.lines.filter((l) => l.flags.includes('unbudgeted')).length,
      missingActuals: p.missingActuals.length,
    },
    subtotals: p.subtotals.map((s) => subtotalJson(s, d)),
    totals: p.totals.map((s) => subtotalJson(s, d)),
    missingActuals: p.missingActuals,
  };
}

/** Builds the JSON document of `opsplan variance --format json`. */
export function varianceJson(r: VarianceResult, forecast?: LandingForecast, previous?: VarianceResult): Record<string, unknown> {
  const d = r.digits;
  return roundRates({
    version: 1,
    kind: 'variance',
    currency: r.currency,
    period: { id: r.period.id, kind: r.period.kind, ytd: r.ytd, fiscalYear: `FY${r.fiscalYear}`, from: r.from, to: r.to, months: r.months, notDue: r.notDue },
    asOf: r.asOf,
    summary: {
      critical: r.lines.filter((l) => l.level === 'critical').length,
      warn: r.lines.filter((l) => l.level === 'warn').length,
      unbudgeted: r.lines.filter((l) => l.flags.includes('unbudgeted')).length,
      missingActuals: r.missingActuals.length,
      levelsPending: levelsPending(r.lines),
      notices: { open: r.notices.filter((n) => n.status === 'open').length, answered: r.notices.filter((n) => n.status === 'answered').length, overdue: r.notices.filter((n) => n.status === 'overdue').length },
    },
    rows: r.lines.map((l) => lineJson(l, d)),
    subtotals: r.subtotals.map((s) => subtotalJson(s, d)),
    totals: r.totals.map((s) => subtotalJson(s, d)),
    missingActuals: r.missingActuals,
    ...(previous ? { previousPeriod: previousJson(previous) } : {}),
    ...(forecast ? { forecast: { fiscalYear: `FY${forecast.fiscalYear}`, through: forecast.through, rows: forecast.rows.map((l) => landingJson(l, d)), totals: forecast.totals.map((l) => landingJson(l, d)) } } : {}),
    notices: r.notices.map((n) => ({
      id: n.id,
      period: n.periodId,
      department: n.department,
      periodEnd: n.periodEnd,
      due: n.due,
      status: n.status,
      response: n.response,
      lines: n.lines.map((l) => ({ account: l.account, name: l.name, category: l.category, budget: fromCents(l.budget, d), actual: amount(l.actual, d), variance: amount(l.variance, d), variancePct: l.variancePct, level: l.level, flags: l.flags })),
    })),
  });
}
