// computeConsolidation: figures on examples/acme checked against sums made here straight from
// the YAML files, hand-computed rules, and properties over random budgets.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsImport from 'ajv-formats';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { beforeEach, describe, expect, it } from 'vitest';
import { computeConsolidation, elapsedShare, progressFlag } from '../../src/domain/consolidate.js';
import type { Consolidation, ConsolidationPeriod, RollupRow } from '../../src/domain/consolidate.js';
import { emptyWorkspace, loadWorkspace, normalizeCompany } from '../../src/load/load-workspace.js';
import type { Category, CompanyDoc } from '../../src/model/documents.js';
import { parsePeriod } from '../../src/model/period.js';
import type { Adjustment, Budget, Workspace } from '../../src/model/workspace.js';
import { buildConsolidationReport, wrapText } from '../../src/report/consolidate.js';
import { consolidationToJson } from '../../src/report/consolidate-json.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const ACME = path.join(ROOT, 'examples', 'acme');
const addFormats = (addFormatsImport as unknown as { default: (ajv: Ajv2020) => Ajv2020 }).default;

const period = (id: string): ConsolidationPeriod => parsePeriod(id) as ConsolidationPeriod;

/** Cents of a decimal written with at most 2 decimals, by string, without float arithmetic. */
function cents(v: number): number {
  const [int, frac = ''] = String(Math.abs(v)).split('.');
  const c = Number(int) * 100 + Number((frac + '00').slice(0, 2));
  return v < 0 ? -c : c;
}

interface RawLine { account: string; category: Category; monthly?: number[]; annual?: number }
interface RawBudget { department: string; status: string; lines: RawLine[] }

/** The 12 months of a raw line in cents: monthly as written; annual spread with the extra cents first. */
function rawMonths(l: RawLine): number[] {
  if (l.monthly) return l.monthly.map(cents);
  const total = cents(l.annual!);
  const base = Math.floor(total / 12);
  const rest = total - base * 12;
  return Array.from({ length: 12 }, (_, i) => base + (i < rest ? 1 : 0));
}

function readYamlDir(dir: string): unknown[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => parse(readFileSync(path.join(dir, f), 'utf8')) as unknown);
}

