// The company operating plan and budget for one fiscal year or quarter, assembled from the
// departments' plans, budgets, adjustments and progress reports. Pure: the workspace and the
// period are handed in; nothing here reads files or the clock.
import { dayNumber } from '../model/date.js';
import { CATEGORIES } from '../model/documents.js';
import type { Category, Level3, PlanDoc, PlanProgressDoc, SubmissionStatus, TargetDirection, TargetMeasure, WorkItemStatus } from '../model/documents.js';
import { percentOf, toCents } from '../model/money.js';
import type { Cents } from '../model/money.js';
import { fiscalMonthIndex, lastDayOfMonth, periodMonths } from '../model/period.js';
import type { MonthId, Period } from '../model/period.js';
import type { Budget, Company, Loaded, Workspace } from '../model/workspace.js';
import { computeBudgetRows, splitAdjustments } from './budget.js';
import type { BudgetRow } from './budget.js';
import type { Memo } from './memo.js';

/** A period consolidate accepts: a fiscal year or a fiscal quarter. */
export type ConsolidationPeriod = Extract<Period, { kind: 'year' } | { kind: 'quarter' }>;

/** Inputs of computeConsolidation besides the workspace. */
export interface ConsolidateOptions {
  period: ConsolidationPeriod;
  /** Missing or unapproved submissions become errors instead of warnings. */
  requireApproved: boolean;
}

/** A column group of the budget: a quarter of the year, or a month of the quarter. */
export interface Bucket {
  id: string;
  label: string;
  /** The calendar months it covers. */
  months: MonthId[];
}

/** Amounts of one series over the period. */
export interface Amounts {
  /** One amount per month of the period, in order. */
  months: Cents[];
  /** One amount per bucket (quarters of a year, months of a quarter). */
  buckets: Cents[];
  /** The whole period; always the exact sum of `buckets` and of `months`. */
  total: Cents;
}

/** Original budget, approved adjustments and revised budget (= original + adjustments). */
export interface BudgetAmounts {
  original: Amounts;
  adjustments: Amounts;
  revised: Amounts;
}

/** Status of one submission; `missing` when there is no file. */
export type SubmissionState = SubmissionStatus | 'missing';

/** One department's plan and budget submission for the period. */
export interface Submission {
  department: string;
  name: string;
  parent: string | null;
  plan: { period: string; status: SubmissionState; file: string | null };
  budget: { fiscalYear: string; status: SubmissionState; file: string | null };
}

/** A finding about the submissions (missing or unapproved). */
export interface ConsolidationWarning {
  code: 'submission/missing-plan' | 'submission/unapproved-plan' | 'submission/missing-budget' | 'submission/unapproved-budget';
  /** `error` under --require-approved. */
  severity: 'warning' | 'error';
  department: string;
  message: string;
}

/** A plan target. */
export interface TargetRow {
  department: string;
  id: string;
  metric: string;
  unit: string;
  target: number;
  baseline: number | null;
  /** (target - baseline) / |baseline| x 100; null without a baseline or with a zero one. */
  changePct: number | null;
  /** Work items of the same plan that name this target. */
  workItems: string[];
  file: string;
}

/** A department's proposal (in a quarterly plan) to change an annual target. */
export interface AnnualAdjustmentRow {
  department: string;
  /** The quarterly plan that proposes it. */
  proposedIn: string;
  target: string;
  metric: string | null;
  unit: string | null;
  /** The target in the department's annual plan; null when that plan or target is absent. */
  annualTarget: number | null;
  proposed: number;
  /** (proposed - annualTarget) / |annualTarget| x 100. */
  changePct: number | null;
  reason: string;
  file: string;
}

/** A work item with its latest reported status. */
export interface WorkItemRow {
  department: string;
  id: string;
  title: string;
  owner: string;
  start: string;
  due: string;
  targets: string[];
  /** From the latest progress report; null when none reports on it. */
  status: WorkItemStatus | null;
  note: string | null;
}

/** Resource needs of one department's plan. */
export interface ResourceRow {
  department: string;
  headcount: number;
  budgetRequest: Cents;
  equipment: string[];
  materials: string[];
}

/** A risk with its score (likelihood x impact, high=3, medium=2, low=1). */
export interface RiskRow {
  rank: number;
  department: string;
  id: string;
  description: string;
  likelihood: Level3;
  impact: Level3;
  score: number;
  mitigation: string;
  owner: string;
}

/** Why a target is flagged: behind a cumulative pace (either direction) or a level target missed. */
export type ProgressFlag = 'below-pace' | 'over-pace' | 'off-target';

