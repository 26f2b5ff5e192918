// Working details of the committee report (issue 13): the Summary's counts of unfiled data
// agree with each other and say what they count; a KPI card's `manual` metric is explained in
// Chinese; Summary figures link to the cells they summarise.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { disagreements, readSheets, recomputeFormulas } from '../helpers/formula-check.js';
import { ACME, runOpsplan, tempDir } from '../helpers/run-cli.js';

function write(args: string[]): string {
  const out = path.join(tempDir('opsplan-details-'), 'r.xlsx');
  const r = runOpsplan(['report', ACME, '--as-of', '2026-11-30', '--no-charts', '--output', out, ...args]);
  expect(r.code, r.stderr).toBe(0);
  return out;
}

async function report(args: string[]): Promise<ExcelJS.Workbook> {
  const out = write(args);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  return wb;
}

// exceljs reads a formula whose cached value is 0 (<v>0</v>) as a formula without a result.
const result = (v: ExcelJS.CellValue): unknown => (v !== null && typeof v === 'object' && 'formula' in v ? (v.result ?? 0) : v);

/** Rows under the first header row that starts with `header`, as objects by header, up to an empty row. */
function rowsAfter(ws: ExcelJS.Worksheet, header: string[]): Record<string, unknown>[] {
  let h = 0;
  for (let r = 1; r <= ws.rowCount && h === 0; r++) if (header.every((x, i) => ws.getRow(r).getCell(i + 1).value === x)) h = r;
  expect(h, `header ${header.join(',')}`).toBeGreaterThan(0);
  const names = (ws.getRow(h).values as unknown[]).slice(1).map(String);
  const out: Record<string, unknown>[] = [];
  for (let r = h + 1; r <= ws.rowCount && ws.getRow(r).getCell(1).value !== null; r++) {
    const o: Record<string, unknown> = {};
    names.forEach((n, i) => (o[n] = result(ws.getRow(r).getCell(i + 1).value)));
    out.push(o);
  }
  return out;
}

