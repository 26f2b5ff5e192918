// A department's actual amounts for one month, per account.
import type { ActualsDoc } from '../../model/documents.js';
import { fiscalYearOf } from '../../model/period.js';
import type { Actuals } from '../../model/workspace.js';
import { missingBudgetReason } from '../budget/kind.js';
import { defineKind } from '../kind.js';
import type { CheckContext } from '../kind.js';

function checkActuals(ctx: CheckContext): void {
  const { ws, report, knownDepartment, duplicates, startMonth } = ctx;
  duplicates(ws.actuals, (a) => `${a.department}|${a.month}`, (a, first) =>
    report('error', 'submission/duplicate', `a second ${a.month} actuals file for "${a.department}" (the first is ${first.file}); keep one per department and month`, a.file, ['month']),
  );
  for (const a of ws.actuals) {
    if (!knownDepartment(a.department, a.file, ['department'])) continue;
    const fy = fiscalYearOf(a.month, startMonth);
    const budget = ws.budgets.find((b) => b.department === a.department && b.fiscalYear === fy);
    if (!budget) {
      const broken = missingBudgetReason(ctx, a.department, fy);
      if (broken) report('warning', 'actuals/budget-invalid', `${broken}; until then these actuals cannot be compared`, a.file, ['department']);
      else report('warning', 'actuals/no-budget', `"${a.department}" has no FY${fy} budget, so these actuals cannot be compared; add budgets/.../${a.department}.yaml`, a.file, ['department']);
      continue;
    }
    const accounts = new Set(budget.lines.map((l) => l.account));
    for (const adj of ws.adjustments) {
      if (adj.status === 'approved' && adj.department === a.department && adj.fiscalYear === fy) for (const c of adj.changes) if (c.newLine) accounts.add(c.account);
    }
    const seen = new Set<string>();
    for (const l of a.lines) {
      if (seen.has(l.account)) report('error', 'actuals/duplicate-account', `account "${l.account}" appears twice in these actuals; give one amount per account`, a.file, ['lines', l.index, 'account']);
      seen.add(l.account);
      if (!accounts.has(l.account)) report('warning', 'actuals/unbudgeted-account', `actual on account "${l.account}", which has no line in the FY${fy} budget of "${a.department}"; it will be reported as unbudgeted`, a.file, ['lines', l.index, 'account']);
    }
  }
}

/** Monthly actuals. */
export const actualsKind = defineKind({
  id: 'actuals',
  collection: 'actuals',
  title: 'a department\'s actual amounts for one month, per account',
  globs: ['actuals/**/*.yaml'],
  template: {
    path: 'actuals/2026-01/marketing.yaml',
    text: `kind: actuals
version: 1
department: marketing
month: 2026-01
lines:
  - account: "6601"
    amount: 19850.40
`,
  },
  normalize: (raw, ctx): Actuals => {
    const a = raw as ActualsDoc;
    return { file: ctx.file, department: a.department, month: a.month, lines: a.lines.map((l, index) => ({ account: l.account, amount: ctx.money(l.amount), index })) };
  },
  check: checkActuals,
});
