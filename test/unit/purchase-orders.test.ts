// Receipts allotted to purchase-order lines, worked by hand.
import { describe, expect, it } from 'vitest';
import { allotReceipts, openOrderQuantities } from '../../src/domain/purchase-orders.js';
import type { PurchaseOrder } from '../../src/kinds/purchase-order/types.js';

const po = (over: Partial<PurchaseOrder> = {}): PurchaseOrder => ({
  file: 'po.yaml',
  id: 'PO-1',
  supplier: 'S',
  orderedOn: '2026-11-01',
  status: 'open',
  // File order: the later line first, so allotment must sort by due date.
  lines: [
    { sku: 'A', qty: 50_000, unitPrice: 100, due: '2026-12-10', index: 0 },
    { sku: 'A', qty: 100_000, unitPrice: 100, due: '2026-11-20', index: 1 },
    { sku: 'B', qty: 10_000, unitPrice: 100, due: '2026-11-20', index: 2 },
  ],
  receipts: [
    { date: '2026-11-25', sku: 'A', qty: 30_000, index: 0 },
    { date: '2026-11-21', sku: 'A', qty: 90_000, index: 1 },
  ],
  ...over,
});

describe('allotReceipts', () => {
  it('fills the earliest-due line of a sku first, receipts in date order', () => {
    const a = allotReceipts(po());
    // 90 (11-21) fills 90 of the 100 due 11-20; 30 (11-25) fills its last 10, then 20 of the 50.
    expect(a.lines.map((l) => [l.line.index, l.received, l.open])).toEqual([[0, 20_000, 30_000], [1, 100_000, 0], [2, 0, 10_000]]);
    expect(a.lines[1]!.fills).toEqual([{ date: '2026-11-21', qty: 90_000 }, { date: '2026-11-25', qty: 10_000 }]);
    expect(a.overReceived.size).toBe(0);
  });

  it('counts only receipts up to a date, and keeps the excess and unordered skus apart', () => {
    expect(allotReceipts(po(), '2026-11-24').lines.map((l) => l.open)).toEqual([50_000, 10_000, 10_000]);
    const extra = allotReceipts(po({ receipts: [{ date: '2026-11-21', sku: 'A', qty: 160_000, index: 0 }, { date: '2026-11-21', sku: 'Z', qty: 1000, index: 1 }] }));
    expect(extra.overReceived.get('A')).toBe(10_000);
    expect(extra.unordered.get('Z')).toBe(1000);
  });

  it('open quantities: only open orders placed by the date', () => {
    const orders = [po(), po({ id: 'PO-2', status: 'closed' }), po({ id: 'PO-3', orderedOn: '2026-12-01' })];
    expect(openOrderQuantities(orders, '2026-11-30')).toEqual(new Map([['A', 30_000], ['B', 10_000]]));
  });
});
