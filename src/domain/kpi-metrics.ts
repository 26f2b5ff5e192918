// The metric catalogue: every figure an indicator can be scored on, as a table of metric name
// -> function of the workspace, department and period returning a value or "missing" with a
// reason. Each function reads the figure from the domain function of its own command
// (computeVariance, computeConsolidation, computeStock, ...), never from a second computation,
// and says which command and figure it took, so the scorecard can explain itself.
import type { RejectedFile } from '../kinds/kind.js';
import type { MetricName } from '../kinds/kpi-scheme/metric-names.js';
import type { Category } from '../model/documents.js';
import { lastDayOfMonth, periodFiscalYear, periodMonths } from '../model/period.js';
import type { MonthId, Period } from '../model/period.js';
import type { Workspace } from '../model/workspace.js';
import { isTimeZone } from '../model/zoned-time.js';
import { equipmentResult, qualityResult, safetyResult, supplierResult } from './chapter-results.js';
import type { ChapterInput } from './chapter-results.js';
import { computeConsolidation } from './consolidate.js';
import type { EquipmentResult } from './equipment.js';
import { missingIn, missingMonths } from './left-out.js';
import type { QualityResult } from './quality.js';
import type { SafetyResult } from './safety.js';
import { computeService } from './service.js';
import type { ServiceResult, ServiceScope } from './service.js';
import { serviceInputFrom } from './service-input.js';
import type { SupplierResult } from './suppliers.js';
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
  /** Files left out for errors (LoadResult.rejected): a chapter whose files were left out is missing, never zero. */
  rejected: readonly RejectedFile[];
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

/** What a metric reads from its command's result: the value with its inputs, or why there is none. */
type Measured = { value: number; detail: string } | string;

/** The parts of a catalogue entry. */
interface MetricSpec<R> {
  scope: MetricDef['scope'];
  unit: MetricDef['unit'];
  command: string;
  description: string;
  /** The command and figure the value is read from, for the explanation. */
  source: (ctx: MetricContext) => string;
  /** The command's result, or why the whole figure is missing (left-out files, no data). */
  result: (ctx: MetricContext) => R | string;
  measure: (result: R, ctx: MetricContext) => Measured;
}

/** A catalogue entry from its parts: every metric turns its command's result into a value or a reason the same way. */
function metricOf<R>(spec: MetricSpec<R>): MetricDef {
  return {
    scope: spec.scope,
    unit: spec.unit,
    command: spec.command,
    description: spec.description,
    compute: (ctx) => {
      const source = spec.source(ctx);
      const r = spec.result(ctx);
      const m = typeof r === 'string' ? r : spec.measure(r, ctx);
      return typeof m === 'string' ? { value: null, source, missing: m } : { ...m, source };
    },
  };
}

const chapterFlags = (ctx: MetricContext): string => `--period ${ctx.period.id} --as-of ${ctx.asOf}`;

/** A metric of a command run as `opsplan COMMAND --period P --as-of D`; `figure` names the field read (DEPT = the department). */
function chapterMetric<R>(spec: Omit<MetricSpec<R>, 'source'> & { figure: string }): MetricDef {
  return metricOf({ ...spec, source: (ctx) => `opsplan ${spec.command} ${chapterFlags(ctx)}: ${spec.figure.replace('DEPT', ctx.department)}` });
}

function variance(ctx: MetricContext): VarianceResult {
  return cached(ctx, `variance|${ctx.period.id}|${ctx.asOf}`, () => computeVariance(ctx.ws, { period: ctx.period, ytd: false, asOf: ctx.asOf }));
}

const periodFlag = (p: Period): string => `--period ${p.id}`;

