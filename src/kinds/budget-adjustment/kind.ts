// Budget adjustment requests (三.二.3): only approved ones change the revised budget.
import type { BudgetAdjustmentDoc } from '../../model/documents.js';
import { fiscalMonths } from '../../model/period.js';
import type { Adjustment } from '../../model/workspace.js';
import { fiscalYearNumber, missingBudgetReason } from '../budget/kind.js';
import { defineKind } from '../kind.js';
import type { CheckContext, NormalizeContext } from '../kind.js';

function normalizeAdjustment(raw: unknown, ctx: NormalizeContext): Adjustment {
  const a = raw as BudgetAdjustmentDoc;
  return {
    file: ctx.file,
    id: a.id,
    department: a.department,
    fiscalYear: fiscalYearNumber(a.fiscalYear),
    status: a.status,
    reason: a.reason,
    justification: a.justification,
    approvedBy: a.approvedBy,
    approvedOn: a.approvedOn,
    changes: a.changes.map((c, index) => ({
      account: c.account,
      month: c.month,
      delta: ctx.money(c.delta),
      newLine: c.category ? { name: c.name ?? c.account, category: c.category, basis: c.basis ?? '', method: c.method ?? '' } : undefined,
      index,
    })),
  };
}

function checkAdjustments(ctx: CheckContext): void {
  const { ws, report, knownDepartment, duplicates, startMonth } = ctx;
  duplicates(ws.adjustments, (a) => a.id, (a, first) => report('error', 'adjustment/duplicate-id', `adjustment id "${a.id}" is also used by ${first.file}; ids must be unique`, a.file, ['id']));
  for (const a of ws.adjustments) {
    if (!knownDepartment(a.department, a.file, ['department'])) continue;
    const budget = ws.budgets.find((b) => b.department === a.department && b.fiscalYear === a.fiscalYear);
    if (!budget) {
      const broken = missingBudgetReason(ctx, a.department, a.fiscalYear);
      if (broken) report('error', 'adjustment/budget-invalid', `${broken}; this adjustment is checked once the budget loads`, a.file, ['fiscalYear']);
      else report('error', 'adjustment/no-budget', `there is no FY${a.fiscalYear} budget for "${a.department}" to adjust; submit the budget first`, a.file, ['fiscalYear']);
      continue;
    }
    const months = new Set(fiscalMonths(a.fiscalYear, startMonth));
    const accounts = new Set(budget.lines.map((l) => l.account));
    for (const c of a.changes) {
      if (!months.has(c.month)) report('error', 'adjustment/month-outside-year', `month ${c.month} is outside FY${a.fiscalYear} (${[...months][0]} .. ${[...months][11]})`, a.file, ['changes', c.index, 'month']);
      if (c.newLine && accounts.has(c.account)) report('warning', 'adjustment/new-line-exists', `change declares a new line "${c.account}", but the budget already has that account; drop name/category/basis/method to adjust the existing line`, a.file, ['changes', c.index, 'category']);
      if (!c.newLine && !accounts.has(c.account)) report('error', 'adjustment/unknown-account', `account "${c.account}" is not in the FY${a.fiscalYear} budget of "${a.department}" (${budget.file}); use an existing account or add name, category, basis and method to create a new line`, a.file, ['changes', c.index, 'account']);
    }
  }
}

/** Budget adjustment requests. */
export const budgetAdjustmentKind = defineKind({
  id: 'budget-adjustment',
  collection: 'adjustments',
  title: 'a budget adjustment request; approved ones change the revised budget',
  globs: ['adjustments/**/*.yaml'],
  template: {
    path: 'adjustments/ADJ-2026-001.yaml',
    text: `kind: budget-adjustment
version: 1
id: ADJ-2026-001
department: marketing
fiscalYear: FY2026
reason: market-change
justification: A competitor's launch needs a counter-campaign in March
status: submitted
changes:
  - account: "6601"
    month: 2026-03
    delta: 15000
`,
  },
  normalize: (doc, ctx): Adjustment => normalizeAdjustment(doc, ctx),
  check: checkAdjustments,
});
