// The material plan as report tables (terminal, CSV and the workbook draw these) and as JSON.
// Quantities become numbers in units; money stays in minor units in tables, major units in JSON.
import { fromMilli } from '../domain/quantity.js';
import type { Milli } from '../domain/quantity.js';
import type { MrpPlannedOrder, MrpResult, RequirementSource } from '../domain/mrp/types.js';
import { fromCents } from '../model/money.js';
import type { Cell, Column, Report, Row, Table } from './model.js';

const col = (key: string, header: string, type: Column['type']): Column => ({ key, header, type });
const qty = (m: Milli | null): Cell => (m === null ? null : fromMilli(m));

/** A requirement's origin in words: `production/plans/2026-12.yaml lines[2]` or a parent order id. */
export function describeSource(s: RequirementSource): string {
  return s.type === 'plan' ? `${s.file} lines[${s.index}]` : s.orderId;
}

/** "why was this ordered": each pegged requirement with its quantity, then safety stock and lot surplus. */
export function explainOrder(o: MrpPlannedOrder): string {
  const parts = o.pegging.map((p) => `${describeSource(p.source)} ${p.date}: ${fromMilli(p.qty)}`);
  if (o.restoredSafetyStock > 0) parts.push(`safety stock: ${fromMilli(o.restoredSafetyStock)}`);
  if (o.lotSurplus > 0) parts.push(`lot surplus${o.moqApplied ? ' (moq)' : ''}${o.packApplied ? ' (pack)' : ''}: ${fromMilli(o.lotSurplus)}`);
  return parts.join('; ');
}

/**
 * The planned orders with their pegging; also the CSV output. Without `why` the pegging is left
 * to mrpPeggingTable (the workbook: one row per covered requirement reads and translates better).
 */
export function mrpOrdersTable(r: MrpResult, options: { why?: boolean } = {}): Table {
  const why = options.why ?? true;
  return {
    id: 'mrp-orders',
    title: 'Planned orders',
    caption: `as of ${r.asOf}, horizon ${r.horizonWeeks} weeks to ${r.horizonEnd}; stock of ${r.warehouse ?? '-'} (${r.snapshot?.file ?? 'no snapshot'})`,
    columns: [
      col('id', 'Order', 'text'), col('type', 'Type', 'text'), col('sku', 'SKU', 'text'), col('name', 'Name', 'text'), col('unit', 'Unit', 'text'),
      col('qty', 'Quantity', 'quantity'), col('due', 'Due', 'date'), col('release', 'Release', 'date'), col('expedite', 'Expedite', 'text'),
      col('supplier', 'Supplier', 'text'), col('value', 'Value', 'money'), ...(why ? [col('pegging', 'Covers (why)', 'text')] : []),
    ],
    rows: r.orders.map((o): Row => ({
      cells: {
        id: o.id, type: o.type, sku: o.sku, name: o.name, unit: o.unit, qty: qty(o.qty), due: o.due, release: o.release,
        expedite: o.expedite ? `${o.daysLate} day${o.daysLate === 1 ? "" : "s"} late` : '', supplier: o.supplier, value: o.value, ...(why ? { pegging: explainOrder(o) } : {}),
      },
      tones: o.expedite ? { expedite: 'critical', release: 'critical' } : undefined,
    })),
  };
}

/**
 * Why each order exists: one row per requirement it covers (a plan file and line, or the parent
 * planned order), then the safety stock it restores and its lot surplus; the order's subtotal
 * row is its quantity (Σ covered + safety stock + surplus = quantity). Files, line numbers and
 * order ids sit in their own columns, so the words around them can be translated.
 */
export function mrpPeggingTable(r: MrpResult): Table {
  const rows: Row[] = [];
  for (const o of r.orders) {
    const row = (covers: string, extra: Record<string, Cell>, q: Milli, kind?: Row['kind']): Row => ({ cells: { id: o.id, sku: o.sku, covers, file: null, planLine: null, parent: null, date: null, ...extra, qty: qty(q) }, ...(kind ? { kind } : {}) });
    for (const p of o.pegging) {
      const s = p.source;
      rows.push(s.type === 'plan' ? row('Plan line', { file: s.file, planLine: s.index + 1, date: p.date }, p.qty) : row('Parent order', { parent: s.orderId, date: p.date }, p.qty));
    }
    if (o.restoredSafetyStock > 0) rows.push(row('Safety stock restored', {}, o.restoredSafetyStock));
    if (o.lotSurplus > 0) rows.push(row(`Lot surplus (${[o.moqApplied ? 'MOQ' : '', o.packApplied ? 'pack' : ''].filter(Boolean).join(', ')})`, {}, o.lotSurplus));
    rows.push(row('Order quantity', { date: o.due }, o.qty, 'subtotal'));
  }
  return {
    id: 'mrp-pegging',
    title: 'Pegging: what each planned order covers',
    caption: 'covered requirements (plan line, or the parent planned order) + safety stock restored + lot surplus = order quantity',
    columns: [
      col('id', 'Order', 'text'), col('sku', 'SKU', 'text'), col('covers', 'Covers', 'text'), col('file', 'Plan', 'text'), col('planLine', 'Plan line', 'number'),
      col('parent', 'Parent order', 'text'), col('date', 'Needed on', 'date'), col('qty', 'Quantity', 'quantity'),
    ],
    rows,
  };
}

