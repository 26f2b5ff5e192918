// computeStock and its helpers, checked against figures worked out by hand in each test.
import { describe, expect, it } from 'vitest';
import { computeMrp } from '../../src/domain/mrp/compute.js';
import { checkCount, classifyAbc, computeCover, computeStock, orderQuantity, procurementPlanValue, reachesLevel } from '../../src/domain/stock.js';
import { addDaysTo, dayNumber, dayString, daysBetween } from '../../src/model/date.js';
import type { StockItem } from '../../src/domain/stock.js';
import { ceilToUnit, compareValueTo, formatMilli, fromMilli, roundUpToMultiple, toMilli, valueOf } from '../../src/domain/quantity.js';
import { normalizeCompany } from '../../src/load/load-workspace.js';
import { emptyWorkspace, loadWorkspace } from '../../src/load/load-workspace.js';
import type { CompanyDoc, InventoryItemDoc } from '../../src/model/documents.js';
import type { Workspace } from '../../src/model/workspace.js';
import { ACME } from '../helpers/run-cli.js';
import { renderStockJson, stockJsonChunks } from '../../src/report/stock-json.js';

const COMPANY: CompanyDoc = {
  kind: 'company',
  version: 1,
  company: 'Test',
  currency: 'CNY',
  departments: [{ id: 'ops', name: 'Ops', function: 'operations' }],
  warehouses: [
    { id: 'a', name: 'A' },
    { id: 'b', name: 'B' },
  ],
  thresholds: { stock: { countTolerancePct: 2, countToleranceValue: 500, slowMovingDays: 90, staleSnapshotDays: 45 } },
} as CompanyDoc;

type Snap = { warehouse: string; asOf: string; items: Partial<InventoryItemDoc>[] };

function workspace(snaps: Snap[], company: CompanyDoc = COMPANY): Workspace {
  return {
    ...emptyWorkspace('/x'),
    company: normalizeCompany(company, 'opsplan.yaml'),
    inventories: snaps.map((s) => ({
      file: `inventory/${s.warehouse}/${s.asOf}.yaml`,
      doc: { kind: 'inventory', version: 1, warehouse: s.warehouse, asOf: s.asOf, items: s.items.map((i) => ({ sku: 'X', name: 'x', unit: 'pcs', onHand: 0, ...i })) },
    })),
  };
}

function one(item: Partial<InventoryItemDoc>, asOf = '2026-11-30'): StockItem {
  const r = computeStock(workspace([{ warehouse: 'a', asOf: '2026-11-30', items: [item] }]), { asOf });
  return r.items[0]!;
}

const codes = (it: StockItem): string[] => it.alerts.map((a) => a.code);

describe('quantity arithmetic', () => {
  it('holds 3-decimal quantities exactly', () => {
    expect(0.1 + 0.2).not.toBe(0.3); // the float drift we avoid
    expect(toMilli(0.1) + toMilli(0.2)).toBe(toMilli(0.3));
    expect(fromMilli(toMilli(0.1) + toMilli(0.2))).toBe(0.3);
    expect(toMilli(8395.2)).toBe(8395200);
    expect(toMilli(12.375)).toBe(12375);
    expect(formatMilli(-51600)).toBe('-51.6');
    expect(formatMilli(300)).toBe('0.3');
  });
  it('values quantity x cost in cents, half-up away from zero', () => {
    // 25.3 kg x 18.65 = 471.845 -> 471.85
    expect(valueOf(toMilli(-25.3), 1865)).toBe(-47185);
    expect(valueOf(toMilli(25.3), 1865)).toBe(47185);
    // 0.001 kg x 0.04 = 0.00004 -> 0.00
    expect(valueOf(1, 4)).toBe(0);
    // 1e12 units x 9,999,999.99: beyond 2^53 in thousandths of a cent, still exact
    expect(valueOf(toMilli(1e9), 999999999)).toBe(999999999 * 1e9);
    expect(compareValueTo(toMilli(-25.3), 1865, 47184)).toBe(1);
    expect(compareValueTo(toMilli(-25.3), 1865, 47185)).toBe(-1);
  });
  it('rounds up to units and to pack multiples', () => {
    expect(ceilToUnit(362500)).toBe(363000);
    expect(ceilToUnit(180000)).toBe(180000);
    expect(roundUpToMultiple(251400, 25000)).toBe(275000);
    expect(roundUpToMultiple(250000, 25000)).toBe(250000);
  });
});

