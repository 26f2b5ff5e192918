// Production attainment as report tables and JSON. Quantities in units; percentages as numbers.
import type { Attainment, ProductionResult } from '../domain/production.js';
import { fromMilli } from '../domain/quantity.js';
import { roundRates } from './json-rates.js';
import type { Cell, Column, Report, Row, Table } from './model.js';

const col = (key: string, header: string, type: Column['type']): Column => ({ key, header, type });
const round1 = (v: number | null): Cell => (v === null ? null : Math.round(v * 10) / 10);

const ATTAINMENT_COLUMNS = [col('plan', 'Plan', 'quantity'), col('capped', 'Made for plan', 'quantity'), col('good', 'Good', 'quantity'), col('scrap', 'Scrap', 'quantity'), col('attainmentPct', 'Attainment %', 'percent'), col('uncappedPct', 'Uncapped %', 'percent'), col('scrapRatePct', 'Scrap rate %', 'percent')];

function attainmentCells(a: Attainment): Record<string, Cell> {
  return { plan: fromMilli(a.plan), capped: fromMilli(a.capped), good: fromMilli(a.good), scrap: fromMilli(a.scrap), attainmentPct: round1(a.attainmentPct), uncappedPct: round1(a.uncappedPct), scrapRatePct: round1(a.scrapRatePct) };
}

/** One row per applicable plan line; also the CSV output. */
export function productionLinesTable(r: ProductionResult): Table {
  return {
    id: 'production-lines',
    title: 'Plan lines',
    caption: `${r.period} (${r.from} .. ${r.to}), output up to ${r.asOf}; approved plans, weekly over monthly`,
    columns: [col('file', 'Plan', 'text'), col('sku', 'SKU', 'text'), col('line', 'Line', 'text'), col('source', 'Source', 'text'), col('due', 'Due', 'date'), col('quantity', 'Quantity', 'quantity'), col('goodOnTime', 'On time', 'quantity'), col('good', 'Good', 'quantity'), col('completionPct', 'Complete %', 'percent'), col('status', 'Status', 'text')],
    rows: r.lines.map((l): Row => ({
      cells: { file: `${l.file} lines[${l.index}]`, sku: l.sku, line: l.line, source: l.source, due: l.due, quantity: fromMilli(l.quantity), goodOnTime: fromMilli(l.goodOnTime), good: fromMilli(l.good), completionPct: round1(l.completionPct), status: l.status },
      tones: l.status === 'late' ? { status: 'critical' } : l.status === 'done' ? { status: 'favourable' } : undefined,
    })),
  };
}

/** Attainment by item, production line and week, capacity load, and surplus. */
export function productionTables(r: ProductionResult): Table[] {
  const group = (id: string, title: string, keyCol: Column, rows: { key: Cell; a: Attainment }[]): Table => ({
    id, title, columns: [keyCol, ...ATTAINMENT_COLUMNS],
    rows: [...rows.map((x): Row => ({ cells: { [keyCol.key]: x.key, ...attainmentCells(x.a) } })), { cells: { [keyCol.key]: 'Total', ...attainmentCells(r.total) }, kind: 'total' }],
  });
  return [
    productionLinesTable(r),
    group('production-items', 'Attainment by item', col('sku', 'SKU', 'text'), r.byItem.map((x) => ({ key: x.sku, a: x }))),
    group('production-by-line', 'Attainment by production line', col('line', 'Line', 'text'), r.byLine.map((x) => ({ key: x.line ?? '(none)', a: x }))),
    group('production-weeks', 'Attainment by week', col('week', 'Week', 'text'), r.byWeek.map((x) => ({ key: x.week, a: x }))),
    {
      id: 'production-capacity',
      title: 'Capacity load',
      caption: 'load = Σ quantity × hoursPerUnit of the plan lines; over 100% is flagged',
      columns: [col('line', 'Line', 'text'), col('loadHours', 'Load h', 'number'), col('capacityHours', 'Capacity h', 'number'), col('loadPct', 'Load %', 'percent'), col('missingHours', 'No hours/unit', 'number')],
      rows: r.capacity.map((c): Row => ({ cells: { line: c.line, loadHours: c.loadHours, capacityHours: c.capacityHours, loadPct: round1(c.loadPct), missingHours: c.missingHours }, tones: c.over ? { loadPct: 'critical' } : undefined })),
    },
    {
      id: 'production-surplus',
      title: 'Output beyond the plan (surplus)',
      columns: [col('department', 'Department', 'text'), col('sku', 'SKU', 'text'), col('qty', 'Surplus', 'quantity')],
      rows: r.surplus.map((s): Row => ({ cells: { department: s.department, sku: s.sku, qty: fromMilli(s.qty) } })),
    },
  ];
}

/** The terminal report. */
export function buildProductionReport(r: ProductionResult, currency: string, digits: number): Report {
  return {
    title: `Production ${r.period} as of ${r.asOf}`,
    currency,
    digits,
    headline: [
      { label: 'Attainment', value: round1(r.total.attainmentPct), type: 'percent' },
      { label: 'Uncapped', value: round1(r.total.uncappedPct), type: 'percent' },
      { label: 'Scrap rate', value: round1(r.total.scrapRatePct), type: 'percent' },
      { label: 'Late lines', value: r.lines.filter((l) => l.status === 'late').length, type: 'number', tone: r.lines.some((l) => l.status === 'late') ? 'critical' : undefined },
      { label: 'Lines over capacity', value: r.capacity.filter((c) => c.over).length, type: 'number', tone: r.capacity.some((c) => c.over) ? 'critical' : undefined },
    ],
    tables: productionTables(r),
  };
}

/** The result as JSON: quantities in units, `...Pct` rounded to 2 decimals like every command's JSON (null when undefined). */
export function productionJson(r: ProductionResult): string {
  const a = (x: Attainment): Record<string, unknown> => ({ ...x, plan: fromMilli(x.plan), capped: fromMilli(x.capped), good: fromMilli(x.good), scrap: fromMilli(x.scrap) });
  const doc = {
    version: 1,
    period: r.period, from: r.from, to: r.to, asOf: r.asOf,
    total: a(r.total),
    lines: r.lines.map((l) => ({ ...l, quantity: fromMilli(l.quantity), goodOnTime: fromMilli(l.goodOnTime), good: fromMilli(l.good) })),
    byItem: r.byItem.map(a), byLine: r.byLine.map(a), byWeek: r.byWeek.map(a),
    capacity: r.capacity,
    surplus: r.surplus.map((s) => ({ ...s, qty: fromMilli(s.qty) })),
  };
  return JSON.stringify(roundRates(doc), null, 2) + '\n';
}
