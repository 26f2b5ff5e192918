// Quality figures (四.二): acceptance by stage and supplier, final first-pass yield, defect ppm,
// the defect Pareto, open nonconformances and the month-over-month trend. Pure: the period's
// months and the as-of date are parameters.
import type { Inspection, InspectionStage, QualityLog } from '../kinds/quality-log/types.js';
import { INSPECTION_STAGES } from '../kinds/quality-log/types.js';
import { addMonths } from '../model/period.js';
import type { MonthId } from '../model/period.js';
import type { Milli } from './quantity.js';
import { missingIn } from './left-out.js';
import type { MissingMonth } from './left-out.js';
import { daysBetween } from '../model/date.js';

/** What to compute: the months of the period, the as-of date, and the left-out months. */
export interface QualityOptions {
  months: readonly MonthId[];
  asOf: string;
  missing: readonly MissingMonth[];
  /** Months of the trend (default: the 6 months ending with the period's last month). */
  trendMonths?: readonly MonthId[];
}

/** `missing`: the department has a month of the period whose log was left out for errors. */
export type RowStatus = 'ok' | 'missing';

/** Lots accepted at one stage (and supplier) of one department. */
export interface AcceptanceRow {
  department: string;
  stage: InspectionStage;
  /** null in the by-stage table. */
  supplier: string | null;
  status: RowStatus;
  lots: number | null;
  passedLots: number | null;
  /** passed lots / lots x 100; null without lots or when missing. */
  lotRatePct: number | null;
  quantity: Milli | null;
  acceptedQuantity: Milli | null;
  /** accepted quantity / quantity x 100. */
  quantityRatePct: number | null;
}

/** Final-inspection first-pass yield of one product. */
export interface YieldRow {
  department: string;
  sku: string;
  status: RowStatus;
  firstInspected: number | null;
  firstPassed: number | null;
  fpyPct: number | null;
}

/** Defect ppm of one department and stage. */
export interface PpmRow {
  department: string;
  stage: InspectionStage;
  status: RowStatus;
  sampled: Milli | null;
  defective: Milli | null;
  ppm: number | null;
}

/** One defect code of the Pareto. */
export interface ParetoRow {
  code: string;
  qty: Milli;
  sharePct: number;
  cumulativePct: number;
}

/** A failed inspection with no disposition (and no re-inspection) yet. */
export interface OpenNonconformance {
  department: string;
  id: string;
  stage: InspectionStage;
  date: string;
  sku: string;
  lot: string;
  quantity: Milli;
  ageDays: number;
  file: string;
}

/** One department-month of the trend. */
export interface TrendRow {
  department: string;
  month: MonthId;
  /** filed: a valid log; missing: left out for errors; not-filed: no log at all. */
  status: 'filed' | 'missing' | 'not-filed';
  lots: number | null;
  acceptancePct: number | null;
  fpyPct: number | null;
  ppm: number | null;
}

/** Everything `opsplan quality` shows. */
export interface QualityResult {
  months: MonthId[];
  asOf: string;
  byStage: AcceptanceRow[];
  bySupplier: AcceptanceRow[];
  firstPassYield: YieldRow[];
  ppm: PpmRow[];
  /** Over departments without a missing month. */
  totals: { lots: number; passedLots: number; lotRatePct: number | null; finalFirstInspected: number; finalFirstPassed: number; fpyPct: number | null; sampled: Milli; defective: Milli; ppm: number | null };
  pareto: ParetoRow[];
  openNonconformances: OpenNonconformance[];
  trend: TrendRow[];
  missing: MissingMonth[];
  /** Findings by level for --fail-on: critical = a nonconforming lot released (only ever from a log left out, so never here), warn = open nonconformances. */
  flags: { critical: number; warn: number };
}

const pct = (part: number, whole: number): number | null => (whole === 0 ? null : (part / whole) * 100);
const ppmOf = (defective: Milli, sampled: Milli): number | null => (sampled === 0 ? null : (defective / sampled) * 1_000_000);

interface Placed extends Inspection {
  department: string;
  file: string;
  /** Order of the inspection among the department's (file order, month by month). */
  seq: number;
}

/** The inspections of every department, with each re-inspection chain's root and its latest member. */
function placeInspections(logs: readonly QualityLog[], asOf: string): { all: Placed[]; rootOf: Map<Placed, Placed>; outcome: Map<Placed, Placed> } {
  const sorted = [...logs].sort((a, b) => a.department.localeCompare(b.department) || a.month.localeCompare(b.month));
  const all: Placed[] = [];
  for (const log of sorted) for (const i of log.inspections) if (i.date <= asOf) all.push({ ...i, department: log.department, file: log.file, seq: all.length });
  const byId = new Map(all.map((i) => [`${i.department}\u0000${i.id}`, i]));
  const rootOf = new Map<Placed, Placed>();
  const root = (i: Placed, depth = 0): Placed => {
    // A chain longer than the inspections would be a cycle of re-inspections: stop there.
    const parent = i.reinspectionOf === undefined || depth > all.length ? undefined : byId.get(`${i.department}\u0000${i.reinspectionOf}`);
    return parent === undefined || parent === i ? i : root(parent, depth + 1);
  };
  const outcome = new Map<Placed, Placed>();
  for (const i of all) {
    const r = root(i);
    rootOf.set(i, r);
    const prev = outcome.get(r);
    if (!prev || i.date > prev.date || (i.date === prev.date && i.seq > prev.seq)) outcome.set(r, i);
  }
  return { all, rootOf, outcome };
}

