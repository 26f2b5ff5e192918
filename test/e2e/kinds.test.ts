// Behaviour that comes from the registry of kinds, through the real executable: findings that
// point at the file that caused them, hints that name the right form, currency digits, x- keys.
import { describe, expect, it } from 'vitest';
import { COMPANY_YAML, makeWorkspace, runOpsplan } from '../helpers/run-cli.js';

interface JsonDiagnostic { file: string; line: number; column: number; code: string; message: string; severity: string }

function validate(files: Record<string, string>): { code: number | null; diagnostics: JsonDiagnostic[] } {
  const dir = makeWorkspace(files);
  const r = runOpsplan(['validate', dir, '--format', 'json']);
  return { code: r.code, diagnostics: (JSON.parse(r.stdout) as { diagnostics: JsonDiagnostic[] }).diagnostics };
}

const BUDGET = (fy: string, amount = '1200') => `kind: budget\nversion: 1\ndepartment: marketing\nfiscalYear: ${fy}\nstatus: approved\nlines:\n  - account: "6601"\n    name: Ads\n    category: expense\n    basis: last year\n    method: flat\n    annual: ${amount}\n`;
const ADJUSTMENT = 'kind: budget-adjustment\nversion: 1\nid: ADJ-1\ndepartment: marketing\nfiscalYear: FY2026\nreason: other\njustification: x\nstatus: draft\nchanges:\n  - account: "6601"\n    month: 2026-03\n    delta: 10\n';

describe('findings and hints', () => {
  it('an adjustment to a budget left out for its own errors names that file, not "no budget"', () => {
    const r = validate({ 'opsplan.yaml': COMPANY_YAML, 'budgets/marketing.yaml': BUDGET('FY2026').replace('    basis: last year\n', ''), 'adjustments/a.yaml': ADJUSTMENT });
    expect(r.code).toBe(1);
    const adj = r.diagnostics.filter((d) => d.file === 'adjustments/a.yaml');
    expect(adj.map((d) => d.code)).toEqual(['adjustment/budget-invalid']);
    expect(adj[0]!.message).toContain('budgets/marketing.yaml');
    expect(r.diagnostics.some((d) => d.code === 'adjustment/no-budget')).toBe(false);
  });

  it('without any budget it still says there is none', () => {
    const r = validate({ 'opsplan.yaml': COMPANY_YAML, 'adjustments/a.yaml': ADJUSTMENT });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['adjustment/no-budget']);
  });

  it('fiscalYear: 2026 is told to write FY2026, not to quote it', () => {
    const r = validate({ 'opsplan.yaml': COMPANY_YAML, 'budgets/marketing.yaml': BUDGET('2026') });
    const d = r.diagnostics.find((x) => x.file === 'budgets/marketing.yaml')!;
    expect([d.code, d.line, d.column]).toEqual(['schema/unquoted-code', 4, 13]);
    expect(d.message).toContain('write FY2026');
    expect(d.message).not.toContain('"2026"');
  });

  it('a department written by its name points at its id', () => {
    const company = COMPANY_YAML.replace(/name: [^\n]+/, 'name: 市场部');
    const r = validate({ 'opsplan.yaml': company, 'budgets/marketing.yaml': BUDGET('FY2026').replace('department: marketing', 'department: 市场部') });
    const d = r.diagnostics.find((x) => x.file === 'budgets/marketing.yaml')!;
    expect([d.code, d.line, d.column]).toEqual(['schema/pattern', 3, 13]);
    expect(d.message).toContain('write department: marketing');
  });
});

