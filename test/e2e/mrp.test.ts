// `opsplan mrp` and `opsplan production` through the real executable, on examples/acme (figures
// worked by hand from its YAML in the comments) and on small fixture workspaces for the exits.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACME, COMPANY_YAML, copyAcme, makeWorkspace, runOpsplan, tempDir } from '../helpers/run-cli.js';

interface Order { id: string; sku: string; type: string; qty: number; due: string; release: string; plannedRelease: string; expedite: boolean; daysLate: number; value: number | null; restoredSafetyStock: number; lotSurplus: number; pegging: { qty: number; source: { type: string; file?: string; orderId?: string } }[] }

const mrpJson = (args: string[] = []) => {
  const r = runOpsplan(['mrp', 'examples/acme', '--as-of', '2026-11-30', '-f', 'json', ...args]);
  return { r, body: JSON.parse(r.stdout) as { totals: Record<string, number | null>; orders: Order[]; unplanned: unknown[]; skus: { sku: string; receipts: { late: boolean; purchaseOrder: string; qty: number }[]; weeks: { week: string }[] }[] } };
};

describe('opsplan mrp on acme', () => {
  it('plans make and buy orders worked by hand, every one explained', () => {
    const { r, body } = mrpJson();
    expect(r.code).toBe(0);
    const byId = new Map(body.orders.map((o) => [o.id, o]));
    // FG-1001: 460 - 10 reserved = 450; the weekly 140 (replacing the monthly 150), 200, then
    // January's 180 leave -70; SS 40 -> make 110 due 2027-01-15, released 14 days earlier.
    expect(byId.get('PO-PLAN-FG-1001-20270115-1')).toMatchObject({ type: 'make', qty: 110, release: '2027-01-01', expedite: false });
    // RM-BRG-6204: 180 - 60 = 120 is 280 below SS 400; the first need is 32 x 2 = 64 on the
    // CP-40 release (12-09): 344 short -> MOQ 1,000, released 12-09 - 10 days = 11-29: 1 day late.
    // The MOQ surplus then serves 110 x 2 = 220 and 50 x 2 = 100; 336 are left. 1,000 x 6.85.
    const brg = byId.get('PO-PLAN-RM-BRG-6204-20261209-1')!;
    expect(brg).toMatchObject({ type: 'buy', qty: 1000, plannedRelease: '2026-11-29', release: '2026-11-30', expedite: true, daysLate: 1, value: 6850, restoredSafetyStock: 280, lotSurplus: 336 });
    expect(brg.pegging.map((p) => [p.source.orderId, p.qty])).toEqual([['PO-PLAN-FG-2040-20261223-1', 64], ['PO-PLAN-FG-1001-20270115-1', 220], ['PO-PLAN-FG-2040-20270122-1', 100]]);
    for (const o of body.orders) expect(Math.round((o.pegging.reduce((s, p) => s + p.qty, 0) + o.restoredSafetyStock + o.lotSurplus) * 1000)).toBe(Math.round(o.qty * 1000));
    expect(body.totals).toMatchObject({ orders: body.orders.length, expedite: body.orders.filter((o) => o.expedite).length, lateReceipts: 1 });
    // The partly received PO-2026-0402 (400 m open, due 11-25) counts at as-of, flagged late.
    const alu = body.skus.find((s) => s.sku === 'RM-ALU-6061')!;
    expect(alu.receipts).toEqual([expect.objectContaining({ purchaseOrder: 'PO-2026-0402', qty: 400, late: true })]);
    expect(body.skus[0]!.weeks[0]!.week).toBe('2026-W49');
  });

  it('is stable: the same input gives the same ids and bytes', () => {
    expect(mrpJson().r.stdout).toBe(mrpJson().r.stdout);
  });

  it('prints the table and CSV from the same figures', () => {
    const { body } = mrpJson();
    const table = runOpsplan(['mrp', 'examples/acme', '--as-of', '2026-11-30']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('PO-PLAN-RM-BRG-6204-20261209-1');
    expect(table.stdout).toContain('safety stock: 280; lot surplus (moq): 336');
    const csv = runOpsplan(['mrp', 'examples/acme', '--as-of', '2026-11-30', '-f', 'csv']);
    const lines = csv.stdout.trim().split('\n');
    expect(lines).toHaveLength(body.orders.length + 1);
    expect(lines[0]).toContain('Order');
    expect(lines.find((l) => l.startsWith('PO-PLAN-RM-BRG-6204'))).toContain('6850.00');
  });

  it('--horizon shortens the plan; --fail-on expedite exits 1; bad values exit 2', () => {
    const short = mrpJson(['--horizon', '2']);
    expect(short.body.orders.every((o) => o.due <= '2026-12-13')).toBe(true);
    expect(short.body.orders.length).toBeLessThan(mrpJson().body.orders.length);
    expect(mrpJson(['--fail-on', 'expedite']).r.code).toBe(1);
    expect(runOpsplan(['mrp', 'examples/acme', '--horizon', '0']).code).toBe(2);
    expect(runOpsplan(['mrp', 'examples/acme', '--fail-on', 'late']).code).toBe(2);
  });

  it('writes --output atomically', () => {
    const out = path.join(tempDir(), 'mrp.json');
    expect(runOpsplan(['mrp', 'examples/acme', '--as-of', '2026-11-30', '-f', 'json', '-o', out]).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).orders.length).toBeGreaterThan(0);
  });
});

