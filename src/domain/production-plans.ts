// Which production-plan lines apply: only approved plans count, and a department's approved
// weekly plan replaces the lines of its monthly plans due in that ISO week, whichever month
// they belong to (the week refines the month). Shared by `production` and `mrp`.
import type { ProductionPlan, ProductionPlanLine } from '../kinds/production-plan/types.js';
import { isoWeekOf } from '../model/calendar.js';

/** A plan line with the plan it comes from. */
export interface AppliedPlanLine {
  plan: ProductionPlan;
  line: ProductionPlanLine;
}

/** The applicable lines due from `from` to `to` (inclusive), by due date, then file and line. */
export function applicablePlanLines(plans: readonly ProductionPlan[], from: string, to: string): AppliedPlanLine[] {
  const approved = plans.filter((p) => p.status === 'approved' && p.from !== '');
  const weeks = new Set(approved.filter((p) => p.periodKind === 'week').map((p) => `${p.department}|${p.period}`));
  const out: AppliedPlanLine[] = [];
  for (const plan of approved) {
    for (const line of plan.lines) {
      if (line.due < from || line.due > to) continue;
      if (plan.periodKind === 'month' && weeks.has(`${plan.department}|${isoWeekOf(line.due)}`)) continue;
      out.push({ plan, line });
    }
  }
  return out.sort((a, b) => (a.line.due < b.line.due ? -1 : a.line.due > b.line.due ? 1 : a.plan.file < b.plan.file ? -1 : a.plan.file > b.plan.file ? 1 : a.line.index - b.line.index));
}
