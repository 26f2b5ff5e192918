// The production chapter's records in `opsplan diff`: BOMs, production plans and reports, and
// purchase orders, compared field by field with quantities in units (as written), not thousandths.
import type { Workspace } from '../../model/workspace.js';
import { fromCents } from '../../model/money.js';
import { fromMilli } from '../quantity.js';
import { recordsSection } from './records.js';
import type { DiffSectionBuilder } from './types.js';

const digits = (ws: Workspace): number => ws.company?.currencyDigits ?? 2;

/** BOMs by file, production plans by department and period, reports by file, purchase orders by id. */
export const productionSections: readonly DiffSectionBuilder[] = [
  recordsSection({
    id: 'boms', title: 'Bills of materials', kind: 'bom', idField: 'file',
    records: (ws) => ws.boms.map((b) => ({ id: b.file, file: b.file, record: { sku: b.sku, name: b.name, unit: b.unit, output: fromMilli(b.output), status: b.status, line: b.line, hoursPerUnit: b.hoursPerUnit, components: b.components.map((c) => ({ sku: c.sku, qty: fromMilli(c.qty), unit: c.unit, scrapPct: c.scrapPct })) } })),
  }),
  recordsSection({
    id: 'production-plans', title: 'Production plans', kind: 'production-plan', idField: 'plan',
    records: (ws) => ws.productionPlans.map((p) => ({ id: `${p.department} ${p.period}`, file: p.file, record: { status: p.status, lines: p.lines.map((l) => ({ sku: l.sku, quantity: fromMilli(l.quantity), due: l.due, source: l.source, ref: l.ref, line: l.line })), capacity: p.capacity.map((c) => ({ line: c.line, hours: c.hours })) } })),
  }),
  recordsSection({
    id: 'production-reports', title: 'Production reports', kind: 'production-report', idField: 'file',
    records: (ws) => ws.productionReports.map((r) => ({ id: r.file, file: r.file, record: { department: r.department, period: r.period, lines: r.lines.map((l) => ({ date: l.date, sku: l.sku, good: fromMilli(l.good), scrap: fromMilli(l.scrap), line: l.line })) } })),
  }),
  recordsSection({
    id: 'purchase-orders', title: 'Purchase orders', kind: 'purchase-order', idField: 'id',
    records: (ws) => ws.purchaseOrders.map((p) => ({ id: p.id, file: p.file, record: { supplier: p.supplier, orderedOn: p.orderedOn, status: p.status, lines: p.lines.map((l) => ({ sku: l.sku, qty: fromMilli(l.qty), unitPrice: fromCents(l.unitPrice, digits(ws)), due: l.due })), receipts: p.receipts.map((r) => ({ date: r.date, sku: r.sku, qty: fromMilli(r.qty) })) } })),
  }),
];
