// computeVariance on hand-built workspaces (figures worked out by hand in each test) and on
// examples/acme (figures summed here from the YAML files, independently of the loader).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { computeLandingForecast } from '../../src/domain/forecast.js';
import { computeVariance, computeVarianceTotals, isMonthDue, levelOf, levelsPending, noticeDue, pctReached } from '../../src/domain/variance.js';
import type { VarianceLine, VarianceResult, VarianceSubtotal } from '../../src/domain/variance.js';
import { createMemo } from '../../src/domain/memo.js';
import { resolveThresholds } from '../../src/domain/thresholds.js';
import { parseActualsCsv } from '../../src/load/actuals-csv.js';
import { loadWorkspace } from '../../src/load/load-workspace.js';
import type { Category } from '../../src/model/documents.js';
import { parsePeriod } from '../../src/model/period.js';
import type { Period } from '../../src/model/period.js';
import type { VarianceThresholds, Workspace } from '../../src/model/workspace.js';
import { actuals, budget, company, M12, response, workspace } from '../helpers/workspace.js';

const P = (id: string): Period => parsePeriod(id)!;

const line = (lines: VarianceLine[], department: string, account: string): VarianceLine => {
  const l = lines.find((x) => x.department === department && x.account === account);
  if (!l) throw new Error(`no line ${department} ${account}`);
  return l;
};

describe('sign rules per category', () => {
  const cats: Category[] = ['revenue', 'cost', 'expense', 'cash-in', 'cash-out'];
  // Built inside each test, never in the describe body: Stryker's vitest runner counts what
  // runs outside a test as covered by no test (stryker-js#6150) and the mutants look static.
  const above = (): Workspace =>
    workspace({
      budgets: [budget('a', cats.map((category, i) => ({ account: `${i}0`, category, months: M12(100000) })))],
      // Every account 1,100.00 against a budget of 1,000.00: +100.00, +10%.
      actuals: [actuals('a', '2026-03', cats.map((_, i) => [`${i}0`, 110000]))],
    });
  const march = (ws: Workspace): VarianceResult => computeVariance(ws, { period: P('2026-03'), ytd: false, asOf: '2026-03-31' });
  it('actual above budget: favourable for revenue and cash-in, unfavourable for cost, expense, cash-out', () => {
    const r = march(above());
    const fav = Object.fromEntries(cats.map((c, i) => [c, line(r.lines, 'a', `${i}0`).favourable]));
    expect(fav).toEqual({ revenue: true, cost: false, expense: false, 'cash-in': true, 'cash-out': false });
    for (let i = 0; i < 5; i++) {
      const l = line(r.lines, 'a', `${i}0`);
      expect(l.variance).toBe(10000);
      expect(l.variancePct).toBe(10);
      // Only unfavourable lines get a level (10% is the warn edge).
      expect(l.level).toBe(l.favourable ? null : 'warn');
    }
  });
  it('actual below budget: the reverse', () => {
    const below = workspace({ budgets: above().budgets, actuals: [actuals('a', '2026-03', cats.map((_, i) => [`${i}0`, 70000]))] });
    const rb = march(below);
    const got = cats.map((c, i) => [c, line(rb.lines, 'a', `${i}0`).favourable, line(rb.lines, 'a', `${i}0`).level]);
    expect(got).toEqual([
      ['revenue', false, 'critical'],
      ['cost', true, null],
      ['expense', true, null],
      ['cash-in', false, 'critical'],
      ['cash-out', true, null],
    ]);
    expect(line(rb.lines, 'a', '00').variance).toBe(-30000);
    expect(line(rb.lines, 'a', '00').variancePct).toBe(-30);
  });
  it('subtotals are per category, never mixing revenue and cost', () => {
    const r = march(above());
    expect(r.subtotals.map((s) => [s.department, s.category, s.budget, s.actual])).toEqual(cats.map((c) => ['a', c, 100000, 110000]));
    expect(r.totals.map((s) => s.category)).toEqual(cats);
  });
  it('subtotals and company totals are actual - budget, signed and judged like lines', () => {
    const ws = workspace({
      budgets: [
        budget('a', [
          { account: '6001', category: 'revenue', months: M12(100000) },
          { account: '6601', category: 'expense', months: M12(50000) },
          { account: '6602', category: 'expense', months: M12(30000) },
        ]),
        budget('b', [
          { account: '6001', category: 'revenue', months: M12(20000) },
          { account: '6601', category: 'expense', months: M12(10000) },
        ]),
      ],
      actuals: [actuals('a', '2026-03', [['6001', 90000], ['6601', 60000], ['6602', 25000]]), actuals('b', '2026-03', [['6001', 25000], ['6601', 10000]])],
    });
    const r = march(ws);
    // subtotals stay in department order when b's line is the most severe
    const severeB = workspace({ budgets: ws.budgets, actuals: [actuals('a', '2026-03', [['6001', 100000], ['6601', 50000], ['6602', 30000]]), actuals('b', '2026-03', [['6001', 20000], ['6601', 20000]])] });
    expect(march(severeB).lines[0]!.department).toBe('b');
    expect(march(severeB).subtotals.map((x) => x.department)).toEqual(['a', 'a', 'b', 'b']);
    const row = (s: VarianceSubtotal): unknown[] => [s.department, s.category, s.budget, s.actual, s.variance, s.variancePct, s.favourable, s.lines];
    expect(r.subtotals.map(row)).toEqual([
      ['a', 'revenue', 100000, 90000, -10000, -10, false, 1],
      ['a', 'expense', 80000, 85000, 5000, 6.25, false, 2],
      ['b', 'revenue', 20000, 25000, 5000, 25, true, 1],
      ['b', 'expense', 10000, 10000, 0, 0, null, 1],
    ]);
    expect(r.totals.map((s) => row(s).filter((_, i) => i !== 5))).toEqual([
      [null, 'revenue', 120000, 115000, -5000, false, 2],
      [null, 'expense', 90000, 95000, 5000, false, 3],
    ]);
    // -5,000 of 120,000 and +5,000 of 90,000
    expect(r.totals[0]!.variancePct).toBeCloseTo(-4.16667, 5);
    expect(r.totals[1]!.variancePct).toBeCloseTo(5.55556, 5);
    expect(computeVarianceTotals(ws, { period: P('2026-03'), ytd: false }).totals).toEqual(r.totals);
  });
});

