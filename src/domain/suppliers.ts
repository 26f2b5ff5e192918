// Supplier evaluation (七.一.3): per supplier and period, from purchase-order receipts and
// incoming inspections: on-time delivery, in-full, quality acceptance and price, a weighted
// score and a grade. A supplier with no receipts in the period is not scored, so months
// without deliveries never count as 0 or 100 (ERPNext #31597). Pure.
import type { PurchaseOrder } from '../kinds/purchase-order/types.js';
import { toCents } from '../model/money.js';
import type { Cents } from '../model/money.js';
import { lastDayOfMonth } from '../model/period.js';
import type { MonthId } from '../model/period.js';
import type { SupplierThresholds } from '../model/workspace.js';
import { allotReceipts } from './purchase-orders.js';
import type { Milli } from './quantity.js';

/** Incoming quality of one supplier in the period (lot quantities). */
export interface SupplierQuality {
  quantity: Milli;
  accepted: Milli;
}

/** What to compute. */
export interface SupplierOptions {
  months: readonly MonthId[];
  asOf: string;
  thresholds: SupplierThresholds;
  /** Inventory unit cost per sku (minor units) as of the date; absent = unknown. */
  unitCosts: ReadonlyMap<string, Cents>;
  /** Incoming acceptance per supplier over the period (from the quality logs). */
  quality: ReadonlyMap<string, SupplierQuality>;
  /** A quality log of the period was left out: no supplier's quality is known. */
  qualityMissing: boolean;
}

/** scored; no-deliveries: nothing received in the period; incomplete: a criterion cannot be computed. */
export type SupplierStatus = 'scored' | 'no-deliveries' | 'incomplete';

/** One supplier over the period. */
export interface SupplierRow {
  supplier: string;
  status: SupplierStatus;
  /** Why a supplier with deliveries is not scored. */
  reason: string | null;
  received: Milli;
  receivedOnTime: Milli;
  onTimePct: number | null;
  linesDue: number;
  linesInFull: number;
  inFullPct: number | null;
  /** Average of on-time % and in-full % (on-time % alone when no line was due in the period). */
  deliveryPct: number | null;
  inspected: Milli | null;
  accepted: Milli | null;
  qualityPct: number | null;
  /** Value-weighted: Σ (unitPrice − unitCost) × qty ÷ Σ unitCost × qty × 100 over the receipts. */
  priceVariancePct: number | null;
  /** max(0, 100 − max(0, price variance %)). */
  priceScore: number | null;
  score: number | null;
  grade: 'A' | 'B' | 'C' | 'D' | null;
}

/** One supplier in one month of the period. */
export interface SupplierMonth {
  supplier: string;
  month: MonthId;
  status: 'delivered' | 'no-deliveries';
  received: Milli;
  onTimePct: number | null;
}

/** Everything `opsplan suppliers` shows. */
export interface SupplierResult {
  months: MonthId[];
  asOf: string;
  thresholds: SupplierThresholds;
  suppliers: SupplierRow[];
  byMonth: SupplierMonth[];
  flags: { critical: number; warn: number };
}

/** The grade of a score: the first band whose lower bound it reaches. */
export function gradeOf(score: number, g: SupplierThresholds['grades']): 'A' | 'B' | 'C' | 'D' {
  return score >= g.A ? 'A' : score >= g.B ? 'B' : score >= g.C ? 'C' : 'D';
}

/** max(0, 100 − max(0, variance %)): paying below the standard cost never scores above 100. */
export function priceScoreOf(variancePct: number): number {
  return Math.max(0, 100 - Math.max(0, variancePct));
}

interface Tally {
  received: Milli;
  onTime: Milli;
  linesDue: number;
  linesInFull: number;
  priceDiff: number;
  priceBase: number;
  unpriced: Set<string>;
  monthly: Map<MonthId, { received: Milli; onTime: Milli }>;
}

function tallyOrders(orders: readonly PurchaseOrder[], options: SupplierOptions): Map<string, Tally> {
  const { months, asOf } = options;
  const first = `${months[0]!}-01`;
  const last = lastDayOfMonth(months[months.length - 1]!);
  const inPeriod = (d: string): boolean => d >= first && d <= last && d <= asOf;
  const out = new Map<string, Tally>();
  for (const po of orders) {
    const t = out.get(po.supplier) ?? { received: 0, onTime: 0, linesDue: 0, linesInFull: 0, priceDiff: 0, priceBase: 0, unpriced: new Set<string>(), monthly: new Map() };
    out.set(po.supplier, t);
    for (const l of allotReceipts(po, asOf).lines) {
      // A cancelled order's lines are no longer owed: they are not judged for in-full.
      if (po.status !== 'cancelled' && inPeriod(l.line.due)) {
        t.linesDue += 1;
        const byDue = l.fills.filter((f) => f.date <= l.line.due).reduce((a, f) => a + f.qty, 0);
        if (byDue >= l.line.qty) t.linesInFull += 1;
      }
      for (const f of l.fills) {
        if (!inPeriod(f.date)) continue;
        const onTime = f.date <= l.line.due ? f.qty : 0;
        t.received += f.qty;
        t.onTime += onTime;
        const m = t.monthly.get(f.date.slice(0, 7)) ?? { received: 0, onTime: 0 };
        t.monthly.set(f.date.slice(0, 7), m);
        m.received += f.qty;
        m.onTime += onTime;
        const cost = options.unitCosts.get(l.line.sku);
        if (cost === undefined || cost === 0) t.unpriced.add(l.line.sku);
        else {
          // qty is in thousandths and prices in cents: both sums carry the same scale.
          t.priceDiff += (l.line.unitPrice - cost) * f.qty;
          t.priceBase += cost * f.qty;
        }
      }
    }
  }
  return out;
}

