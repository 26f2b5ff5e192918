// The stock result as report tables (terminal, CSV and later Excel draw these). Quantities
// become numbers in units (exact decimals of at most 3 places); money stays in cents.
import type { StockAlert, StockResult } from '../domain/stock.js';
import { procurementPlanValue } from '../domain/stock.js';
import { fromMilli } from '../domain/quantity.js';
import type { Milli } from '../domain/quantity.js';
import type { Cell, Column, Report, Row, Table, Tone } from './model.js';

const col = (key: string, header: string, type: Column['type']): Column => ({ key, header, type });
const qty = (m: Milli | null): Cell => (m === null ? null : fromMilli(m));
const tone = (severity: StockAlert['severity']): Tone | undefined => (severity === 'critical' ? 'critical' : severity === 'warn' ? 'warn' : undefined);

/** The item table (one row per warehouse x SKU); also the CSV output. */
export function stockItemsTable(result: StockResult): Table {
  return {
    id: 'stock-items',
    title: 'Stock position',
    caption: `as of ${result.asOf}; projected = onHand + onOrder - reserved`,
    columns: [
      col('warehouse', 'Warehouse', 'text'),
      col('sku', 'SKU', 'text'),
      col('name', 'Name', 'text'),
      col('unit', 'Unit', 'text'),
      col('onHand', 'On hand', 'quantity'),
      col('onOrder', 'On order', 'quantity'),
      col('reserved', 'Reserved', 'quantity'),
      col('projected', 'Projected', 'quantity'),
      col('safetyStock', 'Safety', 'quantity'),
      col('reorderPoint', 'Reorder pt', 'quantity'),
      col('reorderPointSource', 'Pt source', 'text'),
      col('maxStock', 'Max', 'quantity'),
      col('daysOfCover', 'Days cover', 'number'),
      col('stockoutDate', 'Stock-out', 'date'),
      col('orderBy', 'Order by', 'date'),
      col('value', 'Value', 'money'),
      col('abc', 'ABC', 'text'),
      col('health', 'Health', 'text'),
      col('alerts', 'Alerts', 'text'),
    ],
    rows: result.items.map((it): Row => {
      const worst = it.alerts.some((a) => a.severity === 'critical') ? 'critical' : it.alerts.length > 0 ? 'warn' : undefined;
      return {
        cells: {
          warehouse: it.warehouse,
          sku: it.sku,
          name: it.name,
          unit: it.unit,
          onHand: qty(it.onHand),
          onOrder: qty(it.onOrder),
          reserved: qty(it.reserved),
          projected: qty(it.projected),
          safetyStock: qty(it.safetyStock),
          reorderPoint: qty(it.reorderPoint),
          reorderPointSource: it.reorderPointSource,
          maxStock: qty(it.maxStock),
          daysOfCover: it.cover.days === null ? null : Math.round(it.cover.days * 10) / 10,
          stockoutDate: it.cover.stockoutDate,
          orderBy: it.cover.orderBy,
          value: it.value,
          abc: it.abc,
          health: it.health,
          alerts: it.alerts.map((a) => a.code).join(' '),
        },
        tones: worst ? { alerts: worst, sku: worst } : undefined,
      };
    }),
  };
}

function alertsTable(result: StockResult): Table {
  const rows: Row[] = [];
  for (const w of result.warehouses) {
    for (const f of w.findings) rows.push({ cells: { warehouse: w.id, sku: '', alert: f.code, severity: f.severity, detail: f.message }, tones: { alert: 'warn', severity: 'warn' } });
  }
  for (const it of result.items) {
    for (const a of it.alerts) {
      const t = tone(a.severity);
      rows.push({ cells: { warehouse: it.warehouse, sku: it.sku, alert: a.code, severity: a.severity, detail: a.message }, tones: t ? { alert: t, severity: t } : undefined });
    }
    for (const h of it.hints) rows.push({ cells: { warehouse: it.warehouse, sku: it.sku, alert: h.code, severity: h.severity, detail: h.message } });
  }
  return {
    id: 'stock-alerts',
    title: 'Alerts and hints',
    caption: `${result.counts.critical} critical, ${result.counts.warn} warn, ${result.counts.info} info`,
    columns: [col('warehouse', 'Warehouse', 'text'), col('sku', 'SKU', 'text'), col('alert', 'Alert', 'text'), col('severity', 'Severity', 'text'), col('detail', 'Detail', 'text')],
    rows,
  };
}