describe('report details', () => {
  it('Summary FY2026-Q4: an unfiled month is counted beside its budget (months not filed 1, unfiled budget 148,210.35), and the caption says what each count means', async () => {
    const wb = await report(['--period', 'FY2026-Q4']);
    const ws = wb.getWorksheet('Summary')!;
    // customer-service filed October, not November: no line is unfiled as a whole, one department-month is.
    const expense = rowsAfter(ws, ['Department', 'Department name', 'Category']).find((r) => r.Category === 'expense')!;
    expect(expense['Lines with nothing filed']).toBe(0);
    expect(expense['Months not filed']).toBe(1);
    expect(expense['Unfiled budget']).toBe(148210.35);
    const captions: string[] = [];
    ws.eachRow((row) => captions.push(String(row.getCell(1).value)));
    expect(captions.some((c) => c.includes('Months not filed: due department-months without actuals; Unfiled budget: the budget of those months, never compared'))).toBe(true);
  }, 60000);

  it('Summary 2026-11: customer-service filed nothing: its expense lines, 1 month and their budget, all counted', async () => {
    const v = JSON.parse(runOpsplan(['variance', ACME, '--period', '2026-11', '--as-of', '2026-11-30', '--format', 'json']).stdout) as { rows: { department: string; category: string; actual: number | null }[] };
    const unfiled = v.rows.filter((r) => r.department === 'customer-service' && r.category === 'expense' && r.actual === null).length;
    expect(unfiled).toBe(4);
    const wb = await report(['--period', '2026-11']);
    const expense = rowsAfter(wb.getWorksheet('Summary')!, ['Department', 'Department name', 'Category']).find((r) => r.Category === 'expense')!;
    expect([expense['Lines with nothing filed'], expense['Months not filed'], expense['Unfiled budget']]).toEqual([unfiled, 1, 148210.35]);
  }, 60000);

  it('zh-CN: a KPI card names a manual indicator 人工填报（考评表）, not the bare id manual', async () => {
    const wb = await report(['--period', '2026-11', '--lang', 'zh-CN']);
    const metrics: unknown[] = [];
    wb.getWorksheet('经营绩效')!.eachRow((row) => metrics.push(row.getCell(3).value));
    expect(metrics).toContain('人工填报（考评表）');
    expect(metrics).not.toContain('manual');
  }, 60000);

  for (const lang of ['en', 'zh-CN']) {
    it(`Summary headline counts and the landing forecast are formulas over the cells they summarise, recomputed equal to variance and stock JSON (${lang})`, async () => {
      const cells = await recomputeFormulas(readFileSync(write(['--period', '2026-11', '--lang', lang])));
      expect(disagreements(cells)).toEqual([]);
      const v = JSON.parse(runOpsplan(['variance', ACME, '--period', '2026-11', '--as-of', '2026-11-30', '--format', 'json']).stdout) as { summary: { critical: number; warn: number; unbudgeted: number; missingActuals: number; notices: { open: number; overdue: number } }; forecast: { totals: { category: string; yearBudget: number; actualToDate: number; landing: number; runRate: number | null }[] } };
      const s = JSON.parse(runOpsplan(['stock', ACME, '--as-of', '2026-11-30', '--format', 'json']).stdout) as { counts: { critical: number; warn: number } };
      const summary = lang === 'en' ? 'Summary' : '汇总';
      // Headline: B7.. in label order (Critical, Warn, Unbudgeted, Overdue, Levels pending, Open, Missing, Stock critical, Stock warn, Procurement value).
      const head = cells.filter((c) => c.sheet === summary && /^B\d+$/.test(c.ref) && Number(c.ref.slice(1)) < 20);
      const byFormula = (re: RegExp): unknown[] => head.filter((c) => re.test(c.formula)).map((c) => c.computed);
      expect(head.filter((c) => c.formula.startsWith('COUNTIF(')).length).toBeGreaterThanOrEqual(7);
      expect(byFormula(/^COUNTIF\('(Variance|预算执行差异)'![A-Z]+\d+:[A-Z]+\d+,"(critical|严重)"\)$/)).toEqual([v.summary.critical]);
      expect(byFormula(/^COUNTIF\('(Variance|预算执行差异)'![A-Z]+\d+:[A-Z]+\d+,"(warn|一般)"\)$/)).toEqual([v.summary.warn]);
      expect(byFormula(/^COUNTIF\('(Variance|预算执行差异)'![A-Z]+\d+:[A-Z]+\d+,"\*.+\*"\)$/)).toEqual([v.summary.unbudgeted]);
      expect(byFormula(/^ROWS\(/)).toEqual([v.summary.missingActuals]);
      expect(head.filter((c) => c.formula.startsWith('SUM(')).length).toBe(1);
      expect(byFormula(/^COUNTIF\('[^']+'!D\d+:D\d+,"(critical|严重)"\)$/)).toEqual([s.counts.critical]);
      expect(byFormula(/^COUNTIF\('[^']+'!D\d+:D\d+,"(warn|一般)"\)$/)).toEqual([s.counts.warn]);
      // Landing forecast: company rows add up the department rows; departments' actual to date adds up their filed year-to-date lines.
      const variance = lang === 'en' ? 'Variance' : '预算执行差异';
      const sums = cells.filter((c) => c.sheet === variance && c.formula.startsWith('SUM(')).map((c) => c.computed as number);
      const summed = (x: number): boolean => sums.some((y) => Math.abs(y - x) < 0.005);
      for (const t of v.forecast.totals) expect([t.category, summed(t.yearBudget), summed(t.landing), summed(t.actualToDate)]).toEqual([t.category, true, true, true]);
    }, 60000);
  }

  for (const [period, lang] of [['2026-11', 'en'], ['FY2026-Q4', 'zh-CN']] as const) {
    it(`Summary "Warnings by kind": every count is a COUNTIF over the cells it counts, recomputed equal to its cache and to the JSON flags (${period}, ${lang})`, async () => {
      const out = path.join(tempDir('opsplan-details-'), 'r.xlsx');
      const r = runOpsplan(['report', ACME, '--as-of', '2026-11-30', '--no-charts', '--period', period, '--lang', lang, '--format', 'json', '--output', out]);
      expect(r.code, r.stderr).toBe(0);
      const flags = (JSON.parse(r.stdout) as { flags: Record<string, number> }).flags;
      const bytes = readFileSync(out);
      const cells = await recomputeFormulas(bytes);
      expect(disagreements(cells)).toEqual([]);
      const summary = (await readSheets(bytes)).get(lang === 'en' ? 'Summary' : '汇总')!;
      // The table's rows: Code (column C) is a warning code, Count (column B) beside it.
      const counts: Record<string, unknown> = {};
      const formulas: Record<string, string | null> = {};
      for (const [at, cell] of summary) {
        const [col, row] = at.split(',');
        if (col !== '3' || typeof cell.value !== 'string' || !(cell.value in flags)) continue;
        const count = summary.get(`2,${row}`)!;
        formulas[cell.value] = count.formula;
        counts[cell.value] = cells.find((c) => c.ref === `B${row}` && c.sheet === (lang === 'en' ? 'Summary' : '汇总'))?.computed ?? count.value;
      }
      expect(Object.keys(counts).sort()).toEqual(Object.keys(flags).sort());
      expect(counts).toEqual(flags);
      // Every count that is not 0 counts cells (a 0 stays a plain value, as in the headline).
      const nonZero = Object.keys(flags).filter((k) => flags[k]! > 0);
      expect(nonZero.length).toBeGreaterThan(10);
      for (const k of nonZero) expect([k, formulas[k]]).toEqual([k, expect.stringMatching(/^COUNTIF\('[^']+'![A-Z]+\d+:[A-Z]+\d+,"[^"]+"\)$/)]);
    }, 60000);
  }

  // Issue 13 item 6: a sheet printed or copied out alone still says whose report it is, for
  // which period, as of when and in which currency (before, only Summary did).
  for (const [period, lang, title] of [
    ['2026-11', 'en', 'Monthly operations report'],
    ['FY2026-Q4', 'zh-CN', '季度运营报告'],
    ['FY2026', 'en', 'Annual operations report'],
  ] as const) {
    it(`every sheet starts with its title, then company, report and period, as-of date and currency (${period}, ${lang})`, async () => {
      const wb = await report(['--period', period, '--lang', lang]);
      const asOf = lang === 'en' ? 'as of' : '截至';
      const amounts = lang === 'en' ? 'Amounts in CNY' : '金额单位 CNY';
      expect(wb.worksheets.length).toBeGreaterThan(15);
      for (const ws of wb.worksheets) {
        expect([ws.name, typeof ws.getCell('A1').value]).toEqual([ws.name, 'string']);
        expect([ws.name, ws.getCell('A2').value]).toEqual([ws.name, `Acme Manufacturing Co. | ${title} ${period} | ${asOf} 2026-11-30 | ${amounts}`]);
      }
    }, 60000);
  }

  it('names departments beside their ids in tables (部门名称 in zh-CN), from the company file; company rows have none', async () => {
    const wb = await report(['--period', '2026-11', '--lang', 'zh-CN']);
    const lines = rowsAfter(wb.getWorksheet('预算执行差异')!, ['部门', '部门名称', '科目']);
    expect(lines.length).toBeGreaterThan(10);
    const names: Record<string, string> = { operations: 'Operations Management', production: 'Production Operations', marketing: 'Marketing', 'marketing-online': 'Online Marketing', 'customer-service': 'Customer Service', 'supply-chain': 'Supply Chain' };
    for (const l of lines) expect(l['部门名称']).toBe(names[l['部门'] as string]);
    const totals = rowsAfter(wb.getWorksheet('汇总')!, ['部门', '部门名称', '类别']);
    expect(totals.every((r) => r['部门名称'] === null)).toBe(true);
    expect(rowsAfter(wb.getWorksheet('预警通知')!, ['预警通知', '部门', '部门名称']).map((r) => r['部门名称'])).toContain('Customer Service');
    expect(rowsAfter(wb.getWorksheet('经营绩效')!, ['名次', '部门', '部门名称']).length).toBeGreaterThan(3);
    // Customer Service's figures by department: its department column (keyed scope) ends with the company row, which has no name.
    const service = rowsAfter(wb.getWorksheet('客户服务')!, ['部门', '部门名称', '受理数']);
    expect(service.map((r) => [r['部门'], r['部门名称']])).toEqual([['customer-service', 'Customer Service'], ['公司合计', null]]);
  }, 60000);
});