function scoreRow(supplier: string, t: Tally, options: SupplierOptions): SupplierRow {
  const pct = (a: number, b: number): number | null => (b === 0 ? null : (a / b) * 100);
  const onTimePct = pct(t.onTime, t.received);
  const inFullPct = pct(t.linesInFull, t.linesDue);
  const deliveryPct = onTimePct === null ? null : inFullPct === null ? onTimePct : (onTimePct + inFullPct) / 2;
  const q = options.qualityMissing ? undefined : options.quality.get(supplier);
  const qualityPct = q === undefined ? null : pct(q.accepted, q.quantity);
  const priceVariancePct = t.unpriced.size > 0 || t.priceBase === 0 ? null : (t.priceDiff / t.priceBase) * 100;
  const priceScore = priceVariancePct === null ? null : priceScoreOf(priceVariancePct);
  const base = { supplier, received: t.received, receivedOnTime: t.onTime, onTimePct, linesDue: t.linesDue, linesInFull: t.linesInFull, inFullPct, deliveryPct, inspected: q?.quantity ?? null, accepted: q?.accepted ?? null, qualityPct, priceVariancePct, priceScore };
  if (t.received === 0) return { ...base, status: 'no-deliveries', reason: null, score: null, grade: null };
  const reason = qualityPct === null
    ? options.qualityMissing ? 'a quality log of the period is left out for errors' : 'no incoming inspection of its lots in the period'
    : priceScore === null ? `no inventory unitCost for ${[...t.unpriced].sort().join(', ')}` : null;
  if (reason !== null) return { ...base, status: 'incomplete', reason, score: null, grade: null };
  const w = options.thresholds.weights;
  const score = (w.onTime * deliveryPct! + w.quality * qualityPct! + w.price * priceScore!) / 100;
  return { ...base, status: 'scored', reason: null, score, grade: gradeOf(score, options.thresholds.grades) };
}

/** Computes the supplier evaluation of the period. */
export function computeSuppliers(orders: readonly PurchaseOrder[], options: SupplierOptions): SupplierResult {
  const tallies = tallyOrders(orders.filter((o) => o.orderedOn <= options.asOf), options);
  // Suppliers only inspected (no order in the workspace) are listed too: with no receipts, unscored.
  for (const s of options.quality.keys()) if (!tallies.has(s)) tallies.set(s, { received: 0, onTime: 0, linesDue: 0, linesInFull: 0, priceDiff: 0, priceBase: 0, unpriced: new Set(), monthly: new Map() });
  const names = [...tallies.keys()].sort();
  const suppliers = names.map((s) => scoreRow(s, tallies.get(s)!, options));
  const byMonth: SupplierMonth[] = names.flatMap((s) =>
    options.months.map((month): SupplierMonth => {
      const m = tallies.get(s)!.monthly.get(month);
      return m ? { supplier: s, month, status: 'delivered', received: m.received, onTimePct: (m.onTime / m.received) * 100 } : { supplier: s, month, status: 'no-deliveries', received: 0, onTimePct: null };
    }),
  );
  return {
    months: [...options.months],
    asOf: options.asOf,
    thresholds: options.thresholds,
    suppliers,
    byMonth,
    flags: { critical: 0, warn: suppliers.filter((r) => r.grade === 'D' || r.status === 'incomplete').length },
  };
}

/**
 * The standard unit cost of each sku (minor units) from the latest snapshot on or before
 * `asOf` that gives one; among snapshots of one date, the first warehouse in id order.
 */
export function unitCostsAsOf(inventories: readonly { doc: { warehouse: string; asOf: string; items: readonly { sku: string; unitCost?: number }[] } }[], asOf: string, digits: number): Map<string, Cents> {
  const snaps = inventories.filter((i) => i.doc.asOf <= asOf).sort((a, b) => b.doc.asOf.localeCompare(a.doc.asOf) || a.doc.warehouse.localeCompare(b.doc.warehouse));
  const out = new Map<string, Cents>();
  for (const s of snaps) for (const it of s.doc.items) if (it.unitCost !== undefined && !out.has(it.sku)) out.set(it.sku, toCents(it.unitCost, digits));
  return out;
}