/** Achievement of one target as of the progress report's date. */
export interface ProgressTargetRow {
  department: string;
  id: string;
  metric: string;
  unit: string;
  target: number;
  achieved: number;
  asOf: string;
  direction: TargetDirection;
  measure: TargetMeasure;
  /**
   * How much of the target is reached, 100 or more meaning met: achieved / target x 100 when
   * higher is better, target / achieved x 100 when lower is better; null on a zero divisor.
   */
  achievementPct: number | null;
  /** Days of the period elapsed up to and including asOf, over the days of the period (0..1). */
  elapsedShare: number;
  /** target x elapsedShare for a cumulative target; null for a level target (no pace). */
  pace: number | null;
  /** achieved against pace as achievementPct is against target; null for a level target or a zero divisor. */
  pctOfPace: number | null;
  /** below-pace / over-pace (cumulative, beyond the pacePct tolerance) or off-target (level: not at the target as of the progress date); null when on track. */
  flag: ProgressFlag | null;
  /** Kept for JSON version 1 readers: flag is not null. */
  belowPace: boolean;
}

/** `a` as a percentage of `b` the way a direction reads it (100 = exactly on it); null on a zero divisor. */
function directedPct(achieved: number, reference: number, direction: TargetDirection): number | null {
  if (direction === 'lower') return achieved === 0 ? null : (reference / achieved) * 100;
  return reference === 0 ? null : (achieved / reference) * 100;
}

/**
 * The flag of a target's progress. Cumulative targets are held to a linear pace with the
 * pacePct tolerance (higher: achieved x 100 < pacePct x pace; lower: achieved x pacePct >
 * 100 x pace); level targets (rates, scores, durations) are compared with the target itself,
 * without tolerance: a level is either reached or not.
 */
export function progressFlag(t: { direction: TargetDirection; measure: TargetMeasure; target: number; achieved: number; pace: number | null }, pacePct: number): ProgressFlag | null {
  if (t.measure === 'level') return (t.direction === 'lower' ? t.achieved > t.target : t.achieved < t.target) ? 'off-target' : null;
  const pace = t.pace ?? 0;
  if (t.direction === 'lower') return t.achieved * pacePct > 100 * pace ? 'over-pace' : null;
  return pace > 0 && t.achieved * 100 < pacePct * pace ? 'below-pace' : null;
}

/** One line of the company budget (a department's account). */
export interface BudgetLineResult {
  department: string;
  account: string;
  name: string;
  category: Category;
  addedByAdjustment: boolean;
  amounts: BudgetAmounts;
}

/** One row of the department roll-up: a department's own lines, a parent's subtotal, or the company total, per category. */
export interface RollupRow {
  kind: 'department' | 'subtotal' | 'company';
  /** Null for the company total. */
  department: string | null;
  /** Nesting depth in the department tree (0 for top-level departments and the company). */
  depth: number;
  category: Category;
  amounts: BudgetAmounts;
}

/** An adjustment of the fiscal year and whether it is applied. */
export interface AdjustmentResult {
  id: string;
  department: string;
  status: string;
  reason: string;
  approvedBy: string | null;
  approvedOn: string | null;
  applied: boolean;
  /** Why an adjustment is not applied; null when applied. */
  notAppliedReason: string | null;
  /** Sum of all deltas. */
  totalDelta: Cents;
  /** Sum of the deltas in the period's months. */
  periodDelta: Cents;
  changes: { account: string; month: string; delta: Cents; inPeriod: boolean }[];
  file: string;
}

/** Plan budgetRequest vs the department's budget for the period. */
export interface BudgetRequestCheck {
  department: string;
  request: Cents;
  budgetStatus: SubmissionState;
  /** Original cost + expense + cash-out budget of the period; null without a budget. */
  original: Cents | null;
  /** Revised (with approved adjustments); null without a budget. */
  revised: Cents | null;
  /** (request - revised) / |revised| x 100. */
  deviationPct: number | null;
  /** (request - original) / |original| x 100. */
  deviationPctOriginal: number | null;
  /** |deviationPct| > budgetRequestTolerancePct, or no budget at all. */
  outsideTolerance: boolean;
}

