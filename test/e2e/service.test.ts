// `opsplan service` and `opsplan accounts` through the real executable on examples/acme and on
// fixtures: every format, --fail-on, missing logs, usage errors. The acme figures were worked
// out by hand from the YAML (see the README section "opsplan service" for the arithmetic).
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACME, copyAcme, runOpsplan, tempDir } from '../helpers/run-cli.js';

interface Scope { opened: number | null; resolved: number | null; closed: number | null; closureRatePct: number | null; backlog: { total: number; byAge: { key: string; count: number }[] } | null; sla: { met: number; breached: number; running: number; none: number; attainmentPct: number | null } | null; satisfaction: { ratings: number; satisfied: number; pct: number | null } | null; hotIssues: { category: string; complaints: number; previous: number | null; rise: number | null }[] | null; missing: { department: string; month: string; reason: string; file: string | null }[]; times: { group: string; key: string; responseMedian: number | null; responseP90: number | null; resolutionMedian: number | null; resolutionP90: number | null }[] | null; repeatComplaints: { byCustomer: { key: string; count: number }[]; byProduct: { key: string; count: number }[] } | null; afterSalesByProduct: { key: string; count: number }[] | null }
interface ServiceJson { kind: string; period: string; company: Scope; departments: (Scope & { department: string })[]; cases: { id: string; sla: string; response: { hours: number; status: string }; resolution: { hours: number; status: string; overHours: number } }[] }

function service(args: string[], dir = ACME): { code: number | null; json: ServiceJson; stderr: string } {
  const r = runOpsplan(['service', dir, '--as-of', '2026-11-30', '--format', 'json', ...args]);
  return { code: r.code, json: JSON.parse(r.stdout || '{}') as ServiceJson, stderr: r.stderr };
}

