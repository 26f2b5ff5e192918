// `opsplan kpi` through the real executable on examples/acme: every catalogue metric checked
// against its own command's JSON, every score recomputed here from the scheme's curve, options,
// formats and exit codes.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { METRIC_NAMES } from '../../src/kinds/kpi-scheme/metric-names.js';
import { ACME, copyAcme, runOpsplan, tempDir } from '../helpers/run-cli.js';

const ASOF = ['--as-of', '2026-11-30'];

interface Indicator { id: string; metric: string; scope: string; weight: number; direction: 'higher' | 'lower'; threshold: number; target: number; stretch: number | null; cap: number; aggregate: string; value: number | null; missing: string | null; score: number | null; source: string; months: { month: string; value: number | null }[] | null }
interface Department { department: string; manager: string | null; indicators: Indicator[]; goals: { id: string; weight: number; score: number | null }[]; kpi: { score: number | null; weightMissing: number }; gs: { score: number | null }; score: number | null; grade: string | null; rank: number | null }
interface Kpi { period: { id: string }; departments: Department[]; ranking: { rank: number; department: string; score: number }[]; rectification: { department: string; indicator: string; manager: string }[]; commendation: { department: string }[] }

const json = (args: string[]): unknown => {
  const r = runOpsplan(args);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};
const kpi = (period: string): Kpi => json(['kpi', ACME, '--period', period, ...ASOF, '--format', 'json']) as Kpi;

/** The curve of the issue, written out again in floating point (good to far below 0.01). */
function curve(i: Indicator, v: number): number {
  const s = i.direction === 'lower' ? -1 : 1;
  const [x, th, tg] = [v * s, i.threshold * s, i.target * s];
  if (x < th) return 0;
  if (x < tg) return 60 + (40 * (x - th)) / (tg - th);
  if (i.stretch === null) return 100;
  const st = i.stretch * s;
  return x < st ? 100 + ((i.cap - 100) * (x - tg)) / (st - tg) : i.cap;
}

const mean = (items: { w: number; v: number }[]): number | null => {
  const w = items.reduce((s, x) => s + x.w, 0);
  return w === 0 ? null : items.reduce((s, x) => s + x.w * x.v, 0) / w;
};