/** The consolidated company plan and budget. */
export interface Consolidation {
  company: string;
  currency: string;
  digits: number;
  period: { id: string; kind: 'year' | 'quarter'; fiscalYear: string; start: string; end: string; months: MonthId[] };
  buckets: Bucket[];
  thresholds: { budgetRequestTolerancePct: number; pacePct: number };
  requireApproved: boolean;
  submissions: Submission[];
  warnings: ConsolidationWarning[];
  targets: TargetRow[];
  annualAdjustments: AnnualAdjustmentRow[];
  workItems: WorkItemRow[];
  resources: { departments: ResourceRow[]; headcount: number; budgetRequest: Cents; equipment: { department: string; item: string }[]; materials: { department: string; item: string }[] };
  risks: RiskRow[];
  progress: {
    reports: { department: string; period: string; asOf: string; file: string }[];
    targets: ProgressTargetRow[];
    /** Work items reported late or at-risk. */
    attention: WorkItemRow[];
  };
  budget: {
    included: { department: string; file: string }[];
    excluded: { department: string; status: SubmissionState; reason: string }[];
    lines: BudgetLineResult[];
    rollup: RollupRow[];
    categories: Record<Category, BudgetAmounts>;
    pnl: { revenue: BudgetAmounts; cost: BudgetAmounts; expense: BudgetAmounts; operatingResult: BudgetAmounts };
    cash: { cashIn: BudgetAmounts; cashOut: BudgetAmounts; netCashFlow: BudgetAmounts };
  };
  adjustments: AdjustmentResult[];
  checks: {
    budgetRequests: BudgetRequestCheck[];
    zeroLines: { department: string; account: string; name: string; category: Category; budgetStatus: SubmissionStatus; file: string }[];
    targetsWithoutWorkItems: { department: string; target: string; metric: string; file: string }[];
  };
}

const LEVEL: Record<Level3, number> = { low: 1, medium: 2, high: 3 };

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The share of the period elapsed up to and including `asOf`, clamped to 0..1. */
export function elapsedShare(start: string, end: string, asOf: string): number {
  const total = dayNumber(end) - dayNumber(start) + 1;
  const done = dayNumber(asOf) - dayNumber(start) + 1;
  return Math.min(1, Math.max(0, done / total));
}

/** The buckets of a period: quarters of a year, months of a quarter. */
export function periodBuckets(period: ConsolidationPeriod, startMonth: number): Bucket[] {
  const months = periodMonths(period, startMonth);
  if (period.kind === 'quarter') return months.map((m) => ({ id: m, label: m, months: [m] }));
  return [0, 1, 2, 3].map((q) => ({ id: `Q${q + 1}`, label: `Q${q + 1}`, months: months.slice(q * 3, q * 3 + 3) }));
}

/** Where a period's months and buckets sit in a 12-fiscal-month series (computed once per consolidation). */
interface SeriesLayout {
  months: number[];
  buckets: number[][];
}

function seriesLayout(months: readonly MonthId[], buckets: readonly Bucket[], startMonth: number): SeriesLayout {
  const at = (m: MonthId): number => fiscalMonthIndex(m, startMonth);
  return { months: months.map(at), buckets: buckets.map((b) => b.months.map(at)) };
}

/**
 * Cuts a 12-fiscal-month series to the period's months and buckets. The positions come from
 * the layout: reading each month's position from its id per series (24 per series, three
 * series per budget row) took 0.43 s at L.
 */
function amountsOf(series: readonly Cents[], layout: SeriesLayout): Amounts {
  const byMonth = layout.months.map((i) => series[i] ?? 0);
  const byBucket = layout.buckets.map((b) => b.reduce((s, i) => s + (series[i] ?? 0), 0));
  return { months: byMonth, buckets: byBucket, total: byMonth.reduce((s, v) => s + v, 0) };
}

function zeroAmounts(months: number, buckets: number): Amounts {
  return { months: new Array<Cents>(months).fill(0), buckets: new Array<Cents>(buckets).fill(0), total: 0 };
}

function combine(a: Amounts, b: Amounts, sign: 1 | -1): Amounts {
  return {
    months: a.months.map((v, i) => v + sign * (b.months[i] ?? 0)),
    buckets: a.buckets.map((v, i) => v + sign * (b.buckets[i] ?? 0)),
    total: a.total + sign * b.total,
  };
}

/** Adds `b` into the accumulator `acc` (as combine with sign 1 would, without a new object). */
function addInto(acc: Amounts, b: Amounts): void {
  acc.months.forEach((v, i) => (acc.months[i] = v + (b.months[i] ?? 0)));
  acc.buckets.forEach((v, i) => (acc.buckets[i] = v + (b.buckets[i] ?? 0)));
  acc.total += b.total;
}

function zeroBudget(months: number, buckets: number): BudgetAmounts {
  return { original: zeroAmounts(months, buckets), adjustments: zeroAmounts(months, buckets), revised: zeroAmounts(months, buckets) };
}