describe('opsplan service on examples/acme', () => {
  it('November: counts, closure, backlog, SLA, satisfaction, hot issues, repeats', () => {
    const { code, json } = service(['--period', '2026-11']);
    expect(code).toBe(0);
    const c = json.company;
    expect([c.opened, c.resolved, c.closed]).toEqual([11, 9, 7]);
    expect(c.closureRatePct).toBe(63.64);
    expect(c.backlog).toEqual({ total: 3, byAge: [{ key: '<1d', count: 0 }, { key: '1-3d', count: 1 }, { key: '3-7d', count: 1 }, { key: '7-30d', count: 1 }, { key: '>=30d', count: 0 }] });
    expect(c.sla).toEqual({ met: 6, breached: 2, running: 2, none: 1, attainmentPct: 75 });
    expect(c.satisfaction).toEqual({ ratings: 7, satisfied: 5, pct: 71.43 });
    expect(c.hotIssues).toEqual([
      { category: 'delivery-delay', complaints: 3, previous: 1, rise: 2 },
      { category: 'product-quality', complaints: 3, previous: 2, rise: 1 },
    ]);
    expect(c.repeatComplaints).toEqual({ byCustomer: [{ key: 'Huaxin Electronics', count: 1 }, { key: 'Jiangnan Pumps Trading', count: 1 }], byProduct: [{ key: 'FG-1001', count: 2 }] });
    expect(c.afterSalesByProduct).toEqual([{ key: 'FG-1001', count: 1 }, { key: 'FG-2040', count: 1 }]);
    const complaints = c.times!.find((t) => t.key === 'complaint')!;
    expect(complaints).toMatchObject({ responseMedian: 1.13, responseP90: 3.25, resolutionMedian: 16, resolutionP90: 21.2 });
    expect(c.missing).toEqual([]);
    expect(json.departments.map((d) => d.department)).toEqual(['customer-service']);
  });

  it('measures each case in service hours: the paused case, the open breach, the UTC time', () => {
    const { json } = service(['--period', '2026-11']);
    const byId = new Map(json.cases.map((x) => [x.id, x]));
    // Mon 10:00 -> Wed 12:00 is 20 service hours, 6 paused: 14.
    expect(byId.get('CS-2026-11-001')!.resolution).toMatchObject({ hours: 14, status: 'met' });
    // Urgent, open, 26 service hours by the end of 30 Nov against 8.
    expect(byId.get('CS-2026-11-009')).toMatchObject({ sla: 'breached', resolution: { hours: 26, status: 'breached', overHours: 18 } });
    // 08:00Z = 16:00 Shanghai on Friday: 2 h Friday + 1 h Monday to the first response.
    expect(byId.get('CS-2026-11-003')!.response.hours).toBe(3);
    expect(byId.get('CS-2026-11-010')!.sla).toBe('none');
  });

  it('October: the holiday case and the October breach', () => {
    const { json } = service(['--period', '2026-10']);
    const byId = new Map(json.cases.map((x) => [x.id, x]));
    // Received on 1 Oct (holiday), answered 8 Oct 09:30: half an hour of service time.
    expect(byId.get('CS-2026-10-002')!.response.hours).toBe(0.5);
    expect(byId.get('CS-2026-10-004')).toMatchObject({ sla: 'breached', resolution: { hours: 13, overHours: 5 } });
    // 16 = 34 service hours minus 18 paused.
    expect(byId.get('CS-2026-10-003')!.resolution.hours).toBe(16);
    // As of the end of October, CS-2026-10-007 (resolved 4 Nov) is still in the backlog.
    expect(json.company.backlog!.total).toBe(1);
    // No log before October: the rises against September are missing.
    expect(json.company.hotIssues!.every((h) => h.previous === null && h.rise === null)).toBe(true);
  });

  it('--fail-on breach exits 1 when a case of the period breached, 0 otherwise', () => {
    expect(runOpsplan(['service', ACME, '--period', '2026-11', '--as-of', '2026-11-30', '--fail-on', 'breach']).code).toBe(1);
    // As of 2 November nothing received in November has breached yet.
    expect(runOpsplan(['service', ACME, '--period', '2026-11', '--as-of', '2026-11-02', '--fail-on', 'breach']).code).toBe(0);
  });

  it('table and csv show the same figures as json', () => {
    const table = runOpsplan(['service', ACME, '--period', '2026-11', '--as-of', '2026-11-30']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('SLA attainment: 75.0%');
    expect(table.stdout).toMatch(/company\s+│\s+11 │\s+9 │\s+7 │\s+63\.6% │\s+3 │\s+6 │\s+2 │\s+2 │\s+1 │\s+75\.0% │\s+7 │\s+71\.4%/);
    expect(table.stdout).toContain('CS-2026-11-009');
    const csv = runOpsplan(['service', ACME, '--period', '2026-11', '--as-of', '2026-11-30', '--format', 'csv']);
    const lines = csv.stdout.trim().split(/\r?\n/);
    expect(lines).toHaveLength(12);
    expect(lines[0]).toContain('Case,Department,Type');
    expect(lines.find((l) => l.startsWith('CS-2026-11-009'))).toContain('breached');
  });

  it('a quarter and the year cover the two months; --output writes the file', () => {
    const q = service(['--period', 'FY2026-Q4']);
    expect(q.json.company.opened).toBe(18);
    const out = path.join(tempDir(), 'service.json');
    expect(runOpsplan(['service', ACME, '--period', 'FY2026', '--as-of', '2026-11-30', '--format', 'json', '--output', out]).code).toBe(0);
    expect((JSON.parse(readFileSync(out, 'utf8')) as ServiceJson).company.opened).toBe(18);
  });
});

describe('missing service logs', () => {
  it('a log left out for errors makes its department-month missing: null, never zero, and exit 1', () => {
    const dir = copyAcme();
    const file = path.join(dir, 'service', '2026-11', 'customer-service.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('resolved: 2026-11-03T17:00', 'resolved: 2026-11-03T13:00'));
    const { code, json, stderr } = service(['--period', '2026-11'], dir);
    expect(code).toBe(1);
    expect(stderr).toContain('service-log/time-order');
    expect(json.company.missing).toEqual([{ department: 'customer-service', month: '2026-11', reason: 'left-out', file: 'service/2026-11/customer-service.yaml' }]);
    expect([json.company.opened, json.company.backlog, json.company.sla, json.company.satisfaction]).toEqual([null, null, null, null]);
    const table = runOpsplan(['service', dir, '--period', '2026-11', '--as-of', '2026-11-30']);
    expect(table.stdout).toContain('customer-service 2026-11: service/2026-11/customer-service.yaml has errors and is left out');
    // Accounts: open complaints and breaches are missing too; visits are not.
    const acc = JSON.parse(runOpsplan(['accounts', dir, '--as-of', '2026-11-30', '--format', 'json']).stdout) as { accounts: { openComplaints: number | null; plannedToDate: number }[] };
    expect(acc.accounts[0]).toMatchObject({ openComplaints: null, plannedToDate: 4 });
  });

  it('a month with no log after the first one is missing (not filed)', () => {
    const dir = copyAcme();
    rmSync(path.join(dir, 'service', '2026-10'), { recursive: true });
    writeFileSync(path.join(dir, 'service', '2026-09.yaml'), 'kind: service-log\nversion: 1\ndepartment: customer-service\nmonth: 2026-09\ncases: []\n');
    const { code, json } = service(['--period', '2026-11'], dir);
    // The November log refers to October cases as repeats: those are warnings now.
    expect(code).toBe(0);
    // Backlog and resolutions rest on October, which is not filed; the month's own counts do not.
    expect(json.company.missing).toEqual([{ department: 'customer-service', month: '2026-10', reason: 'not-filed', file: null }]);
    expect(json.company.backlog).toBeNull();
    expect(json.company.resolved).toBeNull();
    expect(json.company.opened).toBe(11);
    expect(json.company.hotIssues!.every((h) => h.rise === null)).toBe(true);
  });
});

describe('usage errors', () => {
  it.each([
    [['--period', '2026-13'], '--period takes a month'],
    [['--period', '2026-05'], 'no service log belongs to 2026-05; months with service logs: 2026-10, 2026-11'],
    [[], '--period is required'],
    [['--period', '2026-11', '--fail-on', 'warn'], '--fail-on takes breach'],
    [['--period', '2026-11', '--format', 'xml'], 'unknown format "xml"'],
    [['--period', '2026-11', '--as-of', '2026-10-15'], 'is before 2026-11 starts'],
  ])('%j exits 2', (args, message) => {
    const r = runOpsplan(['service', ACME, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
  it('a company timeZone that is not an IANA zone exits 2 for both commands, naming the fix', () => {
    const dir = copyAcme();
    const company = path.join(dir, 'opsplan.yaml');
    writeFileSync(company, readFileSync(company, 'utf8').replace('timeZone: Asia/Shanghai', 'timeZone: Asia/Shanghia'));
    for (const args of [['service', dir, '--period', '2026-11'], ['accounts', dir]]) {
      const r = runOpsplan(args);
      expect(r.code, args[0]).toBe(2);
      expect(r.stderr).toContain('timeZone "Asia/Shanghia" in opsplan.yaml is not an IANA zone; write one such as Asia/Shanghai');
    }
  });
});

describe('opsplan accounts on examples/acme', () => {
  it('visits, coverage by tier and owner, open complaints and breaches', () => {
    const r = runOpsplan(['accounts', ACME, '--as-of', '2026-11-30', '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { fiscalYear: string; accounts: Record<string, unknown>[]; byTier: Record<string, unknown>[]; byOwner: Record<string, unknown>[]; total: Record<string, unknown> };
    expect(j.fiscalYear).toBe('FY2026');
    expect(j.accounts.map((a) => [a.customer, a.plannedToDate, a.done, a.overdue, a.nextDue, a.coveragePct, a.openComplaints, a.breaches])).toEqual([
      ['Huaxin Electronics', 4, 3, 1, '2026-12-15', 75, 1, 1],
      ['Kunlun Auto Parts', 3, 3, 0, '2026-12-08', 100, 1, 0],
      ['Dongfang Machinery', 2, 1, 1, null, 50, 0, 0],
    ]);
    expect(j.byTier).toEqual([
      { key: 'A', accounts: 2, plannedToDate: 7, done: 6, overdue: 1, coveragePct: 85.71 },
      { key: 'B', accounts: 1, plannedToDate: 2, done: 1, overdue: 1, coveragePct: 50 },
    ]);
    expect(j.byOwner.map((o) => [o.key, o.coveragePct])).toEqual([['Wang Fang', 100], ['Zhang Min', 66.67]]);
    expect(j.total).toMatchObject({ plannedToDate: 9, done: 7, coveragePct: 77.78 });
  });

  it('table and csv', () => {
    const t = runOpsplan(['accounts', ACME, '--as-of', '2026-11-30']);
    expect(t.code).toBe(0);
    expect(t.stdout).toContain('Coverage: 77.8%');
    expect(t.stdout).toMatch(/Huaxin Electronics\s+│ A\s+│ Zhang Min\s+│\s+4 │\s+3 │\s+1 │ 2026-12-15 │\s+75\.0% │\s+1 │\s+1 │ CS-2026-11-009/);
    const csv = runOpsplan(['accounts', ACME, '--as-of', '2026-11-30', '--format', 'csv']).stdout.trim().split(/\r?\n/);
    expect(csv).toHaveLength(4);
    expect(csv[0]).toContain('Customer,Tier,Owner');
    expect(runOpsplan(['accounts', ACME, '--format', 'pdf']).code).toBe(2);
  });

  it('writes json and csv to files in one run (--format NAME=FILE)', () => {
    const dir = tempDir();
    const r = runOpsplan(['accounts', ACME, '--as-of', '2026-11-30', '--format', `json=${path.join(dir, 'a.json')}`, '--format', `csv=${path.join(dir, 'a.csv')}`]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect((JSON.parse(readFileSync(path.join(dir, 'a.json'), 'utf8')) as { total: { coveragePct: number } }).total.coveragePct).toBe(77.78);
    expect(readFileSync(path.join(dir, 'a.csv'), 'utf8').split(/\r?\n/)[1]).toMatch(/^Huaxin Electronics,A,Zhang Min,4,3,1,2026-12-15,75,1,1,/);
  });

  it('early in the year nothing is overdue yet', () => {
    const j = JSON.parse(runOpsplan(['accounts', ACME, '--as-of', '2026-01-31', '--format', 'json']).stdout) as { accounts: { plannedToDate: number; coveragePct: number | null; nextDue: string }[] };
    expect(j.accounts[0]).toMatchObject({ plannedToDate: 0, coveragePct: null, nextDue: '2026-02-10' });
  });
});
