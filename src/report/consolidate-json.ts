// The consolidation as a plain JSON-able document (money in major units), used for both
// `--format json` (kind "consolidate") and `--format yaml` (kind "company-plan", validated by
// schemas/company-plan.schema.json). Field meanings are documented in README.md, "opsplan consolidate".
import { fromCents } from '../model/money.js';
import type { Cents } from '../model/money.js';
import type { Amounts, BudgetAmounts, Consolidation } from '../domain/consolidate.js';
import { roundRates } from './json-rates.js';

/** The kind written into the document: JSON output or the committed YAML company plan. */
export type ConsolidationDocKind = 'consolidate' | 'company-plan';

/** A JSON value. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Converts a consolidation to its documented JSON shape. */
export function consolidationToJson(c: Consolidation, kind: ConsolidationDocKind): { [key: string]: Json } {
  const m = (v: Cents): number => fromCents(v, c.digits);
  const mOrNull = (v: Cents | null): number | null => (v === null ? null : m(v));
  const amounts = (a: Amounts): Json => ({
    months: Object.fromEntries(c.period.months.map((id, i) => [id, m(a.months[i] ?? 0)])),
    buckets: Object.fromEntries(c.buckets.map((b, i) => [b.id, m(a.buckets[i] ?? 0)])),
    total: m(a.total),
  });
  const budget = (b: BudgetAmounts): { [key: string]: Json } => ({ original: amounts(b.original), adjustments: amounts(b.adjustments), revised: amounts(b.revised) });
  return roundRates({
    version: 1,
    kind,
    company: c.company,
    currency: c.currency,
    period: { ...c.period, months: [...c.period.months] },
    buckets: c.buckets.map((b) => ({ id: b.id, label: b.label, months: [...b.months] })),
    requireApproved: c.requireApproved,
    thresholds: { ...c.thresholds },
    submissions: c.submissions.map((s) => ({ department: s.department, name: s.name, parent: s.parent, plan: { ...s.plan }, budget: { ...s.budget } })),
    warnings: c.warnings.map((w) => ({ ...w })),
    targets: c.targets.map((t) => ({ ...t, workItems: [...t.workItems] })),
    annualAdjustments: c.annualAdjustments.map((a) => ({ ...a })),
    workItems: c.workItems.map((w) => ({ ...w, targets: [...w.targets] })),
    resources: {
      departments: c.resources.departments.map((r) => ({ department: r.department, headcount: r.headcount, budgetRequest: m(r.budgetRequest), equipment: [...r.equipment], materials: [...r.materials] })),
      headcount: c.resources.headcount,
      budgetRequest: m(c.resources.budgetRequest),
      equipment: c.resources.equipment.map((e) => ({ ...e })),
      materials: c.resources.materials.map((e) => ({ ...e })),
    },
    risks: c.risks.map((r) => ({ ...r })),
    progress: {
      reports: c.progress.reports.map((r) => ({ ...r })),
      // Rates are percentages named ...Pct (elapsedShare 0..1 becomes elapsedPct 0..100).
      targets: c.progress.targets.map(({ elapsedShare, pctOfPace, ...t }) => ({ ...t, elapsedPct: elapsedShare * 100, ofPacePct: pctOfPace })),
      attention: c.progress.attention.map((w) => ({ ...w, targets: [...w.targets] })),
    },
    budget: {
      included: c.budget.included.map((i) => ({ ...i })),
      excluded: c.budget.excluded.map((e) => ({ ...e })),
      lines: c.budget.lines.map((l) => ({ department: l.department, account: l.account, name: l.name, category: l.category, addedByAdjustment: l.addedByAdjustment, ...budget(l.amounts) })),
      rollup: c.budget.rollup.map((r) => ({ kind: r.kind, department: r.department, depth: r.depth, category: r.category, ...budget(r.amounts) })),
      categories: Object.fromEntries(Object.entries(c.budget.categories).map(([k, v]) => [k, budget(v)])),
      pnl: {
        revenue: budget(c.budget.pnl.revenue),
        cost: budget(c.budget.pnl.cost),
        expense: budget(c.budget.pnl.expense),
        operatingResult: budget(c.budget.pnl.operatingResult),
      },
      cash: { cashIn: budget(c.budget.cash.cashIn), cashOut: budget(c.budget.cash.cashOut), netCashFlow: budget(c.budget.cash.netCashFlow) },
    },
    adjustments: c.adjustments.map((a) => ({
      ...a,
      totalDelta: m(a.totalDelta),
      periodDelta: m(a.periodDelta),
      changes: a.changes.map((ch) => ({ ...ch, delta: m(ch.delta) })),
    })),
    checks: {
      budgetRequests: c.checks.budgetRequests.map((b) => ({ ...b, request: m(b.request), original: mOrNull(b.original), revised: mOrNull(b.revised) })),
      zeroLines: c.checks.zeroLines.map((z) => ({ ...z })),
      targetsWithoutWorkItems: c.checks.targetsWithoutWorkItems.map((t) => ({ ...t })),
    },
  });
}
