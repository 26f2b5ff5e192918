// Checks across files that a schema cannot express. Each check has a stable code; each
// finding points at the node that is wrong.
import type { Diagnostic, Severity } from '../model/diagnostic.js';
import { fiscalMonths, fiscalYearOf, parsePeriod, periodFiscalYear } from '../model/period.js';
import type { Workspace } from '../model/workspace.js';
import type { Locator } from './load-workspace.js';

/** Runs every cross-file check on a loaded workspace. */
export function checkWorkspace(ws: Workspace, locate: Locator): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (severity: Severity, code: string, message: string, file: string, path: (string | number)[], at: 'key' | 'value' = 'value'): void => {
    const pos = locate(file, path, at);
    out.push({ code, severity, message, file, line: pos.line, column: pos.column, path: '/' + path.join('/'), endLine: pos.endLine, endColumn: pos.endColumn });
  };
  const company = ws.company;
  const startMonth = company?.fiscalYearStartMonth ?? 1;
  const departments = new Set<string>();
  const warehouses = new Set<string>();

  if (company) {
    company.departments.forEach((d, i) => {
      if (departments.has(d.id)) report('error', 'company/duplicate-department', `department id "${d.id}" appears twice; ids must be unique`, company.file, ['departments', i, 'id']);
      departments.add(d.id);
    });
    company.warehouses.forEach((w, i) => {
      if (warehouses.has(w.id)) report('error', 'company/duplicate-warehouse', `warehouse id "${w.id}" appears twice; ids must be unique`, company.file, ['warehouses', i, 'id']);
      warehouses.add(w.id);
    });
    const parents = new Map(company.departments.map((d) => [d.id, d.parent]));
    company.departments.forEach((d, i) => {
      if (d.parent === undefined) return;
      if (!departments.has(d.parent)) {
        report('error', 'company/unknown-parent', `parent "${d.parent}" of department "${d.id}" is not a department in this file; use one of: ${[...departments].join(', ')}`, company.file, ['departments', i, 'parent']);
        return;
      }
      // Walk up; coming back to d means a cycle, which would make roll-ups loop forever.
      const seen = new Set<string>([d.id]);
      let p: string | undefined = d.parent;
      while (p !== undefined) {
        if (seen.has(p)) {
          report('error', 'company/parent-cycle', `department "${d.id}" is its own ancestor through parent links (${[...seen, p].join(' -> ')}); break the cycle`, company.file, ['departments', i, 'parent']);
          break;
        }
        seen.add(p);
        p = parents.get(p);
      }
    });
    const v = company.thresholds.variance;
    if (v.criticalPct < v.warnPct) report('warning', 'company/threshold-order', `criticalPct (${v.criticalPct}) is below warnPct (${v.warnPct}); critical should be the larger threshold`, company.file, ['thresholds', 'variance', 'criticalPct']);
  }

  const knownDepartment = (dept: string, file: string, path: (string | number)[]): boolean => {
    if (!company || departments.has(dept)) return true;
    report('error', 'ref/unknown-department', `department "${dept}" is not declared in opsplan.yaml; declare it under departments: or fix the id (known: ${[...departments].join(', ')})`, file, path);
    return false;
  };

  const duplicates = <T>(items: T[], keyOf: (t: T) => string, emit: (t: T, first: T) => void): void => {
    const first = new Map<string, T>();
    for (const it of items) {
      const k = keyOf(it);
      const prev = first.get(k);
      if (prev) emit(it, prev);
      else first.set(k, it);
    }
  };
  const idsUnique = (file: string, list: { id: string }[] | undefined, field: string, code: string): void => {
    const seen = new Set<string>();
    (list ?? []).forEach((x, i) => {
      if (seen.has(x.id)) report('error', code, `${field} id "${x.id}" is used twice in this file; ids must be unique`, file, [field, i, 'id']);
      seen.add(x.id);
    });
  };

  // Plans.
  for (const p of ws.plans) {
    knownDepartment(p.doc.department, p.file, ['department']);
    idsUnique(p.file, p.doc.targets, 'targets', 'plan/duplicate-id');
    idsUnique(p.file, p.doc.workItems, 'workItems', 'plan/duplicate-id');
    idsUnique(p.file, p.doc.risks, 'risks', 'plan/duplicate-id');
    const period = parsePeriod(p.doc.period);
    const targets = new Set(p.doc.targets.map((t) => t.id));
    const fy = period ? periodFiscalYear(period, startMonth) : null;
    p.doc.workItems.forEach((w, i) => {
      if (w.due < w.start) report('error', 'plan/due-before-start', `work item "${w.id}" is due ${w.due}, before its start ${w.start}; fix one of the dates`, p.file, ['workItems', i, 'due']);
      (w.targets ?? []).forEach((t, j) => {
        if (!targets.has(t)) report('error', 'plan/unknown-target', `work item "${w.id}" points at target "${t}", which this plan does not define (targets: ${[...targets].join(', ') || 'none'})`, p.file, ['workItems', i, 'targets', j]);
      });
      if (fy !== null) {
        for (const field of ['start', 'due'] as const) {
          const fyOfDate = fiscalYearOf(w[field].slice(0, 7), startMonth);
          if (fyOfDate !== fy) report('warning', 'plan/date-outside-period', `work item "${w.id}" ${field} ${w[field]} is outside fiscal year FY${fy} of this ${p.doc.period} plan`, p.file, ['workItems', i, field]);
        }
      }
    });
    if (period?.kind === 'year' && p.doc.annualAdjustments?.length) {
      report('error', 'plan/adjustments-in-annual-plan', 'annualAdjustments belong in quarterly plans (period FY2026-Q1..Q4); move them to a quarterly plan', p.file, ['annualAdjustments'], 'key');
    }
    if (period?.kind === 'quarter' && p.doc.annualAdjustments?.length) {
      const annual = ws.plans.find((a) => a.doc.department === p.doc.department && a.doc.period === `FY${period.fiscalYear}`);
      const annualTargets = new Set(annual?.doc.targets.map((t) => t.id) ?? []);
      p.doc.annualAdjustments.forEach((a, i) => {
        if (!annual) report('warning', 'plan/no-annual-plan', `annualAdjustments refer to FY${period.fiscalYear}, but department "${p.doc.department}" has no annual plan for it`, p.file, ['annualAdjustments', i, 'target']);
        else if (!annualTargets.has(a.target)) report('error', 'plan/unknown-annual-target', `annual adjustment names target "${a.target}", which the FY${period.fiscalYear} plan of "${p.doc.department}" does not define (${annual.file})`, p.file, ['annualAdjustments', i, 'target']);
      });
    }
  }
  duplicates(ws.plans, (p) => `${p.doc.department}|${p.doc.period}`, (p, first) =>
    report('error', 'submission/duplicate', `a second ${p.doc.period} plan for "${p.doc.department}" (the first is ${first.file}); keep one submission per department and period`, p.file, ['period']),
  );

  // Budgets.
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
  const budgetOf = (dept: string, fy: number) => ws.budgets.find((b) => b.department === dept && b.fiscalYear === fy);

  // Adjustments.
  duplicates(ws.adjustments, (a) => a.id, (a, first) => report('error', 'adjustment/duplicate-id', `adjustment id "${a.id}" is also used by ${first.file}; ids must be unique`, a.file, ['id']));
  for (const a of ws.adjustments) {
    if (!knownDepartment(a.department, a.file, ['department'])) continue;
    const budget = budgetOf(a.department, a.fiscalYear);
    if (!budget) {
      report('error', 'adjustment/no-budget', `there is no FY${a.fiscalYear} budget for "${a.department}" to adjust; submit the budget first`, a.file, ['fiscalYear']);
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

  // Actuals.
  duplicates(ws.actuals, (a) => `${a.department}|${a.month}`, (a, first) =>
    report('error', 'submission/duplicate', `a second ${a.month} actuals file for "${a.department}" (the first is ${first.file}); keep one per department and month`, a.file, ['month']),
  );
  for (const a of ws.actuals) {
    if (!knownDepartment(a.department, a.file, ['department'])) continue;
    const fy = fiscalYearOf(a.month, startMonth);
    const budget = budgetOf(a.department, fy);
    if (!budget) {
      report('warning', 'actuals/no-budget', `"${a.department}" has no FY${fy} budget, so these actuals cannot be compared; add budgets/.../${a.department}.yaml`, a.file, ['department']);
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

  // Inventories.
  duplicates(ws.inventories, (i) => `${i.doc.warehouse}|${i.doc.asOf}`, (i, first) =>
    report('error', 'submission/duplicate', `a second snapshot of "${i.doc.warehouse}" as of ${i.doc.asOf} (the first is ${first.file})`, i.file, ['asOf']),
  );
  for (const inv of ws.inventories) {
    if (company && !warehouses.has(inv.doc.warehouse)) {
      report('error', 'ref/unknown-warehouse', `warehouse "${inv.doc.warehouse}" is not declared in opsplan.yaml; declare it under warehouses: (known: ${[...warehouses].join(', ') || 'none'})`, inv.file, ['warehouse']);
    }
    const seen = new Set<string>();
    inv.doc.items.forEach((it, i) => {
      if (seen.has(it.sku)) report('error', 'inventory/duplicate-sku', `SKU "${it.sku}" appears twice in this snapshot; merge the two entries`, inv.file, ['items', i, 'sku']);
      seen.add(it.sku);
      const { safetyStock: s, reorderPoint: r, maxStock: m } = it;
      if (s !== undefined && r !== undefined && s > r) report('warning', 'inventory/level-order', `SKU "${it.sku}": safetyStock ${s} is above reorderPoint ${r}; expected safetyStock <= reorderPoint <= maxStock`, inv.file, ['items', i, 'reorderPoint']);
      if (r !== undefined && m !== undefined && r > m) report('warning', 'inventory/level-order', `SKU "${it.sku}": reorderPoint ${r} is above maxStock ${m}; expected safetyStock <= reorderPoint <= maxStock`, inv.file, ['items', i, 'maxStock']);
      else if (r === undefined && s !== undefined && m !== undefined && s > m) report('warning', 'inventory/level-order', `SKU "${it.sku}": safetyStock ${s} is above maxStock ${m}`, inv.file, ['items', i, 'maxStock']);
    });
  }

  // Plan progress.
  duplicates(ws.progress, (p) => `${p.doc.department}|${p.doc.period}|${p.doc.asOf}`, (p, first) =>
    report('error', 'submission/duplicate', `a second progress report for "${p.doc.department}" ${p.doc.period} as of ${p.doc.asOf} (the first is ${first.file})`, p.file, ['asOf']),
  );
  for (const pr of ws.progress) {
    if (!knownDepartment(pr.doc.department, pr.file, ['department'])) continue;
    const plan = ws.plans.find((p) => p.doc.department === pr.doc.department && p.doc.period === pr.doc.period);
    if (!plan) {
      report('error', 'progress/unknown-plan', `there is no ${pr.doc.period} plan for "${pr.doc.department}" to report progress on`, pr.file, ['period']);
      continue;
    }
    const targets = new Set(plan.doc.targets.map((t) => t.id));
    const items = new Set(plan.doc.workItems.map((w) => w.id));
    (pr.doc.targets ?? []).forEach((t, i) => {
      if (!targets.has(t.id)) report('error', 'progress/unknown-target', `target "${t.id}" is not in ${plan.file}`, pr.file, ['targets', i, 'id']);
    });
    (pr.doc.workItems ?? []).forEach((w, i) => {
      if (!items.has(w.id)) report('error', 'progress/unknown-work-item', `work item "${w.id}" is not in ${plan.file}`, pr.file, ['workItems', i, 'id']);
    });
  }

  // Variance responses.
  duplicates(ws.responses, (r) => r.doc.notice, (r, first) =>
    report('error', 'response/duplicate', `notice "${r.doc.notice}" is already answered by ${first.file}; update that file instead`, r.file, ['notice']),
  );
  for (const r of ws.responses) {
    if (!knownDepartment(r.doc.department, r.file, ['department'])) continue;
    if (!r.doc.notice.endsWith(`-${r.doc.department}`)) {
      report('error', 'response/department-mismatch', `notice "${r.doc.notice}" is addressed to another department than "${r.doc.department}"; notice ids end with the department id`, r.file, ['notice']);
    }
  }
  return out;
}
