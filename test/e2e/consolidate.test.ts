// `opsplan consolidate` through the real executable: formats, options, exit codes.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsImport from 'ajv-formats';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { COMPANY_YAML, REPO, copyAcme, makeWorkspace, runOpsplan, tempDir } from '../helpers/run-cli.js';

const ESC = '\u001b[';
const addFormats = (addFormatsImport as unknown as { default: (ajv: Ajv2020) => Ajv2020 }).default;

/** Longest line in characters (box-drawing characters count as one). */
const widest = (text: string): number => Math.max(...text.split('\n').map((l) => [...l].length));

describe('consolidate on examples/acme', () => {
  it('shows the annual plan and budget within 100 columns', () => {
    const r = runOpsplan(['consolidate', 'examples/acme', '--period', 'FY2026']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(widest(r.stdout)).toBeLessThanOrEqual(100);
    expect(r.stdout).toContain('Acme Manufacturing Co.: consolidated operating plan and budget FY2026');
    expect(r.stdout).toMatch(/│ {3}marketing-online │ Online Marketing +│ approved +│ submitted +│/);
    expect(r.stdout).toContain("marketing-online's FY2026 budget is");
    expect(r.stdout).toMatch(/│ marketing {9}│ expense {2}│ {2}4,105,000\.11 │ {2}120,000\.00 │ {2}4,225,000\.11 │/);
    expect(r.stdout).toMatch(/│ Operating result │ {2}1,609,540\.05 │ {2}2,592,019\.99 │ {2}2,538,523\.99 │ {2}3,209,332\.66 │ {2}9,949,416\.69 │/);
    expect(r.stdout).toMatch(/│ Net cash flow │ 11,430,000\.00 │/);
    expect(r.stdout).toMatch(/│ ADJ-2026-001 │ marketing {2}│ approved │ yes {5}│/);
    expect(r.stdout).toMatch(/│ ADJ-2026-002 │ production │ rejected │ no {6}│/);
    expect(r.stdout).toMatch(/│ supply-chain {5}│ {2}5,824,000\.00 │ {2}5,199,989\.75 │ 12\.0% │/);
    expect(r.stdout).toMatch(/│ marketing {8}│ MKT-T1 │ pace {4}│ {2}12000 │ {3}7900 │ {2}65\.8% │ 10980\.82 │ {3}71\.9% │ below-pace │/);
    expect(r.stdout).toMatch(/│ operations {7}│ OPS-T3 │ level ↓ │ {6}5 │ {4}5\.2 │ {2}96\.2% │ {8}- │ {7}- │ off-target │/);
    expect(r.stdout).toMatch(/│ customer-service │ 6699 {4}│ Goodwill compensation │/);
    expect(r.stdout).toMatch(/│ production │ PRD-T4 │ Scrap cost per pump │/);
    expect(r.stdout).not.toContain(ESC);
  });

  it('shows the Q4 months, the quarter total and the proposed annual adjustments', () => {
    const r = runOpsplan(['consolidate', 'examples/acme', '--period', 'FY2026-Q4']);
    expect(r.code).toBe(0);
    expect(widest(r.stdout)).toBeLessThanOrEqual(100);
    expect(r.stdout).toMatch(/│ Department {8}│ Category │ {6}2026-10 │ {6}2026-11 │ {6}2026-12 │ {5}FY2026-Q4 │/);
    expect(r.stdout).toMatch(/│ marketing {9}│ expense {2}│ {3}450,833\.34 │ {3}455,833\.33 │ {3}395,833\.33 │ {2}1,302,500\.00 │/);
    expect(r.stdout).toContain('marketing-online has no FY2026-Q4 plan');
    expect(r.stdout).toMatch(/│ marketing {2}│ MKT-T1 │ Qualified leads │ {2}12000 │ {4}10000 │ -16\.7% │ FY2026-Q4 │/);
    expect(r.stdout).toMatch(/│ marketing {8}│ {2}1,240,000\.00 │ {2}1,302,500\.00 │ -4\.8% │ {2}1,182,500\.00 │ 4\.9% │ ok/);
  });

  it('--require-approved turns missing or unapproved submissions into exit 1', () => {
    const r = runOpsplan(['consolidate', 'examples/acme', '--period', 'FY2026-Q4', '--require-approved']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('--require-approved: these are errors');
    expect(r.stdout).toMatch(/│ error {4}│ marketing-online has no FY2026-Q4 plan/);
  });

  it('writes documented JSON with money in major units', () => {
    const r = runOpsplan(['consolidate', 'examples/acme', '--period', 'FY2026', '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect([j.version, j.kind, j.currency, j.period.id]).toEqual([1, 'consolidate', 'CNY', 'FY2026']);
    expect(j.budget.categories.expense.revised.total).toBe(15057868.05);
    expect(j.budget.categories.expense.original.total).toBe(14937868.05);
    expect(j.budget.pnl.operatingResult.revised.buckets).toEqual({ Q1: 1609540.05, Q2: 2592019.99, Q3: 2538523.99, Q4: 3209332.66 });
    expect(j.budget.excluded[0].department).toBe('marketing-online');
    expect(j.adjustments.map((a: { id: string; applied: boolean }) => [a.id, a.applied])).toEqual([['ADJ-2026-001', true], ['ADJ-2026-002', false]]);
    expect(j.checks.budgetRequests.find((b: { department: string }) => b.department === 'supply-chain').deviationPct).toBeCloseTo(12.0, 2);
    expect(j.progress.targets.find((t: { id: string }) => t.id === 'MKT-T1').belowPace).toBe(true);
    // Submission warnings are repeated on stderr when the output is machine-readable.
    expect(r.stderr).toContain("warning: customer-service's FY2026 plan is submitted, not approved");
  });

  it('writes YAML to a file that validates against the company-plan schema and matches the JSON', () => {
    const dir = tempDir();
    const out = path.join(dir, 'company-plan.yaml');
    const r = runOpsplan(['consolidate', 'examples/acme', '--period', 'FY2026-Q4', '--format', 'yaml', '--output', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const doc = parse(readFileSync(out, 'utf8'));
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(path.join(REPO, 'schemas', 'company-plan.schema.json'), 'utf8')));
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    const json = JSON.parse(runOpsplan(['consolidate', 'examples/acme', '--period', 'FY2026-Q4', '--format', 'json']).stdout);
    expect(doc).toEqual({ ...json, kind: 'company-plan' });
  });

  it('refuses to overwrite an input file (exit 2) and reports an unwritable target (exit 3)', () => {
    const ws = copyAcme();
    const input = path.join(ws, 'opsplan.yaml');
    const before = readFileSync(input, 'utf8');
    expect(runOpsplan(['consolidate', ws, '--period', 'FY2026', '--output', input]).code).toBe(2);
    expect(readFileSync(input, 'utf8')).toBe(before);
    const r = runOpsplan(['consolidate', ws, '--period', 'FY2026', '--output', path.join(ws, 'no-such-dir', 'x.txt')]);
    expect(r.code).toBe(3);
    expect(existsSync(path.join(ws, 'no-such-dir'))).toBe(false);
  });
});

describe('consolidate options and errors', () => {
  it('exits 2 for a missing, malformed, monthly or unknown period and an unknown format', () => {
    expect(runOpsplan(['consolidate', 'examples/acme']).code).toBe(2);
    const bad = runOpsplan(['consolidate', 'examples/acme', '--period', 'FY26']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--period takes a fiscal year (FY2026) or a fiscal quarter (FY2026-Q4), got "FY26"');
    expect(runOpsplan(['consolidate', 'examples/acme', '--period', '2026-11']).code).toBe(2);
    const unknown = runOpsplan(['consolidate', 'examples/acme', '--period', 'FY2031']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no budget, plan or actuals in examples/acme fall in FY2031; periods found: FY2026, FY2026-Q4, 2026-01 to 2026-11 (actuals)');
    expect(runOpsplan(['consolidate', 'examples/acme', '--period', 'FY2026', '--format', 'xml']).code).toBe(2);
  });

  it('colours only when asked', () => {
    const plain = runOpsplan(['consolidate', 'examples/acme', '--period', 'FY2026', '--no-color'], { env: { FORCE_COLOR: '1' } });
    expect(plain.stdout).not.toContain(ESC);
    const coloured = runOpsplan(['consolidate', 'examples/acme', '--period', 'FY2026'], { env: { FORCE_COLOR: '1', NO_COLOR: '' } });
    expect(coloured.stdout).toContain(ESC);
  });

  it('rolls children into their parent and lists missing submissions on a small workspace', () => {
    const company = COMPANY_YAML.replace('  - id: production\n    name: Production\n    function: production\n', '  - id: production\n    name: Production\n    function: production\n  - id: online\n    name: Online\n    function: marketing\n    parent: marketing\n');
    const budget = (dept: string, lines: string): string => `kind: budget\nversion: 1\ndepartment: ${dept}\nfiscalYear: FY2027\nstatus: approved\nlines:\n${lines}`;
    const line = (account: string, category: string, monthly: string): string => `  - account: "${account}"\n    name: L${account}\n    category: ${category}\n    basis: b\n    method: m\n    monthly: [${monthly}]\n`;
    const ws = makeWorkspace({
      'opsplan.yaml': company,
      'budgets/marketing.yaml': budget('marketing', line('6601', 'expense', '0.10, 0.20, 0.30, 1, 1, 1, 1, 1, 1, 1, 1, 1.01')),
      'budgets/online.yaml': budget('online', line('6601', 'expense', '0.05, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.99') + line('6001', 'revenue', '10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10')),
    });
    const r = runOpsplan(['consolidate', ws, '--period', 'FY2027', '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    const row = (kind: string, dept: string | null, cat: string): { revised: { total: number; buckets: Record<string, number> } } =>
      j.budget.rollup.find((x: { kind: string; department: string | null; category: string }) => x.kind === kind && x.department === dept && x.category === cat);
    expect(row('department', 'marketing', 'expense').revised.total).toBe(9.61);
    expect(row('department', 'online', 'expense').revised.total).toBe(1.04);
    expect(row('subtotal', 'marketing', 'expense').revised.total).toBe(10.65);
    expect(row('subtotal', 'marketing', 'expense').revised.buckets).toEqual({ Q1: 0.65, Q2: 3, Q3: 3, Q4: 4 });
    expect(row('company', null, 'expense').revised.total).toBe(10.65);
    expect(row('company', null, 'revenue').revised.total).toBe(120);
    expect(j.warnings.map((w: { code: string; department: string }) => `${w.code} ${w.department}`)).toEqual([
      'submission/missing-plan marketing',
      'submission/missing-plan production',
      'submission/missing-budget production',
      'submission/missing-plan online',
    ]);
    expect(j.budget.excluded).toEqual([{ department: 'production', status: 'missing', reason: 'no FY2027 budget file' }]);
    const table = runOpsplan(['consolidate', ws, '--period', 'FY2027']);
    expect(table.stdout).toMatch(/│ marketing \(total\) │ expense +│ +0\.65 │ +3\.00 │ +3\.00 │ +4\.00 │/);
  });

  it('prints input errors, still consolidates the rest and exits 1', () => {
    const ws = makeWorkspace({
      'opsplan.yaml': COMPANY_YAML,
      'budgets/marketing.yaml': 'kind: budget\nversion: 1\ndepartment: marketing\nfiscalYear: FY2027\nstatus: approved\nlines:\n  - account: "6601"\n    name: Ads\n    category: expense\n    basis: b\n    method: m\n    monthly: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n',
      'budgets/production.yaml': 'kind: budget\nversion: 1\ndepartment: production\nfiscalYear: FY2027\nstatus: approved\nlines: nope\n',
    });
    const r = runOpsplan(['consolidate', ws, '--period', 'FY2027', '--format', 'json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('budgets/production.yaml');
    expect(JSON.parse(r.stdout).budget.categories.expense.revised.total).toBe(12);
  });
});