function countTable(result: StockResult): Table {
  return {
    id: 'stock-counts',
    title: 'Stock counts',
    caption: `tolerance ${result.thresholds.countTolerancePct}% or ${result.thresholds.countToleranceValue / 10 ** result.digits} ${result.currency}; outside = at or beyond either`,
    columns: [
      col('warehouse', 'Warehouse', 'text'),
      col('sku', 'SKU', 'text'),
      col('unit', 'Unit', 'text'),
      col('book', 'Book', 'quantity'),
      col('counted', 'Counted', 'quantity'),
      col('difference', 'Difference', 'quantity'),
      col('differencePct', 'Diff %', 'percent'),
      col('differenceValue', 'Diff value', 'money'),
      col('status', 'Status', 'text'),
    ],
    rows: result.items
      .filter((it) => it.count !== null)
      .map((it) => {
        const c = it.count!;
        const status = c.difference === 0 ? 'match' : c.flagged ? 'outside tolerance' : 'within tolerance';
        return {
          cells: { warehouse: it.warehouse, sku: it.sku, unit: it.unit, book: qty(it.onHand), counted: qty(c.counted), difference: qty(c.difference), differencePct: c.differencePct, differenceValue: c.differenceValue, status },
          tones: c.flagged ? { status: 'warn' } : undefined,
        };
      }),
  };
}

function suggestionsTable(result: StockResult): Table {
  return {
    id: 'stock-suggestions',
    title: 'Reorder suggestions',
    caption: 'need = target - projected; buy = max(need - transfer, moq) rounded up to whole packs',
    columns: [
      col('warehouse', 'Warehouse', 'text'),
      col('sku', 'SKU', 'text'),
      col('status', 'Status', 'text'),
      col('target', 'Target', 'quantity'),
      col('projected', 'Projected', 'quantity'),
      col('need', 'Need', 'quantity'),
      col('transferIn', 'Transfer in', 'quantity'),
      col('quantity', 'Buy', 'quantity'),
      col('rounding', 'Rounding', 'text'),
      col('value', 'Value', 'money'),
      col('orderBy', 'Order by', 'date'),
      col('flags', 'Flags', 'text'),
    ],
    rows: result.items
      .filter((it) => it.suggestion !== null)
      .map((it) => {
        const s = it.suggestion!;
        const rounding = [s.moqApplied ? `moq ${fromMilli(it.moq!)}` : '', s.packApplied ? `pack ${fromMilli(it.packSize!)}` : ''].filter(Boolean).join(', ');
        const flags = [s.exceedsMax ? 'exceeds-max' : '', it.cover.overdue ? 'order-overdue' : ''].filter(Boolean).join(' ');
        return {
          cells: { warehouse: it.warehouse, sku: it.sku, status: s.status, target: qty(s.target), projected: qty(it.projected), need: qty(s.need), transferIn: qty(s.transferIn), quantity: qty(s.quantity), rounding, value: s.value, orderBy: it.cover.orderBy, flags },
          tones: flags ? { flags: 'warn' } : undefined,
        };
      }),
  };
}

function transfersTable(result: StockResult): Table {
  return {
    id: 'stock-transfers',
    title: 'Transfers before buying',
    columns: [col('sku', 'SKU', 'text'), col('name', 'Name', 'text'), col('from', 'From', 'text'), col('to', 'To', 'text'), col('quantity', 'Quantity', 'quantity'), col('unit', 'Unit', 'text'), col('value', 'Value', 'money')],
    rows: result.transfers.map((t) => ({ cells: { sku: t.sku, name: t.name, from: t.from, to: t.to, quantity: qty(t.quantity), unit: t.unit, value: t.value } })),
  };
}

function procurementTable(result: StockResult): Table {
  const rows: Row[] = [];
  for (const g of result.procurementPlan) {
    for (const l of g.lines) rows.push({ cells: { supplier: g.supplier, warehouse: l.warehouse, sku: l.sku, name: l.name, source: l.source === 'mrp' ? 'MRP' : 'reorder point', quantity: qty(l.quantity), unit: l.unit, value: l.value, orderBy: l.orderBy } });
    rows.push({ kind: 'subtotal', cells: { supplier: g.supplier, warehouse: '', sku: '', name: `${g.lines.length} line${g.lines.length === 1 ? '' : 's'}`, source: '', quantity: null, unit: '', value: g.totalValue, orderBy: g.earliestOrderBy } });
  }
  if (result.procurementPlan.length > 0) rows.push({ kind: 'total', cells: { supplier: 'Total', warehouse: '', sku: '', name: '', source: '', quantity: null, unit: '', value: procurementPlanValue(result.procurementPlan), orderBy: null } });
  return {
    id: 'stock-procurement',
    title: 'Procurement plan',
    caption: 'by supplier, one line per warehouse and SKU: reorder point, or MRP (its planned buy orders summed, order by = earliest release); subtotal rows show the earliest order-by date',
    columns: [col('supplier', 'Supplier', 'text'), col('warehouse', 'Warehouse', 'text'), col('sku', 'SKU', 'text'), col('name', 'Name', 'text'), col('source', 'Source', 'text'), col('quantity', 'Quantity', 'quantity'), col('unit', 'Unit', 'text'), col('value', 'Value', 'money'), col('orderBy', 'Order by', 'date')],
    rows,
  };
}

