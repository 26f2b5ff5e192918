// Progress against a plan: targets achieved and work-item status as of a date.
import type { PlanProgressDoc } from '../../model/documents.js';
import type { Loaded } from '../../model/workspace.js';
import { defineKind } from '../kind.js';
import type { CheckContext } from '../kind.js';

function checkProgress({ ws, report, knownDepartment, duplicates, rejected }: CheckContext): void {
  duplicates(ws.progress, (p) => `${p.doc.department}|${p.doc.period}|${p.doc.asOf}`, (p, first) =>
    report('error', 'submission/duplicate', `a second progress report for "${p.doc.department}" ${p.doc.period} as of ${p.doc.asOf} (the first is ${first.file})`, p.file, ['asOf']),
  );
  for (const pr of ws.progress) {
    if (!knownDepartment(pr.doc.department, pr.file, ['department'])) continue;
    const plan = ws.plans.find((p) => p.doc.department === pr.doc.department && p.doc.period === pr.doc.period);
    if (!plan) {
      const broken = rejected('plan', (d) => d.department === pr.doc.department && d.period === pr.doc.period);
      if (broken) report('error', 'progress/plan-invalid', `the ${pr.doc.period} plan of "${pr.doc.department}" (${broken.file}) has errors and is left out; fix that file first`, pr.file, ['period']);
      else report('error', 'progress/unknown-plan', `there is no ${pr.doc.period} plan for "${pr.doc.department}" to report progress on`, pr.file, ['period']);
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
}

/** Plan progress reports. */
export const planProgressKind = defineKind({
  id: 'plan-progress',
  collection: 'progress',
  title: 'progress against a plan: targets achieved and work-item status',
  globs: ['progress/**/*.yaml'],
  template: {
    path: 'progress/FY2026/marketing.yaml',
    text: `kind: plan-progress
version: 1
department: marketing
period: FY2026
asOf: 2026-01-31
targets:
  - id: MKT-T1
    achieved: 700
workItems:
  - id: MKT-W1
    status: on-track
`,
  },
  normalize: (doc, ctx): Loaded<PlanProgressDoc> => ({ file: ctx.file, doc: doc as PlanProgressDoc }),
  check: checkProgress,
});
