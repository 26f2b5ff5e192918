// Quality results as report tables (terminal, CSV, workbook) and as JSON.
import { fromMilli } from '../domain/quantity.js';
import type { AcceptanceRow, QualityResult } from '../domain/quality.js';
import type { Column, Report, Row, Table } from './model.js';

const col = (key: string, header: string, type: Column['type']): Column => ({ key, header, type });
const q = (m: number | null): number | null => (m === null ? null : fromMilli(m));
const missingTone = (status: string): Row['tones'] => (status === 'ok' || status === 'filed' ? undefined : { status: 'warn' });

function acceptanceTable(id: string, title: string, rows: readonly AcceptanceRow[], withSupplier: boolean): Table {
  return {
    id,
    title,
    caption: 'a lot counts once, in the period of its first inspection, by its latest result (a re-inspection decides); a concession is not an acceptance',
    columns: [
      col('department', 'Department', 'text'),
      col('stage', 'Stage', 'text'),
      ...(withSupplier ? [col('supplier', 'Supplier', 'text')] : []),
      col('status', 'Status', 'text'),
      col('lots', 'Lots', 'number'),
      col('passedLots', 'Lots passed', 'number'),
      col('lotRatePct', 'Lot acceptance %', 'percent'),
      col('quantity', 'Quantity', 'quantity'),
      col('acceptedQuantity', 'Accepted quantity', 'quantity'),
      col('quantityRatePct', 'Quantity acceptance %', 'percent'),
    ],
    rows: rows.map((r) => ({ cells: { department: r.department, stage: r.stage, supplier: r.supplier, status: r.status, lots: r.lots, passedLots: r.passedLots, lotRatePct: r.lotRatePct, quantity: q(r.quantity), acceptedQuantity: q(r.acceptedQuantity), quantityRatePct: r.quantityRatePct }, tones: missingTone(r.status) })),
  };
}

/** The acceptance-by-stage table (also the CSV of `opsplan quality`). */
export function qualityStageTable(r: QualityResult): Table {
  return acceptanceTable('quality-acceptance', 'Acceptance by stage', r.byStage, false);
}

/** Every table of the quality report. */
export function qualityTables(r: QualityResult): Table[] {
  return [
    qualityStageTable(r),
    acceptanceTable('quality-suppliers', 'Incoming acceptance by supplier', r.bySupplier, true),
    {
      id: 'quality-fpy',
      title: 'Final-inspection first-pass yield by product',
      caption: 'lots passed at their first final inspection / lots first inspected; re-inspections are not first inspections',
      columns: [col('department', 'Department', 'text'), col('sku', 'SKU', 'text'), col('status', 'Status', 'text'), col('firstInspected', 'Lots first inspected', 'number'), col('firstPassed', 'Passed first time', 'number'), col('fpyPct', 'First-pass yield %', 'percent')],
      rows: r.firstPassYield.map((y) => ({ cells: { ...y }, tones: missingTone(y.status) })),
    },
    {
      id: 'quality-ppm',
      title: 'Defect ppm by stage',
      caption: 'ppm = defective quantity / sampled quantity x 1,000,000, over every inspection of the period',
      columns: [col('department', 'Department', 'text'), col('stage', 'Stage', 'text'), col('status', 'Status', 'text'), col('sampled', 'Sampled', 'quantity'), col('defective', 'Defective', 'quantity'), col('ppm', 'ppm', 'number')],
      rows: r.ppm.map((p) => ({ cells: { department: p.department, stage: p.stage, status: p.status, sampled: q(p.sampled), defective: q(p.defective), ppm: p.ppm === null ? null : Math.round(p.ppm) }, tones: missingTone(p.status) })),
    },
    {
      id: 'quality-pareto',
      title: 'Defect Pareto',
      columns: [col('code', 'Defect code', 'text'), col('qty', 'Quantity', 'quantity'), col('sharePct', 'Share %', 'percent'), col('cumulativePct', 'Cumulative %', 'percent')],
      rows: r.pareto.map((p) => ({ cells: { code: p.code, qty: fromMilli(p.qty), sharePct: p.sharePct, cumulativePct: p.cumulativePct } })),
    },
    {
      id: 'quality-open-nc',
      title: 'Open nonconformances',
      caption: 'failed lots with no disposition and no re-inspection yet; age = as-of date - inspection date',
      columns: [col('department', 'Department', 'text'), col('id', 'Inspection', 'text'), col('stage', 'Stage', 'text'), col('date', 'Date', 'date'), col('sku', 'SKU', 'text'), col('lot', 'Lot', 'text'), col('quantity', 'Quantity', 'quantity'), col('ageDays', 'Age (days)', 'number')],
      rows: r.openNonconformances.map((n) => ({ cells: { department: n.department, id: n.id, stage: n.stage, date: n.date, sku: n.sku, lot: n.lot, quantity: fromMilli(n.quantity), ageDays: n.ageDays }, tones: { ageDays: 'warn' } })),
    },
    {
      id: 'quality-trend',
      title: 'Month-over-month trend',
      caption: 'missing: the month\'s log is left out for errors; not-filed: no log',
      columns: [col('department', 'Department', 'text'), col('month', 'Month', 'text'), col('status', 'Status', 'text'), col('lots', 'Lots', 'number'), col('acceptancePct', 'Lot acceptance %', 'percent'), col('fpyPct', 'First-pass yield %', 'percent'), col('ppm', 'ppm', 'number')],
      rows: r.trend.map((t) => ({ cells: { ...t, ppm: t.ppm === null ? null : Math.round(t.ppm) }, tones: missingTone(t.status) })),
    },
  ];
}

