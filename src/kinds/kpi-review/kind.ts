// A department's KPI and GS review for a month, a quarter or a year: manual indicator values
// and the reviewer's goal scores, checked against the fiscal year's kpi-scheme.
import { closest } from '../../model/did-you-mean.js';
import { parsePeriod, periodFiscalYear } from '../../model/period.js';
import { fiscalYearNumber } from '../budget/kind.js';
import { defineKind } from '../kind.js';
import type { CheckContext, NormalizeContext } from '../kind.js';
import { MANUAL } from '../kpi-scheme/metric-names.js';
import type { KpiDepartmentScheme } from '../kpi-scheme/types.js';
import type { KpiReview, KpiReviewDoc } from './types.js';

function normalizeReview(raw: unknown, ctx: NormalizeContext): KpiReview {
  const r = raw as KpiReviewDoc;
  return {
    file: ctx.file,
    department: r.department,
    period: r.period,
    reviewer: r.reviewer,
    values: (r.values ?? []).map((v, index) => ({ ...v, index })),
    goals: (r.goals ?? []).map((g, index) => ({ ...g, index })),
    remarks: r.remarks,
  };
}

function didYouMean(word: string, candidates: string[]): string {
  const guess = closest(word, candidates);
  return guess ? `; did you mean "${guess}"?` : ` (known: ${candidates.join(', ') || 'none'})`;
}

/** Checks the values and goal scores of a review against its department's scheme. */
function checkEntries(r: KpiReview, d: KpiDepartmentScheme, schemeFile: string, { report, duplicates }: CheckContext): void {
  duplicates(r.values, (v) => v.indicator, (v) => report('error', 'kpi-review/duplicate-entry', `indicator "${v.indicator}" has two values in this review; keep one`, r.file, ['values', v.index, 'indicator']));
  duplicates(r.goals, (g) => g.goal, (g) => report('error', 'kpi-review/duplicate-entry', `goal "${g.goal}" is scored twice in this review; keep one`, r.file, ['goals', g.index, 'goal']));
  for (const v of r.values) {
    const k = d.indicators.find((x) => x.id === v.indicator);
    if (!k) report('error', 'kpi-review/unknown-indicator', `indicator "${v.indicator}" is not an indicator of "${r.department}" in ${schemeFile}${didYouMean(v.indicator, d.indicators.map((x) => x.id))}`, r.file, ['values', v.index, 'indicator']);
    else if (k.metric !== MANUAL) report('error', 'kpi-review/not-manual', `indicator "${v.indicator}" is computed from ${k.metric}, so a value here would be ignored; remove it, or set metric: manual in ${schemeFile}`, r.file, ['values', v.index, 'indicator']);
  }
  for (const g of r.goals) {
    if (!d.goals.some((x) => x.id === g.goal)) report('error', 'kpi-review/unknown-goal', `goal "${g.goal}" is not a goal of "${r.department}" in ${schemeFile}${didYouMean(g.goal, d.goals.map((x) => x.id))}`, r.file, ['goals', g.index, 'goal']);
  }
}

function checkReviews(ctx: CheckContext): void {
  const { ws, report, knownDepartment, duplicates, rejected, startMonth } = ctx;
  duplicates(ws.kpiReviews, (r) => `${r.department}|${r.period}`, (r, first) =>
    report('error', 'submission/duplicate', `a second ${r.period} review of "${r.department}" (the first is ${first.file}); keep one review per department and period`, r.file, ['period']),
  );
  for (const r of ws.kpiReviews) {
    if (!knownDepartment(r.department, r.file, ['department'])) continue;
    const fy = periodFiscalYear(parsePeriod(r.period)!, startMonth);
    const scheme = ws.kpiSchemes.find((s) => s.fiscalYear === fy);
    if (!scheme) {
      const broken = rejected('kpi-scheme', (d) => typeof d.fiscalYear === 'string' && /^FY\d{4}$/.test(d.fiscalYear) && fiscalYearNumber(d.fiscalYear) === fy);
      if (broken) report('error', 'kpi-review/scheme-invalid', `the FY${fy} KPI scheme (${broken.file}) has errors and is left out; fix that file first`, r.file, ['period']);
      else report('error', 'kpi-review/no-scheme', `there is no FY${fy} kpi-scheme to review "${r.department}" against; add kind: kpi-scheme with fiscalYear: FY${fy}`, r.file, ['period']);
      continue;
    }
    const d = scheme.departments.find((x) => x.department === r.department);
    if (!d) {
      report('error', 'kpi-review/not-in-scheme', `department "${r.department}" has no indicators in ${scheme.file}; add it to the scheme's departments or fix the department`, r.file, ['department']);
      continue;
    }
    checkEntries(r, d, scheme.file, ctx);
  }
}

/** KPI and GS reviews. */
export const kpiReviewKind = defineKind({
  id: 'kpi-review',
  collection: 'kpiReviews',
  title: 'a department\'s KPI and GS review for a period: manual values and goal scores',
  globs: ['kpi/reviews/**/*.yaml'],
  template: {
    path: 'kpi/reviews/2026-01/marketing.yaml',
    text: `kind: kpi-review
version: 1
department: marketing
period: 2026-01
reviewer: Li Wei
values:
  - indicator: MKT-K2
    value: 82
    note: Brand survey of January
goals:
  - goal: MKT-G1
    score: 90
    comment: Campaign preparation on schedule
`,
  },
  normalize: (doc, ctx): KpiReview => normalizeReview(doc, ctx),
  check: checkReviews,
});