function budgetVariance(category: Category): MetricDef {
  return metricOf<VarianceResult>({
    scope: 'department',
    unit: '%',
    command: 'variance',
    description: `(actual − revised budget) ÷ |budget| × 100 of the department's ${category} lines over the period: \`subtotals[].variancePct\` of \`opsplan variance --period P\`. Missing while a month of the period has no actuals, without an approved budget, or on a zero budget.`,
    source: (ctx) => `opsplan variance ${periodFlag(ctx.period)}: subtotals[${ctx.department}, ${category}].variancePct`,
    result: variance,
    measure: (r, ctx) => {
      // A KPI of the whole period waits for every month, due or not yet due: a quarter scored
      // as of a date inside it would otherwise be the variance of its first months only.
      const gaps = [...r.missingActuals, ...r.notYetFiled].filter((m) => m.department === ctx.department).map((m) => m.month).sort();
      if (gaps.length > 0) return `no actuals for ${gaps.join(', ')}`;
      const lines = r.lines.filter((l) => l.department === ctx.department);
      if (lines.some((l) => l.flags.includes('no-approved-budget'))) return `no approved FY${r.fiscalYear} budget`;
      const s = r.subtotals.find((x) => x.department === ctx.department && x.category === category);
      if (!s) return `no ${category} lines budgeted or booked in the period`;
      if (s.variancePct === null) return `the ${category} budget of the period is zero`;
      // A percentage implies a filed actual (missing months returned above).
      return { value: s.variancePct, detail: `budget ${s.budget / 100}, actual ${s.actual! / 100}, variance ${s.variance! / 100} (${s.lines} lines)` };
    },
  });
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

/** A metric read from the annual plan's consolidation; `figure` names the field read. */
function planMetric(description: string, figure: string, measure: (c: Consolidation, department: string) => Measured): MetricDef {
  return metricOf<Consolidation>({
    scope: 'department',
    unit: '%',
    command: 'consolidate',
    description,
    source: (ctx) => `opsplan consolidate --period ${planConsolidation(ctx).period.id}: ${figure.replace('DEPT', ctx.department)}`,
    result: (ctx) => {
      const c = planConsolidation(ctx);
      return planMissing(ctx, c) ?? c;
    },
    measure: (c, ctx) => measure(c, ctx.department),
  });
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

const noticesOnTime = metricOf<VarianceResult>({
  scope: 'department',
  unit: '%',
  command: 'variance',
  description: 'Warning notices to the department due in the period (up to the as-of date) answered by a submitted or accepted response with `respondedOn` on or before the due date ÷ those notices × 100 (`notices[]` of `opsplan variance --period P --as-of D`). Missing when no notice fell due.',
  source: (ctx) => `opsplan variance ${periodFlag(ctx.period)} --as-of ${ctx.asOf}: notices[department=${ctx.department}] (due, response.respondedOn)`,
  result: variance,
  measure: (r, ctx) => {
    const day = figureDate(ctx);
    const due = r.notices.filter((n) => n.department === ctx.department && n.due >= ctx.start && n.due <= day);
    if (due.length === 0) return `no warning notice fell due between ${ctx.start} and ${day}`;
    const onTime = due.filter((n) => n.status === 'answered' && n.response?.respondedOn !== undefined && n.response.respondedOn <= n.due);
    return { value: (onTime.length / due.length) * 100, detail: `${onTime.length} of ${due.length} answered on time (${due.map((n) => `${n.id} ${onTime.includes(n) ? 'on time' : n.status}`).join(', ')})` };
  },
});

function stock(ctx: MetricContext): StockResult {
  const day = figureDate(ctx);
  return cached(ctx, `stock|${day}`, () => computeStock(ctx.ws, { asOf: day }));
}

/** A company-wide metric read from `opsplan stock` on the figure date. */
function stockMetric(unit: MetricDef['unit'], description: string, figure: string, measure: (r: StockResult) => Measured): MetricDef {
  return metricOf<StockResult>({
    scope: 'company',
    unit,
    command: 'stock',
    description,
    source: (ctx) => `opsplan stock --as-of ${figureDate(ctx)}: ${figure}`,
    result: (ctx) => {
      const r = stock(ctx);
      return r.warehouses.some((w) => w.snapshot !== null) ? r : `no inventory snapshot on or before ${r.asOf}`;
    },
    measure,
  });
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

const productionAttainment = chapterMetric<ProductionResult>({
  scope: 'department',
  unit: '%',
  command: 'production',
  description: 'Σ min(good, planned) ÷ Σ planned × 100 over the department\'s applicable approved production-plan lines due in the period (capped attainment): `lines[].good` and `lines[].quantity` of `opsplan production --period P --as-of D`, summed for the department (the command\'s `total.attainmentPct` is the same sum over every department).',
  figure: 'lines[department=DEPT] (good, quantity)',
  result: production,
  measure: (r, ctx) => {
    const lines = r.lines.filter((l) => l.department === ctx.department);
    const planned = lines.reduce((s, l) => s + l.quantity, 0);
    if (lines.length === 0 || planned === 0) return `no approved production-plan line of ${ctx.department} is due in ${ctx.period.id}`;
    const good = lines.reduce((s, l) => s + l.good, 0);
    return { value: (good / planned) * 100, detail: `Σ min(good, planned) ${fromMilli(good)} ÷ Σ planned ${fromMilli(planned)} over ${lines.length} plan lines` };
  },
});

// --- The production chapters (quality, equipment, safety, suppliers): the figures of
// `opsplan quality | equipment | safety | suppliers --period P --as-of D`, through the same
// chapter-results calls those commands make.

function chapterInput(ctx: MetricContext): ChapterInput {
  return { months: periodMonths(ctx.period, ctx.ws.company?.fiscalYearStartMonth ?? 1), asOf: ctx.asOf, leftOut: ctx.rejected };
}

/**
 * Why the department's figures of a monthly-log chapter are missing: a department-month of the
 * period whose log was left out, or a left-out log that names no department and month (it may
 * be anyone's). Null when nothing of the period was left out.
 */
function leftOutLogs(ctx: MetricContext, kind: string, department: string, months: readonly MonthId[]): string | null {
  const placed = missingMonths(ctx.rejected, kind);
  const mine = missingIn(placed, months).get(department);
  if (mine) return `${mine.map((m) => `${m.file} (${m.month})`).join(', ')} left out for errors, so ${department}'s figures of ${ctx.period.id} are missing; fix the file${mine.length > 1 ? 's' : ''}`;
  const known = new Set(placed.map((m) => m.file));
  const unplaced = ctx.rejected.filter((r) => r.kind === kind && !known.has(r.file)).map((r) => r.file);
  return unplaced.length === 0 ? null : `${unplaced.join(', ')} left out for errors names no department and month, so any department's figures may be in it; fix it`;
}

/** Why a company-wide chapter is missing: a left-out file of `kind` dated (by `dateField`) on or before the as-of date, or undated. */
function leftOutDated(ctx: MetricContext, kind: string, dateField: string): string | null {
  const files = ctx.rejected
    .filter((r) => {
      if (r.kind !== kind) return false;
      const d = (r.data as Record<string, unknown> | null)?.[dateField];
      return typeof d !== 'string' || d <= ctx.asOf;
    })
    .map((r) => r.file);
  return files.length === 0 ? null : `${files.join(', ')} left out for errors, so the ${kind} figures up to ${ctx.asOf} are incomplete; fix ${files.length > 1 ? 'them' : 'it'}`;
}

function quality(ctx: MetricContext): QualityResult {
  return cached(ctx, `quality|${ctx.period.id}|${ctx.asOf}`, () => qualityResult(ctx.ws, chapterInput(ctx)));
}

/** The quality result, or why the department's quality figures are missing. */
function qualityOf(ctx: MetricContext): QualityResult | string {
  const r = quality(ctx);
  return leftOutLogs(ctx, 'quality-log', ctx.department, r.months) ?? r;
}

const pctOf = (part: number, whole: number): number => (part / whole) * 100;

const firstPassYield = chapterMetric<QualityResult>({
  scope: 'department',
  unit: '%',
  command: 'quality',
  description: 'Final-inspection lots of the department passed at their first inspection ÷ lots first inspected × 100, over the inspections dated in the period (up to the as-of date); re-inspections are never first inspections: Σ `firstPassYield[].firstPassed` ÷ Σ `firstPassYield[].firstInspected` of the department in `opsplan quality --period P --as-of D` (its `totals.fpyPct` is the same sum over every department). Missing when a quality log of the department in the period was left out for errors, or no final lot was first inspected.',
  figure: 'firstPassYield[department=DEPT] (firstPassed, firstInspected)',
  result: qualityOf,
  measure: (r, ctx) => {
    const rows = r.firstPassYield.filter((y) => y.department === ctx.department);
    const inspected = rows.reduce((s, y) => s + (y.firstInspected ?? 0), 0);
    if (inspected === 0) return `no final-inspection lot of ${ctx.department} was first inspected in ${ctx.period.id} (up to ${r.asOf})`;
    const passed = rows.reduce((s, y) => s + (y.firstPassed ?? 0), 0);
    return { value: pctOf(passed, inspected), detail: `${passed} of ${inspected} final lots passed first time (${rows.map((y) => `${y.sku} ${y.firstPassed}/${y.firstInspected}`).join(', ')})` };
  },
});

const incomingAcceptance = chapterMetric<QualityResult>({
  scope: 'department',
  unit: '%',
  command: 'quality',
  description: 'Incoming lots inspected by the department and accepted ÷ incoming lots × 100 (a lot counts once, in the period of its first inspection, by its latest result; a concession is not an acceptance): `byStage[stage=incoming].lotRatePct` of the department in `opsplan quality --period P --as-of D`. Missing when a quality log of the department in the period was left out for errors, or it inspected no incoming lot.',
  figure: 'byStage[department=DEPT, stage=incoming].lotRatePct',
  result: qualityOf,
  measure: (r, ctx) => {
    const row = r.byStage.find((x) => x.department === ctx.department && x.stage === 'incoming');
    if (!row || row.lotRatePct === null) return `${ctx.department} inspected no incoming lot in ${ctx.period.id} (up to ${r.asOf})`;
    return { value: row.lotRatePct, detail: `${row.passedLots} of ${row.lots} incoming lots accepted` };
  },
});

function equipment(ctx: MetricContext): EquipmentResult | string {
  const company = ctx.ws.company;
  if (!company) return 'no company file (opsplan.yaml), so no maintenance tolerance';
  return cached(ctx, `equipment|${ctx.period.id}|${ctx.asOf}`, () => equipmentResult(ctx.ws, company, chapterInput(ctx)));
}

/** The equipment result, or why the department's equipment figures are missing (left-out logs or ledger). */
function equipmentOf(ctx: MetricContext): EquipmentResult | string {
  const r = equipment(ctx);
  if (typeof r === 'string') return r;
  const ledger = ctx.rejected.filter((x) => x.kind === 'equipment' && [ctx.department, undefined].includes((x.data as { department?: string } | null)?.department)).map((x) => x.file);
  if (ledger.length > 0) return `the equipment ledger ${ledger.join(', ')} was left out for errors; fix it`;
  return leftOutLogs(ctx, 'maintenance-log', ctx.department, r.months) ?? r;
}

const availability = chapterMetric<EquipmentResult>({
  scope: 'department',
  unit: '%',
  command: 'equipment',
  description: 'Σ (period hours − downtime hours) ÷ Σ period hours × 100 over the department\'s active machines (the mean of their availability; downtime counts in the month a record starts): `machines[].periodHours` and `machines[].downtimeHours` of the department in `opsplan equipment --period P --as-of D`. Missing when a maintenance log or the ledger was left out for errors, and also when a month of the period has no maintenance log of the department (yet): the command counts every day of the period and no downtime without a log, which would read as 100%.',
  figure: 'machines[department=DEPT] (periodHours, downtimeHours)',
  result: equipmentOf,
  measure: (r, ctx) => {
    const rows = r.machines.filter((m) => m.department === ctx.department);
    if (rows.length === 0) return `${ctx.department} has no active machine in an equipment ledger`;
    // Period hours count every day of the period, so every month needs its log (as variance needs every month's actuals).
    const unfiled = r.months.filter((m) => !ctx.ws.maintenanceLogs.some((l) => l.department === ctx.department && l.month === m));
    if (unfiled.length > 0) return `no maintenance log of ${ctx.department} for ${unfiled.join(', ')}, so its downtime is unknown`;
    const hours = rows.reduce((s, m) => s + m.periodHours, 0);
    const down = rows.reduce((s, m) => s + m.downtimeHours!, 0);
    return { value: pctOf(hours - down, hours), detail: `(${hours} − ${down}) ÷ ${hours} period hours over ${rows.length} machines` };
  },
});

const pmCompliance = chapterMetric<EquipmentResult>({
  scope: 'department',
  unit: '%',
  command: 'equipment',
  description: 'Preventive-task occurrences of the department\'s machines due in the period and done within the tolerance of the due date ÷ occurrences judged × 100 (pending ones, not done with the tolerance still open, are not judged): `compliance[].state` of the department in `opsplan equipment --period P --as-of D` (its `compliancePct` is the same over every department). Missing when a maintenance log or the ledger was left out for errors, or no task was judged.',
  figure: 'compliance[department=DEPT].state',
  result: equipmentOf,
  measure: (r, ctx) => {
    const judged = r.compliance.filter((c) => c.department === ctx.department && c.state !== 'pending' && c.state !== 'missing');
    if (judged.length === 0) return `no preventive task of ${ctx.department} fell due and was judged in ${ctx.period.id} (up to ${r.asOf})`;
    const met = judged.filter((c) => c.state === 'on-time');
    const off = judged.filter((c) => c.state !== 'on-time').map((c) => `${c.equipment} ${c.task} ${c.state}`);
    return { value: pctOf(met.length, judged.length), detail: `${met.length} of ${judged.length} tasks due done on time${off.length ? ` (${off.join(', ')})` : ''}` };
  },
});

const onTimeRectification = chapterMetric<SafetyResult>({
  scope: 'company',
  unit: '%',
  command: 'safety',
  description: 'Hazards whose deadline fell in the period (up to the as-of date) that were rectified by the deadline and verified ÷ those hazards × 100: `onTimePct` (`rectifiedOnTime` ÷ `dueInPeriod`) of `opsplan safety --period P --as-of D`. Company-wide. Missing when no deadline fell in the period, or a safety-inspection dated up to the as-of date (or undated) was left out for errors.',
  figure: 'onTimePct (rectifiedOnTime ÷ dueInPeriod)',
  result: (ctx) => leftOutDated(ctx, 'safety-inspection', 'date') ?? cached(ctx, `safety|${ctx.period.id}|${ctx.asOf}`, () => safetyResult(ctx.ws, chapterInput(ctx))),
  measure: (r, ctx) => (r.onTimePct === null ? `no hazard deadline fell in ${ctx.period.id} (up to ${r.asOf})` : { value: r.onTimePct, detail: `${r.rectifiedOnTime} of ${r.dueInPeriod} hazards due rectified and verified by the deadline` }),
});

function suppliersOf(ctx: MetricContext): SupplierResult | string {
  const company = ctx.ws.company;
  if (!company) return 'no company file (opsplan.yaml), so no supplier weights';
  const left = leftOutDated(ctx, 'purchase-order', 'orderedOn');
  if (left) return left;
  const input = chapterInput(ctx);
  const logs = missingMonths(ctx.rejected, 'quality-log').filter((m) => input.months.includes(m.month));
  if (logs.length > 0) return `${logs.map((m) => m.file).join(', ')} left out for errors, so no supplier's incoming quality of ${ctx.period.id} is known; fix it`;
  return cached(ctx, `suppliers|${ctx.period.id}|${ctx.asOf}`, () => supplierResult(ctx.ws, company, input, quality(ctx)));
}

const supplierScore = chapterMetric<SupplierResult>({
  scope: 'company',
  unit: 'score',
  command: 'suppliers',
  description: 'Mean of `suppliers[].score` over the suppliers scored in the period (status `scored`: receipts in the period, incoming inspection and unit cost known) in `opsplan suppliers --period P --as-of D`; suppliers with no deliveries or incomplete data are left out and named. Company-wide. Missing when no supplier was scored, or a purchase order (ordered up to the as-of date) or a quality log of the period was left out for errors.',
  figure: 'mean of suppliers[status=scored].score',
  result: suppliersOf,
  measure: (r, ctx) => {
    const scored = r.suppliers.filter((x) => x.status === 'scored');
    const notScored = r.suppliers.filter((x) => x.status === 'incomplete').map((x) => `${x.supplier}: ${x.reason}`);
    const left = notScored.length ? `; not scored: ${notScored.join('; ')}` : '';
    if (scored.length === 0) return `no supplier was scored in ${ctx.period.id} (up to ${r.asOf})${left}`;
    const sum = scored.reduce((s, x) => s + x.score!, 0);
    return { value: sum / scored.length, detail: `mean of ${scored.length} scores (${scored.map((x) => `${x.supplier} ${Math.round(x.score! * 100) / 100}`).join(', ')})${left}` };
  },
});

// --- Customer service: the figures of `opsplan service --period P --as-of D`, from the same
// computeService call on the same input (serviceInputFrom, shared with the command).

function service(ctx: MetricContext): ServiceResult | string {
  const company = ctx.ws.company;
  if (!company) return 'no company file (opsplan.yaml), so no time zone and no service levels';
  if (!isTimeZone(company.timeZone)) return `timeZone "${company.timeZone}" in opsplan.yaml is not an IANA zone, so no service time can be read`;
  return cached(ctx, `service|${ctx.period.id}|${ctx.asOf}`, () => computeService(serviceInputFrom(ctx.ws, company, ctx.rejected), ctx.period, ctx.asOf));
}

/** The department's scope of the service result, or why its figures of the period are missing. */
function serviceScopeOf(ctx: MetricContext): { result: ServiceResult; scope: ServiceScope } | string {
  const result = service(ctx);
  if (typeof result === 'string') return result;
  const scope = result.departments.find((d) => d.department === ctx.department);
  if (!scope) return `no service log of ${ctx.department} up to ${result.asOf}`;
  // The command nulls the period's figures of a scope with a month of the period without a clean log.
  if (scope.sla === null || scope.satisfaction === null) {
    const months = periodMonths(ctx.period, ctx.ws.company?.fiscalYearStartMonth ?? 1);
    const why = scope.missing.filter((m) => m.month === null || months.includes(m.month)).map((m) => (m.reason === 'left-out' ? `${m.file} left out for errors` : `no service log for ${m.month}`));
    return `${ctx.department}'s service figures of ${ctx.period.id} are missing: ${why.join(', ') || 'a month without a clean log'}`;
  }
  return { result, scope };
}

const responseSla = chapterMetric<{ result: ServiceResult; scope: ServiceScope }>({
  scope: 'department',
  unit: '%',
  command: 'service',
  description: 'Cases of the department received in the period whose **first-response** clock met its SLA ÷ those met or breached × 100 (running and no-SLA cases are not judged, as in the command\'s SLA attainment; a case resolved without a first response was answered when resolved; service hours, pauses removed, as of the end of the as-of day in the company zone): `cases[department=DEPT].response.status` of `opsplan service --period P --as-of D`. Missing when a month of the period has no clean service log of the department (left out for errors, or not filed after its first log), or no first response was judged.',
  figure: 'cases[department=DEPT].response.status',
  result: serviceScopeOf,
  measure: ({ result }, ctx) => {
    const cases = result.cases.filter((c) => c.department === ctx.department);
    const met = cases.filter((c) => c.response.status === 'met').length;
    const breached = cases.filter((c) => c.response.status === 'breached');
    if (met + breached.length === 0) return `no first response of ${ctx.department} was judged against an SLA in ${ctx.period.id} (up to ${result.asOf})`;
    return { value: pctOf(met, met + breached.length), detail: `${met} of ${met + breached.length} first responses within SLA${breached.length ? ` (breached: ${breached.map((c) => c.c.id).join(', ')})` : ''}` };
  },
});

const satisfaction = chapterMetric<{ result: ServiceResult; scope: ServiceScope }>({
  scope: 'department',
  unit: '%',
  command: 'service',
  description: 'Ratings of 4–5 ÷ all ratings × 100 over the department\'s cases received in the period: `departments[department=DEPT].satisfaction.pct` of `opsplan service --period P --as-of D`. Missing when a month of the period has no clean service log of the department, or no case was rated.',
  figure: 'departments[department=DEPT].satisfaction.pct',
  result: serviceScopeOf,
  measure: ({ scope }, ctx) => {
    const s = scope.satisfaction!;
    if (s.pct === null) return `no case of ${ctx.department} received in ${ctx.period.id} was rated`;
    return { value: s.pct, detail: `${s.satisfied} of ${s.ratings} ratings 4 or 5` };
  },
});

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
  'quality.firstPassYieldPct': firstPassYield,
  'quality.incomingAcceptancePct': incomingAcceptance,
  'equipment.availabilityPct': availability,
  'equipment.pmCompliancePct': pmCompliance,
  'safety.onTimeRectificationPct': onTimeRectification,
  'service.responseSlaPct': responseSla,
  'service.satisfactionPct': satisfaction,
  'suppliers.averageScore': supplierScore,
};

/** The first and last day of a period. */
export function periodBounds(period: Period, startMonth: number): { start: string; end: string; months: MonthId[] } {
  const months = periodMonths(period, startMonth);
  return { start: `${months[0]!}-01`, end: lastDayOfMonth(months[months.length - 1]!), months };
}