/** The quality report: headline figures and the tables. */
export function buildQualityReport(r: QualityResult, currency: string, digits: number): Report {
  return {
    title: `Quality ${r.months[0]}${r.months.length > 1 ? ` .. ${r.months[r.months.length - 1]}` : ''} (as of ${r.asOf})`,
    currency,
    digits,
    headline: [
      { label: 'Lots', value: r.totals.lots, type: 'number' },
      { label: 'Lot acceptance %', value: r.totals.lotRatePct, type: 'percent' },
      { label: 'Final first-pass yield %', value: r.totals.fpyPct, type: 'percent' },
      { label: 'Defect ppm', value: r.totals.ppm === null ? null : Math.round(r.totals.ppm), type: 'number' },
      { label: 'Open nonconformances', value: r.openNonconformances.length, type: 'number', ...(r.openNonconformances.length > 0 ? { tone: 'warn' as const } : {}) },
      { label: 'Missing department-months', value: r.missing.length === 0 ? 'none' : r.missing.map((m) => `${m.department} ${m.month} (${m.file})`).join(', '), type: 'text', ...(r.missing.length > 0 ? { tone: 'warn' as const } : {}) },
    ],
    tables: qualityTables(r),
  };
}

/** JSON of `opsplan quality --format json` (quantities in units, percentages unrounded). */
export function qualityJson(r: QualityResult): unknown {
  const acc = (x: AcceptanceRow): unknown => ({ ...x, quantity: q(x.quantity), acceptedQuantity: q(x.acceptedQuantity) });
  return {
    version: 1,
    months: r.months,
    asOf: r.asOf,
    totals: { ...r.totals, sampled: fromMilli(r.totals.sampled), defective: fromMilli(r.totals.defective) },
    byStage: r.byStage.map(acc),
    bySupplier: r.bySupplier.map(acc),
    firstPassYield: r.firstPassYield,
    ppm: r.ppm.map((p) => ({ ...p, sampled: q(p.sampled), defective: q(p.defective) })),
    pareto: r.pareto.map((p) => ({ ...p, qty: fromMilli(p.qty) })),
    openNonconformances: r.openNonconformances.map((n) => ({ ...n, quantity: fromMilli(n.quantity) })),
    trend: r.trend,
    missing: r.missing,
    flags: r.flags,
  };
}