describe('currency digits (ISO 4217 minor units)', () => {
  const jpy = COMPANY_YAML.replace('currency: CNY', 'currency: JPY');

  it('rejects 4800.5 in a JPY workspace with the currency named', () => {
    const r = validate({ 'opsplan.yaml': jpy, 'budgets/marketing.yaml': BUDGET('FY2026', '4800.5') });
    expect(r.code).toBe(1);
    const d = r.diagnostics.find((x) => x.file === 'budgets/marketing.yaml')!;
    expect([d.code, d.line]).toEqual(['schema/max-decimals', 12]);
    expect(d.message).toContain('amounts in JPY take 0 decimals');
  });

  it('accepts whole yen, and two decimals in CNY', () => {
    expect(validate({ 'opsplan.yaml': jpy, 'budgets/marketing.yaml': BUDGET('FY2026', '4800') }).code).toBe(0);
    expect(validate({ 'opsplan.yaml': COMPANY_YAML, 'budgets/marketing.yaml': BUDGET('FY2026', '4800.55') }).code).toBe(0);
  });

  it('rejects currency: RMB with did-you-mean CNY, at the code, and computes in 2 decimals meanwhile', () => {
    const rmb = COMPANY_YAML.replace('currency: CNY', 'currency: RMB');
    const line = rmb.split('\n').findIndex((l) => l.startsWith('currency:')) + 1;
    const r = validate({ 'opsplan.yaml': rmb, 'budgets/marketing.yaml': BUDGET('FY2026', '4800.55') });
    expect(r.code).toBe(1);
    expect(r.diagnostics.map((d) => [d.file, d.line, d.column, d.severity, d.code, d.message])).toEqual([
      ['opsplan.yaml', line, 11, 'error', 'company/unknown-currency', 'RMB is not an ISO 4217 currency code; did you mean CNY?'],
    ]);
    // a computing command still shows its figures, lists the error and exits 1
    const dir = makeWorkspace({ 'opsplan.yaml': rmb, 'budgets/marketing.yaml': BUDGET('FY2026', '4800.55') });
    // As of the year's last day every month is due, so the unfiled line shows the year's budget
    // (without --as-of it would depend on today's date: months not yet due are not compared).
    const v = runOpsplan(['variance', dir, '--period', 'FY2026', '--as-of', '2026-12-31', '--format', 'json']);
    expect(v.stderr).toContain('company/unknown-currency: RMB is not an ISO 4217 currency code; did you mean CNY?');
    expect(v.code).toBe(1);
    expect((JSON.parse(v.stdout) as { rows: { budget: number }[] }).rows.map((l) => l.budget)).toEqual([4800.55]);
  });

  it('rejects a code without minor units and gives IQD three digits, not the two of Intl', () => {
    expect(validate({ 'opsplan.yaml': COMPANY_YAML.replace('currency: CNY', 'currency: XAU') }).diagnostics.map((d) => d.code)).toEqual(['company/unknown-currency']);
    const iqd = COMPANY_YAML.replace('currency: CNY', 'currency: IQD');
    expect(validate({ 'opsplan.yaml': iqd, 'budgets/marketing.yaml': BUDGET('FY2026', '4800.125') }).code).toBe(0);
    expect(validate({ 'opsplan.yaml': iqd, 'budgets/marketing.yaml': BUDGET('FY2026', '4800.1255') }).diagnostics.map((d) => d.message)).toEqual([
      'lines[0].annual has too many decimals (4800.1255); amounts in IQD take at most 3 decimals',
    ]);
  });

  it('accepts three decimals in KWD but not in CNY', () => {
    const kwd = COMPANY_YAML.replace('currency: CNY', 'currency: KWD');
    expect(validate({ 'opsplan.yaml': kwd, 'budgets/marketing.yaml': BUDGET('FY2026', '4800.125') }).code).toBe(0);
    const cny = validate({ 'opsplan.yaml': COMPANY_YAML, 'budgets/marketing.yaml': BUDGET('FY2026', '4800.125') });
    expect(cny.diagnostics.map((d) => d.code)).toEqual(['schema/max-decimals']);
  });
});

describe('x- keys', () => {
  it('are allowed and ignored at the top of any file, so anchors have a home', () => {
    const budget = `x-defaults:\n  basis: &basis last year's contracts\n${BUDGET('FY2026').replace("basis: last year", 'basis: *basis')}`;
    const r = validate({ 'opsplan.yaml': `${COMPANY_YAML}x-note: kept for people\n`, 'budgets/marketing.yaml': budget });
    expect(r.diagnostics).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('stay unknown properties below the top level', () => {
    const r = validate({ 'opsplan.yaml': COMPANY_YAML, 'budgets/marketing.yaml': BUDGET('FY2026').replace('    annual: 1200\n', '    annual: 1200\n    x-note: hi\n') });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['schema/additional-properties']);
  });
});