describe('consolidate on examples/acme', () => {
  let ws: Workspace;
  let year: Consolidation;
  let q4: Consolidation;
  let rawBudgets: RawBudget[];
  let rawAdjustments: { id: string; department: string; status: string; changes: { account: string; month: string; delta: number; category?: Category }[] }[];

  // beforeEach, not beforeAll: Stryker's vitest runner attributes coverage to a test only for
  // code run within it or its beforeEach (stryker-js#6150); a workspace shared through
  // beforeAll would leave every consolidation mutant "static", re-run by every test.
  beforeEach(() => {
    ws = loadWorkspace(ACME).workspace;
    year = computeConsolidation(ws, { period: period('FY2026'), requireApproved: false });
    q4 = computeConsolidation(ws, { period: period('FY2026-Q4'), requireApproved: false });
    rawBudgets = readYamlDir(path.join(ACME, 'budgets', 'FY2026')) as RawBudget[];
    rawAdjustments = readYamlDir(path.join(ACME, 'adjustments')) as typeof rawAdjustments;
  });

  /** Expected company total of a category over fiscal month indexes, from the YAML files. */
  function expected(category: Category, monthIdx: number[], which: 'original' | 'adjustments'): number {
    let sum = 0;
    const approved = rawBudgets.filter((b) => b.status === 'approved');
    if (which === 'original') {
      for (const b of approved) for (const l of b.lines) if (l.category === category) for (const i of monthIdx) sum += rawMonths(l)[i]!;
      return sum;
    }
    for (const a of rawAdjustments.filter((x) => x.status === 'approved' && approved.some((b) => b.department === x.department))) {
      for (const c of a.changes) {
        const line = approved.find((b) => b.department === a.department)!.lines.find((l) => l.account === c.account);
        const cat = line?.category ?? c.category;
        const idx = Number(c.month.slice(5, 7)) - 1;
        if (cat === category && monthIdx.includes(idx)) sum += cents(c.delta);
      }
    }
    return sum;
  }

  const ALL = Array.from({ length: 12 }, (_, i) => i);
  const CATS: Category[] = ['revenue', 'cost', 'expense', 'cash-in', 'cash-out'];

  it('company totals per category equal the sums of the approved budget files plus approved adjustments', () => {
    for (const c of CATS) {
      const orig = expected(c, ALL, 'original');
      const adj = expected(c, ALL, 'adjustments');
      expect(year.budget.categories[c].original.total, c).toBe(orig);
      expect(year.budget.categories[c].adjustments.total, c).toBe(adj);
      expect(year.budget.categories[c].revised.total, c).toBe(orig + adj);
      for (let q = 0; q < 4; q++) {
        const idx = [q * 3, q * 3 + 1, q * 3 + 2];
        expect(year.budget.categories[c].revised.buckets[q], `${c} Q${q + 1}`).toBe(expected(c, idx, 'original') + expected(c, idx, 'adjustments'));
      }
      for (let m = 0; m < 3; m++) {
        expect(q4.budget.categories[c].revised.months[m], `${c} month ${m + 10}`).toBe(expected(c, [9 + m], 'original') + expected(c, [9 + m], 'adjustments'));
      }
      expect(q4.budget.categories[c].original.total).toBe(expected(c, [9, 10, 11], 'original'));
    }
  });

  it('shows the figures the acme README states', () => {
    const mkt = year.budget.rollup.find((r) => r.kind === 'department' && r.department === 'marketing' && r.category === 'expense')!;
    expect(mkt.amounts.original.total).toBe(410500011);
    expect(mkt.amounts.adjustments.total).toBe(12000000);
    expect(mkt.amounts.revised.total).toBe(422500011);
    // ADJ-2026-002 is rejected: production 6401 in December stays 2,677,500.00.
    const dm = year.budget.lines.find((l) => l.department === 'production' && l.account === '6401')!;
    expect(dm.amounts.revised.months[11]).toBe(267750000);
    expect(dm.amounts.adjustments.total).toBe(0);
    const adj2 = year.adjustments.find((a) => a.id === 'ADJ-2026-002')!;
    expect(adj2.applied).toBe(false);
    expect(adj2.notAppliedReason).toMatch(/rejected/);
    expect(year.adjustments.find((a) => a.id === 'ADJ-2026-001')!.applied).toBe(true);
    // The trade fair line exists only through the approved adjustment.
    const fair = q4.budget.lines.find((l) => l.account === '6609')!;
    expect(fair.addedByAdjustment).toBe(true);
    expect(fair.amounts.revised.months).toEqual([0, 2000000, 0]);
  });

  it('lists marketing-online as left out (submitted budget) and warns about unapproved submissions', () => {
    expect(year.budget.excluded).toEqual([{ department: 'marketing-online', status: 'submitted', reason: 'budget is submitted, only approved budgets count' }]);
    expect(year.warnings.map((w) => `${w.code} ${w.department}`).sort()).toEqual(['submission/unapproved-budget marketing-online', 'submission/unapproved-plan customer-service']);
    expect(q4.warnings.map((w) => `${w.code} ${w.department}`).sort()).toEqual([
      'submission/missing-plan marketing-online',
      'submission/unapproved-budget marketing-online',
      'submission/unapproved-plan customer-service',
      'submission/unapproved-plan supply-chain',
    ]);
    expect(q4.warnings.every((w) => w.severity === 'warning')).toBe(true);
    const strict = computeConsolidation(ws, { period: period('FY2026-Q4'), requireApproved: true });
    expect(strict.warnings.every((w) => w.severity === 'error')).toBe(true);
  });

  it('P&L and cash views are revenue - cost - expense and cash-in - cash-out', () => {
    const rev = expected('revenue', ALL, 'original') + expected('revenue', ALL, 'adjustments');
    const cost = expected('cost', ALL, 'original') + expected('cost', ALL, 'adjustments');
    const exp = expected('expense', ALL, 'original') + expected('expense', ALL, 'adjustments');
    expect(year.budget.pnl.operatingResult.revised.total).toBe(rev - cost - exp);
    expect(year.budget.pnl.operatingResult.revised.total).toBe(994941669);
    expect(year.budget.cash.netCashFlow.revised.total).toBe(expected('cash-in', ALL, 'original') - expected('cash-out', ALL, 'original'));
    expect(q4.budget.pnl.operatingResult.revised.months.reduce((a, b) => a + b, 0)).toBe(q4.budget.pnl.operatingResult.revised.total);
  });

  it('checks budget requests against cost + expense + cash-out within the tolerance', () => {
    const scm = year.checks.budgetRequests.find((b) => b.department === 'supply-chain')!;
    const scmBudget = rawBudgets.find((b) => b.department === 'supply-chain')!;
    const spend = scmBudget.lines.filter((l) => l.category !== 'revenue' && l.category !== 'cash-in').reduce((s, l) => s + rawMonths(l).reduce((a, b) => a + b, 0), 0);
    expect(scm.revised).toBe(spend);
    expect(scm.revised).toBe(519998975);
    expect(scm.request).toBe(582400000);
    expect(scm.deviationPct!).toBeCloseTo(12.0, 2);
    expect(scm.outsideTolerance).toBe(true);
    expect(year.checks.budgetRequests.filter((b) => b.outsideTolerance).map((b) => b.department)).toEqual(['supply-chain']);
    const mkt = q4.checks.budgetRequests.find((b) => b.department === 'marketing')!;
    expect([mkt.original, mkt.revised]).toEqual([118250000, 130250000]);
    // marketing-online's budget is only submitted but still the department's own figure.
    expect(year.checks.budgetRequests.find((b) => b.department === 'marketing-online')!.revised).toBe(138942482);
  });

  it('finds the zero line and the target without work items', () => {
    expect(year.checks.zeroLines.map((z) => `${z.department} ${z.account}`)).toEqual(['customer-service 6699']);
    expect(year.checks.targetsWithoutWorkItems.map((t) => t.target)).toEqual(['PRD-T4']);
    expect(q4.checks.targetsWithoutWorkItems).toEqual([]);
  });

  it('computes achievement and pace as of the progress date', () => {
    const t = year.progress.targets.find((x) => x.id === 'MKT-T1')!;
    expect(t.elapsedShare).toBe(334 / 365);
    expect(t.pace).toBeCloseTo((12000 * 334) / 365, 9);
    expect(t.achievementPct!).toBeCloseTo((7900 / 12000) * 100, 9);
    expect(t.pctOfPace!).toBeCloseTo((7900 / ((12000 * 334) / 365)) * 100, 9);
    expect(t.belowPace).toBe(true);
    expect(t.flag).toBe('below-pace');
    expect(year.progress.targets.filter((x) => x.flag === 'below-pace' || x.flag === 'over-pace').map((x) => x.id)).toEqual(['MKT-T1']);
  });

  it('reads lower-is-better and level targets right: no pace on a level, the comparison inverted for lower', () => {
    const get = (id: string) => year.progress.targets.find((x) => x.id === id)!;
    // Month-end close 5.2 days against a target of 5 (lower is better, a level): off target,
    // 5 / 5.2 = 96.2% achieved, and no pace (a close does not accumulate through the year).
    expect(get('OPS-T3')).toMatchObject({ direction: 'lower', measure: 'level', pace: null, pctOfPace: null, flag: 'off-target', belowPace: true });
    expect(get('OPS-T3').achievementPct!).toBeCloseTo((5 / 5.2) * 100, 9);
    // First-pass yield 97.3 against 97.5: a level judged against the target, not 89% of it by pace.
    expect(get('PRD-T2')).toMatchObject({ measure: 'level', pace: null, flag: 'off-target' });
    // Cumulative, higher: on pace (47,650 of 52,000 x 334/365 = 47,583.56).
    expect(get('PRD-T1')).toMatchObject({ direction: 'higher', measure: 'cumulative', flag: null });
  });

  it('flags each direction and measure by its own rule', () => {
    const f = (direction: 'higher' | 'lower', measure: 'cumulative' | 'level', target: number, achieved: number, pace: number | null) => progressFlag({ direction, measure, target, achieved, pace }, 90);
    expect(f('higher', 'cumulative', 100, 89, 99)).toBe('below-pace'); // 89 < 90% of 99
    expect(f('higher', 'cumulative', 100, 90, 100)).toBe(null); // exactly at 90% of pace
    expect(f('lower', 'cumulative', 100, 56, 50)).toBe('over-pace'); // 56 x 90 > 100 x 50
    expect(f('lower', 'cumulative', 100, 55, 50)).toBe(null); // 55 x 90 = 4950 <= 5000
    expect(f('higher', 'level', 97.5, 97.5, null)).toBe(null);
    expect(f('higher', 'level', 97.5, 97.4, null)).toBe('off-target');
    expect(f('lower', 'level', 5, 5, null)).toBe(null);
    expect(f('lower', 'level', 5, 5.2, null)).toBe('off-target');
    expect(year.progress.attention.map((w) => `${w.id} ${w.status}`)).toEqual(['PRD-W3 at-risk', 'MKT-W3 late', 'CSV-W2 at-risk', 'SCM-W2 late']);
  });

  it('ranks risks by likelihood x impact, then department, then id', () => {
    const keys = year.risks.map((r) => [r.score, r.department, r.id] as const);
    for (let i = 1; i < keys.length; i++) {
      const [s0, d0, i0] = keys[i - 1]!;
      const [s1, d1, i1] = keys[i]!;
      expect(s0 > s1 || (s0 === s1 && (d0 < d1 || (d0 === d1 && i0 < i1)))).toBe(true);
    }
    expect(year.risks.slice(0, 2).map((r) => r.id)).toEqual(['MKT-R1', 'MKO-R1']);
    expect(year.risks.map((r) => r.rank)).toEqual(year.risks.map((_, i) => i + 1));
  });

  it('puts proposed annual adjustments beside the annual targets', () => {
    expect(q4.annualAdjustments.map((a) => [a.department, a.target, a.annualTarget, a.proposed])).toEqual([
      ['production', 'PRD-T1', 52000, 53500],
      ['marketing', 'MKT-T1', 12000, 10000],
    ]);
  });

  it('writes YAML that validates against the company-plan schema and reads back identically', () => {
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(path.join(ROOT, 'schemas', 'company-plan.schema.json'), 'utf8')));
    for (const c of [year, q4]) {
      const doc = consolidationToJson(c, 'company-plan');
      const back = parse(stringify(doc, { lineWidth: 0 })) as unknown;
      expect(validate(back), JSON.stringify(validate.errors)).toBe(true);
      expect(back).toEqual(doc);
    }
    // The schema is not a rubber stamp: an unknown field or a wrong kind is rejected.
    expect(validate({ ...consolidationToJson(year, 'company-plan'), extra: 1 })).toBe(false);
    expect(validate(consolidationToJson(year, 'consolidate'))).toBe(false);
  });

  it('builds report tables whose text fits 100 columns once wrapped', () => {
    const report = buildConsolidationReport(year, { wrap: 40 });
    expect(report.tables.map((t) => t.id)).toContain('pnl');
    const budget = report.tables.find((t) => t.id === 'budget')!;
    expect(budget.columns.map((c) => c.header)).toEqual(['Department', 'Category', 'Q1', 'Q2', 'Q3', 'Q4']);
    const qBudget = buildConsolidationReport(q4).tables.find((t) => t.id === 'budget')!;
    expect(qBudget.columns.map((c) => c.header)).toEqual(['Department', 'Category', '2026-10', '2026-11', '2026-12', 'FY2026-Q4']);
    expect(wrapText('a bb ccc dddd', 6)).toBe('a bb\nccc\ndddd');
  });
});