function healthTable(result: StockResult): Table {
  const summaries = [...result.health.warehouses, result.health.company];
  return {
    id: 'stock-health',
    title: 'Health',
    caption: 'under = stockout, below-safety or reorder; over = overstock or slow-moving; ABC: items per warehouse, SKUs for the company',
    columns: [
      col('scope', 'Scope', 'text'),
      col('healthy', 'Healthy', 'number'),
      col('under', 'Under', 'number'),
      col('over', 'Over', 'number'),
      col('healthyValue', 'Healthy value', 'money'),
      col('underValue', 'Under value', 'money'),
      col('overValue', 'Over value', 'money'),
      col('totalValue', 'Total value', 'money'),
      col('a', 'A', 'number'),
      col('b', 'B', 'number'),
      col('c', 'C', 'number'),
    ],
    rows: summaries.map((h) => ({
      kind: h.scope === 'company' ? 'total' : 'detail',
      cells: { scope: h.scope, healthy: h.items.healthy, under: h.items.under, over: h.items.over, healthyValue: h.value.healthy, underValue: h.value.under, overValue: h.value.over, totalValue: h.value.total, a: h.abc.A, b: h.abc.B, c: h.abc.C },
    })),
  };
}

function skuTable(result: StockResult): Table {
  return {
    id: 'stock-sku-totals',
    title: 'Company totals per SKU',
    columns: [
      col('sku', 'SKU', 'text'),
      col('name', 'Name', 'text'),
      col('unit', 'Unit', 'text'),
      col('warehouses', 'Warehouses', 'text'),
      col('onHand', 'On hand', 'quantity'),
      col('onOrder', 'On order', 'quantity'),
      col('reserved', 'Reserved', 'quantity'),
      col('projected', 'Projected', 'quantity'),
      col('value', 'Value', 'money'),
      col('annualUsageValue', 'Annual usage value', 'money'),
      col('abc', 'ABC', 'text'),
    ],
    rows: result.skuTotals.map((t) => ({
      cells: { sku: t.sku, name: t.name, unit: t.unit, warehouses: t.warehouses.join(' '), onHand: qty(t.onHand), onOrder: qty(t.onOrder), reserved: qty(t.reserved), projected: qty(t.projected), value: t.value, annualUsageValue: t.annualUsageValue, abc: t.abc },
    })),
  };
}

function warehousesTable(result: StockResult): Table {
  return {
    id: 'stock-warehouses',
    title: 'Snapshots used',
    caption: `latest on or before ${result.asOf}; stale after ${result.thresholds.staleSnapshotDays} days`,
    columns: [col('warehouse', 'Warehouse', 'text'), col('name', 'Name', 'text'), col('file', 'Snapshot', 'text'), col('asOf', 'As of', 'date'), col('age', 'Age (days)', 'number'), col('status', 'Status', 'text')],
    rows: result.warehouses.map((w) => ({
      cells: { warehouse: w.id, name: w.name, file: w.snapshot?.file ?? null, asOf: w.snapshot?.asOf ?? null, age: w.snapshot?.ageDays ?? null, status: w.findings.map((f) => f.code).join(' ') || 'ok' },
      tones: w.findings.length > 0 ? { status: 'warn' } : undefined,
    })),
  };
}

/** Table ids of the stock report, in order. */
const STOCK_TABLES: [string, (r: StockResult) => Table][] = [
  ['stock-warehouses', warehousesTable],
  ['stock-alerts', alertsTable],
  ['stock-items', stockItemsTable],
  ['stock-counts', countTable],
  ['stock-suggestions', suggestionsTable],
  ['stock-transfers', transfersTable],
  ['stock-procurement', procurementTable],
  ['stock-health', healthTable],
  ['stock-sku-totals', skuTable],
];

/**
 * Builds the stock report: headline counts and every table, or only the tables named in
 * `only` (the workbook shows six of the nine; the item table alone is a row per item).
 */
export function buildStockReport(result: StockResult, only?: ReadonlySet<string>): Report {
  const scope = result.warehouseFilter === null ? 'all warehouses' : `warehouse ${result.warehouseFilter}`;
  return {
    title: `Stock as of ${result.asOf} (${scope})`,
    currency: result.currency,
    digits: result.digits,
    headline: [
      { label: 'Critical alerts', value: result.counts.critical, type: 'number', tone: result.counts.critical > 0 ? 'critical' : undefined },
      { label: 'Warnings', value: result.counts.warn, type: 'number', tone: result.counts.warn > 0 ? 'warn' : undefined },
      { label: 'Hints', value: result.counts.info, type: 'number' },
      { label: `Procurement plan value (${result.currency})`, value: procurementPlanValue(result.procurementPlan), type: 'money' },
    ],
    tables: STOCK_TABLES.filter(([id]) => !only || only.has(id)).map(([, build]) => build(result)),
  };
}
