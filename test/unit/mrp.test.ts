// Material planning over a small workspace, every figure worked by hand in the comments.
import { describe, expect, it } from 'vitest';
import { componentQuantity, computeMrp } from '../../src/domain/mrp/compute.js';
import { loadWorkspace } from '../../src/load/load-workspace.js';
import { COMPANY_YAML, makeWorkspace } from '../helpers/run-cli.js';

const INVENTORY = `kind: inventory
version: 1
warehouse: wh1
asOf: 2026-11-20
items:
  - { sku: "FG-A", name: Pump, unit: pcs, onHand: 30, leadTimeDays: 5 }
  - { sku: "SA-B", name: Controller, unit: pcs, onHand: 4, leadTimeDays: 3 }
  - { sku: "RM-C", name: Steel, unit: kg, onHand: 20, safetyStock: 5, leadTimeDays: 10, moq: 50, packSize: 25, supplier: S1, unitCost: 2.5, onOrder: 30 }
  - { sku: "RM-D", name: Wire, unit: kg, onHand: 0, leadTimeDays: 2, supplier: S2, unitCost: 1 }
  - { sku: "FG-E", name: Valve, unit: pcs, onHand: 100, safetyStock: 10, leadTimeDays: 7 }
`;
const BOM_A = 'kind: bom\nversion: 1\nsku: "FG-A"\nname: Pump\nunit: pcs\nstatus: approved\ncomponents:\n  - { sku: "SA-B", qty: 2, unit: pcs }\n  - { sku: "RM-C", qty: 1.5, unit: kg, scrapPct: 10 }\n';
const BOM_B = 'kind: bom\nversion: 1\nsku: "SA-B"\nname: Controller\nunit: pcs\noutput: 10\nstatus: approved\ncomponents:\n  - { sku: "RM-D", qty: 3, unit: kg, scrapPct: 5 }\n';
const plan = (period: string, status: string, lines: string[]): string => `kind: production-plan\nversion: 1\ndepartment: production\nperiod: ${period}\nstatus: ${status}\nlines:\n${lines.map((l) => `  - ${l}\n`).join('')}`;
const line = (sku: string, quantity: number, due: string): string => `{ sku: "${sku}", quantity: ${quantity}, due: ${due}, source: forecast }`;
const PO = 'kind: purchase-order\nversion: 1\nid: PO-1\nsupplier: S1\norderedOn: 2026-11-01\nstatus: open\nlines:\n  - { sku: "RM-C", qty: 30, unitPrice: 2.4, due: 2026-11-15 }\n';

function scenario(extra: Record<string, string> = {}) {
  const dir = makeWorkspace({
    'opsplan.yaml': COMPANY_YAML,
    'inv.yaml': INVENTORY,
    'boms/a.yaml': BOM_A,
    'boms/b.yaml': BOM_B,
    'po.yaml': PO,
    // Lines due before as-of are not demand; the weekly plan replaces the 100 due 12-03.
    'p/2026-11.yaml': plan('2026-11', 'approved', [line('FG-A', 40, '2026-11-18')]),
    'p/2026-12.yaml': plan('2026-12', 'approved', [line('FG-A', 100, '2026-12-03'), line('FG-E', 60, '2026-12-10')]),
    'p/2026-W49.yaml': plan('2026-W49', 'approved', [line('FG-A', 80, '2026-12-02')]),
    'p/2027-01.yaml': plan('2027-01', 'approved', [line('FG-E', 60, '2027-01-08')]),
    'p/2027-02.yaml': plan('2027-02', 'draft', [line('FG-A', 999, '2027-02-01')]),
    ...extra,
  });
  const { workspace, diagnostics } = loadWorkspace(dir);
  return { workspace, diagnostics };
}

const u = (n: number): number => Math.round(n * 1000);

describe('componentQuantity', () => {
  it('multiplies scrap and rounds up to 0.001 per parent order', () => {
    expect(componentQuantity(u(200), u(1), u(1), 10)).toBe(u(220)); // SAP's 200 x 1.10
    expect(componentQuantity(u(7), u(1), u(3), 0)).toBe(u(2.334)); // 2.3333... up
    expect(componentQuantity(u(96), u(3), u(10), 5)).toBe(u(30.24));
  });
});