describe('elapsedShare', () => {
  it('counts days up to and including the as-of date and clamps to the period', () => {
    expect(elapsedShare('2026-01-01', '2026-12-31', '2026-11-30')).toBe(334 / 365);
    expect(elapsedShare('2026-10-01', '2026-12-31', '2026-10-01')).toBe(1 / 92);
    expect(elapsedShare('2026-10-01', '2026-12-31', '2026-09-01')).toBe(0);
    expect(elapsedShare('2026-10-01', '2026-12-31', '2027-02-01')).toBe(1);
  });
});

// ---- Properties over random workspaces -------------------------------------------------

const CATS: Category[] = ['revenue', 'cost', 'expense', 'cash-in', 'cash-out'];

function companyDoc(parents: (number | null)[]): CompanyDoc {
  return {
    kind: 'company',
    version: 1,
    company: 'P',
    currency: 'CNY',
    departments: parents.map((p, i) => ({ id: `d${i}`, name: `D${i}`, function: 'other' as const, ...(p === null ? {} : { parent: `d${p}` }) })),
  };
}

function workspace(parents: (number | null)[], budgets: Budget[], adjustments: Adjustment[]): Workspace {
  return { ...emptyWorkspace('/x'), company: normalizeCompany(companyDoc(parents), 'opsplan.yaml'), budgets, adjustments };
}