function acceptanceRows(roots: readonly Placed[], outcome: Map<Placed, Placed>, missing: Map<string, unknown>, bySupplier: boolean): AcceptanceRow[] {
  const groups = new Map<string, { department: string; stage: InspectionStage; supplier: string | null; lots: number; passed: number; qty: Milli; accepted: Milli }>();
  for (const r of roots) {
    if (bySupplier && r.supplier === undefined) continue;
    const supplier = bySupplier ? r.supplier! : null;
    const key = `${r.department}\u0000${r.stage}\u0000${supplier ?? ''}`;
    const g = groups.get(key) ?? { department: r.department, stage: r.stage, supplier, lots: 0, passed: 0, qty: 0, accepted: 0 };
    groups.set(key, g);
    const pass = outcome.get(r)!.result === 'pass';
    g.lots += 1;
    g.qty += r.quantity;
    if (pass) {
      g.passed += 1;
      g.accepted += r.quantity;
    }
  }
  const rows = [...groups.values()].map((g): AcceptanceRow => {
    if (missing.has(g.department)) return { department: g.department, stage: g.stage, supplier: g.supplier, status: 'missing', lots: null, passedLots: null, lotRatePct: null, quantity: null, acceptedQuantity: null, quantityRatePct: null };
    return { department: g.department, stage: g.stage, supplier: g.supplier, status: 'ok', lots: g.lots, passedLots: g.passed, lotRatePct: pct(g.passed, g.lots), quantity: g.qty, acceptedQuantity: g.accepted, quantityRatePct: pct(g.accepted, g.qty) };
  });
  const stageOrder = (s: InspectionStage): number => INSPECTION_STAGES.indexOf(s);
  return rows.sort((a, b) => a.department.localeCompare(b.department) || stageOrder(a.stage) - stageOrder(b.stage) || (a.supplier ?? '').localeCompare(b.supplier ?? ''));
}

function yieldRows(inPeriod: readonly Placed[], missing: Map<string, unknown>): YieldRow[] {
  const groups = new Map<string, YieldRow & { firstInspected: number; firstPassed: number }>();
  for (const i of inPeriod) {
    // Re-inspections never count as first: a lot reworked and passed is not a first pass.
    if (i.stage !== 'final' || i.reinspectionOf !== undefined) continue;
    const key = `${i.department}\u0000${i.sku}`;
    const g = groups.get(key) ?? { department: i.department, sku: i.sku, status: 'ok' as RowStatus, firstInspected: 0, firstPassed: 0, fpyPct: null };
    groups.set(key, g);
    g.firstInspected += 1;
    if (i.result === 'pass') g.firstPassed += 1;
  }
  return [...groups.values()]
    .map((g): YieldRow => (missing.has(g.department) ? { department: g.department, sku: g.sku, status: 'missing', firstInspected: null, firstPassed: null, fpyPct: null } : { ...g, fpyPct: pct(g.firstPassed, g.firstInspected) }))
    .sort((a, b) => a.department.localeCompare(b.department) || a.sku.localeCompare(b.sku));
}

function ppmRows(inPeriod: readonly Placed[], missing: Map<string, unknown>): PpmRow[] {
  const groups = new Map<string, { department: string; stage: InspectionStage; sampled: Milli; defective: Milli }>();
  for (const i of inPeriod) {
    const key = `${i.department}\u0000${i.stage}`;
    const g = groups.get(key) ?? { department: i.department, stage: i.stage, sampled: 0, defective: 0 };
    groups.set(key, g);
    g.sampled += i.sampleSize;
    for (const d of i.defects) g.defective += d.qty;
  }
  return [...groups.values()]
    .map((g): PpmRow => (missing.has(g.department) ? { ...g, status: 'missing', sampled: null, defective: null, ppm: null } : { ...g, status: 'ok', ppm: ppmOf(g.defective, g.sampled) }))
    .sort((a, b) => a.department.localeCompare(b.department) || INSPECTION_STAGES.indexOf(a.stage) - INSPECTION_STAGES.indexOf(b.stage));
}

/** Defect codes by quantity, largest first (ties by code), with shares of the total. */
export function paretoOf(defects: Iterable<{ code: string; qty: Milli }>): ParetoRow[] {
  const byCode = new Map<string, Milli>();
  for (const d of defects) byCode.set(d.code, (byCode.get(d.code) ?? 0) + d.qty);
  const total = [...byCode.values()].reduce((a, b) => a + b, 0);
  let cumulative = 0;
  return [...byCode.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([code, qty]) => {
      cumulative += qty;
      return { code, qty, sharePct: (qty / total) * 100, cumulativePct: (cumulative / total) * 100 };
    });
}

