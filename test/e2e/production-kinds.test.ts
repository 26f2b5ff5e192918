// The production chapter's kinds (bom, production-plan, production-report, purchase-order)
// through the real executable: every diagnostic code they add, pinned with file, line and column.
import { describe, expect, it } from 'vitest';
import { COMPANY_YAML, makeWorkspace, runOpsplan } from '../helpers/run-cli.js';

interface JsonDiagnostic { file: string; line: number; column: number; code: string; message: string; severity: string }

function validate(files: Record<string, string>): { code: number | null; diagnostics: JsonDiagnostic[] } {
  const dir = makeWorkspace({ 'opsplan.yaml': COMPANY_YAML, ...files });
  const r = runOpsplan(['validate', dir, '--format', 'json']);
  return { code: r.code, diagnostics: (JSON.parse(r.stdout) as { diagnostics: JsonDiagnostic[] }).diagnostics };
}

const pins = (ds: JsonDiagnostic[]): string[] => ds.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code}`);

const bom = (sku: string, comps: string[], status = 'approved'): string =>
  `kind: bom\nversion: 1\nsku: "${sku}"\nname: ${sku}\nunit: pcs\nstatus: ${status}\ncomponents:\n${comps.map((c) => `  - sku: "${c}"\n    qty: 1\n    unit: pcs\n`).join('')}`;

describe('bom', () => {
  it('names the whole path of a cycle, once per BOM on it', () => {
    const r = validate({ 'boms/a.yaml': bom('A', ['B', 'X']), 'boms/b.yaml': bom('B', ['C']), 'boms/c.yaml': bom('C', ['A']) });
    expect(r.code).toBe(1);
    expect(pins(r.diagnostics)).toEqual([
      'boms/a.yaml:8:10 error bom/cycle',
      'boms/b.yaml:8:10 error bom/cycle',
      'boms/c.yaml:8:10 error bom/cycle',
    ]);
    expect(r.diagnostics[0]!.message).toContain('A -> B -> C -> A');
    expect(r.diagnostics[1]!.message).toContain('B -> C -> A -> B');
  });

  it('a draft BOM closes no cycle; a self-reference does', () => {
    expect(validate({ 'boms/a.yaml': bom('A', ['B']), 'boms/b.yaml': bom('B', ['A'], 'draft') }).diagnostics).toEqual([]);
    const self = validate({ 'boms/a.yaml': bom('A', ['A']) });
    expect(pins(self.diagnostics)).toEqual(['boms/a.yaml:8:10 error bom/cycle']);
    expect(self.diagnostics[0]!.message).toContain('A -> A');
  });

  it('two approved BOMs for one sku are both named; a draft beside an approved one is fine', () => {
    const r = validate({ 'boms/a1.yaml': bom('A', ['X']), 'boms/a2.yaml': bom('A', ['Y']), 'boms/a3.yaml': bom('A', ['Z'], 'draft') });
    expect(pins(r.diagnostics)).toEqual(['boms/a1.yaml:6:9 error bom/duplicate-approved', 'boms/a2.yaml:6:9 error bom/duplicate-approved']);
    expect(r.diagnostics[0]!.message).toContain('boms/a2.yaml');
  });

  it('a component twice in one BOM', () => {
    expect(pins(validate({ 'boms/a.yaml': bom('A', ['X', 'X']) }).diagnostics)).toEqual(['boms/a.yaml:11:10 error bom/duplicate-component']);
  });

  it('scrapPct must be below 100', () => {
    const r = validate({ 'boms/a.yaml': bom('A', ['X']).replace('qty: 1\n    unit: pcs\n', 'qty: 1\n    unit: pcs\n    scrapPct: 100\n') });
    expect(pins(r.diagnostics)).toEqual(['boms/a.yaml:11:15 error schema/exclusive-maximum']);
  });
});

const plan = (period: string, due: string, extra = ''): string =>
  `kind: production-plan\nversion: 1\ndepartment: production\nperiod: ${period}\nstatus: approved\nlines:\n  - sku: "A"\n    quantity: 10\n    due: ${due}\n    source: forecast\n${extra}`;

describe('production-plan', () => {
  it('a line due outside its month or week', () => {
    const r = validate({ 'p/m.yaml': plan('2026-12', '2027-01-02'), 'p/w.yaml': plan('2026-W49', '2026-12-07') });
    expect(pins(r.diagnostics)).toEqual(['p/m.yaml:9:10 error production-plan/due-outside-period', 'p/w.yaml:9:10 error production-plan/due-outside-period']);
    expect(r.diagnostics[1]!.message).toContain('2026-11-30 .. 2026-12-06');
  });

  it('accepts the last day of ISO week 53 in the next calendar year', () => {
    expect(validate({ 'p/w.yaml': plan('2026-W53', '2027-01-03') }).diagnostics).toEqual([]);
  });

  it('a week 53 the year does not have', () => {
    const r = validate({ 'p/w.yaml': plan('2025-W53', '2025-12-29') });
    expect(pins(r.diagnostics)).toEqual(['p/w.yaml:4:9 error period/no-such-week']);
  });

  it('two plans for one department and period, two capacity entries for one line', () => {
    const cap = 'capacity:\n  - line: L1\n    hours: 10\n  - line: L1\n    hours: 5\n';
    const r = validate({ 'p/a.yaml': plan('2026-12', '2026-12-01', cap), 'p/b.yaml': plan('2026-12', '2026-12-02') });
    expect(pins(r.diagnostics)).toEqual(['p/a.yaml:14:11 error production-plan/duplicate-capacity', 'p/b.yaml:4:9 error submission/duplicate']);
  });

  it('an unknown department', () => {
    expect(pins(validate({ 'p/a.yaml': plan('2026-12', '2026-12-01').replace('department: production', 'department: factory') }).diagnostics)).toEqual(['p/a.yaml:3:13 error ref/unknown-department']);
  });
});

const report = (period: string, lines: string[]): string =>
  `kind: production-report\nversion: 1\ndepartment: production\nperiod: ${period}\nlines:\n${lines.join('')}`;
const out = (date: string, line?: string): string => `  - date: ${date}\n    sku: "A"\n    good: 5\n${line ? `    line: ${line}\n` : ''}`;

describe('production-report', () => {
  it('a line dated outside the period', () => {
    expect(pins(validate({ 'r/a.yaml': report('2026-11', [out('2026-12-01')]) }).diagnostics)).toEqual(['r/a.yaml:6:11 error production-report/date-outside-period']);
  });

  it('the same date, sku and line in two reports (a month and a week); another line is fine', () => {
    const r = validate({ 'r/m.yaml': report('2026-11', [out('2026-11-24', 'L1')]), 'r/w.yaml': report('2026-W48', [out('2026-11-24', 'L2'), out('2026-11-24', 'L1')]) });
    expect(pins(r.diagnostics)).toEqual(['r/w.yaml:11:10 error production-report/duplicate']);
    expect(r.diagnostics[0]!.message).toContain('r/m.yaml');
  });
});

const INVENTORY = (onOrder: string): string =>
  `kind: inventory\nversion: 1\nwarehouse: wh1\nasOf: 2026-11-28\nitems:\n  - sku: "RM-1"\n    name: r\n    unit: kg\n    onHand: 10\n${onOrder}  - sku: "RM-2"\n    name: r2\n    unit: kg\n    onHand: 1\n    onOrder: 7\n`;
const PO = `kind: purchase-order
version: 1
id: PO-1
supplier: SUP-A
orderedOn: 2026-11-10
status: open
lines:
  - sku: "RM-1"
    qty: 100
    unitPrice: 2.5
    due: 2026-11-20
  - sku: "RM-1"
    qty: 50
    unitPrice: 2.5
    due: 2026-12-05