const amount = fc.integer({ min: -5_000_000_00, max: 5_000_000_00 });
const lineArb = fc.record({ category: fc.constantFrom(...CATS), months: fc.array(amount, { minLength: 12, maxLength: 12 }) });
// Department i may have a parent among 0..i-1, so the tree has no cycles.
const treeArb = fc.integer({ min: 1, max: 6 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => (i === 0 ? fc.constant(null) : fc.option(fc.integer({ min: 0, max: i - 1 }), { nil: null })))));
const caseArb = treeArb.chain((parents) =>
  fc.record({
    parents: fc.constant(parents as (number | null)[]),
    budgets: fc.tuple(...parents.map(() => fc.record({ approved: fc.boolean(), lines: fc.array(lineArb, { maxLength: 4 }) }))),
    changes: fc.array(fc.record({ dept: fc.integer({ min: 0, max: parents.length - 1 }), line: fc.nat(3), month: fc.integer({ min: 1, max: 12 }), delta: amount }), { maxLength: 6 }),
  }),
);

function buildBudgets(c: { budgets: { approved: boolean; lines: { category: Category; months: number[] }[] }[] }): Budget[] {
  return c.budgets.map((b, d) => ({
    file: `budgets/d${d}.yaml`,
    department: `d${d}`,
    fiscalYear: 2026,
    status: b.approved ? 'approved' : 'submitted',
    lines: b.lines.map((l, i) => ({ account: `A${i}`, name: `L${i}`, category: l.category, basis: 'b', method: 'm', months: l.months, index: i })),
  }));
}