/** Adds (sign 1) or subtracts (sign -1) budget amounts, exactly. */
export function combineBudget(a: BudgetAmounts, b: BudgetAmounts, sign: 1 | -1 = 1): BudgetAmounts {
  return { original: combine(a.original, b.original, sign), adjustments: combine(a.adjustments, b.adjustments, sign), revised: combine(a.revised, b.revised, sign) };
}

function rowAmounts(row: BudgetRow, layout: SeriesLayout): BudgetAmounts {
  return {
    original: amountsOf(row.original, layout),
    adjustments: amountsOf(row.adjustments, layout),
    revised: amountsOf(row.revised, layout),
  };
}

/** The department tree in display order: parents before children, company file order. */
export function departmentOrder(company: Company, extra: readonly string[]): { department: string; depth: number; children: string[] }[] {
  const ids = company.departments.map((d) => d.id);
  const known = new Set(ids);
  const children = new Map<string, string[]>();
  const roots: string[] = [];
  for (const d of company.departments) {
    if (d.parent && known.has(d.parent) && d.parent !== d.id) {
      const list = children.get(d.parent) ?? [];
      list.push(d.id);
      children.set(d.parent, list);
    } else roots.push(d.id);
  }
  for (const e of [...new Set(extra)].filter((x) => !known.has(x)).sort(cmp)) roots.push(e);
  const out: { department: string; depth: number; children: string[] }[] = [];
  const seen = new Set<string>();
  const visit = (id: string, depth: number): void => {
    if (seen.has(id)) return;
    seen.add(id);
    const kids = (children.get(id) ?? []).filter((k) => !seen.has(k));
    out.push({ department: id, depth, children: kids });
    for (const k of kids) visit(k, depth + 1);
  };
  for (const r of roots) visit(r, 0);
  // Departments in a parent cycle are never reached from a root: show them at the top level.
  for (const id of ids) if (!seen.has(id)) visit(id, 0);
  return out;
}

/**
 * Rolls department x category amounts up the department tree. Every subtotal row is the sum
 * of the rows displayed directly under it (the parent's own row and, per child, the child's
 * subtotal when it has children of its own, else its own row), and the company row is the
 * sum of the top-level rows, so every total reconciles with its displayed parts to the cent.
 */
export function rollUp(
  company: Company,
  own: ReadonlyMap<string, Partial<Record<Category, BudgetAmounts>>>,
  sizes: { months: number; buckets: number },
): { rows: RollupRow[]; categories: Record<Category, BudgetAmounts> } {
  const order = departmentOrder(company, [...own.keys()]);
  const byId = new Map(order.map((n) => [n.department, n]));
  const subtree = new Map<string, Partial<Record<Category, BudgetAmounts>>>();
  const totalOf = (id: string): Partial<Record<Category, BudgetAmounts>> => {
    const cached = subtree.get(id);
    if (cached) return cached;
    const sum: Partial<Record<Category, BudgetAmounts>> = {};
    const add = (part: Partial<Record<Category, BudgetAmounts>>): void => {
      for (const c of CATEGORIES) {
        const v = part[c];
        if (v) sum[c] = combineBudget(sum[c] ?? zeroBudget(sizes.months, sizes.buckets), v);
      }
    };
    add(own.get(id) ?? {});
    for (const k of byId.get(id)?.children ?? []) add(totalOf(k));
    subtree.set(id, sum);
    return sum;
  };
  const rows: RollupRow[] = [];
  const categories = Object.fromEntries(CATEGORIES.map((c) => [c, zeroBudget(sizes.months, sizes.buckets)])) as Record<Category, BudgetAmounts>;
  // Emit in pre-order with each parent's subtotal after its subtree.
  const emit = (id: string): void => {
    const node = byId.get(id)!;
    const mine = own.get(id) ?? {};
    for (const c of CATEGORIES) if (mine[c]) rows.push({ kind: 'department', department: id, depth: node.depth, category: c, amounts: mine[c] });
    for (const k of node.children) emit(k);
    if (node.children.length > 0) {
      const sum = totalOf(id);
      for (const c of CATEGORIES) if (sum[c]) rows.push({ kind: 'subtotal', department: id, depth: node.depth, category: c, amounts: sum[c] });
    }
  };
  for (const n of order) {
    if (n.depth !== 0) continue;
    emit(n.department);
    const sum = totalOf(n.department);
    for (const c of CATEGORIES) if (sum[c]) categories[c] = combineBudget(categories[c], sum[c]);
  }
  for (const c of CATEGORIES) rows.push({ kind: 'company', department: null, depth: 0, category: c, amounts: categories[c] });
  return { rows, categories };
}

