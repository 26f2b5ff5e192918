// `opsplan stock` through the built bin/opsplan on examples/acme and small fixtures.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACME, COMPANY_YAML, makeWorkspace, runOpsplan, tempDir } from '../helpers/run-cli.js';

const inventory = (warehouse: string, asOf: string, items: string): string => `kind: inventory
version: 1
warehouse: ${warehouse}
asOf: ${asOf}
items:
${items}`;

describe('opsplan stock on examples/acme', () => {
  it('prints every table and exits 0 without --fail-on', () => {
    const r = runOpsplan(['stock', ACME, '--as-of', '2026-11-30']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    for (const title of ['Snapshots used', 'Alerts and hints', 'Stock position', 'Stock counts', 'Reorder suggestions', 'Transfers before buying', 'Procurement plan', 'Health', 'Company totals per SKU']) {
      expect(r.stdout).toContain(title);
    }
    expect(r.stdout).toContain('Critical alerts: 8');
    // MRP plans RM-CU-WIRE, RM-BRG-6204, RM-SEAL-NBR, RM-PCB-CTL in wh-east (was 218,922.00 by reorder point alone)
    expect(r.stdout).toContain('Procurement plan value (CNY): 115,716.50');
    expect(r.stdout).toMatch(/SUP-SKF +│ wh-east +│ RM-BRG-6204 .*│ MRP +│ +1000 │/);
    expect(r.stdout).toMatch(/RM-SEAL-NBR +│ planned-by-mrp/);
    expect(r.stdout).toMatch(/RM-PVC-GRN.*moq 250, pack 40/);
    expect(r.stdout).toMatch(/RM-GSK-EPDM.*reorder-point-drift/);
  });

  it('colours only when asked: FORCE_COLOR colours, --no-color wins', () => {
    const coloured = runOpsplan(['stock', ACME, '--as-of', '2026-11-30'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(coloured.stdout).toContain('\u001b[');
    const plain = runOpsplan(['stock', ACME, '--as-of', '2026-11-30', '--no-color'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(plain.stdout).not.toContain('\u001b[');
  });

  it('writes JSON with alerts, suggestions, plan, transfers and health', () => {
    const r = runOpsplan(['stock', ACME, '--as-of', '2026-11-30', '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect([doc.version, doc.kind, doc.currency, doc.asOf, doc.warehouse]).toEqual([1, 'stock', 'CNY', '2026-11-30', null]);
    expect(doc.counts).toEqual({ critical: 8, warn: 19, info: 1 });
    const item = (w: string, sku: string) => doc.items.find((i: { warehouse: string; sku: string }) => i.warehouse === w && i.sku === sku);
    expect(item('wh-east', 'RM-ALU-6061').count).toEqual({ counted: 1198.4, difference: -51.6, differencePct: -4.13, differenceValue: -2414.88, flagged: true });
    expect(item('wh-east', 'RM-STL-304').count.differenceValue).toBe(-471.85);
    expect(item('wh-south', 'CS-FILM-23').suggestion).toMatchObject({ status: 'order', need: 251.4, quantity: 275, packApplied: true, exceedsMax: true, value: 3245 });
    expect(item('wh-east', 'FG-1001').alerts[0]).toMatchObject({ code: 'overstock', compared: 'onHand', actual: 460, threshold: 'maxStock', limit: 300 });
    expect(item('wh-east', 'FG-1001').excessValue).toBe(56992);
    // wh-east's FG-1001 above max is MRP's (netted against the plans), so it is not transferred.
    expect(item('wh-east', 'FG-1001').plannedByMrp).toBe(true);
    expect(doc.transfers).toEqual([]);
    const none = doc.procurementPlan.find((g: { supplier: string }) => g.supplier === '(none)');
    expect(none).toMatchObject({ totalValue: 81926, knownValue: 81926, earliestOrderBy: '2026-11-19' });
    const copper = doc.procurementPlan.find((g: { supplier: string }) => g.supplier === 'SUP-JXCOPPER');
    expect(copper.lines).toEqual([{ warehouse: 'wh-east', sku: 'RM-CU-WIRE', name: 'Enamelled copper wire, 0.8 mm', unit: 'kg', source: 'mrp', quantity: 225, value: 17617.5, orderBy: '2026-11-30', exceedsMax: false, orders: ['PO-PLAN-RM-CU-WIRE-20261130-1', 'PO-PLAN-RM-CU-WIRE-20261219-1'] }]);
    expect(doc.health.company.items).toEqual({ healthy: 19, under: 9, over: 3, total: 31 });
    expect(doc.health.company.value.total).toBe(940322.28);
  });

  it('--warehouse narrows the listing; an unknown one exits 2', () => {
    const r = runOpsplan(['stock', ACME, '--as-of', '2026-11-30', '--warehouse', 'wh-south', '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(new Set(doc.items.map((i: { warehouse: string }) => i.warehouse))).toEqual(new Set(['wh-south']));
    expect(doc.procurementPlan.flatMap((g: { lines: { warehouse: string; sku: string }[] }) => g.lines.map((l) => `${l.warehouse} ${l.sku}`))).toEqual(['wh-south CS-FILM-23', 'wh-south FG-1001']);
    const bad = runOpsplan(['stock', ACME, '--warehouse', 'wh-north']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown warehouse "wh-north"; known: wh-east, wh-south');
  });

  it('--fail-on critical and warn exit 1; bad values exit 2', () => {
    expect(runOpsplan(['stock', ACME, '--as-of', '2026-11-30', '--fail-on', 'critical']).code).toBe(1);
    expect(runOpsplan(['stock', ACME, '--as-of', '2026-11-30', '--fail-on', 'warn']).code).toBe(1);
    const bad = runOpsplan(['stock', ACME, '--fail-on', 'info']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("opsplan: option '--fail-on <level>' argument 'info' is invalid. Use one of warn, critical.\n(run opsplan stock --help for usage)");
    expect(runOpsplan(['stock', ACME, '--format', 'xml']).code).toBe(2);
    expect(runOpsplan(['stock', ACME, '--as-of', '2026-02-30']).code).toBe(2);
  });

  it('writes CSV of the item table to --output', () => {
    const dir = tempDir();
    const out = path.join(dir, 'stock.csv');
    const r = runOpsplan(['stock', ACME, '--as-of', '2026-11-30', '--format', 'csv', '--output', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const lines = readFileSync(out, 'utf8').split('\r\n');
    expect(lines[0]).toBe('Warehouse,SKU,Name,Unit,On hand,On order,Reserved,Projected,Safety,Reorder pt,Pt source,Max,Days cover,Stock-out,Order by,Value,ABC,Health,Alerts');
    expect(lines.find((l) => l.startsWith('wh-east,RM-STL-304,'))).toContain(',8420.5,0,1200,7220.5,2000,4500,declared,15000,');
    expect(lines.find((l) => l.startsWith('wh-east,RM-PCB-CTL,'))).toContain(',363,computed,1000,');
    expect(lines.filter((l) => l !== '')).toHaveLength(32);
  });

  it('an earlier as-of uses the previous snapshot and flags stale/missing ones', () => {
    const r = runOpsplan(['stock', ACME, '--as-of', '2026-11-01', '--format', 'json']);
    const doc = JSON.parse(r.stdout);
    expect(doc.warehouses.map((w: { snapshot: { asOf: string } | null }) => w.snapshot?.asOf ?? null)).toEqual(['2026-10-31', null]);
    expect(doc.warehouses[1].findings[0].code).toBe('no-snapshot');
    const stale = JSON.parse(runOpsplan(['stock', ACME, '--as-of', '2027-02-01', '--format', 'json']).stdout);
    expect(stale.warehouses.map((w: { findings: { code: string }[] }) => w.findings.map((f) => f.code))).toEqual([['stale-snapshot'], ['stale-snapshot']]);
  });
});

describe('opsplan stock on fixtures', () => {
  it('fractional quantities stay exact end to end', () => {
    const ws = makeWorkspace({
      'opsplan.yaml': COMPANY_YAML,
      'inventory/wh1/2026-11-30.yaml': inventory(
        'wh1',
        '2026-11-30',
        `  - sku: K
    name: Resin
    unit: kg
    onHand: 0.1
    onOrder: 0.2
    reorderPoint: 0.3
    maxStock: 1
    unitCost: 10
    counted: 0.1
`,
      ),
    });
    const doc = JSON.parse(runOpsplan(['stock', ws, '--as-of', '2026-11-30', '--format', 'json']).stdout);
    expect(doc.items[0]).toMatchObject({ projected: 0.3, reorderPoint: 0.3 });
    expect(doc.items[0].suggestion).toMatchObject({ need: 0.7, quantity: 0.7, value: 7 });
    expect(doc.items[0].alerts.map((a: { code: string }) => a.code)).toEqual(['reorder']);
  });

  it('input errors still print the result and exit 1; no company exits 2', () => {
    const ws = makeWorkspace({
      'opsplan.yaml': COMPANY_YAML,
      'inventory/wh1/2026-11-30.yaml': inventory('wh1', '2026-11-30', '  - sku: A\n    name: a\n    unit: pcs\n    onHand: 5\n'),
      'inventory/wh1/bad.yaml': inventory('wh1', '2026-11-29', '  - sku: B\n    name: b\n    unit: pcs\n    onHand: -1\n'),
    });
    const r = runOpsplan(['stock', ws, '--as-of', '2026-11-30']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('inventory/wh1/bad.yaml');
    expect(r.stdout).toContain('Stock position');
    const empty = makeWorkspace({ 'inventory/wh1/2026-11-30.yaml': inventory('wh1', '2026-11-30', '  - sku: A\n    name: a\n    unit: pcs\n    onHand: 5\n') });
    expect(runOpsplan(['stock', empty]).code).toBe(2);
  });

  it('refuses to overwrite an input and reports an unwritable target with exit 3', () => {
    const ws = makeWorkspace({ 'opsplan.yaml': COMPANY_YAML });
    expect(runOpsplan(['stock', ws, '--output', path.join(ws, 'opsplan.yaml')]).code).toBe(2);
    const r = runOpsplan(['stock', ws, '--output', path.join(ws, 'missing-dir', 'x.txt')]);
    expect(r.code).toBe(3);
  });
});