function buildAdjustments(budgets: Budget[], changes: { dept: number; line: number; month: number; delta: number }[], sign: 1 | -1, id: string): Adjustment[] {
  const usable = changes.filter((c) => budgets[c.dept]!.lines.length > 0);
  return usable.map((c, k) => ({
    file: `adjustments/${id}-${k}.yaml`,
    id: `${id}-${k}`,
    department: `d${c.dept}`,
    fiscalYear: 2026,
    status: 'approved' as const,
    reason: 'other' as const,
    justification: 'j',
    changes: [{ account: `A${c.line % budgets[c.dept]!.lines.length}`, month: `2026-${String(c.month).padStart(2, '0')}`, delta: sign * c.delta, index: 0 }],
  }));
}

function partsOf(rows: RollupRow[], parents: (number | null)[], target: RollupRow): RollupRow[] {
  // The displayed parts of a subtotal: the department's own row and each child's subtotal (when
  // it has children) or own row; of the company row: each top-level department's such row.
  const hasKids = (d: string): boolean => parents.some((p) => p !== null && `d${p}` === d);
  const pick = (d: string): RollupRow | undefined => rows.find((r) => r.department === d && r.category === target.category && r.kind === (hasKids(d) ? 'subtotal' : 'department'));
  const children = target.kind === 'company' ? parents.map((p, i) => (p === null ? `d${i}` : null)).filter((x): x is string => x !== null) : parents.map((p, i) => (p !== null && `d${p}` === target.department ? `d${i}` : null)).filter((x): x is string => x !== null);
  const parts = children.map(pick).filter((r): r is RollupRow => r !== undefined);
  if (target.kind === 'subtotal') {
    const own = rows.find((r) => r.kind === 'department' && r.department === target.department && r.category === target.category);
    if (own) parts.push(own);
  }
  return parts;
}

