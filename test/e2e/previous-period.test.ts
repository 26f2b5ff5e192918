// The period before, beside the period: `variance --format json` carries `previousPeriod` and
// the report's Variance sheet shows its subtotals, by the same rules (an unfiled month is
// missing, never 0 or favourable; a year before the first budget is missing as a whole).
// Figures worked by hand from the fixture below.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { disagreements, recomputeFormulas } from '../helpers/formula-check.js';
import { COMPANY_YAML, makeWorkspace, runOpsplan, tempDir } from '../helpers/run-cli.js';

const budget = (department: string, lines: [string, string, string, number][]): string =>
  `kind: budget\nversion: 1\ndepartment: ${department}\nfiscalYear: FY2026\nstatus: approved\nlines:\n${lines.map(([account, name, category, monthly]) => `  - account: "${account}"\n    name: ${name}\n    category: ${category}\n    basis: b\n    method: m\n    monthly: [${new Array<number>(12).fill(monthly).join(', ')}]\n`).join('')}`;
const actuals = (department: string, month: string, lines: [string, number][]): string =>
  `kind: actuals\nversion: 1\ndepartment: ${department}\nmonth: ${month}\nlines:\n${lines.map(([a, v]) => `  - account: "${a}"\n    amount: ${v}\n`).join('')}`;

// marketing: 6601 Advertising (expense) 1,000.00 and 6001 Sales (revenue) 5,000.00 a month;
// production: 6401 Materials (cost) 2,000.00 a month. Production files January and March, not February.
const fixture = (): string =>
  makeWorkspace({
    'opsplan.yaml': COMPANY_YAML,
    'budgets/FY2026/marketing.yaml': budget('marketing', [['6601', 'Advertising', 'expense', 1000], ['6001', 'Sales', 'revenue', 5000]]),
    'budgets/FY2026/production.yaml': budget('production', [['6401', 'Materials', 'cost', 2000]]),
    'actuals/2026-01/marketing.yaml': actuals('marketing', '2026-01', [['6601', 1100], ['6001', 5200]]),
    'actuals/2026-02/marketing.yaml': actuals('marketing', '2026-02', [['6601', 1300], ['6001', 4000]]),
    'actuals/2026-03/marketing.yaml': actuals('marketing', '2026-03', [['6601', 900], ['6001', 5000]]),
    'actuals/2026-01/production.yaml': actuals('production', '2026-01', [['6401', 1900]]),
    'actuals/2026-03/production.yaml': actuals('production', '2026-03', [['6401', 2500]]),
  });

interface Sub { department?: string; category: string; budget: number; actual: number | null; variance: number | null; variancePct: number | null; favourable: boolean | null; missingLines: number }
interface Previous { id: string; kind: string; fiscalYear: string; from: string; to: string; months: string[]; missing: boolean; summary: Record<string, number>; subtotals: Sub[]; totals: Sub[]; missingActuals: { department: string; month: string }[] }

function previous(ws: string, period: string): Previous {
  const r = runOpsplan(['variance', ws, '--period', period, '--as-of', '2026-03-31', '--format', 'json']);
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { previousPeriod: Previous }).previousPeriod;
}