describe('computeMrp on a two-level workspace', () => {
  it('nets finished goods first, explodes at the release date, and plans buys with lot sizes', () => {
    const { workspace, diagnostics } = scenario();
    expect(diagnostics).toEqual([]);
    const r = computeMrp(workspace, { asOf: '2026-11-20', horizonWeeks: 13 });
    expect(r.horizonEnd).toBe('2027-02-18');
    const orders = Object.fromEntries(r.orders.map((o) => [o.id, o]));
    // FG-A: 30 on hand against the weekly 80 due 12-02 -> make 50, released 5 days earlier (11-27).
    expect(orders['PO-PLAN-FG-A-20261202-1']).toMatchObject({ type: 'make', qty: u(50), release: '2026-11-27', expedite: false });
    // SA-B: 50 x 2 = 100 on 11-27, 4 on hand -> make 96, released 11-24.
    expect(orders['PO-PLAN-SA-B-20261127-1']).toMatchObject({ type: 'make', qty: u(96), release: '2026-11-24' });
    // RM-C: 50 x 1.5 x 1.10 = 82.5 on 11-27; 15 above SS + the late 30 -> 37.5 short -> MOQ 50 (a multiple of 25).
    // Due 11-27 less 10 days = 11-17, before as-of: expedite, 3 days late. 50 x 2.50 = 125.00.
    expect(orders['PO-PLAN-RM-C-20261127-1']).toMatchObject({ type: 'buy', qty: u(50), shortfall: u(37.5), lotSurplus: u(12.5), moqApplied: true, plannedRelease: '2026-11-17', release: '2026-11-20', expedite: true, daysLate: 3, supplier: 'S1', value: 12500 });
    // RM-D: 96 x 3 / 10 x 1.05 = 30.24 on 11-24, nothing on hand -> buy 30.24, released 11-22.
    expect(orders['PO-PLAN-RM-D-20261124-1']).toMatchObject({ type: 'buy', qty: u(30.24), release: '2026-11-22', value: 3024 });
    // FG-E (no BOM: bought): 90 above SS serves December's 60 and 30 of January's 60 -> 30.
    expect(orders['PO-PLAN-FG-E-20270108-1']).toMatchObject({ type: 'buy', qty: u(30), supplier: null, value: null });
    expect(r.orders).toHaveLength(5);
    expect(r.skus.map((s) => [s.sku, s.level])).toEqual([['FG-A', 0], ['FG-E', 0], ['RM-C', 1], ['SA-B', 1], ['RM-D', 2]]);
    expect(r.totals).toEqual({ orders: 5, make: 2, buy: 3, expedite: 1, lateReceipts: 1, buyValue: null, knownBuyValue: 15524 });
    expect(r.suppliers.map((s) => [s.supplier, s.value, s.missingCost])).toEqual([['S1', 12500, 0], ['S2', 3024, 0], [null, null, 1]]);
  });

  it('counts a late purchase order at as-of and explains every order by its pegging', () => {
    const r = computeMrp(scenario().workspace, { asOf: '2026-11-20', horizonWeeks: 13 });
    const rmc = r.skus.find((s) => s.sku === 'RM-C')!;
    expect(rmc.receipts.map((x) => [x.purchaseOrder, x.due, x.date, x.late, x.daysLate, x.qty])).toEqual([['PO-1', '2026-11-15', '2026-11-20', true, 5, u(30)]]);
    expect(rmc.requirements[0]).toMatchObject({ fromStock: u(15), fromReceipts: u(30), fromOrders: [{ orderId: 'PO-PLAN-RM-C-20261127-1', qty: u(37.5) }], chain: ['FG-A', 'RM-C'] });
    for (const o of r.orders) expect(o.pegging.reduce((s, p) => s + p.qty, 0) + o.restoredSafetyStock + o.lotSurplus).toBe(o.qty);
    expect(r.orders.find((o) => o.sku === 'FG-A')!.pegging).toEqual([{ source: expect.objectContaining({ type: 'plan', file: 'p/2026-W49.yaml', index: 0 }), date: '2026-12-02', qty: u(50) }]);
    expect(r.orders.find((o) => o.sku === 'RM-D')!.pegging[0]!.source).toEqual({ type: 'order', orderId: 'PO-PLAN-SA-B-20261127-1', parentSku: 'SA-B' });
    // Time-phased: week of as-of is 2026-W47; FG-A's 80 falls in W49 with the planned 50.
    const fga = r.skus.find((s) => s.sku === 'FG-A')!;
    const w49 = fga.weeks.find((w) => w.week === '2026-W49')!;
    expect([w49.gross, w49.plannedReceipts, w49.projected]).toEqual([u(80), u(50), 0]);
    expect(fga.weeks.find((w) => w.week === '2026-W48')!.plannedReleases).toBe(u(50));
  });

  it('a lead time that crosses a month end releases in the previous month', () => {
    const r = computeMrp(scenario().workspace, { asOf: '2026-11-20', horizonWeeks: 13 });
    const o = r.orders.find((x) => x.sku === 'FG-A')!;
    expect([o.due, o.plannedRelease]).toEqual(['2026-12-02', '2026-11-27']);
  });

  it('lists skus it cannot plan, with the chain, and never buys them', () => {
    const noItem = scenario({ 'boms/b.yaml': BOM_B.replace('RM-D', 'RM-Z') });
    const r1 = computeMrp(noItem.workspace, { asOf: '2026-11-20', horizonWeeks: 13 });
    expect(r1.unplanned.map((x) => [x.sku, x.code, x.chain.join('>')])).toEqual([['RM-Z', 'mrp/no-item', 'FG-A>SA-B>RM-Z']]);
    expect(r1.orders.some((o) => o.sku === 'RM-Z')).toBe(false);
    const unit = computeMrp(scenario({ 'boms/b.yaml': BOM_B.replace('unit: kg', 'unit: g') }).workspace, { asOf: '2026-11-20', horizonWeeks: 13 });
    expect(unit.unplanned.map((x) => [x.sku, x.code])).toEqual([['SA-B', 'mrp/unit-mismatch']]);
    expect(unit.orders.map((o) => o.sku).sort()).toEqual(['FG-A', 'FG-E', 'RM-C']);
    const broken = computeMrp(scenario().workspace, { asOf: '2026-11-20', horizonWeeks: 13, brokenBoms: [{ file: 'boms/a.yaml', sku: 'FG-A' }] });
    expect(broken.unplanned.map((x) => [x.sku, x.code])).toEqual([['FG-A', 'mrp/bom-invalid']]);
    expect(broken.orders.map((o) => o.sku)).toEqual(['FG-E']);
  });

  it('a shorter horizon leaves later plan lines out', () => {
    const r = computeMrp(scenario().workspace, { asOf: '2026-11-20', horizonWeeks: 4 });
    expect(r.horizonEnd).toBe('2026-12-17');
    expect(r.orders.some((o) => o.sku === 'FG-E')).toBe(false);
  });
});