describe('opsplan kpi on examples/acme, November 2026', () => {
  const r = kpi('2026-11');
  const dept = (id: string): Department => r.departments.find((d) => d.department === id)!;
  const ind = (d: string, id: string): Indicator => dept(d).indicators.find((i) => i.id === id)!;

  it('takes budget variances from opsplan variance', () => {
    const v = json(['variance', ACME, '--period', '2026-11', ...ASOF, '--format', 'json']) as { subtotals: { department: string; category: string; variancePct: number | null }[] };
    const pct = (d: string, c: string) => v.subtotals.find((s) => s.department === d && s.category === c)!.variancePct;
    expect(ind('marketing', 'MKT-K2').value).toBeCloseTo(pct('marketing', 'expense')!, 2); // variance JSON rounds percentages to 2 decimals
    expect(ind('marketing', 'MKT-K1').value).toBeCloseTo(pct('marketing', 'revenue')!, 2); // variance JSON rounds percentages to 2 decimals
    expect(ind('production', 'PRD-K1').value).toBeCloseTo(pct('production', 'revenue')!, 2); // variance JSON rounds percentages to 2 decimals
    expect(ind('production', 'PRD-K2').value).toBeCloseTo(pct('production', 'cost')!, 2); // variance JSON rounds percentages to 2 decimals
    expect(ind('operations', 'OPS-K1').value).toBeCloseTo(pct('operations', 'expense')!, 2); // variance JSON rounds percentages to 2 decimals
    expect(ind('supply-chain', 'SCM-K1').value).toBeCloseTo(pct('supply-chain', 'expense')!, 2); // variance JSON rounds percentages to 2 decimals
    // customer-service filed no November actuals; marketing-online has no approved budget
    expect(ind('customer-service', 'CSV-K1')).toMatchObject({ value: null, score: null, missing: 'no actuals for 2026-11' });
    expect(ind('marketing-online', 'MKO-K1')).toMatchObject({ value: null, missing: 'no approved FY2026 budget' });
  });

  it('takes plan achievement and work items from opsplan consolidate', () => {
    const c = json(['consolidate', ACME, '--period', 'FY2026', '--format', 'json']) as { progress: { targets: { department: string; target: number; achieved: number }[] }; workItems: { department: string; status: string | null }[] };
    for (const d of ['operations', 'production', 'marketing', 'marketing-online', 'customer-service', 'supply-chain']) {
      const rows = c.progress.targets.filter((t) => t.department === d && t.target !== 0);
      const expected = (rows.reduce((s, t) => s + t.achieved, 0) / rows.reduce((s, t) => s + t.target, 0)) * 100;
      const i = dept(d).indicators.find((x) => x.metric === 'plan.achievementPct')!;
      expect(i.value, d).toBeCloseTo(expected, 9);
    }
    const items = c.workItems.filter((w) => w.department === 'operations' && w.status !== null);
    expect(ind('operations', 'OPS-K4').value).toBeCloseTo((items.filter((w) => w.status !== 'late').length / items.length) * 100, 9);
  });

  it('takes notices answered on time from opsplan variance notices', () => {
    const v = json(['variance', ACME, '--period', '2026-11', ...ASOF, '--format', 'json']) as { notices: { department: string; due: string; status: string; response: { respondedOn?: string } | null }[] };
    for (const [d, id] of [['marketing', 'MKT-K4'], ['customer-service', 'CSV-K4'], ['production', 'PRD-K7'], ['supply-chain', 'SCM-K6']] as const) {
      const due = v.notices.filter((n) => n.department === d && n.due >= '2026-11-01' && n.due <= '2026-11-30');
      const onTime = due.filter((n) => n.status === 'answered' && n.response?.respondedOn !== undefined && n.response.respondedOn <= n.due);
      if (due.length === 0) expect(ind(d, id).value, d).toBeNull();
      else expect(ind(d, id).value, d).toBe((onTime.length / due.length) * 100);
    }
    expect(ind('marketing', 'MKT-K4').value).toBe(100); // VN-2026-10-marketing answered 2026-11-08, due 2026-11-10
    expect(ind('customer-service', 'CSV-K4')).toMatchObject({ value: 0, score: 0 }); // VN-2026-10-customer-service overdue
  });

  it('takes stock-outs and count accuracy from opsplan stock, company-wide', () => {
    const s = json(['stock', ACME, ...ASOF, '--format', 'json']) as { items: { alerts: { code: string }[]; count: { flagged: boolean } | null }[] };
    const stockouts = s.items.filter((i) => i.alerts.some((a) => a.code === 'stockout')).length;
    const counted = s.items.filter((i) => i.count !== null);
    expect(ind('supply-chain', 'SCM-K2')).toMatchObject({ value: stockouts, scope: 'company' });
    expect(ind('supply-chain', 'SCM-K3').value).toBeCloseTo((counted.filter((i) => !i.count!.flagged).length / counted.length) * 100, 9);
  });

  const chapter = <T>(command: string): T => json([command, ACME, '--period', '2026-11', ...ASOF, '--format', 'json']) as T;

  it('takes first-pass yield and incoming acceptance from opsplan quality, for the department', () => {
    const q = chapter<{ firstPassYield: { department: string; firstInspected: number; firstPassed: number }[]; byStage: { department: string; stage: string; lotRatePct: number }[]; totals: { fpyPct: number } }>('quality');
    const rows = q.firstPassYield.filter((y) => y.department === 'production');
    const fpy = (rows.reduce((s, y) => s + y.firstPassed, 0) / rows.reduce((s, y) => s + y.firstInspected, 0)) * 100;
    expect(ind('production', 'PRD-K4')).toMatchObject({ value: fpy, scope: 'department' });
    expect(fpy).toBe(q.totals.fpyPct); // acme's only quality log is production's
    expect(ind('production', 'PRD-K4').source).toContain('opsplan quality --period 2026-11 --as-of 2026-11-30');
    expect(ind('production', 'PRD-K9').value).toBeCloseTo(q.byStage.find((x) => x.department === 'production' && x.stage === 'incoming')!.lotRatePct, 2); // the command's JSON rounds ...Pct to 2 decimals
  });

  it('takes availability and PM compliance from opsplan equipment, for the department', () => {
    const e = chapter<{ machines: { department: string; periodHours: number; downtimeHours: number; availabilityPct: number }[]; compliance: { department: string; state: string }[]; compliancePct: number }>('equipment');
    const machines = e.machines.filter((m) => m.department === 'production');
    const hours = machines.reduce((s, m) => s + m.periodHours, 0);
    expect(ind('production', 'PRD-K5').value).toBeCloseTo(((hours - machines.reduce((s, m) => s + m.downtimeHours, 0)) / hours) * 100, 9);
    expect(ind('production', 'PRD-K5').value).toBeCloseTo(machines.reduce((s, m) => s + m.availabilityPct, 0) / machines.length, 2); // the JSON's availabilityPct is rounded to 2 decimals
    const judged = e.compliance.filter((c) => c.department === 'production' && c.state !== 'pending');
    expect(ind('production', 'PRD-K8').value).toBe((judged.filter((c) => c.state === 'on-time').length / judged.length) * 100);
    expect(ind('production', 'PRD-K8').value).toBe(e.compliancePct);
  });

  it('takes on-time rectification from opsplan safety and the average supplier score from opsplan suppliers, company-wide', () => {
    const s = chapter<{ onTimePct: number }>('safety');
    expect(ind('operations', 'OPS-K3')).toMatchObject({ value: s.onTimePct, scope: 'company' });
    const p = chapter<{ suppliers: { supplier: string; status: string; score: number | null }[] }>('suppliers');
    const scored = p.suppliers.filter((x) => x.status === 'scored');
    expect(scored.length).toBeGreaterThan(0);
    expect(ind('supply-chain', 'SCM-K4')).toMatchObject({ scope: 'company' });
    expect(ind('supply-chain', 'SCM-K4').value).toBeCloseTo(scored.reduce((t, x) => t + x.score!, 0) / scored.length, 9);
    // the suppliers left out of the mean are named
    for (const x of p.suppliers.filter((y) => y.status === 'incomplete')) expect(JSON.stringify(ind('supply-chain', 'SCM-K4'))).toContain(x.supplier);
  });

  it('takes first responses within SLA and satisfaction from opsplan service, for the department', () => {
    const v = chapter<{ departments: { department: string; satisfaction: { ratings: number; satisfied: number; pct: number } }[]; cases: { department: string; response: { status: string } }[] }>('service');
    const cases = v.cases.filter((c) => c.department === 'customer-service');
    const met = cases.filter((c) => c.response.status === 'met').length;
    const judged = cases.filter((c) => c.response.status === 'met' || c.response.status === 'breached').length;
    expect(judged).toBeGreaterThan(0);
    expect(ind('customer-service', 'CSV-K2')).toMatchObject({ value: (met / judged) * 100, scope: 'department' });
    expect(ind('customer-service', 'CSV-K2').source).toContain('opsplan service --period 2026-11 --as-of 2026-11-30');
    const s = v.departments.find((d) => d.department === 'customer-service')!.satisfaction;
    expect(ind('customer-service', 'CSV-K3').value).toBe((s.satisfied / s.ratings) * 100);
    expect(ind('customer-service', 'CSV-K3').value).toBeCloseTo(s.pct, 2); // the command's JSON rounds to 2 decimals
  });

  it('takes production attainment from opsplan production, for the department', () => {
    const p = json(['production', ACME, '--period', '2026-11', ...ASOF, '--format', 'json']) as { lines: { department: string; quantity: number; good: number }[] };
    const lines = p.lines.filter((l) => l.department === 'production');
    expect(lines.length).toBeGreaterThan(0);
    const want = (lines.reduce((s, l) => s + l.good, 0) / lines.reduce((s, l) => s + l.quantity, 0)) * 100;
    expect(ind('production', 'PRD-K3').value).toBeCloseTo(want, 9);
    expect(ind('production', 'PRD-K3').source).toContain('opsplan production --period 2026-11');
  });

  it('uses every catalogue metric in the acme scheme, and each November figure has a value', () => {
    const used = new Set(r.departments.flatMap((d) => d.indicators.map((i) => i.metric)));
    expect([...METRIC_NAMES].filter((m) => !used.has(m))).toEqual([]);
    // missing in November only for a reason of the data (no notice due, no actuals or approved budget), never for want of a source
    const missing = r.departments.flatMap((d) => d.indicators.filter((i) => i.value === null).map((i) => `${i.id} ${i.missing}`));
    expect(missing.every((m) => /no warning notice fell due|no actuals for|no approved FY2026 budget/.test(m)), missing.join('; ')).toBe(true);
  });

  it('takes manual values and goal scores from the kpi-review files', () => {
    expect(ind('marketing', 'MKT-K5')).toMatchObject({ value: 81, scope: 'manual' });
    expect(ind('marketing', 'MKT-K5').source).toContain('kpi/reviews/2026-11/marketing.yaml');
    expect(dept('marketing').goals.map((g) => g.score)).toEqual([95, 55]);
  });

  it('scores every indicator on its curve and every department by the formula, recomputed here', () => {
    for (const d of r.departments) {
      for (const i of d.indicators) {
        if (i.value === null) expect(i.score).toBeNull();
        else expect(i.score, `${d.department} ${i.id}`).toBeCloseTo(curve(i, i.value), 9);
      }
      const k = mean(d.indicators.filter((i) => i.value !== null).map((i) => ({ w: i.weight, v: curve(i, i.value!) })));
      const g = mean(d.goals.filter((x) => x.score !== null).map((x) => ({ w: x.weight, v: x.score! })));
      const parts = [k === null ? null : { w: 70, v: k }, g === null ? null : { w: 30, v: g }].filter((x): x is { w: number; v: number } => x !== null);
      const score = mean(parts);
      expect(d.score, d.department).toBeCloseTo(Math.round(score! * 100) / 100, 6);
      const missing = d.indicators.filter((i) => i.value === null).reduce((s, i) => s + i.weight, 0);
      expect(d.kpi.weightMissing).toBe(missing);
      if (missing > 50) expect(d.grade, d.department).toBeNull();
      else expect(d.grade, d.department).toBe(d.score! >= 90 ? 'A' : d.score! >= 80 ? 'B' : d.score! >= 60 ? 'C' : 'D');
    }
  });

  it('ranks the graded departments, lists rectification with the manager and commends grade A', () => {
    const graded = r.departments.filter((d) => d.grade !== null).sort((a, b) => b.score! - a.score!);
    expect(r.ranking.map((x) => x.department)).toEqual(graded.map((d) => d.department));
    expect(r.ranking[0]!.rank).toBe(1);
    const below = r.departments.flatMap((d) => d.indicators.filter((i) => i.value !== null && i.score === 0).map((i) => `${d.department} ${i.id}`));
    expect(r.rectification.map((x) => `${x.department} ${x.indicator}`)).toEqual(below);
    expect(r.rectification.find((x) => x.department === 'marketing')?.manager).toBe('Zhang Min');
    expect(r.commendation.map((c) => c.department)).toEqual(r.departments.filter((d) => d.grade === 'A').map((d) => d.department));
  });
});

