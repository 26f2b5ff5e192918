// Supplier evaluation worked by hand: on-time and in-full from allotted receipts, price
// variance against the inventory unit cost, weights and grades, and suppliers without
// deliveries left unscored (never 0, never 100).
import { describe, expect, it } from 'vitest';
import { computeSuppliers, gradeOf, priceScoreOf, unitCostsAsOf } from '../../src/domain/suppliers.js';
import type { SupplierOptions } from '../../src/domain/suppliers.js';
import type { PurchaseOrder } from '../../src/kinds/purchase-order/types.js';

const po = (id: string, supplier: string, status: PurchaseOrder['status'], lines: [sku: string, qty: number, price: number, due: string][], receipts: [date: string, sku: string, qty: number][]): PurchaseOrder => ({
  file: `purchase-orders/${id}.yaml`,
  id,
  supplier,
  orderedOn: '2026-09-01',
  status,
  lines: lines.map(([sku, qty, unitPrice, due], index) => ({ sku, qty: qty * 1000, unitPrice, due, index })),
  receipts: receipts.map(([date, sku, qty], index) => ({ date, sku, qty: qty * 1000, index })),
});

const ORDERS = [
  // 100 due 11-10: 60 on 11-08 (on time), 40 on 11-12 (late); price 11.00 against a cost of 10.00
  po('P1', 'S1', 'closed', [['A', 100, 1100, '2026-11-10']], [['2026-11-08', 'A', 60], ['2026-11-12', 'A', 40]]),
  // delivered in October only
  po('P2', 'S2', 'closed', [['B', 10, 1000, '2026-10-05']], [['2026-10-05', 'B', 10]]),
  // cancelled: its November line is not owed
  po('P3', 'S3', 'cancelled', [['A', 5, 1000, '2026-11-20']], []),
  // received, but B has no unit cost in this test
  po('P4', 'S4', 'closed', [['C', 10, 500, '2026-11-03']], [['2026-11-03', 'C', 10]]),
];

const options = (months: string[], extra: Partial<SupplierOptions> = {}): SupplierOptions => ({
  months,
  asOf: '2026-11-30',
  thresholds: { weights: { onTime: 40, quality: 40, price: 20 }, grades: { A: 90, B: 75, C: 60 } },
  unitCosts: new Map([['A', 1000], ['B', 1000]]),
  quality: new Map([['S1', { quantity: 100_000, accepted: 90_000 }], ['S2', { quantity: 10_000, accepted: 10_000 }], ['S4', { quantity: 10_000, accepted: 10_000 }]]),
  qualityMissing: false,
  ...extra,
});

describe('computeSuppliers (November 2026)', () => {
  const r = computeSuppliers(ORDERS, options(['2026-11']));
  const row = (s: string) => r.suppliers.find((x) => x.supplier === s)!;

  it('S1: on time 60 of 100 = 60%, in full 0 of 1, delivery 30; price +10% scores 90; quality 90%; score 66 = C', () => {
    const s1 = row('S1');
    expect([s1.received, s1.receivedOnTime, s1.onTimePct, s1.linesDue, s1.linesInFull, s1.inFullPct, s1.deliveryPct]).toEqual([100_000, 60_000, 60, 1, 0, 0, 30]);
    expect([s1.priceVariancePct, s1.priceScore, s1.qualityPct]).toEqual([10, 90, 90]);
    // (40 x 30 + 40 x 90 + 20 x 90) / 100
    expect([s1.score, s1.grade, s1.status]).toEqual([66, 'C', 'scored']);
  });

  it('a supplier with no receipts in the period is not scored, and its months say so', () => {
    expect([row('S2').status, row('S2').score, row('S2').onTimePct]).toEqual(['no-deliveries', null, null]);
    expect([row('S3').status, row('S3').linesDue]).toEqual(['no-deliveries', 0]);
    expect(r.byMonth.filter((m) => m.supplier === 'S2').map((m) => m.status)).toEqual(['no-deliveries']);
  });

  it('a missing criterion leaves the supplier unscored with the reason', () => {
    expect([row('S4').status, row('S4').reason, row('S4').score]).toEqual(['incomplete', 'no inventory unitCost for C', null]);
    const q = computeSuppliers(ORDERS, options(['2026-11'], { qualityMissing: true }));
    expect(q.suppliers.find((x) => x.supplier === 'S1')!.reason).toBe('a quality log of the period is left out for errors');
  });

  it('over a quarter, months without deliveries are skipped, not counted as 0 or 100', () => {
    const quarter = computeSuppliers(ORDERS, options(['2026-10', '2026-11', '2026-12']));
    const s2 = quarter.suppliers.find((x) => x.supplier === 'S2')!;
    // October alone: 10 of 10 on time, 1 of 1 in full, price 0%, quality 100% -> 100 = A
    expect([s2.onTimePct, s2.inFullPct, s2.priceScore, s2.score, s2.grade]).toEqual([100, 100, 100, 100, 'A']);
    expect(quarter.byMonth.filter((m) => m.supplier === 'S2').map((m) => [m.month, m.status])).toEqual([['2026-10', 'delivered'], ['2026-11', 'no-deliveries'], ['2026-12', 'no-deliveries']]);
  });

  it('without a line due in the period, delivery is the on-time % alone', () => {
    const early = computeSuppliers([po('P5', 'S1', 'open', [['A', 10, 1000, '2026-12-05']], [['2026-11-28', 'A', 10]])], options(['2026-11']));
    const s1 = early.suppliers[0]!;
    expect([s1.onTimePct, s1.inFullPct, s1.deliveryPct]).toEqual([100, null, 100]);
  });
});

describe('scores and grades', () => {
  it('clamps the price score: paying below cost scores 100, 120% above scores 0', () => {
    expect([priceScoreOf(-5), priceScoreOf(0), priceScoreOf(12.5), priceScoreOf(120)]).toEqual([100, 100, 87.5, 0]);
  });
  it('grades by non-overlapping bands, lower bound included', () => {
    const g = { A: 90, B: 75, C: 60 };
    expect([90, 89.99, 75, 74.9, 60, 59.99].map((s) => gradeOf(s, g))).toEqual(['A', 'B', 'B', 'C', 'C', 'D']);
  });
  it('takes the unit cost from the latest snapshot on or before the date', () => {
    const inv = [
      { doc: { warehouse: 'w1', asOf: '2026-10-31', items: [{ sku: 'A', unitCost: 9.5 }, { sku: 'B', unitCost: 3 }] } },
      { doc: { warehouse: 'w1', asOf: '2026-11-28', items: [{ sku: 'A', unitCost: 10 }] } },
      { doc: { warehouse: 'w1', asOf: '2026-12-31', items: [{ sku: 'A', unitCost: 11 }] } },
    ];
    expect([...unitCostsAsOf(inv, '2026-11-30', 2)]).toEqual([['A', 1000], ['B', 300]]);
  });
});