describe('dates', () => {
  it('counts calendar days across month and DST-like boundaries', () => {
    expect(daysBetween('2026-07-15', '2026-11-28')).toBe(136); // 16 + 31 + 30 + 31 + 28
    expect(addDaysTo('2026-11-28', 4)).toBe('2026-12-02');
    expect(addDaysTo('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDaysTo('2024-03-01', -1)).toBe('2024-02-29');
  });
  it('converts every day from 1600 to 2400 exactly as the UTC calendar does, both ways', () => {
    // Day numbers are computed arithmetically (no Date per item); Date is the reference here.
    const start = Date.UTC(1600, 0, 1) / 86_400_000;
    const end = Date.UTC(2400, 11, 31) / 86_400_000;
    let checked = 0;
    for (let n = start; n <= end; n++) {
      const iso = new Date(n * 86_400_000).toISOString().slice(0, 10);
      if (dayString(n) !== iso || dayNumber(iso) !== n) throw new Error(`day ${n}: ${dayString(n)} / ${dayNumber(iso)} vs ${iso}`);
      checked++;
    }
    expect(checked).toBe(end - start + 1);
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayString(-1)).toBe('1969-12-31');
    expect(dayString(dayNumber('2000-02-29') + 1)).toBe('2000-03-01');
    expect(dayString(dayNumber('2100-02-28') + 1)).toBe('2100-03-01');
  });
});

describe('alerts and their boundaries', () => {
  it('stockout at onHand 0 only', () => {
    expect(codes(one({ onHand: 0 }))).toContain('stockout');
    expect(codes(one({ onHand: 0.001 }))).not.toContain('stockout');
  });
  it('below-safety is strict: exactly at safety stock is fine', () => {
    expect(codes(one({ onHand: 40, safetyStock: 40 }))).not.toContain('below-safety');
    expect(codes(one({ onHand: 39.999, safetyStock: 40 }))).toContain('below-safety');
  });
  it('reorder fires at projected = reorder point, not above', () => {
    const at = one({ onHand: 650, reserved: 50, reorderPoint: 600 });
    expect(at.projected).toBe(600000);
    expect(codes(at)).toContain('reorder');
    const a = at.alerts.find((x) => x.code === 'reorder')!;
    expect([a.compared, a.actual, a.threshold, a.limit, a.severity]).toEqual(['projected', 600, 'reorderPoint', 600, 'warn']);
    expect(codes(one({ onHand: 650.001, reserved: 50, reorderPoint: 600 }))).not.toContain('reorder');
  });
  it('overstock is strict, with excess quantity and value', () => {
    expect(codes(one({ onHand: 300, maxStock: 300 }))).not.toContain('overstock');
    const over = one({ onHand: 460, maxStock: 300, unitCost: 356.2 });
    expect(codes(over)).toContain('overstock');
    expect(over.excess).toBe(160000);
    expect(over.excessValue).toBe(160 * 35620); // 56,992.00
  });
  it('no max means no overstock and no reorder point means no reorder', () => {
    const it1 = one({ onHand: 1e6, safetyStock: 5 });
    expect(codes(it1)).toEqual([]);
    expect(it1.reorderPoint).toBeNull();
  });
  it('slow-moving after more than slowMovingDays, valued at onHand x cost', () => {
    // snapshot 2026-11-30; 90 days before is 2026-09-01
    expect(codes(one({ onHand: 5, lastMovement: '2026-09-01' }))).not.toContain('slow-moving');
    const slow = one({ onHand: 5, unitCost: 10, lastMovement: '2026-08-31' });
    expect(slow.daysSinceMovement).toBe(91);
    expect(codes(slow)).toContain('slow-moving');
    expect(slow.value).toBe(5000);
    expect(codes(one({ onHand: 0, lastMovement: '2020-01-01' }))).not.toContain('slow-moving');
  });
});

describe('reorder point', () => {
  it('computes ceil(usage x lead + safety) when not declared', () => {
    const it1 = one({ onHand: 420, reserved: 80, safetyStock: 100, avgDailyUsage: 12.5, leadTimeDays: 21 });
    expect(it1.computedReorderPoint).toBe(363000); // 262.5 + 100 = 362.5 -> 363
    expect(it1.reorderPointSource).toBe('computed');
    expect(codes(it1)).toContain('reorder'); // 340 <= 363
  });
  it('hints at drift above 20%, not at exactly 20%', () => {
    // computed 8 x 15 + 60 = 180; 20% of 180 = 36
    const hint = (rp: number): number => one({ onHand: 1000, reorderPoint: rp, safetyStock: 60, avgDailyUsage: 8, leadTimeDays: 15 }).hints.length;
    expect(hint(216)).toBe(0);
    expect(hint(144)).toBe(0);
    expect(hint(216.001)).toBe(1);
    expect(hint(143.999)).toBe(1);
    const drift = one({ onHand: 1000, reorderPoint: 500, safetyStock: 60, avgDailyUsage: 8, leadTimeDays: 15 });
    expect(drift.reorderPointDriftPct).toBeCloseTo((320 / 180) * 100, 10);
  });
  it('zero usage: computed point is the safety stock, cover is null', () => {
    const it1 = one({ onHand: 38, avgDailyUsage: 0, leadTimeDays: 14 });
    expect(it1.computedReorderPoint).toBe(0);
    expect(it1.cover).toEqual({ days: null, stockoutDate: null, orderBy: null, overdue: false });
    expect(it1.hints).toEqual([]);
  });
});

describe('count discrepancies', () => {
  const t = { countTolerancePct: 2, countToleranceValue: 50000 };
  it('flags at exactly the percent tolerance (outside = at or beyond)', () => {
    // 1000 book, 980 counted: exactly 2%; value 20 x 1.00 = 20 < 500
    const at = checkCount(toMilli(1000), toMilli(980), 100, t);
    expect(at.differencePct).toBe(-2);
    expect(at.flagged).toBe(true);
    const inside = checkCount(toMilli(1000), toMilli(980.001), 100, t);
    expect(inside.flagged).toBe(false);
  });
  it('flags at exactly the value tolerance', () => {
    // 1% of 1000 = 10 pcs x 50.00 = 500.00 exactly
    expect(checkCount(toMilli(1000), toMilli(990), 5000, t).flagged).toBe(true);
    expect(checkCount(toMilli(1000), toMilli(990), 4999, t).flagged).toBe(false); // 499.90
  });
  it('book 0: percent null and always flagged; equal counts never', () => {
    const c = checkCount(0, toMilli(3), 85, t);
    expect(c).toEqual({ counted: 3000, difference: 3000, differencePct: null, differenceValue: 255, flagged: true });
    expect(checkCount(0, 0, 85, t).flagged).toBe(false);
  });
  it('fractional quantities: 25.3 kg short of 8420.5 at 18.65', () => {
    const c = checkCount(toMilli(8420.5), toMilli(8395.2), 1865, t);
    expect(c.difference).toBe(-25300);
    expect(c.differencePct).toBeCloseTo((-25.3 / 8420.5) * 100, 12);
    expect(c.differenceValue).toBe(-47185);
    expect(c.flagged).toBe(false);
  });
});

describe('cover', () => {
  it('floors days of cover for the stock-out date and subtracts lead time', () => {
    // 180 / 55 = 3.27 -> 3 days -> 2026-12-01; minus 10 -> 2026-11-21 (< 2026-11-30: overdue)
    expect(computeCover(toMilli(180), toMilli(55), 10, '2026-11-28', '2026-11-30')).toEqual({ days: 180 / 55, stockoutDate: '2026-12-01', orderBy: '2026-11-21', overdue: true });
    // order-by equal to the as-of date is not overdue
    const c = computeCover(toMilli(100), toMilli(10), 10, '2026-11-20', '2026-11-20');
    expect([c.stockoutDate, c.orderBy, c.overdue]).toEqual(['2026-11-30', '2026-11-20', false]);
  });
});

describe('reorder suggestions', () => {
  it('raises to moq then rounds up to whole packs', () => {
    expect(orderQuantity(toMilli(190), toMilli(250), toMilli(40))).toEqual({ quantity: 280000, moqApplied: true, packApplied: true });
    expect(orderQuantity(toMilli(251.4), toMilli(50), toMilli(25))).toEqual({ quantity: 275000, moqApplied: false, packApplied: true });
    expect(orderQuantity(toMilli(250), toMilli(250), toMilli(50))).toEqual({ quantity: 250000, moqApplied: false, packApplied: false });
  });
  it('orders up to max and flags when packs push above it', () => {
    const s = one({ onHand: 310, safetyStock: 150, reorderPoint: 350, maxStock: 500, avgDailyUsage: 10, leadTimeDays: 20, unitCost: 12.6, moq: 250, packSize: 40 }).suggestion!;
    expect(s.status).toBe('order');
    expect([s.target, s.need, s.quantity]).toEqual([500000, 190000, 280000]);
    expect(s.exceedsMax).toBe(true); // 310 + 280 = 590 > 500
    expect(s.value).toBe(280 * 1260); // 3,528.00
  });
  it('without max orders up to reorder point + usage x lead', () => {
    const s = one({ onHand: 10, reorderPoint: 50, avgDailyUsage: 2.5, leadTimeDays: 4 }).suggestion!;
    expect(s.target).toBe(60000);
    expect(s.quantity).toBe(50000);
    expect(s.exceedsMax).toBe(false);
  });
  it('covered by open orders: no buy', () => {
    const s = one({ onHand: 120, onOrder: 200, reserved: 20, reorderPoint: 120, maxStock: 400 }).suggestion!;
    expect(s.status).toBe('covered-by-open-orders');
    expect(s.quantity).toBe(0);
    // at the point with max below the point: need <= 0
    const s2 = one({ onHand: 50, reorderPoint: 60, maxStock: 40 }).suggestion!;
    expect([s2.status, s2.need, s2.quantity]).toEqual(['covered-by-open-orders', -10000, 0]);
  });
  it('fractional quantities sum exactly: 0.1 + 0.2 kg', () => {
    const it1 = one({ unit: 'kg', onHand: 0.1, onOrder: 0.2, reorderPoint: 0.3, maxStock: 1, unitCost: 10 });
    expect(it1.projected).toBe(300);
    expect(codes(it1)).toContain('reorder'); // 0.3 <= 0.3 exactly
    expect(it1.suggestion!.quantity).toBe(700);
    expect(it1.suggestion!.value).toBe(700);
  });
});

describe('across warehouses', () => {
  const snaps: Snap[] = [
    { warehouse: 'a', asOf: '2026-11-28', items: [{ sku: 'P', onHand: 460, reserved: 10, reorderPoint: 100, maxStock: 300, unitCost: 356.2 }] },
    { warehouse: 'b', asOf: '2026-11-27', items: [{ sku: 'P', onHand: 25, reserved: 5, safetyStock: 30, reorderPoint: 90, maxStock: 250, unitCost: 356.2 }] },
  ];
  it('moves excess above max before buying, and buys the rest', () => {
    const r = computeStock(workspace(snaps), { asOf: '2026-11-30' });
    expect(r.transfers).toEqual([{ sku: 'P', name: 'x', unit: 'pcs', from: 'a', to: 'b', quantity: 160000, value: 5699200 }]);
    const b = r.items.find((i) => i.warehouse === 'b')!.suggestion!;
    expect([b.need, b.transferIn, b.buyNeed, b.quantity, b.value]).toEqual([230000, 160000, 70000, 70000, 70 * 35620]);
    expect(r.skuTotals[0]).toMatchObject({ sku: 'P', onHand: 485000, reserved: 15000, projected: 470000, value: 485 * 35620 });
    expect(r.procurementPlan).toEqual([{ supplier: '(none)', lines: [expect.objectContaining({ warehouse: 'b', quantity: 70000, source: 'reorder-point', orders: [] })], totalValue: 2493400, knownValue: 2493400, earliestOrderBy: null }]);
  });
  it('replaces the buy when the transfer covers the whole need', () => {
    const big = structuredClone(snaps);
    big[0]!.items[0]!.onHand = 600; // excess 300 >= need 230
    const r = computeStock(workspace(big), { asOf: '2026-11-30' });
    const b = r.items.find((i) => i.warehouse === 'b')!.suggestion!;
    expect([b.status, b.transferIn, b.quantity]).toEqual(['covered-by-transfer', 230000, 0]);
    expect(r.procurementPlan).toEqual([]);
  });
  it('--warehouse keeps transfers touching it and that warehouse only', () => {
    const r = computeStock(workspace(snaps), { asOf: '2026-11-30', warehouse: 'b' });
    expect(r.items.map((i) => i.warehouse)).toEqual(['b']);
    expect(r.transfers).toHaveLength(1);
    expect(r.health.warehouses.map((h) => h.scope)).toEqual(['b']);
  });
});

describe('snapshots', () => {
  it('uses the latest on or before as-of, flags stale and missing ones', () => {
    const r = computeStock(
      workspace([
        { warehouse: 'a', asOf: '2026-10-01', items: [{ onHand: 1 }] },
        { warehouse: 'a', asOf: '2026-10-15', items: [{ onHand: 2 }] },
        { warehouse: 'a', asOf: '2026-12-01', items: [{ onHand: 3 }] },
      ]),
      { asOf: '2026-11-30' },
    );
    expect(r.items.map((i) => i.onHand)).toEqual([2000]);
    expect(r.warehouses[0]!.snapshot!.ageDays).toBe(46);
    expect(r.warehouses[0]!.findings.map((f) => f.code)).toEqual(['stale-snapshot']);
    expect(r.warehouses[1]!.findings.map((f) => f.code)).toEqual(['no-snapshot']);
    // exactly 45 days old is not stale
    const r2 = computeStock(workspace([{ warehouse: 'a', asOf: '2026-10-16', items: [{ onHand: 1 }] }]), { asOf: '2026-11-30' });
    expect(r2.warehouses[0]!.findings).toEqual([]);
  });
});

describe('ABC and health', () => {
  it('classes by cumulative share before the item: A < 80%, B < 95%', () => {
    const e = [
      { k: 'a', v: 70 },
      { k: 'b', v: 15 },
      { k: 'c', v: 10 },
      { k: 'd', v: 5 },
      { k: 'z', v: 0 },
    ];
    // Given out of order: the classes come back in the entries' order.
    const shuffled = [e[3]!, e[0]!, e[4]!, e[2]!, e[1]!];
    // before: a 0%, b 70%, c 85%, d 95%
    expect(classifyAbc(shuffled, (x) => x.v)).toEqual(['C', 'A', 'C', 'B', 'A']);
    expect(classifyAbc(e, (x) => x.v)).toEqual(['A', 'A', 'B', 'C', 'C']);
  });
  it('ties share a class; all zero is all C', () => {
    const e = [
      { k: 'a', v: 80 },
      { k: 'b', v: 10 },
      { k: 'c', v: 10 },
    ];
    // b starts at 80% -> B; c ties with b -> B (though it starts at 90%)
    expect(classifyAbc(e, (x) => x.v)).toEqual(['A', 'B', 'B']);
    expect(classifyAbc([{ k: 'a', v: 0 }], (x) => x.v)).toEqual(['C']);
  });
  it('gives each entry the class of the cumulative share before the first entry of its value (random, with ties and huge values)', () => {
    // The rule as written, entry by entry: the sum of the larger values decides.
    const reference = (values: number[]): string[] => {
      const total = BigInt(values.slice().sort((a, b) => b - a).reduce((s, v) => s + v, 0));
      return values.map((v) => {
        if (v <= 0 || total === 0n) return 'C';
        const before = values.filter((u) => u > v).reduce((s, u) => s + BigInt(u), 0n);
        return before * 100n < total * 80n ? 'A' : before * 100n < total * 95n ? 'B' : 'C';
      });
    };
    let seed = 7;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 40; round++) {
      const scale = round % 4 === 0 ? 2 ** 40 : 1;
      const values = Array.from({ length: 1 + next(60) }, () => (next(5) === 0 ? 0 : (1 + next(30)) * scale));
      expect(classifyAbc(values, (v) => v)).toEqual(reference(values));
    }
  });
  it('sums healthy / under / over items and value', () => {
    const r = computeStock(
      workspace([
        {
          warehouse: 'a',
          asOf: '2026-11-30',
          items: [
            { sku: 'H', onHand: 10, unitCost: 1, avgDailyUsage: 1 },
            { sku: 'U', onHand: 1, safetyStock: 5, unitCost: 2, maxStock: 0.5 },
            { sku: 'O', onHand: 10, maxStock: 5, unitCost: 3 },
          ],
        },
      ]),
      { asOf: '2026-11-30' },
    );
    // U is both below safety and over max: under wins
    expect(r.items.map((i) => i.health)).toEqual(['healthy', 'under', 'over']);
    expect(r.health.company.items).toEqual({ healthy: 1, under: 1, over: 1, total: 3 });
    expect(r.health.company.value).toEqual({ healthy: 1000, under: 200, over: 3000, total: 4200 });
    expect(reachesLevel(r, 'critical')).toBe(true);
  });
});