function latestProgress(ws: Workspace, periodId: string): Map<string, Loaded<PlanProgressDoc>> {
  const out = new Map<string, Loaded<PlanProgressDoc>>();
  for (const p of ws.progress) {
    if (p.doc.period !== periodId) continue;
    const prev = out.get(p.doc.department);
    if (!prev || p.doc.asOf > prev.doc.asOf) out.set(p.doc.department, p);
  }
  return out;
}

/** The period's calendar as the parts of the consolidation use it. */
interface Frame {
  period: ConsolidationPeriod;
  fy: number;
  fyId: string;
  startMonth: number;
  months: MonthId[];
  buckets: Bucket[];
  sizes: { months: number; buckets: number };
  monthSet: Set<MonthId>;
  layout: SeriesLayout;
}

function frameOf(company: Company, period: ConsolidationPeriod): Frame {
  const startMonth = company.fiscalYearStartMonth;
  const months = periodMonths(period, startMonth);
  const buckets = periodBuckets(period, startMonth);
  return {
    period,
    fy: period.fiscalYear,
    fyId: `FY${period.fiscalYear}`,
    startMonth,
    months,
    buckets,
    sizes: { months: months.length, buckets: buckets.length },
    monthSet: new Set(months),
    layout: seriesLayout(months, buckets, startMonth),
  };
}

/** The period's plan and the fiscal year's budget of every department, and what is missing or unapproved. */
function collectSubmissions(ws: Workspace, company: Company, f: Frame, requireApproved: boolean) {
  const { period, fy, fyId } = f;
  const plans = new Map<string, Loaded<PlanDoc>>();
  for (const p of ws.plans) if (p.doc.period === period.id && !plans.has(p.doc.department)) plans.set(p.doc.department, p);
  const budgets = new Map<string, Budget>();
  for (const b of ws.budgets) if (b.fiscalYear === fy && !budgets.has(b.department)) budgets.set(b.department, b);
  const severity = requireApproved ? 'error' : 'warning';
  const submissions: Submission[] = [];
  const warnings: ConsolidationWarning[] = [];
  for (const d of company.departments) {
    const plan = plans.get(d.id);
    const budget = budgets.get(d.id);
    submissions.push({
      department: d.id,
      name: d.name,
      parent: d.parent ?? null,
      plan: { period: period.id, status: plan?.doc.status ?? 'missing', file: plan?.file ?? null },
      budget: { fiscalYear: fyId, status: budget?.status ?? 'missing', file: budget?.file ?? null },
    });
    if (!plan) warnings.push({ code: 'submission/missing-plan', severity, department: d.id, message: `${d.id} has no ${period.id} plan` });
    else if (plan.doc.status !== 'approved') warnings.push({ code: 'submission/unapproved-plan', severity, department: d.id, message: `${d.id}'s ${period.id} plan is ${plan.doc.status}, not approved (${plan.file})` });
    if (!budget) warnings.push({ code: 'submission/missing-budget', severity, department: d.id, message: `${d.id} has no ${fyId} budget; it is left out of the company budget` });
    else if (budget.status !== 'approved') warnings.push({ code: 'submission/unapproved-budget', severity, department: d.id, message: `${d.id}'s ${fyId} budget is ${budget.status}, not approved; it is left out of the company budget (${budget.file})` });
  }
  return { plans, budgets, submissions, warnings };
}

