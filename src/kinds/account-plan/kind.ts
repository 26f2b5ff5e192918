// Key-account maintenance plans (五.四): one important customer, one fiscal year, the
// return visits planned and done.
import { fiscalYearOf } from '../../model/period.js';
import { fiscalYearNumber } from '../budget/kind.js';
import { defineKind } from '../kind.js';
import type { CheckContext } from '../kind.js';
import type { AccountPlan, AccountPlanDoc } from './types.js';

function checkAccountPlans({ ws, report, duplicates, startMonth }: CheckContext): void {
  duplicates(ws.accountPlans, (a) => `${a.customer}|${a.fiscalYear}`, (a, first) =>
    report('error', 'submission/duplicate', `a second FY${a.fiscalYear} account plan for "${a.customer}" (the first is ${first.file}); keep one plan per customer and fiscal year`, a.file, ['fiscalYear']),
  );
  for (const a of ws.accountPlans) {
    a.visits.forEach((v, i) => {
      if (fiscalYearOf(v.planned.slice(0, 7), startMonth) !== a.fiscalYear) {
        report('warning', 'account-plan/visit-outside-year', `visit planned on ${v.planned} is outside FY${a.fiscalYear}; plan it within the year or move it to that year's plan`, a.file, ['visits', i, 'planned']);
      }
    });
  }
}

/** Key-account plans. */
export const accountPlanKind = defineKind({
  id: 'account-plan',
  collection: 'accountPlans',
  title: 'a key customer\'s maintenance plan for a fiscal year: tier, owner, return visits',
  globs: ['accounts/**/*.yaml'],
  template: {
    path: 'accounts/FY2026/example-customer.yaml',
    text: `kind: account-plan
version: 1
customer: Example Customer
fiscalYear: FY2026
tier: A
owner: Zhang Min
visits:
  - planned: 2026-03-15
    done: 2026-03-17
    notes: Annual review with purchasing
  - planned: 2026-09-15
`,
  },
  normalize: (doc, ctx): AccountPlan => {
    const d = doc as AccountPlanDoc;
    return { file: ctx.file, customer: d.customer, fiscalYear: fiscalYearNumber(d.fiscalYear), tier: d.tier, owner: d.owner, visits: d.visits };
  },
  check: checkAccountPlans,
});