describe('consolidation properties', () => {
  it('company totals equal the sum of department lines, and every subtotal the sum of its displayed parts', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const budgets = buildBudgets(c);
        const ws = workspace(c.parents, budgets, buildAdjustments(budgets, c.changes, 1, 'A'));
        for (const id of ['FY2026', 'FY2026-Q2']) {
          const r = computeConsolidation(ws, { period: period(id), requireApproved: false });
          for (const cat of CATS) {
            const lines = r.budget.lines.filter((l) => l.category === cat);
            const sum = (k: 'original' | 'adjustments' | 'revised'): number => lines.reduce((s, l) => s + l.amounts[k].total, 0);
            const company = r.budget.categories[cat];
            expect(company.original.total).toBe(sum('original'));
            expect(company.adjustments.total).toBe(sum('adjustments'));
            expect(company.revised.total).toBe(sum('revised'));
            expect(company.revised.total).toBe(company.original.total + company.adjustments.total);
            expect(company.revised.buckets.reduce((a, b) => a + b, 0)).toBe(company.revised.total);
          }
          for (const row of r.budget.rollup.filter((x) => x.kind !== 'department')) {
            const parts = partsOf(r.budget.rollup, c.parents, row);
            for (const k of ['original', 'adjustments', 'revised'] as const) {
              expect(parts.reduce((s, p) => s + p.amounts[k].total, 0)).toBe(row.amounts[k].total);
              row.amounts[k].buckets.forEach((v, i) => expect(parts.reduce((s, p) => s + p.amounts[k].buckets[i]!, 0)).toBe(v));
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('applying adjustments and then their negations returns the original budget', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const budgets = buildBudgets(c);
        const base = computeConsolidation(workspace(c.parents, budgets, []), { period: period('FY2026'), requireApproved: false });
        const forward = buildAdjustments(budgets, c.changes, 1, 'A');
        const back = buildAdjustments(budgets, c.changes, -1, 'B');
        const round = computeConsolidation(workspace(c.parents, budgets, [...forward, ...back]), { period: period('FY2026'), requireApproved: false });
        for (const cat of CATS) {
          expect(round.budget.categories[cat].revised).toEqual(base.budget.categories[cat].revised);
          expect(round.budget.categories[cat].adjustments.total).toBe(0);
        }
        expect(round.budget.lines.map((l) => l.amounts.revised)).toEqual(base.budget.lines.map((l) => l.amounts.revised));
      }),
      { numRuns: 150 },
    );
  });
});