describe('examples/acme as of 2026-11-30', () => {
  const r = computeStock(loadWorkspace(ACME).workspace, { asOf: '2026-11-30' });
  const get = (w: string, sku: string): StockItem => r.items.find((i) => i.warehouse === w && i.sku === sku)!;
  it('shows every alert type, the drift hint and the transfer', () => {
    const all = new Set(r.items.flatMap((i) => codes(i)));
    expect([...all].sort()).toEqual(['below-safety', 'count-discrepancy', 'order-overdue', 'overstock', 'reorder', 'slow-moving', 'stockout']);
    expect(get('wh-east', 'RM-GSK-EPDM').hints.map((h) => h.code)).toEqual(['reorder-point-drift']);
    expect(r.transfers.map((t) => [t.sku, t.from, t.to, fromMilli(t.quantity)])).toEqual([['FG-1001', 'wh-east', 'wh-south', 160]]);
  });
  it('has the figures of the README', () => {
    expect(codes(get('wh-east', 'RM-CU-WIRE'))).toEqual(['stockout', 'below-safety', 'reorder', 'order-overdue']);
    expect(get('wh-east', 'RM-BRG-6204').projected).toBe(120000);
    expect(codes(get('wh-east', 'RM-SEAL-NBR'))).toEqual(['reorder']);
    expect(get('wh-east', 'RM-PVC-GRN').suggestion).toMatchObject({ need: 190000, quantity: 280000, moqApplied: true, packApplied: true });
    expect(get('wh-east', 'RM-MTR-750').suggestion!.status).toBe('covered-by-open-orders');
    expect(get('wh-south', 'CS-TAPE-48').suggestion!.status).toBe('covered-by-open-orders');
    expect(get('wh-south', 'CS-FILM-23').suggestion).toMatchObject({ need: 251400, quantity: 275000 });
    const alu = get('wh-east', 'RM-ALU-6061').count!;
    expect([alu.difference, alu.differenceValue, alu.flagged]).toEqual([-51600, -241488, true]);
    expect(alu.differencePct).toBeCloseTo(-4.128, 12);
    const seal = get('wh-south', 'SP-SEAL-MK').count!;
    expect([seal.difference, seal.differenceValue, seal.flagged]).toEqual([-12000, -106200, true]);
    for (const [w, sku, diff, value] of [
      ['wh-east', 'RM-STL-304', -25300, -47185],
      ['wh-east', 'PK-CTN-S', -40000, -15600],
      ['wh-east', 'CS-CUT-OIL', -700, -1743],
      ['wh-south', 'FG-HOSE-25', -5500, -10120],
    ] as const) {
      expect(get(w, sku).count).toMatchObject({ difference: diff, differenceValue: value, flagged: false });
    }
    expect(get('wh-east', 'CS-GLV-NTR').count).toMatchObject({ differencePct: null, differenceValue: 255, flagged: true });
    expect(get('wh-east', 'FG-3100').daysSinceMovement).toBe(136);
    expect(get('wh-east', 'FG-0900').daysSinceMovement).toBe(200);
    // 1,200 kg x 78.30 + 1,400 x 2.40 + 280 x 12.60 + 2,900 x 6.85 + 700 x 96.40 + 3,000 x 0.85 + 275 x 11.80 + 70 x 356.20
    const total = 93960 + 3360 + 3528 + 19865 + 67480 + 2550 + 3245 + 24934;
    expect(procurementPlanValue(r.procurementPlan)).toBe(total * 100);
  });
});

