import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parse } from 'yaml';
import { checkCellReferences } from '../helpers/xlsx-check.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyAcme, runOpsplan, tempDir } from '../helpers/run-cli.js';

const ARGS = ['--period', '2026-11', '--as-of', '2026-11-30'];

/** Cells whose formula adds up a run of its own row (a Budget year total). */
function yearSums(sheet: ExcelJS.Worksheet): number {
  let n = 0;
  sheet.eachRow((row, no) => row.eachCell((cell) => {
    const v = cell.value as { formula?: string } | null;
    if (v && typeof v === 'object' && new RegExp(`^SUM\\([A-Z]+${no}:[A-Z]+${no}\\)$`).test(v.formula ?? '')) n++;
  }));
  return n;
}

async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** The rows below the header row whose first cells are `header`, as objects by header. */
function tableRows(ws: ExcelJS.Worksheet, header: string[], fromRow = 1): Record<string, unknown>[] {
  let h = 0;
  for (let r = fromRow; r <= ws.rowCount && h === 0; r++) {
    const vals = (ws.getRow(r).values as unknown[]).slice(1, header.length + 1);
    if (header.every((x, i) => vals[i] === x)) h = r;
  }
  if (h === 0) throw new Error(`no header ${header.join(',')} in ${ws.name}`);
  // Repeated headers get a suffix: "Target", "Target 2".
  const names = ((ws.getRow(h).values as unknown[]).slice(1) as string[]).map((n, i, all) => (all.indexOf(n) < i ? `${n} 2` : n));
  const out: Record<string, unknown>[] = [];
  for (let r = h + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (row.cellCount === 0 || row.getCell(1).value === null) break;
    const o: Record<string, unknown> = {};
    names.forEach((n, i) => {
      const v = row.getCell(i + 1).value;
      o[n] = v !== null && typeof v === 'object' && 'result' in v ? (v as { result: unknown }).result : v;
    });
    out.push(o);
  }
  return out;
}