function trendRows(logs: readonly QualityLog[], all: readonly Placed[], outcome: Map<Placed, Placed>, rootOf: Map<Placed, Placed>, months: readonly MonthId[], missing: readonly MissingMonth[]): TrendRow[] {
  const departments = [...new Set([...logs.map((l) => l.department), ...missing.map((m) => m.department)])].sort();
  const out: TrendRow[] = [];
  for (const department of departments) {
    for (const month of months) {
      if (missing.some((m) => m.department === department && m.month === month)) {
        out.push({ department, month, status: 'missing', lots: null, acceptancePct: null, fpyPct: null, ppm: null });
        continue;
      }
      if (!logs.some((l) => l.department === department && l.month === month)) {
        out.push({ department, month, status: 'not-filed', lots: null, acceptancePct: null, fpyPct: null, ppm: null });
        continue;
      }
      const inMonth = all.filter((i) => i.department === department && i.date.startsWith(month));
      const roots = inMonth.filter((i) => rootOf.get(i) === i);
      const finals = inMonth.filter((i) => i.stage === 'final' && i.reinspectionOf === undefined);
      let sampled = 0;
      let defective = 0;
      for (const i of inMonth) {
        sampled += i.sampleSize;
        for (const d of i.defects) defective += d.qty;
      }
      out.push({
        department,
        month,
        status: 'filed',
        lots: roots.length,
        acceptancePct: pct(roots.filter((r) => outcome.get(r)!.result === 'pass').length, roots.length),
        fpyPct: pct(finals.filter((i) => i.result === 'pass').length, finals.length),
        ppm: ppmOf(defective, sampled),
      });
    }
  }
  return out;
}

/** The 6 months ending with `last`, plus any earlier months of the period. */
export function defaultTrendMonths(months: readonly MonthId[]): MonthId[] {
  const last = months[months.length - 1]!;
  const six = Array.from({ length: 6 }, (_, i) => addMonths(last, i - 5));
  return [...new Set([...months, ...six])].sort();
}

/** Computes the quality figures of the period from the valid quality logs. */
export function computeQuality(logs: readonly QualityLog[], options: QualityOptions): QualityResult {
  const { months, asOf } = options;
  const monthSet = new Set(months);
  const missingDepts = missingIn(options.missing, months);
  const { all, rootOf, outcome } = placeInspections(logs, asOf);
  const inPeriod = all.filter((i) => monthSet.has(i.date.slice(0, 7)));
  // A lot belongs to the period of its first inspection; its outcome is its latest one.
  const roots = inPeriod.filter((i) => rootOf.get(i) === i);
  const byStage = acceptanceRows(roots, outcome, missingDepts, false);
  const bySupplier = acceptanceRows(roots, outcome, missingDepts, true);
  const firstPassYield = yieldRows(inPeriod, missingDepts);
  const ppm = ppmRows(inPeriod, missingDepts);
  const complete = inPeriod.filter((i) => !missingDepts.has(i.department));
  const okStage = byStage.filter((r) => r.status === 'ok');
  const okYield = firstPassYield.filter((r) => r.status === 'ok');
  const okPpm = ppm.filter((r) => r.status === 'ok');
  const sum = <T>(rows: readonly T[], f: (r: T) => number | null): number => rows.reduce((a, r) => a + (f(r) ?? 0), 0);
  const lots = sum(okStage, (r) => r.lots);
  const passedLots = sum(okStage, (r) => r.passedLots);
  const finalFirstInspected = sum(okYield, (r) => r.firstInspected);
  const finalFirstPassed = sum(okYield, (r) => r.firstPassed);
  const sampled = sum(okPpm, (r) => r.sampled);
  const defective = sum(okPpm, (r) => r.defective);
  const reinspected = new Set(all.filter((i) => i.reinspectionOf !== undefined).map((i) => `${i.department}\u0000${i.reinspectionOf}`));
  const openNonconformances = all
    .filter((i) => i.result === 'fail' && i.disposition === undefined && !reinspected.has(`${i.department}\u0000${i.id}`))
    .map((i): OpenNonconformance => ({ department: i.department, id: i.id, stage: i.stage, date: i.date, sku: i.sku, lot: i.lot, quantity: i.quantity, ageDays: daysBetween(i.date, asOf), file: i.file }))
    .sort((a, b) => b.ageDays - a.ageDays || a.department.localeCompare(b.department) || a.id.localeCompare(b.id));
  return {
    months: [...months],
    asOf,
    byStage,
    bySupplier,
    firstPassYield,
    ppm,
    totals: { lots, passedLots, lotRatePct: pct(passedLots, lots), finalFirstInspected, finalFirstPassed, fpyPct: pct(finalFirstPassed, finalFirstInspected), sampled, defective, ppm: ppmOf(defective, sampled) },
    pareto: paretoOf(complete.flatMap((i) => i.defects)),
    openNonconformances,
    trend: trendRows(logs, all, outcome, rootOf, options.trendMonths ?? defaultTrendMonths(months), options.missing),
    missing: [...options.missing],
    flags: { critical: 0, warn: openNonconformances.length },
  };
}
