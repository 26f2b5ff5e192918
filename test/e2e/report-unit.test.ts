// `report --unit yuan|wan`: amounts in whole units (元) or in 10,000s (万元). Cells keep the
// exact amount (in 万元 every digit of cents / 10^6); only the number format rounds. Every
// formula still recomputes to its cached value, and the Summary's totals equal
// `variance --format json` divided by 10,000 to the cent.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { disagreements, recomputeFormulas } from '../helpers/formula-check.js';
import { ACME, runOpsplan, tempDir } from '../helpers/run-cli.js';

function report(args: string[]): { file: string; json: { unit: string | null } } {
  const out = path.join(tempDir('opsplan-unit-'), 'r.xlsx');
  const r = runOpsplan(['report', ACME, '--period', '2026-11', '--as-of', '2026-11-30', '--no-charts', '--output', out, '--format', 'json', ...args]);
  expect(r.code, r.stderr).toBe(0);
  return { file: out, json: JSON.parse(r.stdout) as { unit: string | null } };
}

async function workbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

const result = (v: ExcelJS.CellValue): unknown => (v !== null && typeof v === 'object' && 'result' in v ? v.result : v);

interface VarianceJson { rows: { department: string; account: string; budget: number; actual: number | null }[]; totals: { category: string; budget: number; actual: number | null }[] }
const variance = (): VarianceJson => JSON.parse(runOpsplan(['variance', ACME, '--period', '2026-11', '--as-of', '2026-11-30', '--format', 'json']).stdout) as VarianceJson;

/** The Variance sheet's line of marketing 6601 (Department in A, Department name B, Account C, Budget F, Actual G). */
function line(wb: ExcelJS.Workbook, sheet: string, department: string, account: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  wb.getWorksheet(sheet)!.eachRow((row) => {
    if (!found && row.getCell(1).value === department && row.getCell(3).value === account) found = row;
  });
  return found!;
}

describe('report --unit', () => {
  it('wan: amounts in 10,000s with every digit kept, shown with 2 decimals; the amounts line says so; formulas reconcile', async () => {
    const { file, json } = report(['--unit', 'wan']);
    expect(json.unit).toBe('wan');
    const wb = await workbook(file);
    expect(wb.getWorksheet('Variance')!.getCell('A2').value).toBe('Acme Manufacturing Co. | Monthly operations report 2026-11 | as of 2026-11-30 | Amounts in CNY 10,000');
    // marketing 6601 in November: budget 330,000.00 = 33 万元; actual 462,350.80 = 46.23508 万元 (not rounded).
    const v = variance();
    const expected = v.rows.find((r) => r.department === 'marketing' && r.account === '6601')!;
    const row = line(wb, 'Variance', 'marketing', '6601');
    expect(row.getCell(6).value).toBe(expected.budget / 10000);
    expect(row.getCell(7).value).toBe(46.23508);
    expect(row.getCell(7).numFmt).toBe('#,##0.00;(#,##0.00);"-"');
    const cells = await recomputeFormulas(readFileSync(file));
    expect(cells.length).toBeGreaterThan(200);
    expect(disagreements(cells)).toEqual([]);
    // The Summary's month company totals (links to the Variance subtotals), recomputed: the JSON / 10,000, to the cent (1e-6 万元).
    const summary = cells.filter((c) => c.sheet === 'Summary' && /^D\d+$/.test(c.ref) && c.formula.startsWith("'Variance'!")).sort((a, b) => Number(a.ref.slice(1)) - Number(b.ref.slice(1)));
    expect(summary.length).toBe(v.totals.length);
    v.totals.forEach((t, i) => expect(Math.abs((summary[i]!.computed as number) - t.budget / 10000)).toBeLessThan(0.5e-6));
  }, 60000);

  it('wan in zh-CN: 金额单位：万元 on every sheet with money and on About', async () => {
    const { file } = report(['--unit', 'wan', '--lang', 'zh-CN']);
    const wb = await workbook(file);
    expect(wb.getWorksheet('预算执行差异')!.getCell('A2').value).toBe('Acme Manufacturing Co. | 月度运营报告 2026-11 | 截至 2026-11-30 | 金额单位：万元');
    const about: unknown[][] = [];
    wb.getWorksheet('关于')!.eachRow((r) => about.push([r.getCell(1).value, r.getCell(2).value]));
    expect(about).toContainEqual(['金额单位', '金额单位：万元']);
  }, 60000);

  it('yuan: the exact amounts, shown as whole units', async () => {
    const { file, json } = report(['--unit', 'yuan']);
    expect(json.unit).toBe('yuan');
    const wb = await workbook(file);
    expect(wb.getWorksheet('Variance')!.getCell('A2').value).toBe('Acme Manufacturing Co. | Monthly operations report 2026-11 | as of 2026-11-30 | Amounts in CNY, whole units');
    const row = line(wb, 'Variance', 'marketing', '6601');
    expect(row.getCell(7).value).toBe(462350.8);
    expect(row.getCell(7).numFmt).toBe('#,##0;(#,##0);"-"');
    expect(result(row.getCell(8).value)).toBe(132350.8);
    expect(disagreements(await recomputeFormulas(readFileSync(file)))).toEqual([]);
  }, 60000);

  it('default: the currency\'s minor digits, as before; JSON unit null', async () => {
    const { file, json } = report([]);
    expect(json.unit).toBeNull();
    const wb = await workbook(file);
    expect(wb.getWorksheet('Variance')!.getCell('A2').value).toBe('Acme Manufacturing Co. | Monthly operations report 2026-11 | as of 2026-11-30 | Amounts in CNY');
    expect(line(wb, 'Variance', 'marketing', '6601').getCell(7).numFmt).toBe('#,##0.00;(#,##0.00);"-"');
  }, 60000);

  it('refuses another unit with exit 2', () => {
    const r = runOpsplan(['report', ACME, '--period', '2026-11', '--as-of', '2026-11-30', '--unit', 'thousand', '--output', path.join(tempDir(), 'r.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('yuan, wan');
  });
});
