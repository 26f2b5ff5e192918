// `opsplan variance` through the real executable: acme figures, formats, options, exit codes.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPANY_YAML, makeWorkspace, runOpsplan, tempDir } from '../helpers/run-cli.js';

const ASOF = ['--as-of', '2026-11-30'];

interface JsonRow {
  department: string;
  account: string;
  category: string;
  budget: number;
  actual: number;
  variance: number;
  variancePct: number | null;
  missingMonths: number;
  favourable: boolean | null;
  level: string | null;
  flags: string[];
}

const json = (args: string[]): { code: number | null; body: Record<string, unknown> & { rows: JsonRow[]; notices: { id: string; status: string; due: string; lines: { account: string }[] }[] } } => {
  const r = runOpsplan(['variance', 'examples/acme', ...ASOF, '--format', 'json', ...args]);
  return { code: r.code, body: JSON.parse(r.stdout) };
};
const row = (rows: JsonRow[], d: string, a: string): JsonRow => rows.find((r) => r.department === d && r.account === a)!;

describe('variance on examples/acme', () => {
  it('defaults to the latest month with actuals (2026-11)', () => {
    const r = runOpsplan(['variance', 'examples/acme', ...ASOF]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Variance 2026-11');
    expect(r.stdout).toMatch(/│ marketing +│ 6601 +│ Advertising +│ expense +│ +330,000\.00 │ +462,350\.80 │ +132,350\.80 │ +40\.1% │ critical/);
    expect(r.stdout).toMatch(/VN-2026-10-customer-service.*2026-11-10 │ overdue/);
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('November JSON: warn, critical, favourable revenue, unbudgeted, overdue notice', () => {
    const { code, body } = json(['--period', '2026-11']);
    expect(code).toBe(0);
    expect(body).toMatchObject({ version: 1, kind: 'variance', currency: 'CNY', asOf: '2026-11-30', period: { id: '2026-11', kind: 'month', ytd: false, from: '2026-11-01', to: '2026-11-30', months: ['2026-11'] } });
    expect(row(body.rows, 'marketing', '6601')).toMatchObject({ budget: 330000, actual: 462350.8, variance: 132350.8, level: 'critical', favourable: false });
    expect(row(body.rows, 'production', '6401')).toMatchObject({ budget: 2587500, actual: 2950418.36, variance: 362918.36, level: 'warn' });
    expect(row(body.rows, 'production', '6001')).toMatchObject({ category: 'revenue', budget: 5750000, actual: 6441235.5, variance: 691235.5, favourable: true, level: null });
    expect(row(body.rows, 'supply-chain', '6499')).toMatchObject({ budget: 0, actual: 48612.4, variancePct: null, flags: ['unbudgeted'], level: 'critical' });
    // levelsPending: customer-service has not filed November, so its lines wait for a level.
    expect(body.summary).toEqual({ critical: 2, warn: 1, unbudgeted: 1, missingActuals: 1, levelsPending: body.rows.filter((r) => r.department === 'customer-service').length, notices: { open: 3, answered: 1, overdue: 1 } });
    expect((body.summary as { levelsPending: number }).levelsPending).toBeGreaterThan(0);
    expect(body.missingActuals).toEqual([{ department: 'customer-service', month: '2026-11' }]);
    expect(body.notices.map((n) => [n.id, n.status, n.due])).toEqual([
      ['VN-2026-10-customer-service', 'overdue', '2026-11-10'],
      ['VN-2026-10-marketing', 'answered', '2026-11-10'],
      ['VN-2026-11-marketing', 'open', '2026-12-10'],
      ['VN-2026-11-production', 'open', '2026-12-10'],
      ['VN-2026-11-supply-chain', 'open', '2026-12-10'],
    ]);
    const subtotal = (body.subtotals as { department: string; category: string; budget: number; actual: number }[]).find((s) => s.department === 'marketing' && s.category === 'expense')!;
    const lines = body.rows.filter((r) => r.department === 'marketing' && r.category === 'expense');
    expect(subtotal.actual * 100).toBeCloseTo(lines.reduce((s, r) => s + Math.round(r.actual * 100), 0), 6);
  });

  it('an unfiled month is missing: no variance, not favourable, left out of the totals, which say so', () => {
    const { body } = json(['--period', '2026-11']);
    const cs = body.rows.filter((r) => r.department === 'customer-service');
    expect(cs.length).toBeGreaterThan(0);
    for (const r of cs) expect(r).toMatchObject({ actual: null, variance: null, variancePct: null, favourable: null, level: null, missingMonths: 1, flags: ['missing-actuals'] });
    const sub = (body.subtotals as { department: string; category: string }[]).find((s) => s.department === 'customer-service' && s.category === 'expense')!;
    expect(sub).toMatchObject({ actual: null, variance: null, favourable: null, missingLines: cs.length });
    // Company expense over the departments that filed, worked from the rows in cents.
    const filed = body.rows.filter((r) => r.category === 'expense' && (r.actual as number | null) !== null);
    const budget = filed.reduce((s, r) => s + Math.round(r.budget * 100), 0);
    const actual = filed.reduce((s, r) => s + Math.round(r.actual * 100), 0);
    const total = (body.totals as { category: string; budget: number; actual: number; variancePct: number; missingLines: number; unfiledBudget: number }[]).find((t) => t.category === 'expense')!;
    expect(Math.round(total.budget * 100)).toBe(budget);
    expect(Math.round(total.actual * 100)).toBe(actual);
    // JSON rates are rounded half away from zero to 2 decimals on output.
    expect(total.variancePct).toBeCloseTo(((actual - budget) / budget) * 100, 2);
    expect(String(total.variancePct)).toMatch(/^-?\d+(\.\d{1,2})?$/);
    expect(total.variancePct.toFixed(1)).toBe('28.0');
    expect(total.missingLines).toBe(cs.length);
    expect(Math.round(total.unfiledBudget * 100)).toBe(cs.reduce((s, r) => s + Math.round(r.budget * 100), 0));
    // The table prints "missing", never 0 or a green -100%.
    const table = runOpsplan(['variance', 'examples/acme', ...ASOF, '--period', '2026-11']).stdout;
    expect(table).toMatch(/customer-service.*missing/);
    expect(table).not.toMatch(/customer-service.*-100\.0%/);
  });

  it('FY2026 to date through November, and notices turn overdue after their due date', () => {
    const { body } = json(['--period', '2026-11', '--ytd']);
    expect(body.period).toMatchObject({ ytd: true, from: '2026-01-01', to: '2026-11-30' });
    expect((body.period as { months: string[] }).months).toHaveLength(11);
    expect(row(body.rows, 'production', '6001')).toMatchObject({ favourable: true });
    expect(row(body.rows, 'supply-chain', '6499')).toMatchObject({ level: 'critical', flags: ['unbudgeted'] });
    expect(body.notices.filter((n) => n.status === 'overdue').map((n) => n.id)).toEqual(['VN-2026-10-customer-service']);
    const later = json(['--period', '2026-11', '--as-of', '2026-12-11']).body;
    expect(later.notices.filter((n) => n.status === 'overdue').map((n) => n.id)).toEqual(['VN-2026-10-customer-service', 'VN-2026-11-marketing', 'VN-2026-11-production', 'VN-2026-11-supply-chain']);
  });

  it('a quarter still running compares its due months: levels for Oct-Nov, December not due and not missing', () => {
    // As of 2026-11-30 December has not ended: it is not due, so it is neither compared nor
    // missing (the old rule counted it missing and gave no line a level: "0 critical").
    const { body: raw, code } = json(['--period', 'FY2026-Q4']);
    expect(code).toBe(0);
    const body = raw as typeof raw & { period: { notDue: string[] }; summary: { critical: number; warn: number; missingActuals: number; levelsPending: number } };
    expect(body.period.notDue).toEqual(['2026-12']);
    expect(body.missingActuals).toEqual([{ department: 'customer-service', month: '2026-11' }]);
    expect(body.notices.map((n) => n.id).filter((id) => id.startsWith('VN-FY2026-Q4'))).toEqual([]);
    // Each line is October + November, recomputed from the two month runs.
    const oct = json(['--period', '2026-10']).body;
    const nov = json(['--period', '2026-11']).body;
    const cents = (x: number | null | undefined): number => Math.round((x ?? 0) * 100);
    for (const [d, a] of [['marketing', '6601'], ['marketing', '6603'], ['production', '6401']] as const) {
      const q = row(body.rows, d, a);
      expect(cents(q.budget)).toBe(cents(row(oct.rows, d, a).budget) + cents(row(nov.rows, d, a).budget));
      expect(cents(q.actual)).toBe(cents(row(oct.rows, d, a).actual) + cents(row(nov.rows, d, a).actual));
      expect(q).toMatchObject({ missingMonths: 0, notDueMonths: 1, flags: [] });
    }
    // 6601: 640,000.00 -> 777,875.99 = +137,875.99 = +21.54%: warn (10% / 25%, min 20,000);
    // 6603: 155,000.00 -> 191,268.69 = +36,268.69 = +23.40%: warn.
    expect(row(body.rows, 'marketing', '6601')).toMatchObject({ budget: 640000, actual: 777875.99, variance: 137875.99, variancePct: 21.54, level: 'warn' });
    expect(row(body.rows, 'marketing', '6603')).toMatchObject({ budget: 155000, actual: 191268.69, variance: 36268.69, variancePct: 23.4, level: 'warn' });
    expect(body.summary.critical + body.summary.warn).toBeGreaterThan(0);
    expect(body.summary.missingActuals).toBe(1);
    // customer-service has not filed November (due): no level, counted as pending.
    const cs = body.rows.filter((x) => x.department === 'customer-service');
    expect(cs.length).toBeGreaterThan(0);
    for (const x of cs) {
      expect(x).toMatchObject({ level: null, missingMonths: 1 });
      expect(x.flags).toContain('missing-actuals');
    }
    expect(body.summary.levelsPending).toBe(cs.length);
    const table = runOpsplan(['variance', 'examples/acme', ...ASOF, '--period', 'FY2026-Q4', '--no-color']).stdout;
    expect(table).toContain('Months compared: 2026-10, 2026-11');
    expect(table).toContain('Months not yet due: 1');
    expect(table).toContain(`Levels pending (unfiled months): ${cs.length}`);
  });

  it('a period wholly after as-of with nothing filed exits 2 saying it is not due', () => {
    const r = runOpsplan(['variance', 'examples/acme', ...ASOF, '--period', '2026-12']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('2026-12 is not due at as-of 2026-11-30');
    expect(r.stdout).toBe('');
    // due on its last day
    expect(runOpsplan(['variance', 'examples/acme', '--as-of', '2026-12-31', '--period', '2026-12']).code).toBe(0);
  });

  it('--fail-on exits 1 when a line reaches the level', () => {
    expect(runOpsplan(['variance', 'examples/acme', ...ASOF, '--fail-on', 'critical']).code).toBe(1);
    expect(runOpsplan(['variance', 'examples/acme', ...ASOF, '--fail-on', 'warn']).code).toBe(1);
    // September has no line at a level
    expect(runOpsplan(['variance', 'examples/acme', ...ASOF, '--period', '2026-09', '--fail-on', 'warn']).code).toBe(0);
  });

  it('colours favourable green and unfavourable red unless NO_COLOR or --no-color', () => {
    const r = runOpsplan(['variance', 'examples/acme', ...ASOF], { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(r.stdout).toContain('\u001b[32m691,235.50\u001b[39m');
    expect(r.stdout).toContain('\u001b[31m132,350.80\u001b[39m');
    expect(runOpsplan(['variance', 'examples/acme', ...ASOF, '--no-color'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } }).stdout).not.toContain('\u001b[');
    expect(runOpsplan(['variance', 'examples/acme', ...ASOF], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } }).stdout).not.toContain('\u001b[');
  });

  it('writes CSV to --output', () => {
    const out = path.join(tempDir(), 'variance.csv');
    const r = runOpsplan(['variance', 'examples/acme', ...ASOF, '--format', 'csv', '--output', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const text = readFileSync(out, 'utf8');
    expect(text.split('\r\n')[0]).toBe('Department,Account,Name,Category,Budget,Actual,Variance,Var %,Level,Flags');
    expect(text).toContain('marketing,6601,Advertising,expense,330000.00,462350.80,132350.80,40.1,critical,\r\n');
    expect(text).toContain('supply-chain,6499,,expense?,0.00,48612.40,48612.40,,critical,unbudgeted\r\n');
  });
});

describe('usage errors exit 2', () => {
  it.each([
    [['--period', '2026-13'], '--period takes a month'],
    [['--format', 'xml'], 'unknown format "xml"'],
    [['--fail-on', 'info'], '--fail-on takes warn or critical'],
    [['--as-of', '2026-02-30'], '--as-of takes a date'],
    [['--actuals', 'nope.csv'], 'cannot read --actuals nope.csv: the file or folder does not exist (ENOENT)'],
    [['--actuals', 'nope.csv', '--map', 'cost=X'], '--map takes field=Header'],
  ])('%j', (args, message) => {
    const r = runOpsplan(['variance', 'examples/acme', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
  it('a workspace without actuals and no --period', () => {
    const ws = makeWorkspace({ 'opsplan.yaml': COMPANY_YAML });
    const r = runOpsplan(['variance', ws]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('has no actuals');
  });
});

describe('CSV actuals', () => {
  const BUDGET = `kind: budget
version: 1
department: marketing
fiscalYear: FY2026
status: approved
lines:
  - account: "6601"
    name: Advertising
    category: expense
    basis: b
    method: m
    monthly: [1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000]
  - account: "6001"
    name: Sales
    category: revenue
    basis: b
    method: m
    monthly: [5000, 5000, 5000, 5000, 5000, 5000, 5000, 5000, 5000, 5000, 5000, 5000]
`;
  const fixture = (csv: string): string => makeWorkspace({ 'opsplan.yaml': COMPANY_YAML, 'budgets/FY2026/marketing.yaml': BUDGET, 'erp.csv': csv });

  it('adds actuals from a mapped CSV export, with BOM and CRLF', () => {
    const ws = fixture('\uFEFFAbteilung,Konto,Monat,Betrag\r\nmarketing,6601,2026-03,"1200.00"\r\nmarketing,6001,2026-03,4500.5\r\n');
    const r = runOpsplan(['variance', ws, '--actuals', path.join(ws, 'erp.csv'), '--map', 'dept=Abteilung,account=Konto,month=Monat,amount=Betrag', '--format', 'json', '--as-of', '2026-03-31']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout) as { period: { id: string }; rows: JsonRow[]; notices: { id: string; status: string }[] };
    expect(body.period.id).toBe('2026-03');
    expect(row(body.rows, 'marketing', '6601')).toMatchObject({ budget: 1000, actual: 1200, variance: 200, variancePct: 20, level: 'warn' });
    // revenue 9.99% short: below the default warnPct 10
    expect(row(body.rows, 'marketing', '6001')).toMatchObject({ budget: 5000, actual: 4500.5, variance: -499.5, favourable: false, level: null });
    expect(body.notices).toEqual([expect.objectContaining({ id: 'VN-2026-03-marketing', status: 'open' })]);
  });

  it('10,000 rows of 0.10 sum to exactly 1000.00', () => {
    const ws = fixture(['department,account,month,amount', ...new Array<string>(10000).fill('marketing,6601,2026-01,0.10')].join('\n') + '\n');
    const r = runOpsplan(['variance', ws, '--actuals', path.join(ws, 'erp.csv'), '--format', 'json', '--as-of', '2026-01-31']);
    expect(r.code).toBe(0);
    expect(row(JSON.parse(r.stdout).rows, 'marketing', '6601')).toMatchObject({ actual: 1000, variance: 0, variancePct: 0 });
  });

  it('a bad row exits 1 and names the file and line; the other rows still count', () => {
    const ws = fixture('department,account,month,amount\nmarketing,6601,2026-03,1200.00\nmarketing,6001,2026-03,"4,500.50"\nsales,6601,2026-03,1\n');
    const csvPath = path.join(ws, 'erp.csv');
    const r = runOpsplan(['variance', ws, '--actuals', csvPath, '--format', 'json', '--as-of', '2026-03-31']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${csvPath}:3 csv/bad-amount: column "amount": "4,500.50" has thousands separators; write it without them (4500.50)`);
    expect(r.stderr).toContain(`${csvPath}:4 csv/unknown-department: column "department": department "sales" is not declared`);
    expect(r.stderr).toContain('2 CSV row errors');
    expect(row(JSON.parse(r.stdout).rows, 'marketing', '6601').actual).toBe(1200);
  });

  it('a missing column exits 1 with line 1', () => {
    const ws = fixture('dept,account,month,amount\nmarketing,6601,2026-03,1\n');
    const r = runOpsplan(['variance', ws, '--actuals', path.join(ws, 'erp.csv'), '--period', '2026-03', '--as-of', '2026-03-31']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/erp\.csv:1 csv\/missing-column: missing column "department"/);
  });

  it('refuses a department and month already in the workspace', () => {
    const ws = fixture('department,account,month,amount\nmarketing,6601,2026-03,1\n');
    makeWorkspace({ 'actuals/2026-03/marketing.yaml': 'kind: actuals\nversion: 1\ndepartment: marketing\nmonth: 2026-03\nlines:\n  - account: "6601"\n    amount: 900\n' }, ws);
    const r = runOpsplan(['variance', ws, '--actuals', path.join(ws, 'erp.csv'), '--format', 'json', '--as-of', '2026-03-31']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('csv/duplicate-month: actuals of "marketing" for 2026-03 are already in actuals/2026-03/marketing.yaml');
    expect(row(JSON.parse(r.stdout).rows, 'marketing', '6601').actual).toBe(900);
  });

  it('never overwrites an input file', () => {
    const ws = fixture('department,account,month,amount\nmarketing,6601,2026-03,1\n');
    const csvPath = path.join(ws, 'erp.csv');
    const r = runOpsplan(['variance', ws, '--actuals', csvPath, '--output', csvPath, '--as-of', '2026-03-31']);
    expect(r.code).toBe(2);
    expect(readFileSync(csvPath, 'utf8')).toContain('marketing,6601');
    expect(existsSync(csvPath)).toBe(true);
  });
});
