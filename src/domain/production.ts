// Production attainment (四.一 execution tracking): the output of the production reports dated
// in a period, allotted to the applicable approved plan lines of the same department and sku
// due in the period, first-due-first; output beyond them is surplus. Pure: as-of is a parameter.
import type { Bom } from '../kinds/bom/types.js';
import type { ProductionOutput, ProductionReport } from '../kinds/production-report/types.js';
import { isoWeekOf, monthOrWeekRange } from '../model/calendar.js';
import { parsePeriod, periodMonths } from '../model/period.js';
import type { Workspace } from '../model/workspace.js';
import { applicablePlanLines } from './production-plans.js';
import type { AppliedPlanLine } from './production-plans.js';
import type { Milli } from './quantity.js';

/** The first and last day of a month, ISO week, fiscal quarter or fiscal year; null when the text is none of them. */
export function productionPeriodRange(text: string, startMonth: number): { from: string; to: string } | null {
  const mw = monthOrWeekRange(text);
  if (mw) return { from: mw.from, to: mw.to };
  const p = parsePeriod(text);
  if (!p) return null;
  const months = periodMonths(p, startMonth);
  return { from: monthOrWeekRange(months[0]!)!.from, to: monthOrWeekRange(months[months.length - 1]!)!.to };
}

/** done: made in full; late: due date passed and not complete; on-track: not yet due. */
export type LineStatus = 'done' | 'late' | 'on-track';

/** One applicable plan line and what was made for it. */
export interface ProductionLineResult {
  file: string;
  /** 0-based index in the plan's `lines`. */
  index: number;
  department: string;
  planPeriod: string;
  sku: string;
  source: 'forecast' | 'order';
  ref: string | null;
  /** Production line: the plan line's, else its BOM's, else null. */
  line: string | null;
  quantity: Milli;
  due: string;
  /** Allotted output dated on or before the due date. */
  goodOnTime: Milli;
  /** Allotted output dated on or before as-of (never above quantity). */
  good: Milli;
  /** min(good, quantity) ÷ quantity × 100. */
  completionPct: number;
  status: LineStatus;
}

/** Planned against made, for one group (the period, an item, a production line or a week). */
export interface Attainment {
  plan: Milli;
  /** Σ min(good, plan) over the plan lines. */
  capped: Milli;
  /** All good output of the group in the period, surplus included. */
  good: Milli;
  scrap: Milli;
  /** capped ÷ plan × 100; null without plan. */
  attainmentPct: number | null;
  /** good ÷ plan × 100 (may exceed 100); null without plan. */
  uncappedPct: number | null;
  /** scrap ÷ (good + scrap) × 100; null when nothing was made. */
  scrapRatePct: number | null;
}

/** Load of a production line against its capacity. */
export interface CapacityLoad {
  line: string;
  /** Σ quantity × hoursPerUnit; null when a line's product has no hoursPerUnit. */
  loadHours: number | null;
  /** Plan lines whose product has no hoursPerUnit. */
  missingHours: number;
  capacityHours: number | null;
  /** load ÷ capacity × 100; null when either is missing or capacity is 0. */
  loadPct: number | null;
  over: boolean;
}

/** The production report of a period. */
export interface ProductionResult {
  period: string;
  from: string;
  to: string;
  asOf: string;
  lines: ProductionLineResult[];
  surplus: { department: string; sku: string; qty: Milli }[];
  total: Attainment;
  byItem: (Attainment & { sku: string })[];
  byLine: (Attainment & { line: string | null })[];
  byWeek: (Attainment & { week: string })[];
  capacity: CapacityLoad[];
}

const pct = (num: number, den: number): number | null => (den === 0 ? null : (num / den) * 100);

function attainment(plan: Milli, capped: Milli, good: Milli, scrap: Milli): Attainment {
  return { plan, capped, good, scrap, attainmentPct: pct(capped, plan), uncappedPct: pct(good, plan), scrapRatePct: pct(scrap, good + scrap) };
}

/** Allots output to lines first-due-first within each department and sku. */
function allot(applied: readonly AppliedPlanLine[], outputs: readonly { report: ProductionReport; out: ProductionOutput }[], boms: ReadonlyMap<string, Bom>, asOf: string): { lines: ProductionLineResult[]; surplus: Map<string, Milli> } {
  const lines: ProductionLineResult[] = applied.map(({ plan, line }) => ({
    file: plan.file, index: line.index, department: plan.department, planPeriod: plan.period, sku: line.sku, source: line.source, ref: line.ref ?? null,
    line: line.line ?? boms.get(line.sku)?.line ?? null, quantity: line.quantity, due: line.due, goodOnTime: 0, good: 0, completionPct: 0, status: 'on-track',
  }));
  const open = new Map<string, ProductionLineResult[]>();
  for (const l of lines) open.set(`${l.department}|${l.sku}`, [...(open.get(`${l.department}|${l.sku}`) ?? []), l]);
  const surplus = new Map<string, Milli>();
  for (const { report, out } of outputs) {
    const key = `${report.department}|${out.sku}`;
    const queue = open.get(key) ?? [];
    let left = out.good;
    for (const l of queue) {
      if (left === 0) break;
      const take = Math.min(left, l.quantity - l.good);
      if (take <= 0) continue;
      l.good += take;
      if (out.date <= l.due) l.goodOnTime += take;
      left -= take;
    }
    if (left > 0) surplus.set(key, (surplus.get(key) ?? 0) + left);
  }
  for (const l of lines) {
    l.completionPct = (Math.min(l.good, l.quantity) / l.quantity) * 100;
    l.status = l.good >= l.quantity ? 'done' : l.due < asOf ? 'late' : 'on-track';
  }
  return { lines, surplus };
}