/** The time-phased plan: one row per sku and ISO week. */
export function mrpWeeksTable(r: MrpResult): Table {
  return {
    id: 'mrp-weeks',
    title: 'Time-phased plan by ISO week',
    caption: 'projected available at the end of each week, after scheduled and planned receipts',
    columns: [
      col('sku', 'SKU', 'text'), col('week', 'Week', 'text'), col('gross', 'Gross req.', 'quantity'), col('scheduledReceipts', 'Sched. receipts', 'quantity'),
      col('projected', 'Projected avail.', 'quantity'), col('plannedReceipts', 'Planned receipts', 'quantity'), col('plannedReleases', 'Planned releases', 'quantity'),
    ],
    rows: r.skus.flatMap((s) => [
      { cells: { sku: s.sku, week: 'start', gross: null, scheduledReceipts: null, projected: qty(s.startAvailable), plannedReceipts: null, plannedReleases: null }, kind: 'subtotal' as const },
      ...s.weeks.map((w): Row => ({
        cells: { sku: s.sku, week: w.week, gross: qty(w.gross), scheduledReceipts: qty(w.scheduledReceipts), projected: qty(w.projected), plannedReceipts: qty(w.plannedReceipts), plannedReleases: qty(w.plannedReleases) },
        tones: w.projected < s.safetyStock ? { projected: 'warn' } : undefined,
      })),
    ]),
  };
}

/** Buy orders per supplier. */
export function mrpSuppliersTable(r: MrpResult): Table {
  return {
    id: 'mrp-suppliers',
    title: 'Purchases by supplier',
    columns: [col('supplier', 'Supplier', 'text'), col('orders', 'Orders', 'number'), col('value', 'Value', 'money'), col('missingCost', 'No unit cost', 'number'), col('earliestRelease', 'First release', 'date')],
    rows: [
      ...r.suppliers.map((s): Row => ({ cells: { supplier: s.supplier ?? '(none)', orders: s.orders, value: s.value, missingCost: s.missingCost, earliestRelease: s.earliestRelease } })),
      { cells: { supplier: 'Total', orders: r.totals.buy, value: r.totals.buyValue, missingCost: r.suppliers.reduce((n, s) => n + s.missingCost, 0), earliestRelease: null }, kind: 'total' },
    ],
  };
}

/** Skus that are needed but could not be planned. */
export function mrpUnplannedTable(r: MrpResult): Table {
  return {
    id: 'mrp-unplanned',
    title: 'Not planned (fix these)',
    columns: [col('sku', 'SKU', 'text'), col('code', 'Code', 'text'), col('chain', 'Needed by', 'text'), col('message', 'Why', 'text')],
    rows: r.unplanned.map((u): Row => ({ cells: { sku: u.sku, code: u.code, chain: u.chain.join(' -> '), message: u.message }, tones: { code: 'critical' } })),
  };
}

/** The whole plan for the terminal. */
export function buildMrpReport(r: MrpResult, currency: string, digits: number): Report {
  return {
    title: `Material plan as of ${r.asOf}`,
    currency,
    digits,
    headline: [
      { label: 'Planned orders', value: r.totals.orders, type: 'number' },
      { label: 'Make orders', value: r.totals.make, type: 'number' },
      { label: 'Buy orders', value: r.totals.buy, type: 'number' },
      { label: 'Expedite', value: r.totals.expedite, type: 'number', tone: r.totals.expedite > 0 ? 'critical' : undefined },
      { label: 'Late receipts', value: r.totals.lateReceipts, type: 'number', tone: r.totals.lateReceipts > 0 ? 'warn' : undefined },
      { label: 'Buy value', value: r.totals.buyValue, type: 'money' },
      { label: 'Not planned', value: r.unplanned.length, type: 'number', tone: r.unplanned.length > 0 ? 'critical' : undefined },
    ],
    tables: [mrpOrdersTable(r), mrpSuppliersTable(r), ...(r.unplanned.length > 0 ? [mrpUnplannedTable(r)] : []), mrpWeeksTable(r)],
  };
}

/** The plan as one JSON document: quantities in units, money in major units (null when missing). */
export function mrpJson(r: MrpResult, digits: number): string {
  const q = (m: Milli): number => fromMilli(m);
  const m = (c: number | null): number | null => (c === null ? null : fromCents(c, digits));
  const doc = {
    version: 1,
    asOf: r.asOf,
    horizonWeeks: r.horizonWeeks,
    horizonEnd: r.horizonEnd,
    warehouse: r.warehouse,
    snapshot: r.snapshot,
    totals: { ...r.totals, buyValue: m(r.totals.buyValue), knownBuyValue: m(r.totals.knownBuyValue) },
    orders: r.orders.map((o) => ({
      ...o, qty: q(o.qty), shortfall: q(o.shortfall), restoredSafetyStock: q(o.restoredSafetyStock), lotSurplus: q(o.lotSurplus), unitCost: m(o.unitCost), value: m(o.value),
      pegging: o.pegging.map((p) => ({ ...p, qty: q(p.qty) })),
    })),
    suppliers: r.suppliers.map((s) => ({ ...s, value: m(s.value), knownValue: m(s.knownValue) })),
    unplanned: r.unplanned,
    skus: r.skus.map((s) => ({
      ...s, onHand: q(s.onHand), reserved: q(s.reserved), startAvailable: q(s.startAvailable), safetyStock: q(s.safetyStock), moq: s.moq === null ? null : q(s.moq), packSize: s.packSize === null ? null : q(s.packSize), endAvailable: q(s.endAvailable),
      requirements: s.requirements.map((x) => ({ ...x, qty: q(x.qty), fromStock: q(x.fromStock), fromReceipts: q(x.fromReceipts), fromOrders: x.fromOrders.map((f) => ({ ...f, qty: q(f.qty) })) })),
      receipts: s.receipts.map((x) => ({ ...x, qty: q(x.qty) })),
      weeks: s.weeks.map((w) => ({ ...w, gross: q(w.gross), scheduledReceipts: q(w.scheduledReceipts), plannedReceipts: q(w.plannedReceipts), plannedReleases: q(w.plannedReleases), projected: q(w.projected) })),
    })),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