describe('opsplan kpi for a quarter and a year', () => {
  it('scores a quarter on the metric over the whole quarter, and aggregate: average on the mean of its months', () => {
    const q = kpi('FY2026-Q3');
    const pct = (period: string, d: string, c: string): number => (json(['variance', ACME, '--period', period, ...ASOF, '--format', 'json']) as { subtotals: { department: string; category: string; variancePct: number }[] }).subtotals.find((s) => s.department === d && s.category === c)!.variancePct;
    const mkt = q.departments.find((d) => d.department === 'marketing')!;
    // MKT-K1 (period): the quarter's revenue variance, not a mean of months
    expect(mkt.indicators.find((i) => i.id === 'MKT-K1')!.value).toBeCloseTo(pct('FY2026-Q3', 'marketing', 'revenue'), 2);
    // MKT-K2 (aggregate: average): the mean of July, August and September
    const k2 = mkt.indicators.find((i) => i.id === 'MKT-K2')!;
    expect(k2.aggregate).toBe('average');
    expect(k2.months!.map((m) => m.month)).toEqual(['2026-07', '2026-08', '2026-09']);
    const months = ['2026-07', '2026-08', '2026-09'].map((m) => pct(m, 'marketing', 'expense'));
    expect(k2.value).toBeCloseTo((months[0]! + months[1]! + months[2]!) / 3, 2);
    expect(k2.value).not.toBeCloseTo(pct('FY2026-Q3', 'marketing', 'expense'), 6);
    // Q3's plan figures come from the progress reports dated on or before 2026-09-30
    const c = json(['consolidate', ACME, '--period', 'FY2026', '--format', 'json']) as { progress: { reports: { asOf: string }[] } };
    expect(c.progress.reports.every((r) => r.asOf === '2026-11-30')).toBe(true);
    expect(mkt.indicators.find((i) => i.id === 'MKT-K3')!.source).toContain('consolidate --period FY2026');
    expect(mkt.indicators.find((i) => i.id === 'MKT-K3')!.value).toBeLessThan(kpi('2026-11').departments.find((d) => d.department === 'marketing')!.indicators.find((i) => i.id === 'MKT-K3')!.value!);
  });

  it('averages the months for aggregate: average (FY2026-Q4: October and November have values, December not yet)', () => {
    const dir = copyAcme();
    const scheme = path.join(dir, 'kpi', 'schemes', 'FY2026.yaml');
    const text = readFileSync(scheme, 'utf8').replace('{ id: OPS-K1, name: Expense variance, weight: 25, metric: budget.expense.variancePct, direction: lower, threshold: 10, target: 0, stretch: -5 }', '{ id: OPS-K1, name: Expense variance, weight: 25, metric: budget.expense.variancePct, direction: lower, threshold: 10, target: 0, stretch: -5, aggregate: average }');
    expect(text).toContain('aggregate: average }');
    writeFileSync(scheme, text);
    const q = json(['kpi', dir, '--period', 'FY2026-Q4', ...ASOF, '--format', 'json']) as Kpi;
    const month = (m: string) => (json(['variance', ACME, '--period', m, ...ASOF, '--format', 'json']) as { subtotals: { department: string; category: string; variancePct: number }[] }).subtotals.find((s) => s.department === 'operations' && s.category === 'expense')!.variancePct;
    const k1 = q.departments.find((d) => d.department === 'operations')!.indicators.find((i) => i.id === 'OPS-K1')!;
    expect(k1.months!.map((m) => m.value === null)).toEqual([false, false, true]);
    expect(k1.value).toBeCloseTo((month('2026-10') + month('2026-11')) / 2, 2);
    // without average, the quarter as a whole is missing December
    const whole = kpi('FY2026-Q4').departments.find((d) => d.department === 'operations')!.indicators.find((i) => i.id === 'OPS-K1')!;
    expect(whole.missing).toBe('no actuals for 2026-12');
  });

  it('scores the year', () => {
    const y = kpi('FY2026');
    expect(y.period.id).toBe('FY2026');
    expect(y.departments).toHaveLength(6);
  });
});