function groupBy<K>(lines: readonly ProductionLineResult[], outputs: readonly { out: ProductionOutput }[], lineKey: (l: ProductionLineResult) => K, outKey: (o: ProductionOutput) => K, sortKey: (k: K) => string): { key: K; a: Attainment }[] {
  const acc = new Map<K, [Milli, Milli, Milli, Milli]>();
  const get = (k: K): [Milli, Milli, Milli, Milli] => acc.get(k) ?? (acc.set(k, [0, 0, 0, 0]), acc.get(k)!);
  for (const l of lines) {
    const g = get(lineKey(l));
    g[0] += l.quantity;
    g[1] += Math.min(l.good, l.quantity);
  }
  for (const { out } of outputs) {
    const g = get(outKey(out));
    g[2] += out.good;
    g[3] += out.scrap;
  }
  return [...acc.entries()].sort(([a], [b]) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0)).map(([key, g]) => ({ key, a: attainment(...g) }));
}

/** Capacity hours of the approved plans of the period's own length (weekly for a week, monthly otherwise) per line. */
function capacityLoads(ws: Workspace, period: string, from: string, to: string, lines: readonly ProductionLineResult[], boms: ReadonlyMap<string, Bom>): CapacityLoad[] {
  const weekly = /W/.test(period);
  const hours = new Map<string, number>();
  for (const p of ws.productionPlans) {
    if (p.status !== 'approved' || (p.periodKind === 'week') !== weekly || p.from < from || p.to > to) continue;
    for (const c of p.capacity) hours.set(c.line, (hours.get(c.line) ?? 0) + c.hours);
  }
  const load = new Map<string, { tenThousandths: bigint; missing: number }>();
  for (const l of lines) {
    const key = l.line ?? '(none)';
    const entry = load.get(key) ?? { tenThousandths: 0n, missing: 0 };
    const hpu = boms.get(l.sku)?.hoursPerUnit;
    // quantity in thousandths × hours in ten-thousandths: exact, then one division.
    if (hpu === undefined) entry.missing++;
    else entry.tenThousandths += BigInt(l.quantity) * BigInt(Math.round(hpu * 10_000));
    load.set(key, entry);
  }
  const names = [...new Set([...load.keys(), ...hours.keys()])].sort();
  return names.map((line) => {
    const e = load.get(line) ?? { tenThousandths: 0n, missing: 0 };
    const loadHours = e.missing > 0 ? null : Number(e.tenThousandths) / 10_000_000;
    const capacityHours = hours.get(line) ?? null;
    const loadPct = loadHours === null || capacityHours === null || capacityHours === 0 ? null : (loadHours / capacityHours) * 100;
    return { line, loadHours, missingHours: e.missing, capacityHours, loadPct, over: loadPct !== null && loadPct > 100 };
  });
}

/** Measures the period's production against the applicable approved plans. */
export function computeProduction(ws: Workspace, period: string, asOf: string): ProductionResult {
  const range = productionPeriodRange(period, ws.company?.fiscalYearStartMonth ?? 1);
  if (!range) throw new Error(`not a production period: ${period}`);
  const { from, to } = range;
  const boms = new Map(ws.boms.filter((b) => b.status === 'approved').map((b) => [b.sku, b]));
  const applied = applicablePlanLines(ws.productionPlans, from, to);
  const outputs = ws.productionReports
    .flatMap((report) => report.lines.filter((out) => out.date >= from && out.date <= to && out.date <= asOf).map((out) => ({ report, out })))
    .sort((a, b) => (a.out.date < b.out.date ? -1 : a.out.date > b.out.date ? 1 : a.report.file < b.report.file ? -1 : a.report.file > b.report.file ? 1 : a.out.index - b.out.index));
  const { lines, surplus } = allot(applied, outputs, boms, asOf);
  const plan = lines.reduce((s, l) => s + l.quantity, 0);
  const capped = lines.reduce((s, l) => s + l.good, 0);
  const good = outputs.reduce((s, o) => s + o.out.good, 0);
  const scrap = outputs.reduce((s, o) => s + o.out.scrap, 0);
  const id = <T>(k: T): T => k;
  return {
    period, from, to, asOf, lines,
    surplus: [...surplus].map(([k, qty]) => ({ department: k.split('|')[0]!, sku: k.split('|')[1]!, qty })).sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0)),
    total: attainment(plan, capped, good, scrap),
    byItem: groupBy(lines, outputs, (l) => l.sku, (o) => o.sku, id).map(({ key, a }) => ({ sku: key, ...a })),
    byLine: groupBy<string | null>(lines, outputs, (l) => l.line, (o) => o.line ?? boms.get(o.sku)?.line ?? null, (k) => k ?? '\uffff').map(({ key, a }) => ({ line: key, ...a })),
    byWeek: groupBy(lines, outputs, (l) => isoWeekOf(l.due), (o) => isoWeekOf(o.date), id).map(({ key, a }) => ({ week: key, ...a })),
    capacity: capacityLoads(ws, period, from, to, lines, boms),
  };
}