/** Targets, work items (with their latest reported status), resources and risks of the plans. */
function planTables(orderedPlans: readonly Loaded<PlanDoc>[], progress: ReadonlyMap<string, Loaded<PlanProgressDoc>>, digits: number) {
  const targets: TargetRow[] = [];
  const workItems: WorkItemRow[] = [];
  const resources: ResourceRow[] = [];
  const risks: Omit<RiskRow, 'rank'>[] = [];
  const targetsWithoutWorkItems: Consolidation['checks']['targetsWithoutWorkItems'] = [];
  for (const p of orderedPlans) {
    const dept = p.doc.department;
    for (const t of p.doc.targets) {
      const linked = p.doc.workItems.filter((w) => (w.targets ?? []).includes(t.id)).map((w) => w.id);
      const baseline = t.baseline ?? null;
      targets.push({
        department: dept,
        id: t.id,
        metric: t.metric,
        unit: t.unit,
        target: t.target,
        baseline,
        changePct: baseline === null || baseline === 0 ? null : ((t.target - baseline) / Math.abs(baseline)) * 100,
        workItems: linked,
        file: p.file,
      });
      if (linked.length === 0) targetsWithoutWorkItems.push({ department: dept, target: t.id, metric: t.metric, file: p.file });
    }
    const reported = new Map((progress.get(dept)?.doc.workItems ?? []).map((w) => [w.id, w]));
    for (const w of p.doc.workItems) {
      const r = reported.get(w.id);
      workItems.push({ department: dept, id: w.id, title: w.title, owner: w.owner, start: w.start, due: w.due, targets: w.targets ?? [], status: r?.status ?? null, note: r?.note ?? null });
    }
    resources.push({
      department: dept,
      headcount: p.doc.resources.headcount,
      budgetRequest: toCents(p.doc.resources.budgetRequest, digits),
      equipment: p.doc.resources.equipment ?? [],
      materials: p.doc.resources.materials ?? [],
    });
    for (const r of p.doc.risks ?? []) {
      risks.push({ department: dept, id: r.id, description: r.description, likelihood: r.likelihood, impact: r.impact, score: LEVEL[r.likelihood] * LEVEL[r.impact], mitigation: r.mitigation, owner: r.owner });
    }
  }
  risks.sort((a, b) => b.score - a.score || cmp(a.department, b.department) || cmp(a.id, b.id));
  return { targets, workItems, resources, risks, targetsWithoutWorkItems };
}

/**
 * Proposals to change annual targets, from the fiscal year's quarterly plans (only the
 * period's own quarter when consolidating a quarter).
 */
function annualAdjustmentRows(ws: Workspace, f: Frame, order: readonly string[]): AnnualAdjustmentRow[] {
  const { period, fyId } = f;
  const annualPlans = new Map<string, Loaded<PlanDoc>>();
  for (const p of ws.plans) if (p.doc.period === fyId && !annualPlans.has(p.doc.department)) annualPlans.set(p.doc.department, p);
  const out: AnnualAdjustmentRow[] = [];
  const quarterPlans = ws.plans
    .filter((p) => (period.kind === 'quarter' ? p.doc.period === period.id : p.doc.period.startsWith(`${fyId}-Q`)))
    .sort((a, b) => cmp(a.doc.period, b.doc.period) || order.indexOf(a.doc.department) - order.indexOf(b.doc.department));
  for (const q of quarterPlans) {
    for (const a of q.doc.annualAdjustments ?? []) {
      const annual = annualPlans.get(q.doc.department)?.doc.targets.find((t) => t.id === a.target);
      const base = annual?.target ?? null;
      out.push({
        department: q.doc.department,
        proposedIn: q.doc.period,
        target: a.target,
        metric: annual?.metric ?? null,
        unit: annual?.unit ?? null,
        annualTarget: base,
        proposed: a.proposed,
        changePct: base === null || base === 0 ? null : ((a.proposed - base) / Math.abs(base)) * 100,
        reason: a.reason,
        file: q.file,
      });
    }
  }
  return out;
}

/** Progress: achievement and pace per target of the period's plans, from each department's latest report. */
function progressRows(orderedPlans: readonly Loaded<PlanDoc>[], progress: ReadonlyMap<string, Loaded<PlanProgressDoc>>, span: { start: string; end: string }, pacePct: number) {
  const targets: ProgressTargetRow[] = [];
  const reports: Consolidation['progress']['reports'] = [];
  for (const p of orderedPlans) {
    const pr = progress.get(p.doc.department);
    if (!pr) continue;
    reports.push({ department: p.doc.department, period: pr.doc.period, asOf: pr.doc.asOf, file: pr.file });
    const share = elapsedShare(span.start, span.end, pr.doc.asOf);
    for (const a of pr.doc.targets ?? []) {
      const t = p.doc.targets.find((x) => x.id === a.id);
      if (!t) continue;
      const direction = t.direction ?? 'higher';
      const measure = t.measure ?? 'cumulative';
      // Only what accumulates has a pace: a yield of 97% is not expected to be 89% by November.
      const pace = measure === 'cumulative' ? t.target * share : null;
      const flag = progressFlag({ direction, measure, target: t.target, achieved: a.achieved, pace }, pacePct);
      targets.push({
        department: p.doc.department,
        id: t.id,
        metric: t.metric,
        unit: t.unit,
        target: t.target,
        achieved: a.achieved,
        asOf: pr.doc.asOf,
        direction,
        measure,
        achievementPct: directedPct(a.achieved, t.target, direction),
        elapsedShare: share,
        pace,
        pctOfPace: pace === null ? null : directedPct(a.achieved, pace, direction),
        flag,
        belowPace: flag !== null,
      });
    }
  }
  return { reports, targets };
}