describe('opsplan report on examples/acme', () => {
  let ws: string;
  let cwd: string;
  let json: { file: string; sheets: { name: string; rows: number; images: number }[]; flags: Record<string, number>; kind: string; version: number };
  let wb: ExcelJS.Workbook;

  beforeAll(async () => {
    ws = copyAcme();
    cwd = tempDir();
    const r = runOpsplan(['report', ws, ...ARGS, '--format', 'json'], { cwd });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    json = JSON.parse(r.stdout);
    wb = await readWorkbook(path.join(cwd, json.file));
  }, 60000);

  it('gives every cell of every sheet the reference of its row', async () => {
    expect(await checkCellReferences(readFileSync(path.join(cwd, json.file)))).toBeGreaterThan(1000);
  });

  it('names departments, not ids, on the charts, with axis titles and the unit (the pictures\' alternative text)', async () => {
    const company = parse(readFileSync(path.join(ws, 'opsplan.yaml'), 'utf8')) as { departments: { id: string; name: string }[] };
    const zip = await JSZip.loadAsync(readFileSync(path.join(cwd, json.file)));
    const descr = [...(await zip.file('xl/drawings/drawing1.xml')!.async('string')).matchAll(/descr="([^"]*)"/g)].map((m) => m[1]!);
    expect(descr).toHaveLength(3);
    const budgetChart = descr[0]!;
    expect(budgetChart).toContain('. Department: ');
    expect(budgetChart).toContain('Budget / actual (CNY).');
    for (const d of company.departments.filter((x) => budgetChart.includes(x.name))) expect(budgetChart).not.toMatch(new RegExp(`[:,] ${d.id}[,.]`));
    expect(company.departments.filter((d) => budgetChart.includes(d.name)).length).toBeGreaterThan(3);
    expect(descr[1]).toContain('Month: 2026-01');
    expect(descr[1]).toContain('Variance (CNY).');
    expect(descr[2]).toContain('Warehouse: ');
  });

  it('writes the default file name and a JSON summary of it', () => {
    expect(json.file).toBe(path.join('reports', 'opsplan-2026-11.xlsx'));
    expect(json.kind).toBe('report');
    expect(json.version).toBe(1);
    expect(json.sheets.map((s) => s.name)).toEqual(['Summary', 'Contents', 'Plan', 'Budget', 'Variance', 'Notices', 'Stock Alerts', 'Reorder Plan', 'Transfers', 'Count Discrepancies', 'Production', 'Material Plan', 'Quality', 'Equipment', 'Safety', 'Suppliers', 'Performance', 'Customer Service', 'Key Accounts', 'Findings', 'About']);
    expect(json.sheets[0]!.images).toBe(3);
    expect(wb.worksheets.map((w) => w.name)).toEqual(json.sheets.map((s) => s.name));
  });

  it('lists the ten largest unfavourable lines on Summary, as variance --format json has them', () => {
    const v = JSON.parse(runOpsplan(['variance', ws, ...ARGS, '--format', 'json']).stdout) as { rows: { department: string; account: string; variance: number | null; favourable: boolean | null }[] };
    const expected = v.rows.filter((r) => r.favourable === false).sort((a, b) => Math.abs(b.variance!) - Math.abs(a.variance!)).slice(0, 10);
    const rows = tableRows(wb.getWorksheet('Summary')!, ['Department', 'Department name', 'Account', 'Name']);
    expect(rows.slice(0, expected.length).map((r) => [r.Department, r.Account, r.Variance])).toEqual(expected.map((r) => [r.department, r.account, r.variance]));
    expect(expected.length).toBe(Math.min(10, v.rows.filter((r) => r.favourable === false).length));
  });

  it('works the notices: amount, days overdue or left, and the answer (cause, measures, owner, due)', () => {
    const rows = tableRows(wb.getWorksheet('Notices')!, ['Notice', 'Department', 'Department name', 'Lines']);
    const overdue = rows.find((r) => r.Notice === 'VN-2026-10-customer-service')!;
    // Due 2026-11-10, as of 2026-11-30: 20 days overdue.
    expect([overdue.Status, overdue['Days overdue (-) / left'], overdue.Cause]).toEqual(['overdue', -20, null]);
    const answered = rows.find((r) => r.Notice === 'VN-2026-10-marketing')!;
    const response = parse(readFileSync(path.join(ws, 'responses', 'VN-2026-10-marketing.yaml'), 'utf8')) as { cause: string; measures: string; owner: string };
    expect([answered.Status, answered.Cause, answered.Measures, answered.Owner]).toEqual(['answered', response.cause, response.measures, response.owner]);
    expect(answered.Amount as number).toBeGreaterThan(0);
  });

  it('shows the figures variance prints as JSON', () => {
    const v = JSON.parse(runOpsplan(['variance', ws, ...ARGS, '--format', 'json']).stdout) as { rows: { department: string; account: string; budget: number; actual: number; variance: number; variancePct: number | null; level: string | null }[]; summary: { critical: number; warn: number; notices: Record<string, number> } };
    const rows = tableRows(wb.getWorksheet('Variance')!, ['Department', 'Department name', 'Account']);
    expect(rows.length).toBe(v.rows.length);
    v.rows.forEach((line, i) => {
      const row = rows[i]!;
      expect([row.Department, row.Account, row.Budget, row.Actual, row.Variance]).toEqual([line.department, line.account, line.budget, line.actual ?? 'missing', line.variance]);
      if (line.variancePct === null) expect(row['Var %']).toBeNull();
      // The workbook keeps the exact fraction; JSON rounds the percentage to 2 decimals.
      else expect(Math.abs((row['Var %'] as number) * 100 - line.variancePct)).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(row.Level || null).toBe(line.level);
    });
    // The marketing 6601 line: critical, with its notice id.
    const adv = rows.find((r) => r.Department === 'marketing' && r.Account === '6601')!;
    expect(adv).toMatchObject({ Budget: 330000, Actual: 462350.8, Level: 'critical', Notice: 'VN-2026-11-marketing' });
    expect(json.flags['variance.critical']).toBe(v.summary.critical);
    expect(json.flags['variance.warn']).toBe(v.summary.warn);
    expect(json.flags['notices.overdue']).toBe(v.summary.notices.overdue);
    expect(json.flags['notices.open']).toBe(v.summary.notices.open);
  });

  it('shows the figures stock prints as JSON', () => {
    const s = JSON.parse(runOpsplan(['stock', ws, '--as-of', '2026-11-30', '--format', 'json']).stdout) as { counts: Record<string, number>; procurementPlan: { supplier: string; totalValue: number; lines: unknown[] }[]; transfers: unknown[] };
    const plan = tableRows(wb.getWorksheet('Reorder Plan')!, ['Supplier']);
    for (const g of s.procurementPlan) {
      const rows = plan.filter((r) => r.Supplier === g.supplier);
      expect(rows.length).toBe(g.lines.length + 1);
      // The subtotal row is a live SUM whose cached result is the JSON total.
      expect(rows[rows.length - 1]!.Value).toBe(g.totalValue);
    }
    const summary = wb.getWorksheet('Summary')!;
    const headline = new Map<unknown, unknown>();
    // Summary figures are formulas over the cells they count (their cached result is the figure).
    summary.eachRow((r) => headline.set(r.getCell(1).value, r.getCell(2).result ?? r.getCell(2).value));
    expect(headline.get('Stock alerts critical')).toBe(s.counts.critical);
    expect(headline.get('Stock alerts warn')).toBe(s.counts.warn);
    expect(headline.get('Procurement plan value')).toBe(s.procurementPlan.reduce((a, g) => a + g.totalValue * 100, 0) / 100);
  });

  it('shows the ranking and scorecards opsplan kpi prints as JSON, with a chart of scores', () => {
    const k = JSON.parse(runOpsplan(['kpi', ws, '--period', '2026-11', '--as-of', '2026-11-30', '--format', 'json']).stdout) as { departments: { department: string; score: number | null; grade: string | null; rank: number | null; indicators: { id: string; score: number | null }[] }[] };
    const sheet = wb.getWorksheet('Performance')!;
    const ranking = tableRows(sheet, ['Rank', 'Department']);
    // The graded departments by rank (an ungraded one follows with an empty Rank cell, where the reader stops).
    const order = k.departments.filter((d) => d.rank !== null).sort((a, b) => a.rank! - b.rank!);
    expect(order.length).toBeGreaterThan(2);
    expect(ranking.map((r) => [r.Rank, r.Department, r.Score, r.Grade])).toEqual(order.map((d) => [d.rank, d.department, d.score, d.grade]));
    // One card per department, each a table headed Indicator, Name, ...
    const cards: Record<string, unknown>[] = [];
    for (let r = 1; r <= sheet.rowCount; r++) {
      if (sheet.getRow(r).getCell(1).value === 'Indicator' && sheet.getRow(r).getCell(2).value === 'Name') cards.push(...tableRows(sheet, ['Indicator', 'Name'], r));
    }
    const all = k.departments.flatMap((d) => d.indicators);
    expect(cards.length).toBe(all.length);
    for (const i of all) {
      const row = cards.find((r) => r.Indicator === i.id)!;
      expect(row.Score ?? null).toBe(i.score === null ? null : Math.round(i.score * 100) / 100);
    }
    expect(json.sheets.find((s) => s.name === 'Performance')!.images).toBe(1);
  });

  it('shows the figures consolidate prints as JSON', () => {
    const c = JSON.parse(runOpsplan(['consolidate', ws, '--period', 'FY2026', '--format', 'json']).stdout) as { targets: { id: string; target: number; baseline: number }[]; budget: { lines: { department: string; account: string; revised: { months: Record<string, number> } }[] } };
    const targets = tableRows(wb.getWorksheet('Plan')!, ['Department', 'Department name', 'Target', 'Metric (unit)']);
    expect(targets.map((t) => t.Target)).toEqual(c.targets.map((t) => t.id));
    expect(targets.map((t) => t['Target 2'])).toEqual(c.targets.map((t) => t.target));
    expect(targets.map((t) => t.Baseline)).toEqual(c.targets.map((t) => t.baseline));
    const budget = tableRows(wb.getWorksheet('Budget')!, ['Department', 'Department name', 'Account']).filter((r) => r.Measure === 'revised');
    expect(budget.length).toBe(c.budget.lines.length);
    for (const line of c.budget.lines) {
      const row = budget.find((r) => r.Department === line.department && r.Account === line.account)!;
      for (const [month, amount] of Object.entries(line.revised.months)) expect(row[month]).toBe(amount);
    }
  });

  it('shows the figures service and accounts print as JSON on the Customer Service and Key Accounts sheets', () => {
    const svc = JSON.parse(runOpsplan(['service', ws, ...ARGS, '--format', 'json']).stdout) as { company: { opened: number; backlog: { total: number }; sla: { met: number; breached: number; attainmentPct: number }; satisfaction: { pct: number }; hotIssues: { category: string; complaints: number; rise: number }[] } };
    const sheet = wb.getWorksheet('Customer Service')!;
    const company = tableRows(sheet, ['Department', 'Department name', 'Opened']).find((r) => r.Department === 'company')!;
    expect([company.Opened, company.Backlog, company['SLA met'], company.Breached]).toEqual([svc.company.opened, svc.company.backlog.total, svc.company.sla.met, svc.company.sla.breached]);
    // Percentages are stored as fractions with a percent format.
    expect(company['SLA %']).toBeCloseTo(svc.company.sla.attainmentPct / 100, 6);
    expect(company['Satisfied %']).toBeCloseTo(svc.company.satisfaction.pct / 100, 4);
    const hot = tableRows(sheet, ['Category', 'Complaints']);
    expect(hot.map((h) => [h.Category, h.Complaints, h.Rise])).toEqual(svc.company.hotIssues.map((h) => [h.category, h.complaints, h.rise]));
    const acc = JSON.parse(runOpsplan(['accounts', ws, '--as-of', '2026-11-30', '--format', 'json']).stdout) as { accounts: { customer: string; overdue: number; breaches: number }[] };
    const rows = tableRows(wb.getWorksheet('Key Accounts')!, ['Customer', 'Tier']);
    expect(rows.map((r) => [r.Customer, r.Overdue, r['SLA breaches']])).toEqual(acc.accounts.map((a) => [a.customer, a.overdue, a.breaches]));
  });

  it('shows the figures production and mrp print as JSON on the Production and Material Plan sheets', () => {
    const p = JSON.parse(runOpsplan(['production', ws, ...ARGS, '--format', 'json']).stdout) as { total: { attainmentPct: number; uncappedPct: number }; lines: { sku: string; due: string; quantity: number; good: number; status: string }[]; byItem: { sku: string; plan: number; good: number }[]; capacity: { line: string; loadHours: number; over: boolean }[] };
    const prod = wb.getWorksheet('Production')!;
    const headline = new Map<unknown, unknown>();
    // The headline rows come first ("Late lines" is a table title further down too).
    prod.eachRow((r) => void (headline.has(r.getCell(1).value) || headline.set(r.getCell(1).value, r.getCell(2).value)));
    // Percentages are stored as fractions with a percent format, rounded to 0.1 % as printed.
    expect(headline.get('Attainment')).toBeCloseTo(Math.round(p.total.attainmentPct * 10) / 1000, 6);
    expect(headline.get('Late lines')).toBe(p.lines.filter((l) => l.status === 'late').length);
    const items = tableRows(prod, ['SKU', 'Plan', 'Made for plan']).filter((r) => r.SKU !== 'Total');
    expect(items.map((r) => [r.SKU, r.Plan, r.Good])).toEqual(p.byItem.map((x) => [x.sku, x.plan, x.good]));
    const late = tableRows(prod, ['Plan', 'Plan line', 'SKU']);
    // The first such table is Late lines: only the lines production calls late.
    expect(late.map((r) => [r.SKU, r.Quantity, r.Status])).toEqual(p.lines.filter((l) => l.status === 'late').map((l) => [l.sku, l.quantity, 'late']));
    const capacity = tableRows(prod, ['Line', 'Load h']);
    expect(capacity.map((r) => [r.Line, r['Load h']])).toEqual(p.capacity.map((c) => [c.line, c.loadHours]));

    const m = JSON.parse(runOpsplan(['mrp', ws, '--as-of', '2026-11-30', '--format', 'json']).stdout) as { totals: { buyValue: number }; orders: { id: string; qty: number; release: string; value: number | null; pegging: { qty: number }[]; restoredSafetyStock: number; lotSurplus: number }[]; suppliers: { supplier: string; orders: number; value: number }[] };
    const plan = wb.getWorksheet('Material Plan')!;
    const orders = tableRows(plan, ['Order', 'Type', 'SKU']);
    expect(orders.map((r) => [r.Order, r.Quantity, r.Value ?? null])).toEqual(m.orders.map((o) => [o.id, o.qty, o.value]));
    const pegging = tableRows(plan, ['Order', 'SKU', 'Covers']);
    for (const o of m.orders) {
      const mine = pegging.filter((r) => r.Order === o.id);
      // One row per pegged requirement, safety stock and surplus when there are any, then the order's quantity.
      expect(mine).toHaveLength(o.pegging.length + (o.restoredSafetyStock > 0 ? 1 : 0) + (o.lotSurplus > 0 ? 1 : 0) + 1);
      expect(mine.at(-1)).toMatchObject({ Covers: 'Order quantity', Quantity: o.qty });
    }
    const bySupplier = tableRows(plan, ['Supplier', 'Orders']);
    expect(bySupplier.filter((r) => r.Supplier !== 'Total').map((r) => [r.Supplier, r.Orders, r.Value])).toEqual(m.suppliers.map((x) => [x.supplier, x.orders, x.value]));
    expect(bySupplier.at(-1)).toMatchObject({ Supplier: 'Total', Value: m.totals.buyValue });
  });

  it('closes each budget category with a live SUM that carries the consolidated total', () => {
    const c = JSON.parse(runOpsplan(['consolidate', ws, '--period', 'FY2026', '--format', 'json']).stdout) as { budget: { lines: { category: string; revised: { months: Record<string, number> } }[] } };
    const sheet = wb.getWorksheet('Budget')!;
    const rows = tableRows(sheet, ['Category', 'Department']);
    const totals = rows.filter((r) => r.Department === 'company');
    expect(totals.map((t) => t.Category)).toEqual(['revenue', 'cost', 'expense', 'cash-in', 'cash-out']);
    for (const t of totals) {
      // The company total of a category is the sum of the consolidated lines of that category.
      const want = c.budget.lines.filter((l) => l.category === t.Category).reduce((s, l) => s + Math.round(l.revised.months['2026-11']! * 100), 0) / 100;
      expect(t['2026-11']).toBeCloseTo(want, 2);
    }
    let formulas = 0;
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value as { formula?: string; result?: number } | null;
        if (v && typeof v === 'object' && v.formula?.startsWith('SUM(')) formulas++;
      }),
    );
    // Each company total: twelve month SUMs over its departments and its year total; every
    // other row's year total is the SUM of its own months as well.
    expect(formulas).toBe(totals.length * 13 + (sheet.rowCount > 0 ? yearSums(sheet) - totals.length : 0));
    expect(yearSums(sheet)).toBeGreaterThan(totals.length * 5);
  });

  it('lists every input file with its SHA-256 on the About sheet', () => {
    const files = tableRows(wb.getWorksheet('About')!, ['File', 'Kind']);
    const company = files.find((f) => f.File === 'opsplan.yaml')!;
    const expected = spawnSync('sha256sum', [path.join(ws, 'opsplan.yaml')], { encoding: 'utf8' }).stdout.split(' ')[0];
    expect(company['SHA-256']).toBe(expected);
  });

  it('freezes the header of a one-table sheet only, and keeps formula-looking text as text', () => {
    // A frozen header above stacked tables would label the wrong columns.
    expect(wb.getWorksheet('Variance')!.views[0]?.state).not.toBe('frozen');
    expect(wb.getWorksheet('Budget')!.views[0]?.state).not.toBe('frozen');
    expect(wb.getWorksheet('Count Discrepancies')!.views[0]).toMatchObject({ state: 'frozen' });
    let formulas = 0;
    wb.eachSheet((s) => s.eachRow((r) => r.eachCell((cell) => {
      if (cell.type === ExcelJS.ValueType.Formula) {
        formulas++;
        // Only the formulas opsplan writes: SUMs, a variance (A-B), a variance % (A/ABS(B)), a link to a cell (a chart's data to the Ranking, Summary to Variance), a Contents link, a Summary count (COUNTIF over a column, ROWS of a table).
        expect(cell.formula).toMatch(/^(SUM\([^()"=]+\)|COUNTIF\('[^']+'![A-Z]+\d+:[A-Z]+\d+,"[^"]+"\)|ROWS\('[^']+'![A-Z]+\d+:[A-Z]+\d+\)|[A-Z]+\d+-[A-Z]+\d+|[A-Z]+\d+\/ABS\([A-Z]+\d+\)|(?:'[^']+'!)?[A-Z]+\d+|HYPERLINK\("#'[^']+'!A1","[^"]+"\))$/);
      }
    })));
    expect(formulas).toBeGreaterThan(0);
  });
});

describe('opsplan report: determinism and safety', () => {
  it('writes a byte-identical file twice, and honours SOURCE_DATE_EPOCH', () => {
    const ws = copyAcme();
    const file = path.join(tempDir(), 'r.xlsx');
    expect(runOpsplan(['report', ws, ...ARGS, '-o', file]).code).toBe(0);
    const first = readFileSync(file);
    expect(runOpsplan(['report', ws, ...ARGS, '-o', file]).code).toBe(0);
    expect(readFileSync(file).equals(first)).toBe(true);
    expect(runOpsplan(['report', ws, ...ARGS, '-o', file], { env: { SOURCE_DATE_EPOCH: '1700000000' } }).code).toBe(0);
    expect(readFileSync(file).equals(first)).toBe(false);
  }, 60000);

  it('refuses to overwrite an input file (exit 2) and leaves it untouched', () => {
    const ws = copyAcme();
    const target = path.join(ws, 'opsplan.yaml');
    const before = readFileSync(target);
    const r = runOpsplan(['report', ws, ...ARGS, '-o', target]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('input file');
    expect(readFileSync(target).equals(before)).toBe(true);
  }, 60000);

  it('exits 3 when the folder is not writable, leaving the previous report intact', () => {
    const ws = copyAcme();
    const dir = path.join(tempDir(), 'reports');
    mkdirSync(dir);
    const file = path.join(dir, 'r.xlsx');
    writeFileSync(file, 'previous report');
    chmodSync(dir, 0o555);
    try {
      // root ignores permission bits: make the target's folder a path through a file instead.
      const blocked = process.getuid?.() === 0 ? path.join(file, 'x.xlsx') : file;
      const r = runOpsplan(['report', ws, ...ARGS, '-o', blocked]);
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(/cannot (write|create)/);
      expect(readFileSync(file, 'utf8')).toBe('previous report');
    } finally {
      chmodSync(dir, 0o755);
    }
  }, 60000);

  it('takes a fiscal quarter and a year, with the landing forecast variance --format json gives', async () => {
    const ws = copyAcme();
    const cwd = tempDir();
    const r = runOpsplan(['report', ws, '--period', 'FY2026-Q4', '--as-of', '2026-11-30', '--format', 'json', '--no-charts'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { file: string; period: string };
    expect(out.file).toBe(path.join('reports', 'opsplan-FY2026-Q4.xlsx'));
    expect(out.period).toBe('FY2026-Q4');
    const q = await readWorkbook(path.join(cwd, out.file));
    const v = JSON.parse(runOpsplan(['variance', ws, '--period', 'FY2026-Q4', '--as-of', '2026-11-30', '--format', 'json']).stdout) as { forecast: { through: string; totals: { category: string; yearBudget: number; landing: number; runRate: number | null }[] } };
    // Q4 runs through December: the forecast counts filed months through it (none in December).
    expect(v.forecast.through).toBe('2026-12');
    const rows = tableRows(q.getWorksheet('Variance')!, ['Department', 'Department name', 'Category', 'Year budget']);
    for (const t of v.forecast.totals) {
      const row = rows.find((x) => x.Department === 'company' && x.Category === t.category)!;
      expect([row['Year budget'], row.Landing, row['Run rate']]).toEqual([t.yearBudget, t.landing, t.runRate]);
    }
    // The chapter sheets cover the whole quarter, as opsplan quality does.
    const quality = JSON.parse(runOpsplan(['quality', ws, '--period', 'FY2026-Q4', '--as-of', '2026-11-30', '--format', 'json']).stdout) as { months: string[]; totals: { lots: number } };
    expect(quality.months).toEqual(['2026-10', '2026-11', '2026-12']);
    const lots = (q.getWorksheet('Quality')!.getSheetValues() as unknown[][]).find((r) => r?.[1] === 'Lots')!;
    expect(lots[2]).toBe(quality.totals.lots);
    const y = runOpsplan(['report', ws, '--period', 'FY2026', '--as-of', '2026-11-30', '--no-charts', '-o', path.join(cwd, 'y.xlsx')]);
    expect(y.code, y.stderr).toBe(0);
  }, 90000);

  it('a quarter as of a date inside it: the Summary counts the due months only (December not due, not missing)', async () => {
    const ws = copyAcme();
    const file = path.join(tempDir(), 'q4.xlsx');
    const r = runOpsplan(['report', ws, '--period', 'FY2026-Q4', '--as-of', '2026-11-30', '--no-charts', '-o', file]);
    expect(r.code, r.stderr).toBe(0);
    const v = JSON.parse(runOpsplan(['variance', ws, '--period', 'FY2026-Q4', '--as-of', '2026-11-30', '--format', 'json']).stdout) as { summary: { critical: number; warn: number; missingActuals: number; levelsPending: number }; missingActuals: { department: string; month: string }[] };
    // A count may be a formula: its cached result is the figure.
    const figure = (v: unknown): unknown => (v !== null && typeof v === 'object' && 'formula' in v ? ((v as { result?: unknown }).result ?? 0) : v);
    const summary = new Map((((await readWorkbook(file)).getWorksheet('Summary')!.getSheetValues() as unknown[][]).filter((x) => x?.[1] !== undefined)).map((x) => [x[1], figure(x[2])]));
    // Before: "Critical lines 0, Warn lines 0, Missing actuals 6" (December counted missing).
    expect(summary.get('Critical lines')).toBe(v.summary.critical);
    expect(summary.get('Warn lines')).toBe(v.summary.warn);
    expect(v.summary.critical + v.summary.warn).toBeGreaterThan(0);
    expect(summary.get('Missing actuals')).toBe(1);
    expect(v.missingActuals).toEqual([{ department: 'customer-service', month: '2026-11' }]);
    expect(summary.get('Months compared')).toBe('2026-10, 2026-11');
    expect(summary.get('Months not yet due')).toBe(1);
    expect(summary.get('Levels pending (unfiled months)')).toBe(v.summary.levelsPending);
    // A month wholly after as-of with nothing filed: exit 2, no workbook.
    const dec = path.join(tempDir(), 'dec.xlsx');
    const d = runOpsplan(['report', ws, '--period', '2026-12', '--as-of', '2026-11-30', '-o', dec]);
    expect(d.code).toBe(2);
    expect(d.stderr).toContain('2026-12 is not due at as-of 2026-11-30');
    expect(existsSync(dec)).toBe(false);
  }, 90000);

  it('rejects a period that is not a month, quarter or year and an unknown language (exit 2)', () => {
    const bad = runOpsplan(['report', copyAcme(), '--period', '2026-Q4']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('FY2026-Q4');
    const r = runOpsplan(['report', copyAcme(), '--period', '2026-11', '--lang', 'fr']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--lang');
  }, 60000);

  it('names sheets and headers in Chinese with --lang zh-CN', async () => {
    const ws = copyAcme();
    const file = path.join(tempDir(), 'zh.xlsx');
    const r = runOpsplan(['report', ws, ...ARGS, '--lang', 'zh-CN', '-o', file, '--no-charts']);
    expect(r.code).toBe(0);
    const wb = await readWorkbook(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '目录', '经营计划', '预算', '预算执行差异', '预警通知', '库存预警', '采购计划', '调拨建议', '盘点差异', '生产计划执行', '物料需求计划', '质量', '设备', '安全', '供应商评价', '经营绩效', '客户服务', '重点客户', '数据校验', '关于']);
    expect(tableRows(wb.getWorksheet('预算执行差异')!, ['部门', '部门名称', '科目']).length).toBeGreaterThan(0);
  }, 60000);

  it('opens cleanly in LibreOffice (converted to PDF)', (ctx) => {
    const soffice = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).stdout.trim();
    if (!soffice) {
      ctx.skip('LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui to run this check');
      return;
    }
    const dir = tempDir();
    const file = path.join(dir, 'acme.xlsx');
    expect(runOpsplan(['report', copyAcme(), ...ARGS, '-o', file]).code).toBe(0);
    copyFileSync(file, path.join(dir, 'copy.xlsx'));
    const r = spawnSync(soffice, ['--headless', `-env:UserInstallation=file://${dir}/lo-profile`, '--convert-to', 'pdf', '--outdir', dir, file], { encoding: 'utf8', timeout: 120000 });
    expect(r.status).toBe(0);
    expect(existsSync(path.join(dir, 'acme.pdf'))).toBe(true);
    expect(readFileSync(path.join(dir, 'acme.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    // LibreOffice places cells by their own reference: the Summary sheet's first rows as CSV
    // must be the title, then the currency line (a cell carrying another row's reference would
    // move them).
    const csv = spawnSync(soffice, ['--headless', `-env:UserInstallation=file://${dir}/lo-profile`, '--convert-to', 'csv', '--outdir', dir, file], { encoding: 'utf8', timeout: 120000 });
    expect(csv.status).toBe(0);
    const lines = readFileSync(path.join(dir, 'acme.csv'), 'utf8').split('\n');
    expect(lines[0]).toMatch(/^Acme.*2026-11/);
    expect(lines[1]).toMatch(/^Acme Manufacturing Co\. \| Monthly operations report 2026-11 \| as of 2026-11-30 \| Amounts in CNY/);
  }, 150000);
});
