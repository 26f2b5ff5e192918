// Budget vs actual per department x account for a period, the warning levels the regime
// attaches to unfavourable variances, and the warning notices departments must answer.
// Pure: the workspace, the period and the as-of date come in; nothing is read or printed.
import { addDaysTo } from '../model/date.js';
import type { Category } from '../model/documents.js';
import { CATEGORIES } from '../model/documents.js';
import { countDecimals, percentOf } from '../model/money.js';
import type { Cents } from '../model/money.js';
import { fiscalMonthIndex, fiscalMonths, lastDayOfMonth, periodFiscalYear, periodMonths } from '../model/period.js';
import type { MonthId, Period } from '../model/period.js';
import type { Actuals, Workspace } from '../model/workspace.js';
import { computeBudgetRows, sumMonths } from './budget.js';
import type { BudgetRow } from './budget.js';
import type { Memo } from './memo.js';
import { resolveThresholds } from './thresholds.js';
import type { ResolvedThresholds } from './thresholds.js';

/** How far an unfavourable variance goes past the thresholds. */
export type VarianceLevel = 'warn' | 'critical';

/**
 * Why a line deserves a look besides its level: `unbudgeted` (an actual on a line with no
 * or a zero budget), `missing-actuals` (the department lacks actuals for a month of the
 * period), `no-approved-budget` (the department has no approved budget for the year).
 */
export type VarianceFlag = 'unbudgeted' | 'missing-actuals' | 'no-approved-budget';

/** Status of a warning notice as of a date. */
export type NoticeStatus = 'open' | 'answered' | 'overdue';

/** One department x account line of the period. */
export interface VarianceLine {
  department: string;
  account: string;
  name: string;
  category: Category;
  /** True when no budget line gives the category (assumed from another department, or `expense`). */
  categoryAssumed: boolean;
  /**
   * Revised budget of the months the department filed (what `actual` is compared with); when
   * it filed none of the period's months, the budget of its due months (and actual is null).
   */
  budget: Cents;
  /** Sum of the filed months; null when the department filed none of them (missing, not zero). */
  actual: Cents | null;
  /** actual - budget; null when actual is missing. */
  variance: Cents | null;
  /** variance / |budget| x 100; null when the budget is zero or actual is missing. */
  variancePct: number | null;
  /** Due months of the period the department has not filed (0 when complete). */
  missingMonths: number;
  /** Revised budget of those unfiled months: never compared with anything. */
  unfiledBudget: Cents;
  /** Months of the period not yet due at as-of that the department has not filed (neither compared nor missing). */
  notDueMonths: number;
  /** Revised budget of those months: not compared, not missing. */
  notDueBudget: Cents;
  /** true favourable, false unfavourable, null when the variance is zero. */
  favourable: boolean | null;
  level: VarianceLevel | null;
  flags: VarianceFlag[];
  thresholds: ResolvedThresholds;
}

/**
 * A sum of lines of one category, for one department or (department null) the company, over
 * the filed department-months only: a line whose department filed nothing is not in the sums
 * (it is counted in `missingLines`, its budget in `unfiledBudget`).
 */
export interface VarianceSubtotal {
  department: string | null;
  category: Category;
  /** Budget of the compared lines; when no line has actuals, the budget of all lines. */
  budget: Cents;
  /** null when no line of the subtotal has actuals. */
  actual: Cents | null;
  variance: Cents | null;
  variancePct: number | null;
  favourable: boolean | null;
  lines: number;
  /** Lines left out of the sums because their department filed none of the period's months. */
  missingLines: number;
  /** Budget of the unfiled department-months of these lines (left out of `budget` unless nothing was filed). */
  unfiledBudget: Cents;
}

/** The answer on file for a notice. */
export interface NoticeResponse {
  file: string;
  status: 'draft' | 'submitted' | 'accepted';
  owner: string;
  respondedOn?: string;
  /** Date by which the measures are to be completed. */
  measuresDue: string;
  /** The department's cause analysis and corrective measures, as written. */
  cause: string;
  measures: string;
}

/** A warning notice to one department for one period. */
export interface VarianceNotice {
  /** `VN-<period id>-<department>`. */
  id: string;
  periodId: string;
  department: string;
  periodEnd: string;
  /** periodEnd + responseDays. */
  due: string;
  status: NoticeStatus;
  response: NoticeResponse | null;
  lines: VarianceLine[];
}