describe('opsplan kpi options and exit codes', () => {
  it('prints the scorecards as tables by default', () => {
    const r = runOpsplan(['kpi', ACME, '--period', '2026-11', ...ASOF, '--no-color']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Ranking');
    expect(r.stdout).toContain('Rectification required');
    expect(r.stdout).toMatch(/MKT-K2 .*budget\.expense\.variancePct/);
  });

  it('writes the indicators as CSV to a file', () => {
    const out = path.join(tempDir(), 'kpi.csv');
    const r = runOpsplan(['kpi', ACME, '--period', '2026-11', ...ASOF, '--format', 'csv', '--output', out]);
    expect(r.code).toBe(0);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe('Department,Indicator,Name,Metric,Weight,Dir,Threshold,Target,Stretch,Value,Score,Source / missing');
    expect(lines).toHaveLength(1 + 33);
  });

  it('exits 2 without a period, for a malformed one, and for a year without a scheme, listing the periods found', () => {
    for (const args of [[], ['--period', '2026-13'], ['--period', 'FY2025']]) {
      const r = runOpsplan(['kpi', ACME, ...args, ...ASOF]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('periods found (KPI schemes and reviews): 2026-11, FY2026, FY2026-Q3');
    }
    expect(runOpsplan(['kpi', ACME, '--period', '2026-11', '--format', 'xml']).code).toBe(2);
  });

  it('--fail-on below-threshold exits 1 when an indicator needs rectification; ungraded when a department has no grade', () => {
    expect(runOpsplan(['kpi', ACME, '--period', '2026-11', ...ASOF, '--fail-on', 'below-threshold', '--format', 'json']).code).toBe(1);
    // every department is graded in November; production and customer-service are not in Q3 (more than half missing)
    expect(runOpsplan(['kpi', ACME, '--period', '2026-11', ...ASOF, '--fail-on', 'ungraded', '--format', 'json']).code).toBe(0);
    expect(runOpsplan(['kpi', ACME, '--period', 'FY2026-Q3', ...ASOF, '--fail-on', 'ungraded', '--format', 'json']).code).toBe(1);
  });

  it('reports a chapter metric as missing, not zero, when its files were left out for errors', () => {
    const dir = copyAcme();
    const spoil = (file: string, from: string, to: string): void => {
      const text = readFileSync(path.join(dir, file), 'utf8');
      expect(text, file).toContain(from);
      writeFileSync(path.join(dir, file), text.replace(from, to));
    };
    spoil('quality/2026-11/production.yaml', 'sampleSize: 80', 'sampleSize: lots');
    spoil('maintenance/2026-11/production.yaml', 'kind: maintenance-log', 'kind: maintenance-log\nextra: 1');
    spoil('safety/SI-2026-11-01.yaml', 'area: Hall A', 'area: 7');
    spoil('purchase-orders/PO-2026-0301.yaml', 'kind: purchase-order', 'kind: purchase-order\nextra: 1');
    spoil('service/2026-11/customer-service.yaml', 'kind: service-log', 'kind: service-log\nextra: 1');
    const r = runOpsplan(['kpi', dir, '--period', '2026-11', ...ASOF, '--format', 'json']);
    expect(r.code, r.stderr).toBe(1);
    const prod = (JSON.parse(r.stdout) as Kpi).departments;
    const ind = (d: string, id: string): Indicator => prod.find((x) => x.department === d)!.indicators.find((i) => i.id === id)!;
    for (const id of ['PRD-K4', 'PRD-K9']) expect(ind('production', id)).toMatchObject({ value: null, score: null, missing: expect.stringContaining('quality/2026-11/production.yaml (2026-11) left out for errors') });
    for (const id of ['PRD-K5', 'PRD-K8']) expect(ind('production', id)).toMatchObject({ value: null, missing: expect.stringContaining('maintenance/2026-11/production.yaml (2026-11) left out for errors') });
    expect(ind('operations', 'OPS-K3')).toMatchObject({ value: null, missing: expect.stringContaining('safety/SI-2026-11-01.yaml left out for errors') });
    expect(ind('supply-chain', 'SCM-K4')).toMatchObject({ value: null, missing: expect.stringContaining('purchase-orders/PO-2026-0301.yaml left out for errors') });
    for (const id of ['CSV-K2', 'CSV-K3']) expect(ind('customer-service', id)).toMatchObject({ value: null, missing: "customer-service's service figures of 2026-11 are missing: service/2026-11/customer-service.yaml left out for errors" });
    // their weight is left out and shown, never scored as 0
    // PRD-K4 10 + PRD-K9 5 + PRD-K5 10 + PRD-K8 10, and PRD-K7 10 (no notice due in November)
    expect(prod.find((x) => x.department === 'production')!.kpi.weightMissing).toBe(10 + 5 + 10 + 10 + 10);
  });

  it('reports the service metrics as missing for a month without a service log of the department', () => {
    const dir = copyAcme();
    rmSync(path.join(dir, 'service', '2026-11', 'customer-service.yaml'));
    const d = (json(['kpi', dir, '--period', '2026-11', ...ASOF, '--format', 'json']) as Kpi).departments.find((x) => x.department === 'customer-service')!;
    for (const id of ['CSV-K2', 'CSV-K3']) expect(d.indicators.find((i) => i.id === id)).toMatchObject({ value: null, score: null, missing: "customer-service's service figures of 2026-11 are missing: no service log for 2026-11" });
  });

  it('exits 1 with input errors and still scores the rest', () => {
    const dir = copyAcme();
    writeFileSync(path.join(dir, 'kpi', 'reviews', 'bad.yaml'), 'kind: kpi-review\nversion: 1\ndepartment: marketing\nperiod: FY2026\nreviewer: X\ngoals:\n  - { goal: NOPE, score: 50, comment: x }\n');
    const r = runOpsplan(['kpi', dir, '--period', '2026-11', ...ASOF, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('kpi-review/unknown-goal');
    expect(JSON.parse(r.stdout).departments).toHaveLength(6);
  });
});
