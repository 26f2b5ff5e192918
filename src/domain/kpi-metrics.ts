// The metric catalogue: every figure an indicator can be scored on, as a table of metric name
// -> function of the workspace, department and period returning a value or "missing" with a
// reason. Each function reads the figure from the domain function of its own command
// (computeVariance, computeConsolidation, computeStock, ...), never from a second computation,
// and says which command and figure it took, so the scorecard can explain itself.
import type { MetricName } from '../kinds/kpi-scheme/metric-names.js';
import type { Category } from '../model/documents.js';
import { lastDayOfMonth, periodFiscalYear, periodMonths } from '../model/period.js';
import type { MonthId, Period } from '../model/period.js';
import type { Workspace } from '../model/workspace.js';
import { computeConsolidation } from './consolidate.js';
import { computeProduction } from './production.js';
import type { ProductionResult } from './production.js';
import { fromMilli } from './quantity.js';
import type { Consolidation } from './consolidate.js';
import { computeStock } from './stock.js';
import type { StockResult } from './stock.js';
import { computeVariance } from './variance.js';
import type { VarianceResult } from './variance.js';

/** A metric's value, or why there is none. */
export type MetricResult =
  | { value: number; source: string; detail: string }
  | { value: null; source: string; missing: string };

/** What a metric function is handed: the workspace, one department, one period. */
export interface MetricContext {
  ws: Workspace;
  department: string;
  period: Period;
  /** First and last day of the period (YYYY-MM-DD). */
  start: string;
  end: string;
  /** The review's as-of date: notice status and the day figures are taken on (min of end and asOf). */
  asOf: string;
  /** Results of the commands' domain functions, computed once per run and period. */
  cache: Map<string, unknown>;
}

/** One entry of the catalogue. */
export interface MetricDef {
  /** `department`: the department's own figure; `company`: one company-wide figure that counts for every department naming it. */
  scope: 'department' | 'company';
  unit: '%' | 'count' | 'score';
  /** The command whose figure it is. */
  command: string;
  /** What it is and how it is computed, for the README and `opsplan kpi --format json`. */
  description: string;
  /** The chapter that provides it, when that chapter is not in this build: the metric is then always missing. */
  unavailable?: string;
  compute: (ctx: MetricContext) => MetricResult;
}

function cached<T>(ctx: MetricContext, key: string, make: () => T): T {
  if (!ctx.cache.has(key)) ctx.cache.set(key, make());
  return ctx.cache.get(key) as T;
}

/** The day figures are taken on: the period's last day, or the as-of date when that is earlier. */
export function figureDate(ctx: Pick<MetricContext, 'end' | 'asOf'>): string {
  return ctx.asOf < ctx.end ? ctx.asOf : ctx.end;
}

function variance(ctx: MetricContext): VarianceResult {
  return cached(ctx, `variance|${ctx.period.id}|${ctx.asOf}`, () => computeVariance(ctx.ws, { period: ctx.period, ytd: false, asOf: ctx.asOf }));
}

const periodFlag = (p: Period): string => `--period ${p.id}`;

function budgetVariance(category: Category): MetricDef {
  return {
    scope: 'department',
    unit: '%',
    command: 'variance',
    description: `(actual − revised budget) ÷ |budget| × 100 of the department's ${category} lines over the period: \`subtotals[].variancePct\` of \`opsplan variance --period P\`. Missing while a month of the period has no actuals, without an approved budget, or on a zero budget.`,
    compute: (ctx) => {
      const r = variance(ctx);
      const source = `opsplan variance ${periodFlag(ctx.period)}: subtotals[${ctx.department}, ${category}].variancePct`;
      const gaps = r.missingActuals.filter((m) => m.department === ctx.department).map((m) => m.month);
      if (gaps.length > 0) return { value: null, source, missing: `no actuals for ${gaps.join(', ')}` };
      const lines = r.lines.filter((l) => l.department === ctx.department);
      if (lines.some((l) => l.flags.includes('no-approved-budget'))) return { value: null, source, missing: `no approved FY${r.fiscalYear} budget` };
      const s = r.subtotals.find((x) => x.department === ctx.department && x.category === category);
      if (!s) return { value: null, source, missing: `no ${category} lines budgeted or booked in the period` };
      if (s.variancePct === null) return { value: null, source, missing: `the ${category} budget of the period is zero` };
      // A percentage implies a filed actual (missing months returned above).
      return { value: s.variancePct, source, detail: `budget ${s.budget / 100}, actual ${s.actual! / 100}, variance ${s.variance! / 100} (${s.lines} lines)` };
    },
  };
}

