// Receipts of a purchase order allotted to its lines, and the quantities still open. A
// receipt names a sku, not a line, so where one order has several lines of a sku (deliveries
// on several dates) the receipts fill the earliest-due line first.
import type { PurchaseOrder, PurchaseOrderLine } from '../kinds/purchase-order/types.js';
import type { Milli } from './quantity.js';

/** One line of an order after its receipts are allotted. */
export interface AllottedLine {
  line: PurchaseOrderLine;
  /** Received against this line (thousandths). */
  received: Milli;
  /** qty − received, never below 0. */
  open: Milli;
  /** The receipts (or parts of them) that filled this line, in date order. */
  fills: { date: string; qty: Milli }[];
}

/** An order's lines with their receipts, and what was received beyond all lines of a sku. */
export interface AllottedOrder {
  lines: AllottedLine[];
  /** sku -> quantity received beyond everything ordered (over-delivery). */
  overReceived: Map<string, Milli>;
  /** skus received that the order has no line for. */
  unordered: Map<string, Milli>;
}

/**
 * Allots the receipts dated on or before `upTo` (all when absent) to the order's lines of the
 * same sku by due date (ties: file order), earliest first. Lines are returned in file order.
 */
export function allotReceipts(po: PurchaseOrder, upTo?: string): AllottedOrder {
  const lines: AllottedLine[] = po.lines.map((line) => ({ line, received: 0, open: line.qty, fills: [] }));
  const bySku = new Map<string, AllottedLine[]>();
  for (const l of lines) bySku.set(l.line.sku, [...(bySku.get(l.line.sku) ?? []), l]);
  for (const list of bySku.values()) list.sort((a, b) => (a.line.due < b.line.due ? -1 : a.line.due > b.line.due ? 1 : a.line.index - b.line.index));
  const overReceived = new Map<string, Milli>();
  const unordered = new Map<string, Milli>();
  const receipts = po.receipts.filter((r) => upTo === undefined || r.date <= upTo).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.index - b.index));
  for (const r of receipts) {
    const list = bySku.get(r.sku);
    if (!list) {
      unordered.set(r.sku, (unordered.get(r.sku) ?? 0) + r.qty);
      continue;
    }
    let left = r.qty;
    for (const l of list) {
      if (left === 0) break;
      const take = Math.min(left, l.open);
      if (take === 0) continue;
      l.received += take;
      l.open -= take;
      l.fills.push({ date: r.date, qty: take });
      left -= take;
    }
    if (left > 0) overReceived.set(r.sku, (overReceived.get(r.sku) ?? 0) + left);
  }
  return { lines, overReceived, unordered };
}

/**
 * The quantity still expected per sku from open orders placed on or before `asOf`, counting
 * receipts dated on or before it. Closed and cancelled orders expect nothing more.
 */
export function openOrderQuantities(orders: readonly PurchaseOrder[], asOf: string): Map<string, Milli> {
  const out = new Map<string, Milli>();
  for (const po of orders) {
    if (po.status !== 'open' || po.orderedOn > asOf) continue;
    for (const l of allotReceipts(po, asOf).lines) out.set(l.line.sku, (out.get(l.line.sku) ?? 0) + l.open);
  }
  return out;
}
