// `opsplan accounts`: per key customer, the return visits planned to date, done, overdue and
// next due; coverage by tier and owner; open complaints and SLA breaches from the service logs.
import type { AccountPlan, AccountTier } from '../kinds/account-plan/types.js';
import { addMonths, fiscalMonths, fiscalYearOf } from '../model/period.js';
import { dayNumber, endOfLocalDate, startOfLocalDay } from '../model/zoned-time.js';
import { clockOf, measureCase, missingMonths, resolvedBy, timeCases } from './service-cases.js';
import type { MissingMonth, ServiceInput } from './service-cases.js';

/** One key customer's plan as of a date. */
export interface AccountRow {
  customer: string;
  tier: AccountTier;
  owner: string;
  file: string;
  /** Visits planned on or before as-of. */
  plannedToDate: number;
  /** Of those, visits done on or before as-of. */
  done: number;
  /** Visits planned before as-of and not done by as-of. */
  overdue: number;
  /** The earliest planned date on or after as-of of a visit not done yet; null when none. */
  nextDue: string | null;
  /** done ÷ plannedToDate × 100; null when nothing was planned yet. */
  coveragePct: number | null;
  /** Complaints of the customer not resolved by the end of as-of (null when a log is missing). */
  openComplaints: number | null;
  /** Cases of the customer received in the fiscal year whose SLA is breached at as-of (null when a log is missing). */
  breaches: number | null;
  /** The case ids behind the two counts. */
  openComplaintIds: string[];
  breachIds: string[];
}

/** Coverage of a group of accounts. */
export interface CoverageRow {
  key: string;
  accounts: number;
  plannedToDate: number;
  done: number;
  overdue: number;
  coveragePct: number | null;
}

/** The accounts result. */
export interface AccountsResult {
  asOf: string;
  fiscalYear: number;
  rows: AccountRow[];
  byTier: CoverageRow[];
  byOwner: CoverageRow[];
  total: CoverageRow;
  /** Department-months of service logs without a clean log (from the first log to as-of). */
  missing: MissingMonth[];
}

function visitsOf(plan: AccountPlan, asOf: string): Pick<AccountRow, 'plannedToDate' | 'done' | 'overdue' | 'nextDue' | 'coveragePct'> {
  const isDone = (v: AccountPlan['visits'][number]): boolean => v.done !== undefined && v.done <= asOf;
  const toDate = plan.visits.filter((v) => v.planned <= asOf);
  const done = toDate.filter(isDone).length;
  const overdue = plan.visits.filter((v) => v.planned < asOf && !isDone(v)).length;
  const next = plan.visits.filter((v) => v.planned >= asOf && !isDone(v)).map((v) => v.planned).sort()[0] ?? null;
  return { plannedToDate: toDate.length, done, overdue, nextDue: next, coveragePct: toDate.length === 0 ? null : (done / toDate.length) * 100 };
}

function coverage(key: string, rows: readonly AccountRow[]): CoverageRow {
  const planned = rows.reduce((s, r) => s + r.plannedToDate, 0);
  const done = rows.reduce((s, r) => s + r.done, 0);
  return { key, accounts: rows.length, plannedToDate: planned, done, overdue: rows.reduce((s, r) => s + r.overdue, 0), coveragePct: planned === 0 ? null : (done / planned) * 100 };
}

function groupCoverage(rows: readonly AccountRow[], keyOf: (r: AccountRow) => string): CoverageRow[] {
  const keys = [...new Set(rows.map(keyOf))].sort();
  return keys.map((k) => coverage(k, rows.filter((r) => keyOf(r) === k)));
}

/** Computes the key-account view of the fiscal year `asOf` falls in. */
export function computeAccounts(plans: readonly AccountPlan[], input: ServiceInput, asOf: string): AccountsResult {
  const asOfMonth = asOf.slice(0, 7);
  const fiscalYear = fiscalYearOf(asOfMonth, input.startMonth);
  const cutoff = endOfLocalDate(input.zone, asOf);
  const fyStart = startOfLocalDay(input.zone, dayNumber(`${fiscalMonths(fiscalYear, input.startMonth)[0]}-01`)!);
  const clock = clockOf(input);
  const cases = timeCases(input).filter((c) => c.received < cutoff);
  // Open complaints may come from any earlier log, so every month from the first log on counts.
  const firstLog = [...input.logs.map((l) => l.month), ...input.brokenLogs.flatMap((b) => (b.month ? [b.month] : []))].sort()[0] ?? asOfMonth;
  const months: string[] = [];
  for (let m = firstLog; m <= asOfMonth; m = addMonths(m, 1)) months.push(m);
  const missing = missingMonths(input, months, asOfMonth, null);
  const complete = missing.length === 0;
  const rows = plans
    .filter((p) => p.fiscalYear === fiscalYear)
    .map((p): AccountRow => {
      const mine = cases.filter((c) => c.c.customer === p.customer);
      const open = mine.filter((c) => c.c.type === 'complaint' && !resolvedBy(c, cutoff)).map((c) => c.c.id);
      const breached = mine.filter((c) => c.received >= fyStart && measureCase(clock, c, cutoff).sla === 'breached').map((c) => c.c.id);
      return {
        customer: p.customer,
        tier: p.tier,
        owner: p.owner,
        file: p.file,
        ...visitsOf(p, asOf),
        openComplaints: complete ? open.length : null,
        breaches: complete ? breached.length : null,
        openComplaintIds: open,
        breachIds: breached,
      };
    })
    .sort((a, b) => (a.tier < b.tier ? -1 : a.tier > b.tier ? 1 : a.customer < b.customer ? -1 : a.customer > b.customer ? 1 : 0));
  return { asOf, fiscalYear, rows, byTier: groupCoverage(rows, (r) => r.tier), byOwner: groupCoverage(rows, (r) => r.owner), total: coverage('total', rows), missing };
}