describe('the previous period', () => {
  it('variance --format json: March carries February, where production filed nothing (missing, not 0, not favourable)', () => {
    const p = previous(fixture(), '2026-03');
    expect(p).toMatchObject({ id: '2026-02', kind: 'month', fiscalYear: 'FY2026', from: '2026-02-01', to: '2026-02-28', months: ['2026-02'], missing: false });
    const sub = (d: string, c: string): Sub | undefined => p.subtotals.find((s) => s.department === d && s.category === c);
    // marketing February: advertising 1,300.00 on 1,000.00 = +300.00, +30%, unfavourable; sales 4,000.00 on 5,000.00 = -1,000.00, -20%, unfavourable.
    expect(sub('marketing', 'expense')).toMatchObject({ budget: 1000, actual: 1300, variance: 300, variancePct: 30, favourable: false });
    expect(sub('marketing', 'revenue')).toMatchObject({ budget: 5000, actual: 4000, variance: -1000, variancePct: -20, favourable: false });
    // production February: not filed. Its budget is shown, its actual and variance are missing.
    expect(sub('production', 'cost')).toMatchObject({ budget: 2000, actual: null, variance: null, variancePct: null, favourable: null, missingLines: 1 });
    expect(p.totals.find((t) => t.category === 'cost')).toMatchObject({ actual: null, variance: null, favourable: null });
    expect(p.missingActuals).toEqual([{ department: 'production', month: '2026-02' }]);
    expect(p.summary.missingActuals).toBe(1);
  });

  it('February carries January: the month before, every department filed', () => {
    const p = previous(fixture(), '2026-02');
    expect(p.id).toBe('2026-01');
    // production January: 1,900.00 on 2,000.00 = -100.00, -5%, favourable (a cost under budget).
    expect(p.totals.map((t) => [t.category, t.budget, t.actual, t.variance, t.favourable])).toEqual([
      ['revenue', 5000, 5200, 200, true],
      ['cost', 2000, 1900, -100, true],
      ['expense', 1000, 1100, 100, false],
    ]);
  });

  it('the year before the first budget, and the month before it, are missing as a whole: no totals, never 0', () => {
    const ws = fixture();
    const year = previous(ws, 'FY2026');
    expect(year).toMatchObject({ id: 'FY2025', kind: 'year', months: expect.arrayContaining(['2025-01', '2025-12']) as unknown, missing: true, subtotals: [], totals: [], missingActuals: [] });
    expect(previous(ws, '2026-01')).toMatchObject({ id: '2025-12', missing: true, totals: [] });
  });

  it('report: the Variance sheet shows the previous period subtotals with live formulas, the same figures as the JSON', async () => {
    const ws = fixture();
    const out = path.join(tempDir('opsplan-prev-'), 'r.xlsx');
    const r = runOpsplan(['report', ws, '--period', '2026-03', '--as-of', '2026-03-31', '--no-charts', '--output', out]);
    expect(r.code, r.stderr).toBe(0);
    const bytes = readFileSync(out);
    expect(disagreements(await recomputeFormulas(bytes))).toEqual([]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sheet = wb.getWorksheet('Variance')!;
    const values = (no: number): unknown[] => (sheet.getRow(no).values as unknown[]).slice(1, 8).map((v) => (v !== null && typeof v === 'object' && 'result' in v ? (v as { result: unknown }).result : v));
    let title = 0;
    sheet.eachRow((row, no) => {
      if (row.getCell(1).value === 'Subtotals by department and category, previous period 2026-02') title = no;
    });
    expect(title).toBeGreaterThan(0);
    expect(sheet.getRow(title + 1).getCell(1).value).toBe('2026-02 (2026-02-01 to 2026-02-28): the period before, by the same rules; over filed department-months only');
    const rows = [title + 3, title + 4, title + 5].map(values);
    expect(rows).toEqual([
      ['marketing', 'Marketing', 'revenue', 5000, 4000, -1000, -0.2],
      ['marketing', 'Marketing', 'expense', 1000, 1300, 300, 0.3],
      ['production', 'Production', 'cost', 2000, 'missing', undefined, undefined],
    ]);
    // The company expense total is a SUM over the department row above it.
    const formulas: string[] = [];
    sheet.eachRow((row, no) => {
      if (no > title + 5 && no < title + 10 && row.getCell(1).value === 'company') {
        const v = row.getCell(4).value as { formula?: string } | null;
        if (v && typeof v === 'object' && v.formula) formulas.push(v.formula);
      }
    });
    expect(formulas.length).toBeGreaterThan(0);
    expect(formulas.every((f) => f.startsWith('SUM('))).toBe(true);
  }, 60000);

  it('report for the fiscal year: the year before is captioned missing, not 0', async () => {
    const out = path.join(tempDir('opsplan-prev-'), 'r.xlsx');
    const r = runOpsplan(['report', fixture(), '--period', 'FY2026', '--as-of', '2026-03-31', '--no-charts', '--output', out]);
    expect(r.code, r.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const texts: unknown[] = [];
    wb.getWorksheet('Variance')!.eachRow((row) => texts.push(row.getCell(1).value));
    expect(texts).toContain('Subtotals by department and category, previous period FY2025');
    expect(texts).toContain('FY2025 (2025-01-01 to 2025-12-31): nothing budgeted or filed for the period before: missing, not 0');
  }, 60000);
});