/** The annual plan's consolidation with the progress reports dated on or before the figure date. */
function planConsolidation(ctx: MetricContext): Consolidation {
  const day = figureDate(ctx);
  const fy = periodFiscalYear(ctx.period, ctx.ws.company?.fiscalYearStartMonth ?? 1);
  return cached(ctx, `plan|${fy}|${day}`, () => {
    const ws = { ...ctx.ws, progress: ctx.ws.progress.filter((p) => p.doc.asOf <= day) };
    return computeConsolidation(ws, { period: { kind: 'year', id: `FY${fy}`, fiscalYear: fy }, requireApproved: false });
  });
}

function planMissing(ctx: MetricContext, c: Consolidation): string | null {
  const sub = c.submissions.find((s) => s.department === ctx.department);
  if (!sub || sub.plan.status === 'missing') return `no ${c.period.id} plan`;
  if (!c.progress.reports.some((r) => r.department === ctx.department)) return `no progress report on the ${c.period.id} plan dated on or before ${figureDate(ctx)}`;
  return null;
}

/** A measure of a command's result: the value with its inputs, or why there is none. */
type Measure<R> = (result: R, department: string) => { value: number; detail: string } | string;

/** A metric read from the annual plan's consolidation; `figure` names the field read. */
function planMetric(description: string, figure: string, measure: Measure<Consolidation>): MetricDef {
  return {
    scope: 'department',
    unit: '%',
    command: 'consolidate',
    description,
    compute: (ctx) => {
      const c = planConsolidation(ctx);
      const source = `opsplan consolidate --period ${c.period.id}: ${figure.replace('DEPT', ctx.department)}`;
      const missing = planMissing(ctx, c) ?? measure(c, ctx.department);
      return typeof missing === 'string' ? { value: null, source, missing } : { ...missing, source };
    },
  };
}

const planAchievement = planMetric(
  'Σ achieved ÷ Σ target × 100 over the targets of the department\'s annual plan (each target weighted by its target value), from the latest progress report dated on or before the end of the period: `progress.targets[]` of `opsplan consolidate --period FY`. Targets of 0 are left out.',
  'progress.targets[department=DEPT] (achieved, target)',
  (c, department) => {
    const rows = c.progress.targets.filter((t) => t.department === department && t.target !== 0);
    const target = rows.reduce((s, t) => s + t.target, 0);
    if (rows.length === 0 || target === 0) return 'no target with a non-zero value has progress';
    const achieved = rows.reduce((s, t) => s + t.achieved, 0);
    return { value: (achieved / target) * 100, detail: `Σ achieved ${achieved} ÷ Σ target ${target} over ${rows.map((t) => t.id).join(', ')} (as of ${rows[0]!.asOf})` };
  },
);

const workItemsOnTime = planMetric(
  'Work items of the department\'s annual plan not reported `late` ÷ work items with a reported status × 100, from the latest progress report dated on or before the end of the period (`workItems[].status` of `opsplan consolidate --period FY`).',
  'workItems[department=DEPT].status',
  (c, department) => {
    const items = c.workItems.filter((w) => w.department === department && w.status !== null);
    if (items.length === 0) return 'no work item has a reported status';
    const late = items.filter((w) => w.status === 'late');
    return { value: ((items.length - late.length) / items.length) * 100, detail: `${items.length - late.length} of ${items.length} work items not late${late.length ? ` (late: ${late.map((w) => w.id).join(', ')})` : ''}` };
  },
);

