// Annual and quarterly operating plans (三.一).
import type { PlanDoc } from '../../model/documents.js';
import { fiscalYearOf, parsePeriod, periodFiscalYear } from '../../model/period.js';
import type { Loaded } from '../../model/workspace.js';
import { defineKind } from '../kind.js';
import type { CheckContext } from '../kind.js';

function checkPlans({ ws, report, knownDepartment, idsUnique, duplicates, startMonth }: CheckContext): void {
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
}

/** Annual and quarterly operating plans. */
export const planKind = defineKind({
  id: 'plan',
  collection: 'plans',
  title: 'an annual or quarterly operating plan: targets, work items, resources, risks',
  globs: ['plans/**/*.yaml'],
  template: {
    path: 'plans/FY2026/marketing.yaml',
    text: `kind: plan
version: 1
department: marketing
period: FY2026
status: draft
targets:
  - id: MKT-T1
    metric: Qualified leads
    unit: leads
    target: 12000
    baseline: 9800
workItems:
  - id: MKT-W1
    title: Spring campaign
    owner: Zhang Min
    start: 2026-02-01
    due: 2026-04-30
    targets: [MKT-T1]
resources:
  headcount: 12
  equipment: [CRM licences]
  materials: [Brochures]
  budgetRequest: 240000
risks:
  - id: MKT-R1
    description: Advertising prices rise mid-year
    likelihood: medium
    impact: high
    mitigation: Book the main flights in Q1
    owner: Zhang Min
`,
  },
  normalize: (doc, ctx): Loaded<PlanDoc> => ({ file: ctx.file, doc: doc as PlanDoc }),
  check: checkPlans,
});