describe('accounts without a budget line', () => {
  // a budgets 6001 as revenue; c has only a submitted budget that calls 6001 a cost; d had an
  // approved budget in FY2025 only, where 6001 was cash-out and 6999 revenue.
  const ws = (): Workspace =>
    workspace({
      budgets: [
        budget('a', [{ account: '6001', category: 'revenue', months: M12(100000) }]),
        budget('b', [{ account: '6601', category: 'expense', months: M12(1000) }]),
        budget('c', [{ account: '6001', category: 'cost', months: M12(1) }], 'submitted'),
        budget('d', [{ account: '6001', category: 'cash-out', months: M12(1) }, { account: '6999', category: 'revenue', months: M12(1) }], 'approved', 2025),
      ],
      actuals: [
        actuals('a', '2026-03', [['6001', 100000]]),
        actuals('b', '2026-03', [['6601', 1000], ['6001', 50000]]),
        actuals('c', '2026-03', [['6001', 500]]),
        actuals('d', '2026-03', [['6001', 300], ['6999', 300]]),
      ],
    });
  it("take the category of another department's line of the year: revenue above nothing is favourable, no notice", () => {
    const r = computeVariance(ws(), { period: P('2026-03'), ytd: false, asOf: '2026-04-30' });
    expect(line(r.lines, 'b', '6001')).toMatchObject({ category: 'revenue', name: 'acct 6001', categoryAssumed: true, budget: 0, variance: 50000, favourable: true, level: null, flags: ['unbudgeted'] });
    expect(r.notices.map((n) => n.id)).toEqual([]);
  });
  it("take the first department's category when two departments disagree", () => {
    const r = computeVariance(
      workspace({
        budgets: [budget('a', [{ account: '6001', category: 'revenue', months: M12(1) }]), budget('b', [{ account: '6001', category: 'cost', months: M12(1) }])],
        actuals: [actuals('a', '2026-03', [['6001', 1]]), actuals('b', '2026-03', [['6001', 1]]), actuals('c', '2026-03', [['6001', 5]])],
      }),
      { period: P('2026-03'), ytd: false, asOf: '2026-04-30' },
    );
    expect(line(r.lines, 'c', '6001').category).toBe('revenue');
  });
  it("take the department's own line of any status first", () => {
    const r = computeVariance(ws(), { period: P('2026-03'), ytd: false, asOf: '2026-04-30' });
    expect(line(r.lines, 'c', '6001')).toMatchObject({ category: 'cost', categoryAssumed: true, budget: 0, favourable: false, flags: ['no-approved-budget'], level: null });
  });
  it('never take a category, a name or an approval from another fiscal year', () => {
    const r = computeVariance(ws(), { period: P('2026-03'), ytd: false, asOf: '2026-04-30' });
    expect(line(r.lines, 'd', '6001')).toMatchObject({ category: 'revenue', flags: ['no-approved-budget'] });
    expect(line(r.lines, 'd', '6999')).toMatchObject({ category: 'expense', name: '', categoryAssumed: true, flags: ['no-approved-budget'] });
    expect(r.missingActuals).toEqual([]);
    // a month of FY2026 without d's actuals is not missing either: d has no FY2026 budget
    const april = computeVariance(ws(), { period: P('2026-04'), ytd: false, asOf: '2026-05-31' });
    expect(april.missingActuals).toEqual([
      { department: 'a', month: '2026-04' },
      { department: 'b', month: '2026-04' },
    ]);
    // listed by department whatever the order of the budget files
    const reversed = { ...ws(), budgets: [...ws().budgets].reverse() };
    expect(computeVariance(reversed, { period: P('2026-04'), ytd: false, asOf: '2026-05-31' }).missingActuals.map((m) => m.department)).toEqual(['a', 'b']);
  });
});