receipts:
  - date: 2026-11-21
    sku: "RM-1"
    qty: 120
  - date: 2026-12-01
    sku: "RM-1"
    qty: 10
`;

describe('purchase-order', () => {
  it('onOrder that agrees with the open quantity (150 - 120 received by the snapshot = 30) is fine', () => {
    expect(validate({ 'inv.yaml': INVENTORY('    onOrder: 30\n'), 'po/1.yaml': PO }).diagnostics).toEqual([]);
  });

  it('onOrder that disagrees is a warning at onOrder; a missing onOrder at the sku; skus without orders are not compared', () => {
    const r = validate({ 'inv.yaml': INVENTORY('    onOrder: 150\n'), 'po/1.yaml': PO });
    expect(r.code).toBe(0);
    expect(pins(r.diagnostics)).toEqual(['inv.yaml:10:14 warning purchase-order/on-order-mismatch']);
    expect(r.diagnostics[0]!.message).toContain('hold 30 as of 2026-11-28');
    expect(pins(validate({ 'inv.yaml': INVENTORY(''), 'po/1.yaml': PO }).diagnostics)).toEqual(['inv.yaml:6:10 warning purchase-order/on-order-mismatch']);
  });

  it('a closed order expects nothing more', () => {
    expect(validate({ 'inv.yaml': INVENTORY('    onOrder: 0\n'), 'po/1.yaml': PO.replace('status: open', 'status: closed') }).diagnostics).toEqual([]);
  });

  it('duplicate ids, dates before the order, unknown and excess receipts', () => {
    const bad = PO.replace('due: 2026-11-20', 'due: 2026-11-01')
      + '  - date: 2026-11-09\n    sku: "RM-1"\n    qty: 1\n  - date: 2026-11-22\n    sku: "RM-9"\n    qty: 1\n  - date: 2026-12-06\n    sku: "RM-1"\n    qty: 30\n';
    const r = validate({ 'po/1.yaml': bad, 'po/2.yaml': PO });
    expect(pins(r.diagnostics)).toEqual([
      'po/1.yaml:11:10 error purchase-order/due-before-order',
      'po/1.yaml:23:11 error purchase-order/receipt-before-order',
      'po/1.yaml:27:10 error purchase-order/receipt-unknown-sku',
      'po/1.yaml:31:10 warning purchase-order/over-received',
      'po/2.yaml:3:5 error purchase-order/duplicate-id',
    ]);
    expect(r.diagnostics.find((d) => d.code === 'purchase-order/over-received')!.message).toContain('11 of "RM-1" received beyond the 150 ordered');
  });
});

describe('company production settings', () => {
  it('production.warehouse must be a declared warehouse', () => {
    const r = validate({ 'opsplan.yaml': `${COMPANY_YAML}production:\n  warehouse: wh9\n` });
    expect(pins(r.diagnostics)).toEqual(['opsplan.yaml:16:14 error company/unknown-production-warehouse']);
  });
});