/** What computeVariance is asked for. */
export interface VarianceOptions {
  period: Period;
  /** Compare from the start of the fiscal year through the end of the period. */
  ytd: boolean;
  /** `YYYY-MM-DD`: the day notice status is judged on. */
  asOf: string;
  /** Actuals from outside the workspace (CSV exports), added to the workspace's. */
  extraActuals?: readonly Actuals[];
}

/** The whole computation, from which every output format is rendered. */
export interface VarianceResult {
  currency: string;
  digits: number;
  period: Period;
  ytd: boolean;
  fiscalYear: number;
  months: MonthId[];
  from: string;
  to: string;
  asOf: string;
  lines: VarianceLine[];
  /** Per department and category. */
  subtotals: VarianceSubtotal[];
  /** Per category over the company. */
  totals: VarianceSubtotal[];
  /** Months of the period whose last day is after as-of: not due, so an unfiled one is not missing. */
  notDue: MonthId[];
  missingActuals: { department: string; month: MonthId }[];
  /** Department-months not yet due and not filed (approved budgets only): not missing, but not in yet. */
  notYetFiled: { department: string; month: MonthId }[];
  notices: VarianceNotice[];
}

/**
 * A month is due once it has ended on or before the as-of date (the as-of day counts in full,
 * as "to date" does elsewhere: November is due as of 2026-11-30, December is not). An unfiled
 * month that is not due is neither compared nor missing. No as-of (undefined): every month is due.
 */
export function isMonthDue(month: MonthId, asOf: string | undefined): boolean {
  return asOf === undefined || lastDayOfMonth(month) <= asOf;
}

/**
 * Lines without a level only because their department has not filed a due month of the
 * period (a level will come once it files): what a headline of "0 critical" must not hide.
 */
export function levelsPending(lines: readonly VarianceLine[]): number {
  return lines.filter((l) => l.missingMonths > 0 && !l.flags.includes('no-approved-budget')).length;
}

/** True for categories where more is better (revenue, cash-in). */
export function moreIsBetter(category: Category): boolean {
  return category === 'revenue' || category === 'cash-in';
}

/** Favourable, unfavourable or neither (null) for a variance of a category. */
export function isFavourable(category: Category, variance: Cents): boolean | null {
  if (variance === 0) return null;
  return moreIsBetter(category) ? variance > 0 : variance < 0;
}

/**
 * Exact test of |variance| / |budget| x 100 >= pct, in integers: floating point would put
 * 7 / 100 x 100 at 7.000000000000001 and move lines across a threshold edge.
 */
export function pctReached(variance: Cents, budget: Cents, pct: number): boolean {
  const d = Math.min(countDecimals(pct), 12);
  const scale = 10n ** BigInt(d);
  const p = BigInt(Math.round(pct * 10 ** d));
  return BigInt(Math.abs(variance)) * 100n * scale >= p * BigInt(Math.abs(budget));
}

/**
 * The level of a line: only unfavourable variances have one. A zero budget makes the
 * percentage unbounded, so only the minimum amount decides (critical at or above it).
 */
export function levelOf(variance: Cents, budget: Cents, favourable: boolean | null, t: ResolvedThresholds): VarianceLevel | null {
  if (favourable !== false) return null;
  if (Math.abs(variance) < t.minAmount) return null;
  if (budget === 0) return 'critical';
  if (pctReached(variance, budget, t.criticalPct)) return 'critical';
  if (pctReached(variance, budget, t.warnPct)) return 'warn';
  return null;
}

/** Notice id of a department for a period: `VN-2026-11-marketing`, `VN-FY2026-Q4-x`. */
export function noticeId(periodId: string, department: string): string {
  return `VN-${periodId}-${department}`;
}

