// Monthly and weekly production plans (四.一): what to make and by when, with line capacity.
import { toMilli } from '../../domain/quantity.js';
import { monthOrWeekRange } from '../../model/calendar.js';
import { defineKind } from '../kind.js';
import type { CheckContext, NormalizeContext } from '../kind.js';
import type { ProductionPlan, ProductionPlanDoc } from './types.js';

function normalizePlan(raw: unknown, ctx: NormalizeContext): ProductionPlan {
  const p = raw as ProductionPlanDoc;
  // A week 53 that the year lacks passes the schema's pattern; the check below reports it.
  const range = monthOrWeekRange(p.period);
  return {
    file: ctx.file,
    department: p.department,
    period: p.period,
    periodKind: range?.kind ?? (p.period.includes('W') ? 'week' : 'month'),
    from: range?.from ?? '',
    to: range?.to ?? '',
    status: p.status,
    lines: p.lines.map((l, index) => ({ sku: l.sku, quantity: toMilli(l.quantity), due: l.due, source: l.source, ref: l.ref, line: l.line, index })),
    capacity: (p.capacity ?? []).map((c, index) => ({ line: c.line, hours: c.hours, index })),
  };
}

/** Reports an ISO week that its year does not have (2026-W53 exists, 2025-W53 does not). */
export function checkPeriodExists(ctx: CheckContext, file: string, period: string, from: string): boolean {
  if (from !== '') return true;
  ctx.report('error', 'period/no-such-week', `${period} does not exist: ${period.slice(0, 4)} has 52 ISO weeks; use ${period.slice(0, 4)}-W52 or ${Number(period.slice(0, 4)) + 1}-W01`, file, ['period']);
  return false;
}

function checkPlans(ctx: CheckContext): void {
  const { ws, report, knownDepartment, duplicates } = ctx;
  duplicates(ws.productionPlans, (p) => `${p.department}|${p.period}`, (p, first) =>
    report('error', 'submission/duplicate', `a second ${p.period} production plan for "${p.department}" (the first is ${first.file}); keep one plan per department and period`, p.file, ['period']),
  );
  for (const p of ws.productionPlans) {
    knownDepartment(p.department, p.file, ['department']);
    if (!checkPeriodExists(ctx, p.file, p.period, p.from)) continue;
    for (const l of p.lines) {
      if (l.due < p.from || l.due > p.to) report('error', 'production-plan/due-outside-period', `line ${l.index + 1} (${l.sku}) is due ${l.due}, outside ${p.period} (${p.from} .. ${p.to}); move it to the plan of its period or change the date`, p.file, ['lines', l.index, 'due']);
    }
    const lines = new Set<string>();
    for (const c of p.capacity) {
      if (lines.has(c.line)) report('error', 'production-plan/duplicate-capacity', `production line "${c.line}" has two capacity entries; give one total of hours per line`, p.file, ['capacity', c.index, 'line']);
      lines.add(c.line);
    }
  }
}

/** Production plans. */
export const productionPlanKind = defineKind({
  id: 'production-plan',
  collection: 'productionPlans',
  title: 'a monthly or weekly production plan: products, quantities, due dates and line capacity',
  globs: ['production/plans/**/*.yaml'],
  template: {
    path: 'production/plans/2026-12.yaml',
    text: `kind: production-plan
version: 1
department: operations
period: 2026-12
status: draft
lines:
  - sku: "FG-1001"
    quantity: 120
    due: 2026-12-11
    source: order
    ref: SO-2026-1187
capacity:
  - line: LINE-A
    hours: 320
`,
  },
  normalize: (doc, ctx): ProductionPlan => normalizePlan(doc, ctx),
  check: checkPlans,
});
