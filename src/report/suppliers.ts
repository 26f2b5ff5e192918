// Supplier evaluation as report tables and JSON.
import { fromMilli } from '../domain/quantity.js';
import type { SupplierResult } from '../domain/suppliers.js';
import type { Column, Report, Row, Table, Tone } from './model.js';

const col = (key: string, header: string, type: Column['type']): Column => ({ key, header, type });
const q = (m: number | null): number | null => (m === null ? null : fromMilli(m));
const GRADE_TONE: Record<string, Tone> = { A: 'favourable', C: 'warn', D: 'critical' };

function toneOf(grade: string | null, status: string): Pick<Row, 'tones'> {
  const t = grade === null ? undefined : GRADE_TONE[grade];
  if (t !== undefined) return { tones: { grade: t, score: t } };
  return status === 'incomplete' ? { tones: { status: 'warn' } } : {};
}

/** The scorecard (also the CSV of `opsplan suppliers`). */
export function supplierScoreTable(r: SupplierResult): Table {
  const w = r.thresholds.weights;
  const g = r.thresholds.grades;
  return {
    id: 'suppliers',
    title: 'Supplier evaluation',
    caption: `score = (${w.onTime} x delivery + ${w.quality} x quality + ${w.price} x price) / 100; delivery = average of on-time % and in-full %; grades A >= ${g.A}, B >= ${g.B}, C >= ${g.C}, else D; no receipts in the period: not scored`,
    columns: [
      col('supplier', 'Supplier', 'text'),
      col('status', 'Status', 'text'),
      col('received', 'Received', 'quantity'),
      col('onTimePct', 'On-time %', 'percent'),
      col('linesDue', 'Lines due', 'number'),
      col('inFullPct', 'In-full %', 'percent'),
      col('deliveryPct', 'Delivery %', 'percent'),
      col('qualityPct', 'Quality acceptance %', 'percent'),
      col('priceVariancePct', 'Price variance %', 'percent'),
      col('priceScore', 'Price score', 'number'),
      col('score', 'Score', 'number'),
      col('grade', 'Grade', 'text'),
      col('reason', 'Not scored because', 'text'),
    ],
    rows: r.suppliers.map((s): Row => ({
      cells: { supplier: s.supplier, status: s.status, received: q(s.received), onTimePct: s.onTimePct, linesDue: s.linesDue, inFullPct: s.inFullPct, deliveryPct: s.deliveryPct, qualityPct: s.qualityPct, priceVariancePct: s.priceVariancePct, priceScore: s.priceScore === null ? null : Math.round(s.priceScore * 100) / 100, score: s.score === null ? null : Math.round(s.score * 100) / 100, grade: s.grade, reason: s.reason },
      ...toneOf(s.grade, s.status),
    })),
  };
}

/** Every table of the supplier report. */
export function supplierTables(r: SupplierResult): Table[] {
  return [
    supplierScoreTable(r),
    {
      id: 'suppliers-by-month',
      title: 'Deliveries by month',
      caption: 'months without deliveries are shown, and skipped by the score',
      columns: [col('supplier', 'Supplier', 'text'), col('month', 'Month', 'text'), col('status', 'Status', 'text'), col('received', 'Received', 'quantity'), col('onTimePct', 'On-time %', 'percent')],
      rows: r.byMonth.map((m) => ({ cells: { supplier: m.supplier, month: m.month, status: m.status, received: fromMilli(m.received), onTimePct: m.onTimePct } })),
    },
  ];
}

/** The supplier report. */
export function buildSupplierReport(r: SupplierResult, currency: string, digits: number): Report {
  const scored = r.suppliers.filter((s) => s.status === 'scored');
  return {
    title: `Suppliers ${r.months[0]}${r.months.length > 1 ? ` .. ${r.months[r.months.length - 1]}` : ''} (as of ${r.asOf})`,
    currency,
    digits,
    headline: [
      { label: 'Suppliers scored', value: `${scored.length} of ${r.suppliers.length}`, type: 'text' },
      ...(['A', 'B', 'C', 'D'] as const).map((g) => ({ label: `Grade ${g}`, value: scored.filter((s) => s.grade === g).length, type: 'number' as const, ...(g === 'D' && scored.some((s) => s.grade === 'D') ? { tone: 'critical' as const } : {}) })),
    ],
    tables: supplierTables(r),
  };
}

/** JSON of `opsplan suppliers --format json` (quantities in units). */
export function supplierJson(r: SupplierResult): unknown {
  return {
    version: 1,
    months: r.months,
    asOf: r.asOf,
    thresholds: r.thresholds,
    suppliers: r.suppliers.map((s) => ({ ...s, received: fromMilli(s.received), receivedOnTime: fromMilli(s.receivedOnTime), inspected: q(s.inspected), accepted: q(s.accepted) })),
    byMonth: r.byMonth.map((m) => ({ ...m, received: fromMilli(m.received) })),
    flags: r.flags,
  };
}
