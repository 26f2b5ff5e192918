// The diff sections of the KPI chapter: scheme changes per indicator, goal and scheme-wide
// setting (weights, grades), and review changes per value and goal score, so a reviewer sees
// "MKT-K2 threshold 10 -> 12" rather than a changed file.
import type { Workspace } from '../../model/workspace.js';
import { recordsSection } from './records.js';
import type { KeyedRecord } from './records.js';

function* schemeRecords(ws: Workspace): Generator<KeyedRecord> {
  for (const s of ws.kpiSchemes) {
    const fy = `FY${s.fiscalYear}`;
    yield { id: `${fy} settings`, file: s.file, record: { weights: s.weights, grades: Object.fromEntries(s.grades.map((g) => [g.grade, g.min])) } };
    for (const d of s.departments) {
      for (const { index: _i, id, ...k } of d.indicators) yield { id: `${fy} ${d.department} ${id}`, file: s.file, record: k };
      for (const { index: _i, id, ...g } of d.goals) yield { id: `${fy} ${d.department} ${id}`, file: s.file, record: g };
    }
  }
}

function* reviewRecords(ws: Workspace): Generator<KeyedRecord> {
  for (const r of ws.kpiReviews) {
    yield {
      id: `${r.department} ${r.period}`,
      file: r.file,
      record: {
        reviewer: r.reviewer,
        values: Object.fromEntries(r.values.map((v) => [v.indicator, v.value])),
        goals: Object.fromEntries(r.goals.map((g) => [g.goal, g.score])),
        remarks: r.remarks ?? null,
      },
    };
  }
}

/** KPI scheme items: `FY2026 marketing MKT-K2` (an indicator or goal) or `FY2026 settings`. */
export const kpiSchemesSection = recordsSection({ id: 'kpi-schemes', title: 'KPI schemes', kind: 'kpi-scheme', idField: 'item', records: schemeRecords });

/** KPI reviews: `marketing 2026-11`, with each value and goal score as a field. */
export const kpiReviewsSection = recordsSection({ id: 'kpi-reviews', title: 'KPI reviews', kind: 'kpi-review', idField: 'review', records: reviewRecords });