/** Company budget: approved budgets plus approved adjustments, rolled up the department tree. */
function companyBudget(ws: Workspace, company: Company, f: Frame, parts: { budgets: ReadonlyMap<string, Budget>; submissions: readonly Submission[]; order: readonly string[] }, memo?: Memo): Consolidation['budget'] {
  const rows = computeBudgetRows(ws, f.fy, { approvedOnly: true }, memo);
  const lines: BudgetLineResult[] = rows.map((r) => ({
    department: r.department,
    account: r.account,
    name: r.name,
    category: r.category,
    addedByAdjustment: r.addedByAdjustment,
    amounts: rowAmounts(r, f.layout),
  }));
  // Each department's sums are its own accumulators, added to in place: a new sum per line
  // (40,000 lines at L, nine arrays each) took 0.2 s and as much garbage.
  const own = new Map<string, Partial<Record<Category, BudgetAmounts>>>();
  for (const l of lines) {
    let byCat = own.get(l.department);
    if (!byCat) own.set(l.department, (byCat = {}));
    const sum = (byCat[l.category] ??= zeroBudget(f.sizes.months, f.sizes.buckets));
    for (const part of ['original', 'adjustments', 'revised'] as const) addInto(sum[part], l.amounts[part]);
  }
  const { rows: rollup, categories } = rollUp(company, own, f.sizes);
  const included = [...parts.budgets.values()].filter((b) => b.status === 'approved').map((b) => ({ department: b.department, file: b.file }));
  included.sort((a, b) => parts.order.indexOf(a.department) - parts.order.indexOf(b.department));
  const excluded = parts.submissions
    .filter((s) => s.budget.status !== 'approved')
    .map((s) => ({
      department: s.department,
      status: s.budget.status,
      reason: s.budget.status === 'missing' ? `no ${f.fyId} budget file` : `budget is ${s.budget.status}, only approved budgets count`,
    }));
  const sub = (a: BudgetAmounts, b: BudgetAmounts): BudgetAmounts => combineBudget(a, b, -1);
  const pnl = {
    revenue: categories.revenue,
    cost: categories.cost,
    expense: categories.expense,
    operatingResult: sub(sub(categories.revenue, categories.cost), categories.expense),
  };
  const cash = { cashIn: categories['cash-in'], cashOut: categories['cash-out'], netCashFlow: sub(categories['cash-in'], categories['cash-out']) };
  return { included, excluded, lines, rollup, categories, pnl, cash };
}

/** Adjustments of the fiscal year: approved ones are applied when the department's budget is approved. */
function adjustmentResults(ws: Workspace, f: Frame, approvedBudget: ReadonlySet<string>): AdjustmentResult[] {
  const split = splitAdjustments(ws, f.fy);
  return [...split.applied, ...split.notApplied]
    .sort((a, b) => cmp(a.id, b.id))
    .map((a) => {
      const applied = a.status === 'approved' && approvedBudget.has(a.department);
      return {
        id: a.id,
        department: a.department,
        status: a.status,
        reason: a.reason,
        approvedBy: a.approvedBy ?? null,
        approvedOn: a.approvedOn ?? null,
        applied,
        notAppliedReason: applied ? null : a.status !== 'approved' ? `status ${a.status}: only approved adjustments are applied` : `${a.department} has no approved ${f.fyId} budget to apply it to`,
        totalDelta: a.changes.reduce((s, c) => s + c.delta, 0),
        periodDelta: a.changes.filter((c) => f.monthSet.has(c.month)).reduce((s, c) => s + c.delta, 0),
        changes: a.changes.map((c) => ({ account: c.account, month: c.month, delta: c.delta, inPeriod: f.monthSet.has(c.month) })),
        file: a.file,
      };
    });
}

/**
 * Balance checks. The request is compared with the department's own budget whatever its
 * status, since the point is whether the two submissions agree with each other.
 */
