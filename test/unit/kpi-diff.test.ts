// The diff sections of the KPI chapter: a changed curve point and a changed review value show
// as fields of one record each, added and removed indicators by id.
import { describe, expect, it } from 'vitest';
import { computeDiff } from '../../src/domain/diff/compute-diff.js';
import { kpiReviewsSection, kpiSchemesSection } from '../../src/domain/diff/kpi.js';
import type { DiffSide } from '../../src/domain/diff/types.js';
import { loadWorkspace } from '../../src/load/load-workspace.js';
import { COMPANY_YAML, makeWorkspace } from '../helpers/run-cli.js';

function side(files: Record<string, string>): DiffSide {
  const r = loadWorkspace(makeWorkspace({ 'opsplan.yaml': COMPANY_YAML, ...files }));
  expect(r.diagnostics).toEqual([]);
  return { workspace: r.workspace, diagnostics: r.diagnostics, locate: (f, p) => r.locate(f, p) };
}

const scheme = (threshold: number, extra = ''): string => `kind: kpi-scheme
version: 1
fiscalYear: FY2026
departments:
  - department: marketing
    indicators:
      - { id: K1, name: Expense, weight: ${extra ? 50 : 100}, metric: budget.expense.variancePct, direction: lower, threshold: ${threshold}, target: 0 }
${extra}    goals:
      - { id: G1, description: Goal, weight: 100 }
`;
const review = (value: number): string => `kind: kpi-review
version: 1
department: marketing
period: 2026-11
reviewer: Li Wei
goals:
  - { goal: G1, score: ${value}, comment: ok }
`;

describe('KPI diff sections', () => {
  it('shows a moved threshold, an added indicator and a changed goal score field by field', () => {
    const extra = '      - { id: K2, name: Survey, weight: 50, metric: manual, direction: higher, threshold: 70, target: 85 }\n';
    const d = computeDiff({ base: side({ 's.yaml': scheme(10), 'r.yaml': review(80) }), head: side({ 's.yaml': scheme(12, extra), 'r.yaml': review(90) }), asOf: '2026-11-30' }, [kpiSchemesSection, kpiReviewsSection]);
    const schemes = d.sections.find((s) => s.id === 'kpi-schemes')!.items;
    expect(schemes.map((i) => [i.change, i.key.item])).toEqual([
      ['added', 'FY2026 marketing K2'],
      ['changed', 'FY2026 marketing K1'],
    ]);
    expect(schemes[1]!.fields.map((f) => [f.field, f.before, f.after, f.delta])).toEqual([
      ['threshold', 10, 12, 2],
      ['weight', 100, 50, -50],
    ]);
    const reviews = d.sections.find((s) => s.id === 'kpi-reviews')!.items;
    expect(reviews).toHaveLength(1);
    expect(reviews[0]!.key).toEqual({ review: 'marketing 2026-11' });
    expect(reviews[0]!.fields.map((f) => [f.field, f.before, f.after])).toEqual([['goals.G1', 80, 90]]);
  });
});