const noticesOnTime: MetricDef = {
  scope: 'department',
  unit: '%',
  command: 'variance',
  description: 'Warning notices to the department due in the period (up to the as-of date) answered by a submitted or accepted response with `respondedOn` on or before the due date ÷ those notices × 100 (`notices[]` of `opsplan variance --period P --as-of D`). Missing when no notice fell due.',
  compute: (ctx) => {
    const r = variance(ctx);
    const source = `opsplan variance ${periodFlag(ctx.period)} --as-of ${ctx.asOf}: notices[department=${ctx.department}] (due, response.respondedOn)`;
    const day = figureDate(ctx);
    const due = r.notices.filter((n) => n.department === ctx.department && n.due >= ctx.start && n.due <= day);
    if (due.length === 0) return { value: null, source, missing: `no warning notice fell due between ${ctx.start} and ${day}` };
    const onTime = due.filter((n) => n.status === 'answered' && n.response?.respondedOn !== undefined && n.response.respondedOn <= n.due);
    return { value: (onTime.length / due.length) * 100, source, detail: `${onTime.length} of ${due.length} answered on time (${due.map((n) => `${n.id} ${onTime.includes(n) ? 'on time' : n.status}`).join(', ')})` };
  },
};

function stock(ctx: MetricContext): StockResult {
  const day = figureDate(ctx);
  return cached(ctx, `stock|${day}`, () => computeStock(ctx.ws, { asOf: day }));
}

/** A company-wide metric read from `opsplan stock` on the figure date. */
function stockMetric(unit: MetricDef['unit'], description: string, figure: string, measure: Measure<StockResult>): MetricDef {
  return {
    scope: 'company',
    unit,
    command: 'stock',
    description,
    compute: (ctx) => {
      const r = stock(ctx);
      const source = `opsplan stock --as-of ${r.asOf}: ${figure}`;
      const missing = r.warehouses.some((w) => w.snapshot !== null) ? measure(r, ctx.department) : `no inventory snapshot on or before ${r.asOf}`;
      return typeof missing === 'string' ? { value: null, source, missing } : { ...missing, source };
    },
  };
}

const stockouts = stockMetric(
  'count',
  'Items with a `stockout` alert (on hand ≤ 0) over every warehouse, in the latest snapshots on or before the end of the period (`items[].alerts` of `opsplan stock --as-of END`). Company-wide.',
  'items[].alerts[code=stockout]',
  (r) => {
    const out = r.items.filter((i) => i.alerts.some((a) => a.code === 'stockout'));
    return { value: out.length, detail: `${out.length} stock-outs (${out.map((i) => `${i.warehouse}/${i.sku}`).join(', ') || 'none'}) in ${r.warehouses.filter((w) => w.snapshot).map((w) => `${w.id} ${w.snapshot!.asOf}`).join(', ')}` };
  },
);

const countAccuracy = stockMetric(
  '%',
  'Counted items within the count tolerance ÷ counted items × 100, over every warehouse\'s latest snapshot on or before the end of the period (`items[].count.flagged` of `opsplan stock --as-of END`). Company-wide.',
  'items[].count.flagged',
  (r) => {
    const counted = r.items.filter((i) => i.count !== null);
    if (counted.length === 0) return 'no item was counted in the snapshots used';
    const ok = counted.filter((i) => !i.count!.flagged);
    return { value: (ok.length / counted.length) * 100, detail: `${ok.length} of ${counted.length} counted items within tolerance` };
  },
);

function production(ctx: MetricContext): ProductionResult {
  return cached(ctx, `production|${ctx.period.id}|${ctx.asOf}`, () => computeProduction(ctx.ws, ctx.period.id, ctx.asOf));
}