function budgetRequestChecks(ws: Workspace, f: Frame, resources: readonly ResourceRow[], budgets: ReadonlyMap<string, Budget>, tolerancePct: number, memo?: Memo): BudgetRequestCheck[] {
  const allRows = computeBudgetRows(ws, f.fy, { approvedOnly: false }, memo);
  const spend = new Map<string, { original: Cents; revised: Cents }>();
  for (const r of allRows) {
    if (r.category !== 'cost' && r.category !== 'expense' && r.category !== 'cash-out') continue;
    const a = rowAmounts(r, f.layout);
    const s = spend.get(r.department) ?? { original: 0, revised: 0 };
    s.original += a.original.total;
    s.revised += a.revised.total;
    spend.set(r.department, s);
  }
  return resources.map((res) => {
    const has = budgets.has(res.department);
    const s = has ? (spend.get(res.department) ?? { original: 0, revised: 0 }) : null;
    const dev = s ? percentOf(res.budgetRequest - s.revised, s.revised) : null;
    return {
      department: res.department,
      request: res.budgetRequest,
      budgetStatus: budgets.get(res.department)?.status ?? 'missing',
      original: s?.original ?? null,
      revised: s?.revised ?? null,
      deviationPct: dev,
      deviationPctOriginal: s ? percentOf(res.budgetRequest - s.original, s.original) : null,
      outsideTolerance: s === null || dev === null ? res.budgetRequest !== 0 : Math.abs(dev) > tolerancePct,
    };
  });
}

/** Budget lines that are zero in every month, in department order. */
function zeroLineChecks(order: readonly string[], budgets: ReadonlyMap<string, Budget>): Consolidation['checks']['zeroLines'] {
  const out: Consolidation['checks']['zeroLines'] = [];
  for (const d of order) {
    const b = budgets.get(d);
    if (!b) continue;
    for (const l of b.lines) if (l.months.every((m) => m === 0)) out.push({ department: d, account: l.account, name: l.name, category: l.category, budgetStatus: b.status, file: b.file });
  }
  return out;
}

/** Computes the consolidated plan and budget of a fiscal year or quarter. */
export function computeConsolidation(ws: Workspace, options: ConsolidateOptions, memo?: Memo): Consolidation {
  const company = ws.company;
  if (!company) throw new Error('computeConsolidation needs a workspace with a company file');
  const { period, requireApproved } = options;
  const f = frameOf(company, period);
  const digits = company.currencyDigits;
  const { budgetRequestTolerancePct, pacePct } = company.thresholds.consolidation;
  const { plans, budgets, submissions, warnings } = collectSubmissions(ws, company, f, requireApproved);

  // Plans in department tree order, so every plan table reads the same way.
  const order = departmentOrder(company, [...plans.keys()]).map((n) => n.department);
  const orderedPlans = order.map((d) => plans.get(d)).filter((p): p is Loaded<PlanDoc> => p !== undefined);
  const progress = latestProgress(ws, period.id);
  const { targets, workItems, resources, risks, targetsWithoutWorkItems } = planTables(orderedPlans, progress, digits);
  const start = `${f.months[0]!}-01`;
  const end = lastDayOfMonth(f.months[f.months.length - 1]!);
  const progressed = progressRows(orderedPlans, progress, { start, end }, pacePct);
  const budget = companyBudget(ws, company, f, { budgets, submissions, order }, memo);

  return {
    company: company.name,
    currency: company.currency,
    digits,
    period: { id: period.id, kind: period.kind, fiscalYear: f.fyId, start, end, months: f.months },
    buckets: f.buckets,
    thresholds: { budgetRequestTolerancePct, pacePct },
    requireApproved,
    submissions,
    warnings,
    targets,
    annualAdjustments: annualAdjustmentRows(ws, f, order),
    workItems,
    resources: {
      departments: resources,
      headcount: resources.reduce((s, r) => s + r.headcount, 0),
      budgetRequest: resources.reduce((s, r) => s + r.budgetRequest, 0),
      equipment: resources.flatMap((r) => r.equipment.map((item) => ({ department: r.department, item }))),
      materials: resources.flatMap((r) => r.materials.map((item) => ({ department: r.department, item }))),
    },
    risks: risks.map((r, i) => ({ rank: i + 1, ...r })),
    progress: { ...progressed, attention: workItems.filter((w) => w.status === 'late' || w.status === 'at-risk') },
    budget,
    adjustments: adjustmentResults(ws, f, new Set(budget.included.map((i) => i.department))),
    checks: {
      budgetRequests: budgetRequestChecks(ws, f, resources, budgets, budgetRequestTolerancePct, memo),
      zeroLines: zeroLineChecks(order, budgets),
      targetsWithoutWorkItems,
    },
  };
}

/** True when any plan or budget of the workspace belongs to the period (else it is probably a typo). */
export function periodIsKnown(ws: Workspace, period: ConsolidationPeriod): boolean {
  return ws.plans.some((p) => p.doc.period === period.id) || ws.budgets.some((b) => b.fiscalYear === period.fiscalYear);
}