/** Due date of a notice: responseDays calendar days after the period end. */
export function noticeDue(periodEnd: string, responseDays: number): string {
  return addDaysTo(periodEnd, responseDays);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function severity(l: VarianceLine): number {
  return l.level === 'critical' ? 2 : l.level === 'warn' ? 1 : 0;
}

/** Orders lines by severity, then |variance| (largest first), then department and account. */
export function compareBySeverity(a: VarianceLine, b: VarianceLine): number {
  return severity(b) - severity(a) || Math.abs(b.variance ?? 0) - Math.abs(a.variance ?? 0) || compareText(a.department, b.department) || compareText(a.account, b.account);
}

interface Context {
  ws: Workspace;
  startMonth: number;
  budgetRows: BudgetRow[];
  /** Departments with an approved budget for the fiscal year. */
  budgeted: Set<string>;
  actuals: readonly Actuals[];
  /** Category and name by `department\0account` or by account, from the year's budget lines. */
  chart: Map<string, { category: Category; name: string }>;
  /** Resolved thresholds by pair x category (pair id x CATEGORIES.length + category index), filled as lines are made. */
  thresholds: ResolvedThresholds[];
  /** Department x account pairs numbered once per year, so month sums index arrays. */
  pairs: PairTable;
}

/**
 * Department x account pairs as small integers. Each actuals file's lines are numbered once
 * (cached per file object), and so are the budget rows; summing a month set is then array
 * arithmetic instead of building and hashing a `department\0account` string per line.
 */
class PairTable {
  private readonly ids = new Map<string, number>();
  readonly keys: string[] = [];
  private readonly ofActuals = new WeakMap<Actuals, Int32Array>();
  private budget: Int32Array | null = null;

  id(department: string, account: string): number {
    const k = `${department}\u0000${account}`;
    let id = this.ids.get(k);
    if (id === undefined) {
      id = this.keys.length;
      this.ids.set(k, id);
      this.keys.push(k);
    }
    return id;
  }

  actuals(a: Actuals): Int32Array {
    let ids = this.ofActuals.get(a);
    if (!ids) {
      ids = Int32Array.from(a.lines, (l) => this.id(a.department, l.account));
      this.ofActuals.set(a, ids);
    }
    return ids;
  }

  budgetRows(rows: readonly BudgetRow[]): Int32Array {
    return (this.budget ??= Int32Array.from(rows, (r) => this.id(r.department, r.account)));
  }
}

/** The flags of a line that has none: one frozen array for all of them. */
const NO_FLAGS = Object.freeze([]) as unknown as VarianceFlag[];
const DEFAULT_THRESHOLDS: ResolvedThresholds = Object.freeze({ warnPct: 10, criticalPct: 25, minAmount: 0 });

/** Revised budget of a line's filed, unfiled due, and unfiled not-yet-due months. */
interface MonthBudgets {
  filedBudget: Cents;
  unfiledBudget: Cents;
  notDueBudget: Cents;
}

/** The lines of a set of months and the missing actuals among them. */
type LinesResult = { lines: VarianceLine[]; missing: DepartmentMonth[]; notYetFiled: DepartmentMonth[] };

/** What a month set's notices and the monthly trend need of its lines. */
interface MonthSummary {
  noticeLines: VarianceLine[];
  totals: VarianceSubtotal[];
}

/** Line sets and their summaries, by the months they cover (`2026-01,2026-02`). */
interface LineMemo {
  lines: Map<string, LinesResult>;
  summaries: Map<string, MonthSummary>;
}

/**
 * What every variance of a fiscal year shares: revised budget rows, chart of accounts,
 * approved departments, and the thresholds of each department x account (resolved once and
 * shared by the lines of every month, instead of one object per line), plus the line sets
 * computed so far. Kept in a caller's memo (see memo.ts), never in this module.
 */
export type VarianceYear = Pick<Context, 'budgetRows' | 'budgeted' | 'chart' | 'thresholds' | 'pairs'> & LineMemo;

function varianceYear(ws: Workspace, fiscalYear: number, memo: Memo | undefined): VarianceYear {
  const known = memo?.varianceYears.get(fiscalYear);
  if (known) return known;
  const budgetRows = computeBudgetRows(ws, fiscalYear, undefined, memo);
  // An account without an approved budget line takes its category and name from the
  // department's own budget of any status, else from any department's line (one chart of
  // accounts), else it is assumed to be an expense.
  const chart = new Map<string, { category: Category; name: string }>();
  for (const b of ws.budgets.filter((x) => x.fiscalYear === fiscalYear)) for (const l of b.lines) chart.set(`${b.department}\u0000${l.account}`, { category: l.category, name: l.name });
  for (const r of budgetRows) if (!chart.has(r.account)) chart.set(r.account, { category: r.category, name: r.name });
  const budgeted = new Set(ws.budgets.filter((b) => b.fiscalYear === fiscalYear && b.status === 'approved').map((b) => b.department));
  const year: VarianceYear = { budgetRows, chart, budgeted, thresholds: [], pairs: new PairTable(), lines: new Map(), summaries: new Map() };
  memo?.varianceYears.set(fiscalYear, year);
  return year;
}

/** Department-months without actuals, departments in name order: missing once due, else not yet filed. */
function unfiledMonths(budgeted: Iterable<string>, months: readonly MonthId[], due: readonly boolean[], filed: ReadonlyMap<string, ReadonlySet<MonthId>>): { missing: DepartmentMonth[]; notYetFiled: DepartmentMonth[]; missingDepts: Set<string> } {
  const missing: DepartmentMonth[] = [];
  const notYetFiled: DepartmentMonth[] = [];
  const missingDepts = new Set<string>();
  for (const dept of [...budgeted].sort(compareText)) {
    for (const [k, m] of months.entries()) {
      if (filed.get(dept)?.has(m)) continue;
      if (!due[k]) notYetFiled.push({ department: dept, month: m });
      else {
        missing.push({ department: dept, month: m });
        missingDepts.add(dept);
      }
    }
  }
  return { missing, notYetFiled, missingDepts };
}

interface DepartmentMonth {
  department: string;
  month: MonthId;
}

/**
 * The lines of a month set, in severity order. With `tally`, a summary's pass: every line is
 * added to its category's sums and only notice lines are kept, unsorted (at L a month has
 * some 100,000 lines, of which a few hundred go into notices; the summaries of the year's
 * months made and sorted a million line objects only to count them).
 */
function computeLines(c: Context, months: readonly MonthId[], asOf: string | undefined, tally?: CategorySums[]): LinesResult {
  const company = c.ws.company;
  const monthSet = new Set(months);
  const idx = months.map((m) => fiscalMonthIndex(m, c.startMonth));
  const budgetPairs = c.pairs.budgetRows(c.budgetRows);
  const filed = new Map<string, Set<MonthId>>();
  const inSet: Actuals[] = [];
  for (const a of c.actuals) {
    if (!monthSet.has(a.month)) continue;
    let s = filed.get(a.department);
    if (!s) filed.set(a.department, (s = new Set()));
    s.add(a.month);
    inSet.push(a);
    c.pairs.actuals(a);
  }
  // Sized after every pair of the set is numbered. Integer cents add exactly in doubles.
  const size = c.pairs.keys.length;
  const actual = new Float64Array(size);
  const hasActual = new Uint8Array(size);
  for (const a of inSet) {
    const ids = c.pairs.actuals(a);
    for (let i = 0; i < ids.length; i++) {
      actual[ids[i]!]! += a.lines[i]!.amount;
      hasActual[ids[i]!] = 1;
    }
  }
  const due = months.map((m) => isMonthDue(m, asOf));
  const { missing, notYetFiled, missingDepts } = unfiledMonths(c.budgeted, months, due, filed);
  const lines: VarianceLine[] = [];
  const seen = new Uint8Array(size);
  const missingCount = new Map<string, number>();
  for (const m of missing) missingCount.set(m.department, (missingCount.get(m.department) ?? 0) + 1);
  const notDueCount = new Map<string, number>();
  const make = (pair: number, department: string, account: string, name: string, category: Category, categoryAssumed: boolean, b: MonthBudgets): void => {
    seen[pair] = 1;
    const act = actual[pair]!;
    const { filedBudget, unfiledBudget, notDueBudget } = b;
    if (filedBudget === 0 && unfiledBudget === 0 && !hasActual[pair]) return;
    // Inside a filed month an account without a line is 0; an unfiled due month is missing; an
    // unfiled month not yet due is left out (neither compared nor missing).
    const missingMonths = missingCount.get(department) ?? 0;
    let notDueMonths = notDueCount.get(department);
    if (notDueMonths === undefined) notDueCount.set(department, (notDueMonths = months.filter((m, k) => !due[k] && !filed.get(department)?.has(m)).length));
    const noneFiled = missingMonths + notDueMonths === months.length;
    const budget = noneFiled ? unfiledBudget : filedBudget;
    const variance = noneFiled ? null : act - filedBudget;
    const complete = missingMonths === 0;
    // The filed months are compared like for like (their own budget), so their direction is
    // known; nothing filed is missing, never favourable.
    const favourable = variance === null ? null : isFavourable(category, variance);
    let thresholds = DEFAULT_THRESHOLDS;
    if (company) {
      const slot = pair * CATEGORIES.length + CATEGORIES.indexOf(category);
      thresholds = c.thresholds[slot] ??= resolveThresholds(company.thresholds.variance, { department, account, category });
    }
    let flags = NO_FLAGS;
    const flag = (f: VarianceFlag): void => void (flags === NO_FLAGS ? (flags = [f]) : flags.push(f));
    const approved = c.budgeted.has(department);
    if (!approved) flag('no-approved-budget');
    else if (budget === 0 && act !== 0) flag('unbudgeted');
    if (missingDepts.has(department)) flag('missing-actuals');
    // No level without an approved budget (nothing to hold the department to) or while the
    // department's actuals for the period are incomplete (a quarter or year still running,
    // a month not filed): the missing-actuals flag says so instead.
    const assessable = approved && complete;
    const level = assessable && variance !== null ? levelOf(variance, budget, favourable, thresholds) : null;
    if (tally) {
      tally[CATEGORY_INDEX[category]]!.add(budget, noneFiled ? null : act, noneFiled ? budget : unfiledBudget);
      if (!isNoticeLine(level, flags, favourable)) return;
    }
    lines.push({
      department,
      account,
      name,
      category,
      categoryAssumed,
      budget,
      actual: noneFiled ? null : act,
      variance,
      variancePct: variance === null ? null : percentOf(variance, budget),
      missingMonths,
      unfiledBudget: noneFiled ? budget : unfiledBudget,
      notDueMonths,
      notDueBudget,
      favourable,
      level,
      flags,
      thresholds,
    });
  };
  c.budgetRows.forEach((r, i) => {
    const f = filed.get(r.department);
    const b: MonthBudgets = { filedBudget: 0, unfiledBudget: 0, notDueBudget: 0 };
    months.forEach((m, k) => {
      const v = sumMonths(r.revised, idx[k]!, idx[k]!);
      if (f?.has(m)) b.filedBudget += v;
      else if (due[k]) b.unfiledBudget += v;
      else b.notDueBudget += v;
    });
    make(budgetPairs[i]!, r.department, r.account, r.name, r.category, false, b);
  });
  // Actuals on lines without a budget row, in department\0account order.
  const unbudgeted: number[] = [];
  for (let p = 0; p < size; p++) if (hasActual[p] && !seen[p]) unbudgeted.push(p);
  unbudgeted.sort((x, y) => compareText(c.pairs.keys[x]!, c.pairs.keys[y]!));
  for (const p of unbudgeted) {
    const k = c.pairs.keys[p]!;
    const [department, account] = k.split('\u0000') as [string, string];
    const known = c.chart.get(k) ?? c.chart.get(account);
    make(p, department, account, known?.name ?? '', known?.category ?? 'expense', true, { filedBudget: 0, unfiledBudget: 0, notDueBudget: 0 });
  }
  if (!tally) lines.sort(compareBySeverity);
  return { lines, missing, notYetFiled };
}

/** Category by index into CATEGORIES, for per-category arrays. */
const CATEGORY_INDEX = Object.fromEntries(CATEGORIES.map((cat, i) => [cat, i])) as Record<Category, number>;

/** Running sums of one category's lines: what a subtotal reports. Integer cents add exactly in doubles. */
class CategorySums {
  private lines = 0;
  private compared = 0;
  private budget = 0;
  private actual = 0;
  private unfiledBudget = 0;
  private allBudget = 0;

  /** Adds a line: its budget, its actual (null when nothing was filed) and its unfiled budget. */
  add(budget: Cents, actual: Cents | null, unfiledBudget: Cents): void {
    this.lines++;
    this.unfiledBudget += unfiledBudget;
    this.allBudget += budget;
    if (actual === null) return;
    this.compared++;
    this.budget += budget;
    this.actual += actual;
  }

  /** The subtotal of the lines added, or null without any. */
  result(department: string | null, category: Category): VarianceSubtotal | null {
    const { lines, compared, budget, actual, unfiledBudget, allBudget } = this;
    if (lines === 0) return null;
    const missingLines = lines - compared;
    if (compared === 0) return { department, category, budget: allBudget, actual: null, variance: null, variancePct: null, favourable: null, lines, missingLines, unfiledBudget };
    const variance = actual - budget;
    return { department, category, budget, actual, variance, variancePct: percentOf(variance, budget), favourable: isFavourable(category, variance), lines, missingLines, unfiledBudget };
  }
}

/** One CategorySums per category, in CATEGORIES order. */
function categorySums(): CategorySums[] {
  return CATEGORIES.map(() => new CategorySums());
}

/** The non-empty subtotals of per-category sums, in CATEGORIES order. */
function subtotalsOf(sums: readonly CategorySums[], department: string | null): VarianceSubtotal[] {
  return CATEGORIES.map((cat, i) => sums[i]!.result(department, cat)).filter((s): s is VarianceSubtotal => s !== null);
}

/** Subtotals per category of lines, in CATEGORIES order, in one pass over them. */
function subtotals(lines: readonly VarianceLine[], department: string | null): VarianceSubtotal[] {
  const sums = categorySums();
  for (const l of lines) sums[CATEGORY_INDEX[l.category]]!.add(l.budget, l.actual, l.unfiledBudget);
  return subtotalsOf(sums, department);
}

/** Whether a line goes into a notice: any level, and an unfavourable actual without a budget. */
function isNoticeLine(level: VarianceLevel | null, flags: readonly VarianceFlag[], favourable: boolean | null): boolean {
  return level !== null || (favourable === false && flags.includes('unbudgeted'));
}

/** Lines that go into a notice: any level, and unfavourable actuals without a budget. */
export function noticeLines(lines: readonly VarianceLine[]): VarianceLine[] {
  return lines.filter((l) => isNoticeLine(l.level, l.flags, l.favourable));
}

function notices(c: Context, periodId: string, periodEnd: string, lines: readonly VarianceLine[], asOf: string): VarianceNotice[] {
  const responseDays = c.ws.company?.thresholds.responseDays ?? 10;
  const byDept = new Map<string, VarianceLine[]>();
  for (const l of noticeLines(lines)) {
    const list = byDept.get(l.department) ?? [];
    list.push(l);
    byDept.set(l.department, list);
  }
  const due = noticeDue(periodEnd, responseDays);
  return [...byDept.keys()].sort(compareText).map((department) => {
    const id = noticeId(periodId, department);
    const r = c.ws.responses.find((x) => x.doc.notice === id);
    const answered = r !== undefined && (r.doc.status === 'submitted' || r.doc.status === 'accepted');
    const status: NoticeStatus = answered ? 'answered' : asOf > due ? 'overdue' : 'open';
    const response: NoticeResponse | null = r
      ? { file: r.file, status: r.doc.status, owner: r.doc.owner, measuresDue: r.doc.due, cause: r.doc.cause, measures: r.doc.measures, ...(r.doc.respondedOn ? { respondedOn: r.doc.respondedOn } : {}) }
      : null;
    return { id, periodId, department, periodEnd, due, status, response, lines: byDept.get(department)! };
  });
}

/**
 * Computes budget vs actual for a period (or fiscal year to date through it): lines,
 * subtotals per department and category, company totals per category, missing actuals, and
 * the warning notices of every month of the fiscal year up to the period's end (plus the
 * period's own notice for a quarter or a year), each with its status as of `asOf`.
 */
export function computeVariance(ws: Workspace, options: VarianceOptions, memo?: Memo): VarianceResult {
  const { c, fiscalYear, yearMonths, pMonths, last, months, linesOf, summaryOf } = setUp(ws, options, memo);
  const { lines, missing, notYetFiled } = linesOf(months);
  // Group once: a subtotal per department x category must not rescan every line.
  const byDepartment = new Map<string, VarianceLine[]>();
  for (const l of lines) {
    const list = byDepartment.get(l.department);
    if (list) list.push(l);
    else byDepartment.set(l.department, [l]);
  }
  const departmentSubtotals = [...byDepartment.keys()].sort(compareText).flatMap((d) => subtotals(byDepartment.get(d)!, d));
  const totals = subtotals(lines, null);

  // Notices: each month of the fiscal year through the period's end, computed on its own,
  // so an unanswered notice of an earlier month stays visible (and turns overdue).
  const all: VarianceNotice[] = [];
  for (const m of yearMonths.slice(0, yearMonths.indexOf(last) + 1)) {
    all.push(...notices(c, m, lastDayOfMonth(m), summaryOf([m]).noticeLines, options.asOf));
  }
  // A quarter's or a year's own notice only once the period is over.
  if (options.period.kind !== 'month' && options.asOf > lastDayOfMonth(last)) {
    const periodLines = linesOf(pMonths).lines;
    all.push(...notices(c, options.period.id, lastDayOfMonth(last), periodLines, options.asOf));
  }
  all.sort((a, b) => compareText(a.periodEnd, b.periodEnd) || Number(a.periodId.startsWith('FY')) - Number(b.periodId.startsWith('FY')) || compareText(a.department, b.department));
  return {
    currency: ws.company?.currency ?? '',
    digits: ws.company?.currencyDigits ?? 2,
    period: options.period,
    ytd: options.ytd,
    fiscalYear,
    months,
    from: `${months[0]!}-01`,
    to: lastDayOfMonth(last),
    asOf: options.asOf,
    lines,
    subtotals: departmentSubtotals,
    totals,
    notDue: months.filter((m) => !isMonthDue(m, options.asOf)),
    missingActuals: missing,
    notYetFiled,
    notices: all,
  };
}

/**
 * Only the company totals per category of a period: what computeVariance gives as `totals`,
 * without the department subtotals and notices (the report's monthly trend needs no more).
 */
export function computeVarianceTotals(ws: Workspace, options: Omit<VarianceOptions, 'asOf'> & { asOf?: string }, memo?: Memo): { months: MonthId[]; totals: VarianceSubtotal[] } {
  const { months, summaryOf } = setUp(ws, options, memo);
  return { months, totals: summaryOf(months).totals };
}

/** The months of a request and the line computation of its year, shared through the memo if any. */
function setUp(ws: Workspace, options: Omit<VarianceOptions, 'asOf'> & { asOf?: string }, memo: Memo | undefined) {
  const startMonth = ws.company?.fiscalYearStartMonth ?? 1;
  const fiscalYear = periodFiscalYear(options.period, startMonth);
  const yearMonths = fiscalMonths(fiscalYear, startMonth);
  const pMonths = periodMonths(options.period, startMonth);
  const last = pMonths[pMonths.length - 1]!;
  const months = options.ytd ? yearMonths.slice(0, yearMonths.indexOf(last) + 1) : pMonths;
  const year = varianceYear(ws, fiscalYear, memo);
  const c: Context = {
    ws,
    startMonth,
    budgetRows: year.budgetRows,
    budgeted: year.budgeted,
    thresholds: year.thresholds,
    pairs: year.pairs,
    actuals: [...ws.actuals, ...(options.extraActuals ?? [])],
    chart: year.chart,
  };
  // Lines of a requested month set are computed once per year (and memo). The notices of
  // every earlier month and the report's monthly trend need only each month's notice lines
  // and company totals: those are kept, the month's full lines are not (on a thousand
  // departments they would be tens of thousands of lines per month, held to the end).
  // Actuals from outside the workspace make lines of their own, never shared.
  const own: LineMemo = options.extraActuals?.length ? { lines: new Map(), summaries: new Map() } : year;
  // The key names the months not yet due too: the same months as of another date differ.
  const keyOf = (ms: readonly MonthId[]): string => `${ms.join(',')}|${ms.filter((m) => !isMonthDue(m, options.asOf)).join(',')}`;
  const linesOf = (ms: readonly MonthId[]): LinesResult => {
    const k = keyOf(ms);
    let r = own.lines.get(k);
    if (!r) own.lines.set(k, (r = computeLines(c, ms, options.asOf)));
    return r;
  };
  const summaryOf = (ms: readonly MonthId[]): MonthSummary => {
    const k = keyOf(ms);
    let s = own.summaries.get(k);
    if (!s) {
      const known = own.lines.get(k);
      if (known) s = { noticeLines: noticeLines(known.lines), totals: subtotals(known.lines, null) };
      else {
        // Only the notice lines are made; sorted now, they are in the order filtering the
        // sorted lines would give (the order is total: department and account come last).
        const sums = categorySums();
        s = { noticeLines: computeLines(c, ms, options.asOf, sums).lines.sort(compareBySeverity), totals: subtotalsOf(sums, null) };
      }
      own.summaries.set(k, s);
    }
    return s;
  };
  return { c, fiscalYear, yearMonths, pMonths, last, months, linesOf, summaryOf };
}