const productionAttainment: MetricDef = {
  scope: 'department',
  unit: '%',
  command: 'production',
  description: 'Σ min(good, planned) ÷ Σ planned × 100 over the department\'s applicable approved production-plan lines due in the period (capped attainment): `lines[].good` and `lines[].quantity` of `opsplan production --period P --as-of D`, summed for the department (the command\'s `total.attainmentPct` is the same sum over every department).',
  compute: (ctx) => {
    const r = production(ctx);
    const source = `opsplan production --period ${ctx.period.id} --as-of ${ctx.asOf}: lines[department=${ctx.department}] (good, quantity)`;
    const lines = r.lines.filter((l) => l.department === ctx.department);
    const planned = lines.reduce((s, l) => s + l.quantity, 0);
    if (lines.length === 0 || planned === 0) return { value: null, source, missing: `no approved production-plan line of ${ctx.department} is due in ${ctx.period.id}` };
    const good = lines.reduce((s, l) => s + l.good, 0);
    return { value: (good / planned) * 100, source, detail: `Σ min(good, planned) ${fromMilli(good)} ÷ Σ planned ${fromMilli(planned)} over ${lines.length} plan lines` };
  },
};

/** A metric whose chapter is not in this build: always missing, with the reason. */
function notYet(scope: MetricDef['scope'], unit: MetricDef['unit'], command: string, description: string, chapter: string): MetricDef {
  const missing = `${chapter} is not in this version of opsplan yet, so this metric has no source`;
  return { scope, unit, command, description, unavailable: missing, compute: () => ({ value: null, source: `opsplan ${command}`, missing }) };
}

/** The catalogue, in documentation order. */
export const METRIC_CATALOGUE: Record<MetricName, MetricDef> = {
  'budget.revenue.variancePct': budgetVariance('revenue'),
  'budget.cost.variancePct': budgetVariance('cost'),
  'budget.expense.variancePct': budgetVariance('expense'),
  'plan.achievementPct': planAchievement,
  'plan.workItemsOnTimePct': workItemsOnTime,
  'notices.answeredOnTimePct': noticesOnTime,
  'stock.stockouts': stockouts,
  'stock.countAccuracyPct': countAccuracy,
  'production.attainmentPct': productionAttainment,
  'quality.firstPassYieldPct': notYet('department', '%', 'quality', 'Final-inspection lots passed at first inspection ÷ lots first inspected × 100.', 'the quality chapter (issue 15)'),
  'quality.incomingAcceptancePct': notYet('department', '%', 'quality', 'Incoming lots passed ÷ incoming lots × 100.', 'the quality chapter (issue 15)'),
  'equipment.availabilityPct': notYet('department', '%', 'equipment', '(period hours − downtime) ÷ period hours × 100 over the department\'s equipment.', 'the equipment chapter (issue 15)'),
  'equipment.pmCompliancePct': notYet('department', '%', 'equipment', 'Preventive tasks done within tolerance ÷ tasks due in the period × 100.', 'the equipment chapter (issue 15)'),
  'safety.onTimeRectificationPct': notYet('company', '%', 'safety', 'Hazards rectified by their deadline ÷ hazards whose deadline fell in the period × 100. Company-wide.', 'the safety chapter (issue 15)'),
  'service.responseSlaPct': notYet('department', '%', 'service', 'Cases whose first response met its SLA ÷ cases with a first-response SLA × 100.', 'the service chapter (issue 16)'),
  'service.satisfactionPct': notYet('department', '%', 'service', 'Ratings of 4–5 ÷ all ratings × 100.', 'the service chapter (issue 16)'),
  'suppliers.averageScore': notYet('company', 'score', 'suppliers', 'Mean weighted score of the suppliers scored in the period. Company-wide.', 'the supplier evaluation chapter (issue 15)'),
};

/** The first and last day of a period. */
export function periodBounds(period: Period, startMonth: number): { start: string; end: string; months: MonthId[] } {
  const months = periodMonths(period, startMonth);
  return { start: `${months[0]!}-01`, end: lastDayOfMonth(months[months.length - 1]!), months };
}