describe('examples/acme with MRP as of 2026-11-30 (production warehouse wh-east)', () => {
  const ws = loadWorkspace(ACME).workspace;
  const mrp = computeMrp(ws, { asOf: '2026-11-30', horizonWeeks: 13 });
  const r = computeStock(ws, { asOf: '2026-11-30', mrp });
  const get = (w: string, sku: string): StockItem => r.items.find((i) => i.warehouse === w && i.sku === sku)!;
  it('leaves the skus MRP plans out of reorder-point buying in wh-east only', () => {
    // MRP plans the plan items FG-1001, FG-2040, their components, FG-3100 and its components.
    expect(r.items.filter((i) => i.plannedByMrp).map((i) => i.sku).sort()).toEqual(mrp.skus.map((s) => s.sku).sort());
    expect(new Set(r.items.filter((i) => i.plannedByMrp).map((i) => i.warehouse))).toEqual(new Set(['wh-east']));
    expect(get('wh-south', 'FG-1001').plannedByMrp).toBe(false);
    // What the reorder point would have asked stays visible; nothing is bought from it.
    expect(get('wh-east', 'RM-CU-WIRE').suggestion).toMatchObject({ status: 'planned-by-mrp', need: 1200000, quantity: 0, value: 0 });
    expect(get('wh-east', 'RM-SEAL-NBR').suggestion).toMatchObject({ status: 'planned-by-mrp', need: 1400000, quantity: 0 });
    // Alerts are facts and do not change: 8 critical, 19 warn, 1 hint as without MRP.
    expect(r.counts).toEqual({ critical: 8, warn: 19, info: 1 });
  });
  it('gives no transfer out of stock MRP has netted: wh-south buys FG-1001 itself', () => {
    expect(r.transfers).toEqual([]);
    // need 250 − 20 = 230, no moq or pack: 230 × 356.20 = 81,926.00
    expect(get('wh-south', 'FG-1001').suggestion).toMatchObject({ status: 'order', transferIn: 0, quantity: 230000, value: 8192600 });
  });
  it('lists each warehouse and sku once, MRP buys summed, with the source', () => {
    const lines = r.procurementPlan.flatMap((g) => g.lines.map((l) => [g.supplier, l.warehouse, l.sku, l.source, fromMilli(l.quantity), l.value, l.orderBy, l.orders.length]));
    expect(lines).toEqual([
      // 125 kg due 11-30 + 100 kg due 12-19, at 78.30: 9,787.50 + 7,830.00; earliest release 11-30
      ['SUP-JXCOPPER', 'wh-east', 'RM-CU-WIRE', 'mrp', 225, 1761750, '2026-11-30', 2],
      ['SUP-SINOPEC', 'wh-east', 'RM-PVC-GRN', 'reorder-point', 280, 352800, '2026-12-09', 0],
      // MOQ 1,000 × 6.85, expedited to 11-30
      ['SUP-SKF', 'wh-east', 'RM-BRG-6204', 'mrp', 1000, 685000, '2026-11-30', 1],
      ['SUP-XIYUE', 'wh-east', 'CS-GLV-NTR', 'reorder-point', 3000, 255000, '2026-11-21', 0],
      ['SUP-YONGXIN', 'wh-south', 'CS-FILM-23', 'reorder-point', 275, 324500, '2026-12-05', 0],
      ['(none)', 'wh-south', 'FG-1001', 'reorder-point', 230, 8192600, '2026-11-19', 0],
    ]);
    // 218,922.00 − 93,960 + 17,617.50 − 3,360 − 19,865 + 6,850 − 67,480 − 24,934 + 81,926
    expect(procurementPlanValue(r.procurementPlan)).toBe(11571650);
    const keys = lines.map((l) => `${l[1]}|${l[2]}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
  it('keeps the reorder point in the other warehouse, and a missing MRP cost is missing, not zero', () => {
    const south = computeStock(ws, { asOf: '2026-11-30', mrp, warehouse: 'wh-south' });
    expect(south.procurementPlan.flatMap((g) => g.lines.map((l) => l.source))).toEqual(['reorder-point', 'reorder-point']);
    const noCost = structuredClone(mrp);
    noCost.orders.find((o) => o.sku === 'RM-CU-WIRE' && o.qty === 100000)!.value = null;
    const plan = computeStock(ws, { asOf: '2026-11-30', mrp: noCost }).procurementPlan;
    const copper = plan.find((g) => g.supplier === 'SUP-JXCOPPER')!;
    expect([copper.lines[0]!.value, copper.totalValue, copper.knownValue]).toEqual([null, null, 978750]);
    expect(procurementPlanValue(plan)).toBeNull();
  });
});

describe('stock JSON written piece by piece', () => {
  const ws = loadWorkspace(ACME).workspace;
  it('is exactly JSON.stringify(document, null, 2), for all warehouses, one, and none with items', () => {
    for (const warehouse of [undefined, 'wh-east', 'wh-south']) {
      const text = renderStockJson(computeStock(ws, { asOf: '2026-11-30', ...(warehouse ? { warehouse } : {}) }));
      const doc = JSON.parse(text) as { items: unknown[] };
      expect(doc.items.length).toBeGreaterThan(0);
      expect(text).toBe(`${JSON.stringify(doc, null, 2)}\n`);
    }
    // Before any snapshot: no items at all.
    const empty = renderStockJson(computeStock(ws, { asOf: '2020-01-01' }));
    expect((JSON.parse(empty) as { items: unknown[] }).items).toEqual([]);
    expect(empty).toBe(`${JSON.stringify(JSON.parse(empty), null, 2)}\n`);
  });
  it('comes in pieces: one per item between the head and the tail', () => {
    const r = computeStock(ws, { asOf: '2026-11-30' });
    expect([...stockJsonChunks(r)]).toHaveLength(r.items.length + 3);
  });
});
