// Annual department budgets (三.二): lines with basis and method, monthly or annual amounts.
import type { BudgetDoc } from '../../model/documents.js';
import { spreadEvenly } from '../../model/money.js';
import type { Budget } from '../../model/workspace.js';
import { defineKind } from '../kind.js';
import type { CheckContext, NormalizeContext } from '../kind.js';

/** `FY2026` -> 2026. */
export function fiscalYearNumber(fy: string): number {
  return Number(fy.slice(2, 6));
}

function normalizeBudget(raw: unknown, ctx: NormalizeContext): Budget {
  const b = raw as BudgetDoc;
  return {
    file: ctx.file,
    department: b.department,
    fiscalYear: fiscalYearNumber(b.fiscalYear),
    status: b.status,
    lines: b.lines.map((l, index) => ({
      account: l.account,
      name: l.name,
      category: l.category,
      basis: l.basis,
      method: l.method,
      months: l.monthly ? l.monthly.map((m) => ctx.money(m)) : spreadEvenly(ctx.money(l.annual ?? 0), 12),
      index,
    })),
  };
}

function checkBudgets({ ws, report, knownDepartment, duplicates }: CheckContext): void {
  for (const b of ws.budgets) {
    knownDepartment(b.department, b.file, ['department']);
    const seen = new Set<string>();
    for (const l of b.lines) {
      if (seen.has(l.account)) report('error', 'budget/duplicate-account', `account "${l.account}" appears twice in this budget; merge the lines or use another account code`, b.file, ['lines', l.index, 'account']);
      seen.add(l.account);
      if (l.basis.trim() === '') report('error', 'budget/missing-basis', `line "${l.account}" has an empty basis; add basis: <what the amount rests on>`, b.file, ['lines', l.index, 'basis']);
      if (l.method.trim() === '') report('error', 'budget/missing-method', `line "${l.account}" has an empty method; add method: <how the amount was calculated>`, b.file, ['lines', l.index, 'method']);
    }
  }
  duplicates(ws.budgets, (b) => `${b.department}|${b.fiscalYear}`, (b, first) =>
    report('error', 'submission/duplicate', `a second FY${b.fiscalYear} budget for "${b.department}" (the first is ${first.file}); keep one budget per department and fiscal year`, b.file, ['fiscalYear']),
  );
}

/**
 * Says why a department has no budget for a fiscal year in the model: either its budget file
 * was left out for its own errors (then name that file), or there is none.
 */
export function missingBudgetReason(ctx: CheckContext, department: string, fiscalYear: number): string | undefined {
  const broken = ctx.rejected('budget', (d) => d.department === department && typeof d.fiscalYear === 'string' && fiscalYearNumber(d.fiscalYear) === fiscalYear);
  return broken ? `the FY${fiscalYear} budget of "${department}" (${broken.file}) has errors and is left out; fix that file first` : undefined;
}

/** Annual department budgets. */
export const budgetKind = defineKind({
  id: 'budget',
  collection: 'budgets',
  title: 'a department\'s annual budget: revenue, cost, expense and cash lines with basis and method',
  globs: ['budgets/**/*.yaml'],
  template: {
    path: 'budgets/FY2026/marketing.yaml',
    text: `kind: budget
version: 1
department: marketing
fiscalYear: FY2026
status: draft
lines:
  - account: "6601"
    name: Advertising
    category: expense
    basis: Media plan FY2026 and agency quotes
    method: Flights per month x quoted rate
    annual: 240000
`,
  },
  normalize: (doc, ctx): Budget => normalizeBudget(doc, ctx),
  check: checkBudgets,
});