describe('opsplan mrp exits', () => {
  it('exits 2 when several warehouses are declared and none is the production warehouse', () => {
    const dir = copyAcme();
    const company = path.join(dir, 'opsplan.yaml');
    const text = readFileSync(company, 'utf8').replace(/production:\n {2}warehouse: wh-east\n/, '');
    makeWorkspace({ 'opsplan.yaml': text }, dir);
    const r = runOpsplan(['mrp', dir, '--as-of', '2026-11-30']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('production: { warehouse: <id> }');
  });

  it('lists a sku whose BOM is broken and exits 1, never buying it', () => {
    const dir = copyAcme();
    makeWorkspace({ 'boms/FG-2040-copy.yaml': readFileSync(path.join(ACME, 'boms', 'FG-2040.yaml'), 'utf8') }, dir);
    const r = runOpsplan(['mrp', dir, '--as-of', '2026-11-30', '-f', 'json']);
    expect(r.code).toBe(1);
    const body = JSON.parse(r.stdout) as { orders: Order[]; unplanned: { sku: string; code: string }[] };
    expect(body.unplanned).toEqual([expect.objectContaining({ sku: 'FG-2040', code: 'mrp/bom-invalid' })]);
    expect(body.orders.some((o) => o.sku === 'FG-2040')).toBe(false);
    expect(r.stderr).toContain('bom/duplicate-approved');
  });

  it('a component without a snapshot item is an error with the chain that needs it', () => {
    const dir = makeWorkspace({
      'opsplan.yaml': COMPANY_YAML,
      'inv.yaml': 'kind: inventory\nversion: 1\nwarehouse: wh1\nasOf: 2026-11-01\nitems:\n  - { sku: "FG", name: F, unit: pcs, onHand: 0 }\n',
      'bom.yaml': 'kind: bom\nversion: 1\nsku: "FG"\nname: F\nunit: pcs\nstatus: approved\ncomponents:\n  - { sku: "RM-X", qty: 1, unit: kg }\n',
      'plan.yaml': 'kind: production-plan\nversion: 1\ndepartment: production\nperiod: 2026-12\nstatus: approved\nlines:\n  - { sku: "FG", quantity: 5, due: 2026-12-10, source: order }\n',
    });
    const r = runOpsplan(['mrp', dir, '--as-of', '2026-12-01']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('mrp/no-item: RM-X');
    expect(r.stderr).toContain('FG -> RM-X');
    expect(r.stdout).toContain('PO-PLAN-FG-20261210-1');
  });
});

describe('opsplan production on acme', () => {
  const prod = (period: string) => {
    const r = runOpsplan(['production', 'examples/acme', '--period', period, '--as-of', '2026-11-30', '-f', 'json']);
    return { r, body: JSON.parse(r.stdout) as { total: Record<string, number | null>; lines: { sku: string; due: string; good: number; goodOnTime: number; status: string }[]; surplus: { sku: string; qty: number }[]; capacity: { line: string; loadPct: number | null; over: boolean }[] } };
  };

  it('allots output first-due-first with weekly plans over monthly, worked by hand', () => {
    const { r, body } = prod('2026-11');
    expect(r.code).toBe(0);
    // FG-1001 made 58 + 60 + 52 + 44 = 214 against 120 (due 11-13) and the weekly 90 (due 11-26):
    // 118 by 11-13, the 120th on 11-25 (late), 90 on time, 4 surplus.
    expect(body.lines.map((l) => [l.sku, l.due, l.good, l.goodOnTime, l.status])).toEqual([
      ['FG-1001', '2026-11-13', 120, 118, 'done'],
      ['FG-2040', '2026-11-20', 27, 18, 'late'],
      ['FG-1001', '2026-11-26', 90, 90, 'done'],
      ['FG-3100', '2026-11-27', 24, 24, 'late'],
    ]);
    expect(body.surplus).toEqual([expect.objectContaining({ sku: 'FG-1001', qty: 4 })]);
  });

  it('computes attainment, scrap and load independently of the YAML sums', () => {
    const { body } = prod('2026-11');
    const report = readFileSync(path.join(ACME, 'production', 'reports', '2026-11.yaml'), 'utf8');
    const sum = (key: string): number => [...report.matchAll(new RegExp(`${key}: (\\d+)`, 'g'))].reduce((s, m) => s + Number(m[1]), 0);
    const good = sum('good');
    const scrap = sum('scrap');
    expect([good, scrap]).toEqual([265, 9]);
    const plan = 120 + 30 + 90 + 30;
    expect(body.total.plan).toBe(plan);
    expect(body.total.attainmentPct).toBeCloseTo(((120 + 27 + 90 + 24) / plan) * 100, 2);
    expect(body.total.uncappedPct).toBeCloseTo((good / plan) * 100, 2);
    expect(body.total.scrapRatePct).toBeCloseTo((scrap / (good + scrap)) * 100, 2);
    // LINE-B: 30 CP-40 x 2.5 h = 75 h against 60 h: 125%, flagged.
    expect(body.capacity.find((c) => c.line === 'LINE-B')).toMatchObject({ loadPct: 125, over: true });
  });

  it('takes a week or a quarter, prints table and CSV, and exits 2 for a bad period', () => {
    const week = prod('2026-W48').body;
    expect(week.lines.map((l) => l.sku)).toEqual(['FG-1001', 'FG-3100']);
    expect(prod('FY2026-Q4').body.lines.length).toBeGreaterThan(4);
    const table = runOpsplan(['production', 'examples/acme', '--period', '2026-11', '--as-of', '2026-11-30']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Attainment: 96.7%');
    const csv = runOpsplan(['production', 'examples/acme', '--period', '2026-11', '--as-of', '2026-11-30', '-f', 'csv']);
    expect(csv.stdout.trim().split('\n')).toHaveLength(5);
    expect(runOpsplan(['production', 'examples/acme', '--period', '2026-W60']).code).toBe(2);
    expect(runOpsplan(['production', 'examples/acme']).code).toBe(2);
  });
});

describe('opsplan diff: the production sections', () => {
  it('shows a changed BOM quantity, a new receipt and a new plan in units', async () => {
    const { acmeRepo, commitAll, edit } = await import('../helpers/git-repo.js');
    const repo = acmeRepo();
    const ws = (f: string): string => path.join(repo, 'ws', f);
    edit(ws('boms/FG-1001.yaml'), 'qty: 2.4', 'qty: 2.6');
    edit(ws('purchase-orders/PO-2026-0415.yaml'), 'due: 2026-12-18\n', 'due: 2026-12-18\nreceipts:\n  - date: 2026-11-29\n    sku: "RM-MTR-750"\n    qty: 20\n');
    makeWorkspace({ 'ws/production/plans/2027-03.yaml': 'kind: production-plan\nversion: 1\ndepartment: production\nperiod: 2027-03\nstatus: draft\nlines:\n  - { sku: "FG-1001", quantity: 50, due: 2027-03-05, source: forecast }\n' }, repo);
    const head = commitAll(repo, 'production changes');
    const r = runOpsplan(['diff', 'ws', '--base', 'HEAD~1', '--head', head, '-f', 'json', '--as-of', '2026-11-30'], { cwd: repo });
    const doc = JSON.parse(r.stdout) as { sections: { id: string; items: { change: string; key: Record<string, string>; fields: { field: string; before: unknown; after: unknown }[] }[] }[] };
    const section = (id: string) => doc.sections.find((s) => s.id === id)!.items;
    expect(section('boms')).toEqual([expect.objectContaining({ change: 'changed', key: { file: 'boms/FG-1001.yaml' }, fields: [expect.objectContaining({ field: 'components', before: expect.anything(), after: expect.anything() })] })]);
    expect(String(section('boms')[0]!.fields[0]!.after)).toContain('"qty":2.6');
    expect(section('purchase-orders')).toEqual([expect.objectContaining({ change: 'changed', key: { id: 'PO-2026-0415' } })]);
    expect(section('production-plans')).toEqual([expect.objectContaining({ change: 'added', key: { plan: 'production 2027-03' } })]);
    expect(section('production-reports')).toEqual([]);
  });
});
