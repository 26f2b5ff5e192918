// `--period` one way for every command: parsed against the kinds the command accepts, and
// refused (exit 2, listing the periods found) when no budget, plan or actuals of the workspace
// fall in it, so a mistyped year never prints empty tables that read as "all clear".
import { isMonthDue } from '../domain/variance.js';
import type { MonthId, Period } from '../model/period.js';
import { lastDayOfMonth, parsePeriod, periodMonths } from '../model/period.js';
import type { Company, Workspace } from '../model/workspace.js';
import { usageError } from './context.js';

/** The kinds of period a command accepts. */
export type PeriodKind = Period['kind'];

const EXAMPLES: Record<PeriodKind, string> = { month: 'a month (2026-11)', quarter: 'a fiscal quarter (FY2026-Q4)', year: 'a fiscal year (FY2026)' };

/** Parses `--period` or throws the one usage error naming the forms the command takes. */
export function parsePeriodOption(value: string, kinds: readonly PeriodKind[]): Period {
  const p = parsePeriod(value);
  if (p && kinds.includes(p.kind)) return p;
  const forms = kinds.map((k) => EXAMPLES[k]);
  const list = forms.length > 1 ? `${forms.slice(0, -1).join(', ')} or ${forms[forms.length - 1]}` : forms[0];
  throw usageError(`--period takes ${list}, got "${value}"`);
}

/** Consecutive months as ranges: 2026-01 to 2026-11, 2027-02. */
function monthRanges(months: readonly MonthId[]): string[] {
  const sorted = [...new Set(months)].sort();
  const out: string[] = [];
  let start = 0;
  for (let i = 1; i <= sorted.length; i++) {
    const prev = sorted[i - 1]!;
    const next = sorted[i];
    const y = Number(prev.slice(0, 4));
    const m = Number(prev.slice(5, 7));
    const following = m === 12 ? `${y + 1}-01` : `${prev.slice(0, 5)}${String(m + 1).padStart(2, '0')}`;
    if (next === following) continue;
    out.push(start === i - 1 ? prev : `${sorted[start]} to ${prev}`);
    start = i;
  }
  return out;
}

/**
 * Refuses a period that no budget, plan or actuals of the workspace fall in (exit 2, listing
 * the periods found). A budget or an annual plan covers its whole fiscal year, a quarterly
 * plan its quarter, actuals their month; `extraMonths` are actuals from outside the workspace
 * (ERP CSV exports).
 */
export function requirePeriodWithData(ws: Workspace, company: Company, period: Period, root: string, extraMonths: readonly MonthId[] = []): void {
  const start = company.fiscalYearStartMonth;
  const covered = new Set<MonthId>();
  const periods = new Set<string>();
  const cover = (p: Period | null): void => {
    if (!p) return;
    periods.add(p.id);
    for (const m of periodMonths(p, start)) covered.add(m);
  };
  for (const b of ws.budgets) cover(parsePeriod(`FY${b.fiscalYear}`));
  for (const p of ws.plans) cover(parsePeriod(p.doc.period));
  const months = [...ws.actuals.map((a) => a.month), ...extraMonths];
  for (const m of months) covered.add(m);
  if (periodMonths(period, start).some((m) => covered.has(m))) return;
  const found = [...[...periods].sort(), ...monthRanges(months).map((r) => `${r} (actuals)`)];
  throw usageError(`no budget, plan or actuals in ${root} fall in ${period.id}; ${found.length > 0 ? `periods found: ${found.join(', ')}` : 'the workspace has none yet'}`);
}

/** The latest month with actuals, the default period of variance and report. */
export function latestActualsMonth(ws: Workspace, root: string, extraMonths: readonly MonthId[] = [], hint = 'name a --period'): Period {
  const months = [...ws.actuals.map((a) => a.month), ...extraMonths].sort();
  const latest = months[months.length - 1];
  if (!latest) throw usageError(`${root} has no actuals; add actuals/YYYY-MM/<department>.yaml or ${hint}`);
  return parsePeriod(latest)!;
}

/**
 * Refuses a period none of whose months is due at as-of (each ends after it) and for which no
 * actuals are filed (exit 2): there is nothing to compare and nothing missing yet, and a report
 * of budget beside nothing would read as money saved.
 */
export function requirePeriodDue(ws: Workspace, company: Company, period: Period, asOf: string, extraMonths: readonly MonthId[] = []): void {
  const months = periodMonths(period, company.fiscalYearStartMonth);
  const filed = new Set([...ws.actuals.map((a) => a.month), ...extraMonths]);
  if (months.some((m) => isMonthDue(m, asOf) || filed.has(m))) return;
  const firstEnd = lastDayOfMonth(months[0]!);
  throw usageError(`${period.id} is not due at as-of ${asOf}: its first month ends ${firstEnd} and no actuals are filed for it; pass --as-of ${firstEnd} or later, or an earlier --period`);
}
