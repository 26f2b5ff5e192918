// The Production and Material Plan sheets' tables, from acme's results (figures in test/e2e/mrp.test.ts
// and README, "opsplan mrp" / "opsplan production").
import { describe, expect, it } from 'vitest';
import { computeMrp } from '../../src/domain/mrp/compute.js';
import { computeProduction } from '../../src/domain/production.js';
import { loadWorkspace } from '../../src/load/load-workspace.js';
import { materialPlanSheet, productionSheet } from '../../src/report/production-sheets.js';
import { ACME } from '../helpers/run-cli.js';

const ws = loadWorkspace(ACME).workspace;

describe('Material Plan sheet', () => {
  const mrp = computeMrp(ws, { asOf: '2026-11-30', horizonWeeks: 13 });
  const sheet = materialPlanSheet(mrp, 'CNY', 2);
  const table = (id: string) => sheet.tables.find((t) => t.id === id)!;
  it('pegs every order: covered requirements + safety stock + lot surplus = its quantity', () => {
    const rows = table('mrp-pegging').rows.filter((r) => r.cells.id === 'PO-PLAN-RM-BRG-6204-20261209-1');
    // 64 for CP-40's December order, 220 and 100 for January's, 280 back to safety stock 400, 336 of the MOQ left.
    expect(rows.map((r) => [r.cells.covers, r.cells.parent, r.cells.qty, r.kind ?? 'detail'])).toEqual([
      ['Parent order', 'PO-PLAN-FG-2040-20261223-1', 64, 'detail'],
      ['Parent order', 'PO-PLAN-FG-1001-20270115-1', 220, 'detail'],
      ['Parent order', 'PO-PLAN-FG-2040-20270122-1', 100, 'detail'],
      ['Safety stock restored', null, 280, 'detail'],
      ['Lot surplus (MOQ)', null, 336, 'detail'],
      ['Order quantity', null, 1000, 'subtotal'],
    ]);
    // FG-1001's make order covers January's plan line 180 less what stock left: file and 1-based line.
    const fg = table('mrp-pegging').rows.find((r) => r.cells.id === 'PO-PLAN-FG-1001-20270115-1' && r.cells.covers === 'Plan line')!;
    expect([fg.cells.file, fg.cells.planLine, fg.cells.date]).toEqual(['production/plans/2027-01.yaml', 1, '2027-01-15']);
    for (const o of mrp.orders) {
      const mine = table('mrp-pegging').rows.filter((r) => r.cells.id === o.id);
      const parts = mine.filter((r) => r.kind !== 'subtotal').reduce((s, r) => s + Math.round((r.cells.qty as number) * 1000), 0);
      expect(parts).toBe(o.qty);
      expect(mine.filter((r) => r.kind === 'subtotal')).toHaveLength(1);
    }
  });
  it('lists the orders without the inline why, and purchases by supplier', () => {
    expect(table('mrp-orders').columns.map((c) => c.key)).not.toContain('pegging');
    expect(table('mrp-orders').rows).toHaveLength(9);
    expect(table('mrp-suppliers').rows.at(-1)!.cells).toMatchObject({ supplier: 'Total', orders: 3, value: 2446750 });
    expect(sheet.headline!.find((h) => h.label === 'Expedite')!.value).toBe(3);
    expect(sheet.tables.some((t) => t.id === 'mrp-unplanned')).toBe(false);
  });
});

describe('Production sheet', () => {
  const sheet = productionSheet(computeProduction(ws, '2026-11', '2026-11-30'), 'CNY', 2);
  it('shows attainment, the late lines and capacity of the month', () => {
    expect(sheet.tables.map((t) => t.id)).toEqual(['production-items', 'production-by-line', 'production-weeks', 'production-late', 'production-capacity', 'production-lines', 'production-surplus']);
    expect(sheet.headline!.find((h) => h.label === 'Attainment')!.value).toBe(96.7);
    const late = sheet.tables.find((t) => t.id === 'production-late')!;
    expect(late.rows).toHaveLength(2);
    expect(late.rows.every((r) => r.cells.status === 'late')).toBe(true);
    const lines = sheet.tables.find((t) => t.id === 'production-lines')!;
    expect(lines.columns.map((c) => c.key).slice(0, 3)).toEqual(['file', 'planLine', 'sku']);
    expect(lines.rows.every((r) => !String(r.cells.file).includes('lines['))).toBe(true);
    const capacity = sheet.tables.find((t) => t.id === 'production-capacity')!;
    expect(capacity.rows.filter((r) => r.tones?.loadPct === 'critical').map((r) => [r.cells.line, r.cells.loadPct])).toEqual([['LINE-B', 125], ['LINE-C', 180]]);
  });
});