describe('a fiscal year that starts in April', () => {
  // FY2026 runs 2026-04 .. 2027-03; fiscal month i (1..12) is budgeted at i x 10.00.
  const ws = (): Workspace =>
    workspace({
      company: company({}, 10, 4),
      budgets: [budget('a', [{ account: '6601', category: 'expense', months: Array.from({ length: 12 }, (_, i) => (i + 1) * 1000) }])],
      actuals: [actuals('a', '2027-01', [['6601', 12000]]), actuals('a', '2026-04', [['6601', 1000]])],
    });
  it('takes the budget of the fiscal month and raises the notice of that month', () => {
    const r = computeVariance(ws(), { period: P('2027-01'), ytd: false, asOf: '2027-02-01' });
    expect([r.fiscalYear, r.months, r.from, r.to]).toEqual([2026, ['2027-01'], '2027-01-01', '2027-01-31']);
    // January 2027 is fiscal month 10: budget 100.00, actual 120.00
    expect(line(r.lines, 'a', '6601')).toMatchObject({ budget: 10000, actual: 12000, variance: 2000, variancePct: 20, level: 'warn' });
    expect(r.notices.map((n) => [n.id, n.due, n.status])).toEqual([['VN-2027-01-a', '2027-02-10', 'open']]);
  });
  it('sums the year to date from April', () => {
    const r = computeVariance(ws(), { period: P('2027-01'), ytd: true, asOf: '2027-02-01' });
    expect(r.months).toEqual(['2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12', '2027-01']);
    expect(r.from).toBe('2026-04-01');
    // 130.00 filed in two of ten months (April 10.00 and January 100.00 budgeted): compared like
    // for like with 110.00; the other eight months' 440.00 of the 550.00 are kept aside.
    expect(line(r.lines, 'a', '6601')).toMatchObject({ budget: 11000, actual: 13000, variance: 2000, unfiledBudget: 44000, missingMonths: 8, favourable: false, level: null, flags: ['missing-actuals'] });
    expect(r.missingActuals.map((m) => m.month)).toEqual(['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
  });
  it('knows the quarters of the fiscal year', () => {
    const q = computeVariance(ws(), { period: P('FY2026-Q4'), ytd: false, asOf: '2027-04-01' });
    expect(q.months).toEqual(['2027-01', '2027-02', '2027-03']);
    // 100 + 110 + 120 budgeted; only January (100.00) filed, so compared with that month alone
    expect(line(q.lines, 'a', '6601')).toMatchObject({ budget: 10000, actual: 12000, unfiledBudget: 23000 });
  });
});

describe('line order, flags and defaults', () => {
  const ws = (): Workspace =>
    workspace({
      budgets: [
        budget('a', [
          { account: '6601', category: 'expense', months: M12(1000) },
          { account: '6602', category: 'expense', months: M12(1000) },
          { account: '6603', category: 'expense', months: M12(1000) },
          { account: '6604', category: 'expense', months: M12(1000) },
          { account: '6698', category: 'expense', months: M12(0) },
          { account: '6699', category: 'expense', months: M12(0) },
        ]),
        budget('b', [{ account: '6601', category: 'expense', months: M12(1000) }]),
      ],
      actuals: [
        actuals('a', '2026-01', [['6601', 1500], ['6602', 1500], ['6603', 1150], ['6604', 1000], ['6699', 0], ['6000', 500]]),
        actuals('b', '2026-01', [['6601', 1500], ['5000', 500]]),
      ],
    });
  it('orders by level, then size of the variance, then department and account', () => {
    const r = computeVariance(ws(), { period: P('2026-01'), ytd: false, asOf: '2026-01-31' });
    expect(r.lines.map((l) => `${l.department} ${l.account} ${l.level ?? '-'}`)).toEqual(['a 6000 critical', 'a 6601 critical', 'a 6602 critical', 'b 5000 critical', 'b 6601 critical', 'a 6603 warn', 'a 6604 -', 'a 6699 -']);
  });
  it('puts a critical line before a warn line with a larger variance, and both before lines without a level', () => {
    const ws2 = workspace({
      budgets: [budget('a', [{ account: '6601', category: 'expense', months: M12(100000) }, { account: '6602', category: 'expense', months: M12(1000) }, { account: '6603', category: 'revenue', months: M12(100000) }])],
      // 6601 +15% warn (150.00); 6602 +50% critical (5.00); 6603 +30% favourable, no level (300.00)
      actuals: [actuals('a', '2026-01', [['6601', 115000], ['6602', 1500], ['6603', 130000]])],
    });
    const r = computeVariance(ws2, { period: P('2026-01'), ytd: false, asOf: '2026-01-31' });
    expect(r.lines.map((l) => `${l.account} ${l.level ?? '-'}`)).toEqual(['6602 critical', '6601 warn', '6603 -']);
  });
  it('keeps a zero-budget line with an actual of zero, unflagged; drops one without actuals', () => {
    const r = computeVariance(ws(), { period: P('2026-01'), ytd: false, asOf: '2026-01-31' });
    expect(line(r.lines, 'a', '6699')).toMatchObject({ budget: 0, actual: 0, variance: 0, variancePct: null, favourable: null, flags: [] });
    expect(r.lines.some((l) => l.account === '6698')).toBe(false);
  });
  it('without a company file: no currency, 2 digits, default thresholds and 10 days to answer', () => {
    const r = computeVariance({ ...ws(), company: null }, { period: P('2026-01'), ytd: false, asOf: '2026-01-31' });
    expect([r.currency, r.digits]).toEqual(['', 2]);
    expect(line(r.lines, 'a', '6603')).toMatchObject({ level: 'warn', thresholds: { warnPct: 10, criticalPct: 25, minAmount: 0 } });
    expect(r.notices.map((n) => [n.id, n.due])).toEqual([['VN-2026-01-a', '2026-02-10'], ['VN-2026-01-b', '2026-02-10']]);
  });
  it('resolves thresholds per line from the overrides', () => {
    const r = computeVariance({ ...ws(), company: company({ overrides: [{ department: 'b', warnPct: 60, criticalPct: 70 }], minAmount: 100 }, 5) }, { period: P('2026-01'), ytd: false, asOf: '2026-01-31' });
    expect(line(r.lines, 'b', '6601')).toMatchObject({ level: null, thresholds: { warnPct: 60, criticalPct: 70, minAmount: 100 } });
    expect(line(r.lines, 'a', '6601')).toMatchObject({ level: 'critical', thresholds: { warnPct: 10, criticalPct: 25, minAmount: 100 } });
    expect(r.notices.map((n) => [n.id, n.due])).toEqual([['VN-2026-01-a', '2026-02-05'], ['VN-2026-01-b', '2026-02-05']]);
  });
  it('puts an unbudgeted unfavourable actual in the notice even below the minimum amount, never a favourable one', () => {
    const small = workspace({
      company: company({ minAmount: 100000 }),
      budgets: [budget('a', [{ account: '6601', category: 'expense', months: M12(1000) }, { account: '6001', category: 'revenue', months: M12(1000) }])],
      actuals: [actuals('a', '2026-01', [['6601', 1000], ['6001', 1000], ['6700', 500]]), actuals('b', '2026-01', [['6001', 700]])],
    });
    const r = computeVariance(small, { period: P('2026-01'), ytd: false, asOf: '2026-01-31' });
    expect(line(r.lines, 'a', '6700')).toMatchObject({ level: null, favourable: false, flags: ['unbudgeted'] });
    expect(r.notices.map((n) => [n.id, n.lines.map((l) => l.account)])).toEqual([['VN-2026-01-a', ['6700']]]);
  });
});

describe('notices of a quarter', () => {
  const ws = (responses: Workspace['responses'] = []): Workspace =>
    workspace({
      budgets: [budget('a', [{ account: '6601', category: 'expense', months: M12(1000) }]), budget('b', [{ account: '6601', category: 'expense', months: M12(1000) }])],
      actuals: ['2026-01', '2026-02', '2026-03'].flatMap((m) => [actuals('a', m, [['6601', m === '2026-03' ? 2000 : 1000]]), actuals('b', m, [['6601', m === '2026-03' ? 2000 : 1000]])]),
      responses,
    });
  it("lists the month's notices before the quarter's that ends the same day, by department", () => {
    const q = computeVariance(ws(), { period: P('FY2026-Q1'), ytd: false, asOf: '2026-04-01' });
    expect(q.notices.map((n) => [n.id, n.periodEnd, n.due])).toEqual([
      ['VN-2026-03-a', '2026-03-31', '2026-04-10'],
      ['VN-2026-03-b', '2026-03-31', '2026-04-10'],
      ['VN-FY2026-Q1-a', '2026-03-31', '2026-04-10'],
      ['VN-FY2026-Q1-b', '2026-03-31', '2026-04-10'],
    ]);
    // on the quarter's last day it is not over yet
    expect(computeVariance(ws(), { period: P('FY2026-Q1'), ytd: false, asOf: '2026-03-31' }).notices.map((n) => n.id)).toEqual(['VN-2026-03-a', 'VN-2026-03-b']);
  });
  it('carries the response on file', () => {
    const answered = { ...response('VN-FY2026-Q1-a', 'a', 'accepted'), file: 'responses/q1-a.yaml' };
    answered.doc = { ...answered.doc, respondedOn: '2026-04-05' };
    const q = computeVariance(ws([answered, response('VN-2026-03-b', 'b', 'draft')]), { period: P('FY2026-Q1'), ytd: false, asOf: '2026-04-11' });
    const byId = new Map(q.notices.map((n) => [n.id, n]));
    expect(byId.get('VN-FY2026-Q1-a')).toMatchObject({ status: 'answered', response: { file: 'responses/q1-a.yaml', status: 'accepted', owner: 'o', measuresDue: '2027-01-31', cause: 'c', measures: 'm', respondedOn: '2026-04-05' } });
    expect(byId.get('VN-2026-03-b')!.status).toBe('overdue');
    expect(byId.get('VN-2026-03-b')!.response).toEqual({ file: 'responses/VN-2026-03-b.yaml', status: 'draft', owner: 'o', measuresDue: '2027-01-31', cause: 'c', measures: 'm' });
    expect(byId.get('VN-2026-03-a')!.response).toBeNull();
  });
});

describe('the memo', () => {
  it('gives the same results as computing afresh, and keeps CSV actuals out of shared lines', () => {
    const ws = workspace({ budgets: [budget('a', [{ account: '6601', category: 'expense', months: M12(1000) }])], actuals: [actuals('a', '2026-01', [['6601', 1200]])] });
    const memo = createMemo();
    const options = { period: P('2026-01'), ytd: false, asOf: '2026-01-31' };
    const csv = computeVariance(ws, { ...options, extraActuals: [actuals('a', '2026-01', [['6601', 300]])] }, memo);
    expect(line(csv.lines, 'a', '6601').actual).toBe(1500);
    const shared = computeVariance(ws, options, memo);
    expect(line(shared.lines, 'a', '6601').actual).toBe(1200);
    expect(shared).toEqual(computeVariance(ws, options));
    expect(computeVariance(ws, options, memo).lines).toBe(shared.lines);
    expect(computeVarianceTotals(ws, options, memo).totals).toEqual(shared.totals);
  });
});

describe('threshold edges', () => {
  const t = { warnPct: 10, criticalPct: 25, minAmount: 500000 };
  it('exactly at warnPct is warn, one cent below is not', () => {
    // budget 100,000.00; 10% = 10,000.00
    expect(levelOf(1000000, 10000000, false, t)).toBe('warn');
    expect(levelOf(999999, 10000000, false, t)).toBeNull();
    expect(levelOf(2500000, 10000000, false, t)).toBe('critical');
    expect(levelOf(2499999, 10000000, false, t)).toBe('warn');
  });
  it('needs both the percentage and the minimum amount', () => {
    // 50% over a budget of 9,000.00 = 4,500.00 < minAmount 5,000.00
    expect(levelOf(450000, 900000, false, t)).toBeNull();
    // exactly the minimum amount
    expect(levelOf(500000, 1000000, false, t)).toBe('critical');
    expect(levelOf(499999, 999998, false, t)).toBeNull();
  });
  it('favourable or zero variances never get a level', () => {
    expect(levelOf(-5000000, 10000000, true, t)).toBeNull();
    expect(levelOf(0, 10000000, null, t)).toBeNull();
  });
  it('compares percentages exactly where floating point would not', () => {
    // 57.00 / 100.00 x 100 is 56.99999999999999 in floating point.
    expect((5700 / 10000) * 100).toBeLessThan(57);
    expect(pctReached(5700, 10000, 57)).toBe(true);
    expect(pctReached(5699, 10000, 57)).toBe(false);
    expect(pctReached(1250, 10000, 12.5)).toBe(true);
    expect(pctReached(1249, 10000, 12.5)).toBe(false);
    // sizes, not signs: a negative budget or variance compares by its absolute value
    expect(pctReached(-500, 1000, 50)).toBe(true);
    expect(pctReached(500, -1000, 50)).toBe(true);
    expect(pctReached(499, -1000, 50)).toBe(false);
  });
  it('a zero budget is critical once the minimum amount is reached', () => {
    expect(levelOf(500000, 0, false, t)).toBe('critical');
    expect(levelOf(499999, 0, false, t)).toBeNull();
  });
});

describe('threshold overrides', () => {
  const thresholds: VarianceThresholds = {
    warnPct: 10,
    criticalPct: 25,
    minAmount: 100,
    overrides: [
      { account: '6601', minAmount: 2000000 },
      { category: 'revenue', warnPct: 5, criticalPct: 15 },
      { department: 'b', warnPct: 20 },
      { department: 'b', category: 'revenue', warnPct: 3 },
    ],
  };
  it('resolves each field from the most specific override that sets it', () => {
    expect(resolveThresholds(thresholds, { department: 'a', account: '6602', category: 'expense' })).toEqual({ warnPct: 10, criticalPct: 25, minAmount: 100 });
    expect(resolveThresholds(thresholds, { department: 'a', account: '6001', category: 'revenue' })).toEqual({ warnPct: 5, criticalPct: 15, minAmount: 100 });
    // department beats category
    expect(resolveThresholds(thresholds, { department: 'b', account: '6602', category: 'expense' })).toEqual({ warnPct: 20, criticalPct: 25, minAmount: 100 });
    // department + category beats department alone; criticalPct still from the category
    expect(resolveThresholds(thresholds, { department: 'b', account: '6001', category: 'revenue' })).toEqual({ warnPct: 3, criticalPct: 15, minAmount: 100 });
    // the account override only sets minAmount; the percentages come from the department
    expect(resolveThresholds(thresholds, { department: 'b', account: '6601', category: 'expense' })).toEqual({ warnPct: 20, criticalPct: 25, minAmount: 2000000 });
  });
  it('an account override that names the account wins over a category override', () => {
    const t2: VarianceThresholds = { ...thresholds, overrides: [{ category: 'expense', warnPct: 1 }, { account: '6601', warnPct: 50 }] };
    expect(resolveThresholds(t2, { department: 'a', account: '6601', category: 'expense' }).warnPct).toBe(50);
    expect(resolveThresholds(t2, { department: 'a', account: '6602', category: 'expense' }).warnPct).toBe(1);
  });
  it('changes the level of a line', () => {
    const ws = workspace({
      company: company(thresholds),
      budgets: [budget('a', [
        { account: '6001', category: 'revenue', months: M12(10000000) },
        { account: '6601', category: 'expense', months: M12(10000000) },
      ])],
      // revenue 6% short: warn only under the revenue override; 6601 15% over (15,000.00) but below its minimum 20,000.00
      actuals: [actuals('a', '2026-01', [['6001', 9400000], ['6601', 11500000]])],
    });
    const r = computeVariance(ws, { period: P('2026-01'), ytd: false, asOf: '2026-01-31' });
    expect(line(r.lines, 'a', '6001').level).toBe('warn');
    expect(line(r.lines, 'a', '6601').level).toBeNull();
  });
});

describe('flags, notices and periods', () => {
  const base = {
    budgets: [
      budget('a', [
        { account: '6601', category: 'expense', months: M12(1000000) },
        { account: '6699', category: 'expense', months: M12(0) },
      ]),
      budget('b', [{ account: '6601', category: 'expense', months: M12(1000000) }]),
    ],
    actuals: [
      actuals('a', '2026-01', [['6601', 1000000]]),
      // Feb: 6601 +30% (critical), 6699 zero budget 100.00, 6700 no line at all
      actuals('a', '2026-02', [['6601', 1300000], ['6699', 10000], ['6700', 20000]]),
      actuals('b', '2026-01', [['6601', 1000000]]),
    ],
  };
  it('flags zero-budget and unbudgeted accounts with a null percentage', () => {
    const r = computeVariance(workspace(base), { period: P('2026-02'), ytd: false, asOf: '2026-02-28' });
    const zero = line(r.lines, 'a', '6699');
    expect(zero).toMatchObject({ budget: 0, actual: 10000, variance: 10000, variancePct: null, flags: ['unbudgeted'], level: 'critical', categoryAssumed: false });
    const none = line(r.lines, 'a', '6700');
    expect(none).toMatchObject({ budget: 0, actual: 20000, variancePct: null, flags: ['unbudgeted'], category: 'expense', categoryAssumed: true });
  });
  it('flags a department with a budget and no actuals for a month, without a level', () => {
    const r = computeVariance(workspace(base), { period: P('2026-02'), ytd: false, asOf: '2026-02-28' });
    expect(r.missingActuals).toEqual([{ department: 'b', month: '2026-02' }]);
    // Not filed is missing, not zero: no variance, no direction, and not in any subtotal.
    expect(line(r.lines, 'b', '6601')).toMatchObject({ budget: 1000000, actual: null, variance: null, variancePct: null, favourable: null, missingMonths: 1, unfiledBudget: 1000000, flags: ['missing-actuals'], level: null });
    const expense = r.totals.find((t) => t.category === 'expense')!;
    expect(expense.lines - expense.missingLines).toBe(r.lines.filter((l) => l.category === 'expense' && l.actual !== null).length);
    expect(expense.unfiledBudget).toBe(r.lines.filter((l) => l.category === 'expense' && l.actual === null).reduce((s, l) => s + l.budget, 0));
    expect(expense.budget).toBe(r.lines.filter((l) => l.category === 'expense' && l.actual !== null).reduce((s, l) => s + l.budget, 0));
    expect(r.subtotals.find((t) => t.department === 'b' && t.category === 'expense')).toMatchObject({ actual: null, variance: null, favourable: null, missingLines: 1 });
  });
  it("an earlier month's notice lists its lines in the same order as the month's own variance", () => {
    // A later period's notices of earlier months come from tallied summaries (only the notice
    // lines made, then sorted); the month's own variance filters its sorted lines.
    const own = computeVariance(workspace(base), { period: P('2026-02'), ytd: false, asOf: '2026-04-01' }).notices;
    const later = computeVariance(workspace(base), { period: P('2026-03'), ytd: true, asOf: '2026-04-01' }).notices.filter((n) => n.periodId === '2026-02');
    expect(own.map((n) => [n.id, n.lines.map((l) => l.account)])).toEqual([['VN-2026-02-a', ['6601', '6700', '6699']]]);
    expect(later).toEqual(own);
  });
  it('raises one notice per department, due responseDays after the period end, with a status as of a date', () => {
    const r = computeVariance(workspace(base), { period: P('2026-02'), ytd: false, asOf: '2026-03-10' });
    expect(r.notices.map((n) => [n.id, n.due, n.status, n.lines.map((l) => l.account)])).toEqual([['VN-2026-02-a', '2026-03-10', 'open', ['6601', '6700', '6699']]]);
    expect(computeVariance(workspace(base), { period: P('2026-02'), ytd: false, asOf: '2026-03-11' }).notices[0]!.status).toBe('overdue');
    const answered = workspace({ ...base, responses: [response('VN-2026-02-a', 'a', 'submitted')] });
    expect(computeVariance(answered, { period: P('2026-02'), ytd: false, asOf: '2026-04-01' }).notices[0]).toMatchObject({ status: 'answered', response: { status: 'submitted' } });
    const accepted = workspace({ ...base, responses: [response('VN-2026-02-a', 'a', 'accepted')] });
    expect(computeVariance(accepted, { period: P('2026-02'), ytd: false, asOf: '2026-04-01' }).notices[0]!.status).toBe('answered');
    const draft = workspace({ ...base, responses: [response('VN-2026-02-a', 'a', 'draft')] });
    expect(computeVariance(draft, { period: P('2026-02'), ytd: false, asOf: '2026-04-01' }).notices[0]!.status).toBe('overdue');
  });
  it('lists notices of earlier months of the fiscal year', () => {
    const later = workspace({ ...base, actuals: [...base.actuals, actuals('a', '2026-03', [['6601', 1000000]]), actuals('b', '2026-02', [['6601', 1000000]]), actuals('b', '2026-03', [['6601', 1000000]])] });
    const r = computeVariance(later, { period: P('2026-03'), ytd: false, asOf: '2026-03-31' });
    expect(r.lines.every((l) => l.level === null)).toBe(true);
    expect(r.notices.map((n) => [n.id, n.status])).toEqual([['VN-2026-02-a', 'overdue']]);
    // but none of a month after the period, even with its actuals on file
    const april = workspace({ ...later, actuals: [...later.actuals, actuals('a', '2026-04', [['6601', 9000000]]), actuals('b', '2026-04', [['6601', 9000000]])] });
    expect(computeVariance(april, { period: P('2026-03'), ytd: false, asOf: '2026-05-31' }).notices.map((n) => n.id)).toEqual(['VN-2026-02-a']);
  });
  it('a month is due once it has ended on or before as-of (the as-of day counts in full)', () => {
    expect(isMonthDue('2026-11', '2026-11-30')).toBe(true);
    expect(isMonthDue('2026-11', '2026-11-29')).toBe(false);
    expect(isMonthDue('2026-12', '2026-11-30')).toBe(false);
    expect(isMonthDue('2026-02', '2026-02-28')).toBe(true);
    expect(isMonthDue('2028-02', '2028-02-28')).toBe(false);
    expect(isMonthDue('2026-12', undefined)).toBe(true);
  });
  it('quarters and years get their own notice id; --ytd sums from the fiscal year start', () => {
    const full = workspace({ ...base, actuals: [...base.actuals, actuals('a', '2026-03', [['6601', 1000000]]), actuals('b', '2026-02', [['6601', 1000000]]), actuals('b', '2026-03', [['6601', 1000000]])] });
    const q = computeVariance(full, { period: P('FY2026-Q1'), ytd: false, asOf: '2026-04-01' });
    expect(q.months).toEqual(['2026-01', '2026-02', '2026-03']);
    // a: 10,000 + 13,000 + 10,000 against 3 x 10,000: +10%, exactly at warnPct
    expect(line(q.lines, 'a', '6601')).toMatchObject({ budget: 3000000, actual: 3300000, variancePct: 10, level: 'warn' });
    expect(q.notices.map((n) => n.id)).toEqual(['VN-2026-02-a', 'VN-FY2026-Q1-a']);
    expect(q.notices[1]!.due).toBe('2026-04-10');
    // While the quarter runs there is no quarter notice. As of 2026-03-15 March has not ended,
    // so it is not due: not missing, not compared. Jan + Feb are compared: 10,000 + 13,000
    // against 2 x 10,000 = +3,000 = +15%, warn (the old rule counted March as missing and
    // gave no level, so a running quarter always read as all clear).
    const running = computeVariance(workspace(base), { period: P('FY2026-Q1'), ytd: false, asOf: '2026-03-15' });
    expect(running.notices.map((n) => n.id)).toEqual(['VN-2026-02-a']);
    expect(running.notDue).toEqual(['2026-03']);
    expect(running.missingActuals).toEqual([{ department: 'b', month: '2026-02' }]);
    expect(line(running.lines, 'a', '6601')).toMatchObject({ budget: 2000000, actual: 2300000, variance: 300000, variancePct: 15, unfiledBudget: 0, missingMonths: 0, notDueMonths: 1, notDueBudget: 1000000, level: 'warn', favourable: false, flags: [] });
    // As of 2026-03-31 March is due and unfiled: missing, so no level; its budget is kept aside
    // (like for like), and the line counts as a level pending.
    const ended = computeVariance(workspace(base), { period: P('FY2026-Q1'), ytd: false, asOf: '2026-03-31' });
    expect(ended.notDue).toEqual([]);
    expect(line(ended.lines, 'a', '6601')).toMatchObject({ budget: 2000000, actual: 2300000, variance: 300000, unfiledBudget: 1000000, missingMonths: 1, notDueMonths: 0, notDueBudget: 0, level: null, favourable: false, flags: ['missing-actuals'] });
    expect(levelsPending(ended.lines)).toBe(ended.lines.filter((l) => l.department === 'a' || l.department === 'b').length);
    expect(levelsPending(running.lines)).toBe(running.lines.filter((l) => l.department === 'b').length);
    const ytd = computeVariance(workspace(base), { period: P('2026-02'), ytd: true, asOf: '2026-03-01' });
    expect(ytd.months).toEqual(['2026-01', '2026-02']);
    // 10,000.00 + 13,000.00 against 2 x 10,000.00: +15%, warn
    expect(line(ytd.lines, 'a', '6601')).toMatchObject({ budget: 2000000, actual: 2300000, variance: 300000, variancePct: 15, level: 'warn' });
    expect(ytd.notices.map((n) => n.id)).toEqual(['VN-2026-02-a']);
  });
  it('gives no level to a department whose budget is not approved', () => {
    const ws = workspace({ budgets: [budget('a', [{ account: '6601', category: 'expense', months: M12(100) }], 'submitted')], actuals: [actuals('a', '2026-01', [['6601', 999999]])] });
    const r = computeVariance(ws, { period: P('2026-01'), ytd: false, asOf: '2026-01-31' });
    expect(line(r.lines, 'a', '6601')).toMatchObject({ budget: 0, flags: ['no-approved-budget'], level: null, name: 'acct 6601', categoryAssumed: true });
    expect(r.notices).toEqual([]);
  });
  it('computes due dates with calendar days across month ends', () => {
    expect(noticeDue('2026-02-28', 10)).toBe('2026-03-10');
    expect(noticeDue('2026-12-31', 10)).toBe('2027-01-10');
  });
});

describe('exact cent arithmetic', () => {
  it('10,000 CSV lines of 0.10 sum to exactly 1000.00', () => {
    const rows = ['department,account,month,amount', ...new Array<string>(10000).fill('a,6601,2026-01,0.10')].join('\n');
    const csv = parseActualsCsv(rows, { file: 'x.csv', departments: new Set(['a']) });
    expect(csv.diagnostics).toEqual([]);
    const ws = workspace({ budgets: [budget('a', [{ account: '6601', category: 'expense', months: M12(100000) }])] });
    const r = computeVariance(ws, { period: P('2026-01'), ytd: false, asOf: '2026-01-31', extraActuals: csv.actuals });
    expect(line(r.lines, 'a', '6601')).toMatchObject({ actual: 100000, variance: 0, variancePct: 0, favourable: null });
    let float = 0;
    for (let i = 0; i < 10000; i++) float += 0.1;
    expect(float).not.toBe(1000);
  });
});

// ---- examples/acme, summed independently from the YAML files ----
const ACME = path.resolve(__dirname, '..', '..', 'examples', 'acme');
const readYaml = (rel: string): Record<string, unknown> => parse(readFileSync(path.join(ACME, rel), 'utf8')) as Record<string, unknown>;
const cents = (v: number): number => Math.round(v * 100);

interface Expected {
  budget: number;
  actual: number | null;
}

/** Budget (approved + approved adjustments) and actual per department|account for the months. */
function acmeExpected(months: string[]): Map<string, Expected> {
  const out = new Map<string, Expected>();
  const get = (k: string): Expected => {
    let e = out.get(k);
    if (!e) out.set(k, (e = { budget: 0, actual: 0 }));
    return e;
  };
  // Months each department filed: its budget is compared over those only (like for like);
  // a department that filed none keeps the whole budget and a missing actual.
  const filedMonths = new Map<string, Set<string>>();
  for (const m of months) {
    for (const f of existsSync(path.join(ACME, 'actuals', m)) ? readdirSync(path.join(ACME, 'actuals', m)) : []) {
      const d = (readYaml(`actuals/${m}/${f}`) as { department: string }).department;
      filedMonths.set(d, (filedMonths.get(d) ?? new Set()).add(m));
    }
  }
  const compared = (department: string): string[] => (filedMonths.has(department) ? months.filter((m) => filedMonths.get(department)!.has(m)) : months);
  const approved = new Set<string>();
  for (const f of readdirSync(path.join(ACME, 'budgets', 'FY2026'))) {
    const b = readYaml(`budgets/FY2026/${f}`) as { department: string; status: string; lines: { account: string; monthly?: number[]; annual?: number }[] };
    if (b.status !== 'approved') continue;
    approved.add(b.department);
    for (const l of b.lines) {
      let monthly: number[];
      if (l.monthly) monthly = l.monthly.map(cents);
      else {
        // annual spread: floor of the twelfth, the leftover cents to the first months
        const total = cents(l.annual!);
        const base = Math.floor(total / 12);
        monthly = Array.from({ length: 12 }, (_, i) => base + (i < total - base * 12 ? 1 : 0));
      }
      get(`${b.department}|${l.account}`).budget += compared(b.department).reduce((s, m) => s + monthly[Number(m.slice(5)) - 1]!, 0);
    }
  }
  for (const f of readdirSync(path.join(ACME, 'adjustments'))) {
    const a = readYaml(`adjustments/${f}`) as { department: string; status: string; changes: { account: string; month: string; delta: number }[] };
    if (a.status !== 'approved' || !approved.has(a.department)) continue;
    for (const c of a.changes) if (compared(a.department).includes(String(c.month))) get(`${a.department}|${c.account}`).budget += cents(c.delta);
  }
  const filed = new Map<string, Set<string>>();
  for (const m of months) {
    let files: string[] = [];
    try {
      files = readdirSync(path.join(ACME, 'actuals', m));
    } catch {
      continue;
    }
    for (const f of files) {
      const a = readYaml(`actuals/${m}/${f}`) as { department: string; lines: { account: string; amount: number }[] };
      filed.set(a.department, (filed.get(a.department) ?? new Set()).add(m));
      for (const l of a.lines) get(`${a.department}|${l.account}`).actual! += cents(l.amount);
    }
  }
  for (const [k, e] of out) if (e.budget === 0 && e.actual === 0) out.delete(k);
  // A budgeted department that filed none of the months: actual missing (null), not zero.
  for (const [k, e] of out) if (approved.has(k.split('|')[0]!) && !filed.has(k.split('|')[0]!)) e.actual = null;
  return out;
}

describe('examples/acme', () => {
  // Loaded in each test (about 0.1 s), not in the describe body: see 'sign rules per category'.
  const acme = (): Workspace => loadWorkspace(ACME).workspace;
  const months = (n: number): string[] => Array.from({ length: n }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);

  it('computeVarianceTotals gives the totals computeVariance gives, for every month and to date', () => {
    const ws = acme();
    for (const m of months(11)) {
      const full = computeVariance(ws, { period: P(m), ytd: false, asOf: '2026-11-30' });
      expect(computeVarianceTotals(ws, { period: P(m), ytd: false })).toEqual({ months: full.months, totals: full.totals });
    }
    const ytd = computeVariance(ws, { period: P('2026-11'), ytd: true, asOf: '2026-11-30' });
    expect(computeVarianceTotals(ws, { period: P('2026-11'), ytd: true }).totals).toEqual(ytd.totals);
    expect(ytd.totals.length).toBeGreaterThan(0);
  });

  it('November: every line matches the independently summed budget and actual', () => {
    const ws = acme();
    const r = computeVariance(ws, { period: P('2026-11'), ytd: false, asOf: '2026-11-30' });
    const expected = acmeExpected(['2026-11']);
    expect(r.lines.length).toBe(expected.size);
    for (const l of r.lines) {
      const e = expected.get(`${l.department}|${l.account}`);
      expect(e, `${l.department} ${l.account}`).toBeDefined();
      expect([l.department, l.account, l.actual]).toEqual([l.department, l.account, e!.actual]);
      // marketing-online's budget is only submitted: compared against zero
      expect([l.department, l.account, l.budget]).toEqual([l.department, l.account, l.department === 'marketing-online' ? 0 : e!.budget]);
      expect(l.variance).toBe(l.actual === null ? null : l.actual - l.budget);
    }
  });

  it('November: the deliberate situations', () => {
    const ws = acme();
    const r = computeVariance(ws, { period: P('2026-11'), ytd: false, asOf: '2026-11-30' });
    // revised 280,000 + 50,000 (ADJ-2026-001); actual 462,350.80
    expect(line(r.lines, 'marketing', '6601')).toMatchObject({ budget: 33000000, actual: 46235080, variance: 13235080, level: 'critical', favourable: false });
    expect(line(r.lines, 'marketing', '6601').variancePct).toBeCloseTo((13235080 / 33000000) * 100, 12);
    expect(line(r.lines, 'production', '6401')).toMatchObject({ budget: 258750000, actual: 295041836, variance: 36291836, level: 'warn' });
    // revenue above budget: favourable, no level
    expect(line(r.lines, 'production', '6001')).toMatchObject({ category: 'revenue', budget: 575000000, actual: 644123550, variance: 69123550, favourable: true, level: null });
    expect(line(r.lines, 'supply-chain', '6499')).toMatchObject({ budget: 0, actual: 4861240, variancePct: null, flags: ['unbudgeted'], level: 'critical' });
    // the line added by the approved adjustment
    expect(line(r.lines, 'marketing', '6609')).toMatchObject({ budget: 2000000, actual: 1985000 });
    expect(r.missingActuals).toEqual([{ department: 'customer-service', month: '2026-11' }]);
    expect(r.notices.map((n) => [n.id, n.due, n.status])).toEqual([
      ['VN-2026-10-customer-service', '2026-11-10', 'overdue'],
      ['VN-2026-10-marketing', '2026-11-10', 'answered'],
      ['VN-2026-11-marketing', '2026-12-10', 'open'],
      ['VN-2026-11-production', '2026-12-10', 'open'],
      ['VN-2026-11-supply-chain', '2026-12-10', 'open'],
    ]);
  });

  it('October: the zero-budget line and the answered notice', () => {
    const ws = acme();
    const r = computeVariance(ws, { period: P('2026-10'), ytd: false, asOf: '2026-11-30' });
    expect(line(r.lines, 'customer-service', '6699')).toMatchObject({ budget: 0, actual: 320000, variance: 320000, variancePct: null, flags: ['unbudgeted'], level: null });
    expect(line(r.lines, 'marketing', '6603')).toMatchObject({ budget: 9500000, actual: 12831240, level: 'critical' });
    // revised 260,000 + 50,000 = 310,000: +1.78%, no level (against the original it would be +21%)
    expect(line(r.lines, 'marketing', '6601')).toMatchObject({ budget: 31000000, actual: 31552519, level: null });
  });

  it('fiscal year to date through November: sums and subtotals match the YAML files', () => {
    const ws = acme();
    const r = computeVariance(ws, { period: P('2026-11'), ytd: true, asOf: '2026-11-30' });
    const expected = acmeExpected(months(11));
    for (const l of r.lines) {
      const e = expected.get(`${l.department}|${l.account}`)!;
      expect([l.department, l.account, l.budget, l.actual]).toEqual([l.department, l.account, l.department === 'marketing-online' ? 0 : e.budget, e.actual]);
    }
    const rev = line(r.lines, 'production', '6001');
    expect(rev.favourable).toBe(true);
    const e = expected.get('production|6001')!;
    expect(rev.variancePct).toBeCloseTo(((e.actual! - e.budget) / e.budget) * 100, 12);
    // company revenue total = sum of the two revenue lines
    const revTotal = r.totals.find((t) => t.category === 'revenue')!;
    const revKeys = ['production|6001', 'marketing|6051'];
    expect(revTotal.budget).toBe(revKeys.reduce((s, k) => s + expected.get(k)!.budget, 0));
    expect(revTotal.actual).toBe(revKeys.reduce((s, k) => s + expected.get(k)!.actual!, 0));
    expect(line(r.lines, 'supply-chain', '6499').level).toBe('critical');
    expect(line(r.lines, 'customer-service', '6699').flags).toEqual(['unbudgeted', 'missing-actuals']);
    expect(r.notices.filter((n) => n.status === 'overdue').map((n) => n.id)).toEqual(['VN-2026-10-customer-service']);
    expect(r.notices.flatMap((n) => n.lines.map((l) => l.level))).toContain('warn');
  });
});

describe('computeLandingForecast', () => {
  // a: expense budget 1,000.00 every month; filed Jan 1,200.00, Feb 1,200.00, Mar 1,500.00.
  // b: expense budget 2,000.00 every month; filed Jan 2,000.00 and Feb 1,000.00, March not filed.
  const ws = workspace({
    budgets: [budget('a', [{ account: '6601', category: 'expense', months: M12(100000) }]), budget('b', [{ account: '6601', category: 'expense', months: M12(200000) }])],
    actuals: [
      actuals('a', '2026-01', [['6601', 120000]]),
      actuals('a', '2026-02', [['6601', 120000]]),
      actuals('a', '2026-03', [['6601', 150000]]),
      actuals('b', '2026-01', [['6601', 200000]]),
      actuals('b', '2026-02', [['6601', 100000]]),
    ],
  });
  const f = computeLandingForecast(ws, computeVariance(ws, { period: P('2026-03'), ytd: true, asOf: '2026-03-31' }));
  const get = (d: string | null) => (d === null ? f.totals : f.rows).find((r) => r.department === d)!;

  it('worked by hand: landing = filed actuals + budget of the rest; run rate = to date / months filed x 12', () => {
    expect(f.through).toBe('2026-03');
    // a: 3,900.00 filed + 9 x 1,000.00 = 12,900.00 against 12,000.00; run rate 3,900 / 3 x 12 = 15,600.00 (+30%: critical).
    expect(get('a')).toMatchObject({ yearBudget: 1200000, actualToDate: 390000, monthsFiled: 3, landing: 1290000, landingVariance: 90000, runRate: 1560000, runRateVariance: 360000, level: 'critical' });
    expect(get('a').runRateVariancePct).toBeCloseTo(30, 12);
    // b: 3,000.00 filed + 10 x 2,000.00 (March unfiled, April..December) = 23,000.00 against 24,000.00;
    // run rate 3,000 / 2 x 12 = 18,000.00 (-25%: favourable, no level). March's budget is never compared.
    expect(get('b')).toMatchObject({ yearBudget: 2400000, actualToDate: 300000, monthsFiled: 2, landing: 2300000, landingVariance: -100000, runRate: 1800000, runRateVariance: -600000, level: null });
    // Company: sums of the departments, run rate the sum of theirs (15,600 + 18,000).
    expect(get(null)).toMatchObject({ yearBudget: 3600000, actualToDate: 690000, landing: 3590000, runRate: 3360000, runRateVariance: -240000 });
  });
});
