// Purchase orders (七.一): what was ordered from suppliers, when it is due, and what arrived.
import { allotReceipts, openOrderQuantities } from '../../domain/purchase-orders.js';
import { formatMilli, toMilli } from '../../domain/quantity.js';
import { productionWarehouseId } from '../company/kind.js';
import { defineKind } from '../kind.js';
import type { CheckContext, NormalizeContext } from '../kind.js';
import type { PurchaseOrder, PurchaseOrderDoc } from './types.js';

function normalizeOrder(raw: unknown, ctx: NormalizeContext): PurchaseOrder {
  const p = raw as PurchaseOrderDoc;
  return {
    file: ctx.file,
    id: p.id,
    supplier: p.supplier,
    orderedOn: p.orderedOn,
    status: p.status,
    lines: p.lines.map((l, index) => ({ sku: l.sku, qty: toMilli(l.qty), unitPrice: ctx.money(l.unitPrice), due: l.due, index })),
    receipts: (p.receipts ?? []).map((r, index) => ({ date: r.date, sku: r.sku, qty: toMilli(r.qty), index })),
  };
}

function checkOrder(ctx: CheckContext, po: PurchaseOrder): void {
  const { report } = ctx;
  for (const l of po.lines) {
    if (l.due < po.orderedOn) report('error', 'purchase-order/due-before-order', `line ${l.index + 1} (${l.sku}) is due ${l.due}, before the order was placed on ${po.orderedOn}; fix the due date or orderedOn`, po.file, ['lines', l.index, 'due']);
  }
  const ordered = new Set(po.lines.map((l) => l.sku));
  for (const r of po.receipts) {
    if (!ordered.has(r.sku)) report('error', 'purchase-order/receipt-unknown-sku', `receipt ${r.index + 1} is of "${r.sku}", which this order has no line for (ordered: ${[...ordered].join(', ')}); fix the sku or book it on its own order`, po.file, ['receipts', r.index, 'sku']);
    else if (r.date < po.orderedOn) report('error', 'purchase-order/receipt-before-order', `receipt ${r.index + 1} (${r.sku}) is dated ${r.date}, before the order was placed on ${po.orderedOn}; fix the date`, po.file, ['receipts', r.index, 'date']);
  }
  for (const [sku, extra] of allotReceipts(po).overReceived) {
    const at = po.receipts.filter((r) => r.sku === sku).pop()!;
    report('warning', 'purchase-order/over-received', `${formatMilli(extra)} of "${sku}" received beyond the ${formatMilli(po.lines.filter((l) => l.sku === sku).reduce((s, l) => s + l.qty, 0))} ordered; add the extra quantity to a line if it was agreed`, po.file, ['receipts', at.index, 'qty']);
  }
}

/**
 * An inventory `onOrder` is what the warehouse believes is coming; the open purchase orders
 * say what is. Where orders exist for a sku, the production warehouse's latest snapshot is
 * compared with the orders' open quantity as of that snapshot's date.
 */
function checkOnOrder(ctx: CheckContext): void {
  const { ws, company, report } = ctx;
  const wh = company ? productionWarehouseId(company) : null;
  if (!wh || ws.purchaseOrders.length === 0) return;
  const snapshot = ws.inventories.filter((i) => i.doc.warehouse === wh).sort((a, b) => (a.doc.asOf < b.doc.asOf ? -1 : a.doc.asOf > b.doc.asOf ? 1 : 0)).pop();
  if (!snapshot) return;
  const skus = new Set(ws.purchaseOrders.filter((p) => p.orderedOn <= snapshot.doc.asOf).flatMap((p) => p.lines.map((l) => l.sku)));
  const open = openOrderQuantities(ws.purchaseOrders, snapshot.doc.asOf);
  snapshot.doc.items.forEach((it, i) => {
    if (!skus.has(it.sku)) return;
    const expected = open.get(it.sku) ?? 0;
    const written = toMilli(it.onOrder ?? 0);
    if (written !== expected) {
      report('warning', 'purchase-order/on-order-mismatch', `onOrder of "${it.sku}" is ${formatMilli(written)}, but its open purchase orders hold ${formatMilli(expected)} as of ${snapshot.doc.asOf}; correct onOrder or the orders' receipts and status (material planning uses the orders, never onOrder)`, snapshot.file, ['items', i, it.onOrder === undefined ? 'sku' : 'onOrder']);
    }
  });
}

function checkOrders(ctx: CheckContext): void {
  const { ws, report, duplicates } = ctx;
  duplicates(ws.purchaseOrders, (p) => p.id, (p, first) => report('error', 'purchase-order/duplicate-id', `purchase order "${p.id}" is also in ${first.file}; order numbers must be unique`, p.file, ['id']));
  for (const po of ws.purchaseOrders) checkOrder(ctx, po);
  checkOnOrder(ctx);
}

/** Purchase orders. */
export const purchaseOrderKind = defineKind({
  id: 'purchase-order',
  collection: 'purchaseOrders',
  title: 'a purchase order: lines with price and due date, and the goods received',
  globs: ['purchase-orders/**/*.yaml'],
  template: {
    path: 'purchase-orders/PO-2026-0001.yaml',
    text: `kind: purchase-order
version: 1
id: PO-2026-0001
supplier: SUP-STEEL
orderedOn: 2026-01-20
status: open
lines:
  - sku: "RM-0001"
    qty: 500
    unitPrice: 6.85
    due: 2026-02-05
receipts: []
`,
  },
  normalize: (doc, ctx): PurchaseOrder => normalizeOrder(doc, ctx),
  check: checkOrders,
});
