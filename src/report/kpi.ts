// The KPI evaluation as report tables: the ranking, one scorecard per department (indicators
// and goals), the rectification and commendation lists. Terminal, CSV and the workbook draw these.
import type { KpiDepartmentResult, KpiResult } from '../domain/kpi.js';
import type { Cell, Column, Report, Row, Table, Tone } from './model.js';

const col = (key: string, header: string, type: Column['type']): Column => ({ key, header, type });
/** Scores are exact until the department score; tables show two decimals. */
const two = (x: number | null): Cell => (x === null ? null : Math.round(x * 100) / 100);
const gradeTone = (grade: string | null, top: string): Tone | undefined => (grade === null ? 'warn' : grade === top ? 'favourable' : undefined);

/** The top grade band's name (A by default). */
export function topGrade(r: KpiResult): string {
  return [...r.scheme.grades].sort((a, b) => b.min - a.min)[0]!.grade;
}

/** Every department, ranked ones first: rank, score, grade, parts and missing weight. */
export function kpiRankingTable(r: KpiResult): Table {
  const order = [...r.departments].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
  const top = topGrade(r);
  return {
    id: 'kpi-ranking',
    title: 'Ranking',
    caption: `${r.period.id} (${r.period.start} .. ${r.period.end}), as of ${r.asOf}; score = (${r.scheme.weights.kpi} x KPI + ${r.scheme.weights.gs} x GS) / 100, rounded half-up once; scheme ${r.scheme.file}`,
    columns: [
      col('rank', 'Rank', 'number'),
      col('department', 'Department', 'text'),
      col('manager', 'Manager', 'text'),
      col('kpi', 'KPI', 'number'),
      col('gs', 'GS', 'number'),
      col('score', 'Score', 'number'),
      col('grade', 'Grade', 'text'),
      col('kpiMissing', 'KPI weight missing', 'number'),
      col('note', 'Note', 'text'),
    ],
    rows: order.map((d): Row => {
      const tone = gradeTone(d.grade, top);
      return {
        cells: {
          rank: d.rank,
          department: d.department,
          manager: d.manager,
          kpi: two(d.kpi.score),
          gs: two(d.gs.score),
          score: d.score,
          grade: d.grade ?? '-',
          kpiMissing: d.kpi.weightMissing,
          note: d.gradeWithheld ? `no grade: ${d.gradeWithheld}` : d.gs.score === null ? 'GS not reviewed: score is the KPI part' : null,
        },
        tones: tone ? { grade: tone } : undefined,
      };
    }),
  };
}

/** All indicators of all departments, one row each: the CSV output and the workbook's cards. */
export function kpiIndicatorsTable(r: KpiResult, only?: KpiDepartmentResult): Table {
  const depts = only ? [only] : r.departments;
  return {
    id: only ? `kpi-card-${only.department}` : 'kpi-indicators',
    title: only ? `${only.name} (${only.department})` : 'Indicators',
    caption: only
      ? `score ${only.score ?? '-'}, grade ${only.grade ?? '-'}${only.rank ? `, rank ${only.rank}` : ''}; KPI ${two(only.kpi.score) ?? '-'} over weight ${only.kpi.weightScored} (missing ${only.kpi.weightMissing}), GS ${two(only.gs.score) ?? '-'}; manager ${only.manager ?? '-'}`
      : 'score: worse than threshold 0, threshold 60, target 100, stretch = cap; missing values score nothing and their weight is left out',
    columns: [
      ...(only ? [] : [col('department', 'Department', 'text')]),
      col('indicator', 'Indicator', 'text'),
      col('name', 'Name', 'text'),
      col('metric', 'Metric', 'text'),
      col('weight', 'Weight', 'number'),
      col('direction', 'Dir', 'text'),
      col('threshold', 'Threshold', 'number'),
      col('target', 'Target', 'number'),
      col('stretch', 'Stretch', 'number'),
      col('value', 'Value', 'number'),
      col('score', 'Score', 'number'),
      col('source', 'Source / missing', 'text'),
    ],
    rows: depts.flatMap((d) =>
      d.indicators.map((i): Row => ({
        cells: {
          department: d.department,
          indicator: i.id,
          name: i.name,
          metric: i.metric + (i.aggregate === 'average' ? ' (avg)' : ''),
          weight: i.weight,
          direction: i.direction,
          threshold: i.threshold,
          target: i.target,
          stretch: i.stretch,
          value: two(i.value),
          score: two(i.score),
          source: i.missing ? `missing: ${i.missing}` : i.source,
        },
        tones: i.missing ? { score: 'warn', source: 'warn' } : i.belowThreshold ? { score: 'critical', value: 'unfavourable' } : i.segment === 'target-stretch' || i.segment === 'beyond-stretch' ? { score: 'favourable' } : undefined,
      })),
    ),
  };
}

/** The goals of every department with the reviewer's scores. */
export function kpiGoalsTable(r: KpiResult): Table {
  return {
    id: 'kpi-goals',
    title: 'Work goals (GS)',
    columns: [col('department', 'Department', 'text'), col('goal', 'Goal', 'text'), col('description', 'Description', 'text'), col('weight', 'Weight', 'number'), col('score', 'Score', 'number'), col('comment', 'Comment / missing', 'text')],
    rows: r.departments.flatMap((d) =>
      d.goals.map((g): Row => ({
        cells: { department: d.department, goal: g.id, description: g.description, weight: g.weight, score: g.score, comment: g.missing ? `missing: ${g.missing}` : g.comment },
        tones: g.missing ? { comment: 'warn' } : undefined,
      })),
    ),
  };
}

/** Indicators worse than their threshold: the departments must rectify. */
export function kpiRectificationTable(r: KpiResult): Table {
  return {
    id: 'kpi-rectification',
    title: 'Rectification required (below threshold)',
    columns: [col('department', 'Department', 'text'), col('manager', 'Manager', 'text'), col('indicator', 'Indicator', 'text'), col('name', 'Name', 'text'), col('value', 'Value', 'number'), col('threshold', 'Threshold', 'number'), col('direction', 'Dir', 'text')],
    rows: r.rectification.map((x): Row => ({ cells: { ...x, value: two(x.value) }, tones: { value: 'unfavourable' } })),
  };
}

/** Departments in the top grade band. */
export function kpiCommendationTable(r: KpiResult): Table {
  return {
    id: 'kpi-commendation',
    title: `Commendation (grade ${topGrade(r)})`,
    columns: [col('department', 'Department', 'text'), col('name', 'Name', 'text'), col('manager', 'Manager', 'text'), col('score', 'Score', 'number'), col('grade', 'Grade', 'text')],
    rows: r.commendation.map((x): Row => ({ cells: { ...x }, tones: { grade: 'favourable' } })),
  };
}

/** The terminal report: headline, ranking, indicators, goals, rectification, commendation. */
export function buildKpiReport(r: KpiResult): Report {
  return {
    title: `KPI and GS evaluation ${r.period.id} - ${r.company}`,
    currency: '',
    digits: 2,
    headline: [
      { label: 'Departments evaluated', value: r.departments.length, type: 'number' },
      { label: 'Graded', value: r.ranking.length, type: 'number' },
      { label: `Grade ${topGrade(r)}`, value: r.commendation.length, type: 'number', tone: r.commendation.length > 0 ? 'favourable' : undefined },
      { label: 'Indicators below threshold', value: r.rectification.length, type: 'number', tone: r.rectification.length > 0 ? 'unfavourable' : undefined },
      { label: 'Indicators missing', value: r.departments.reduce((s, d) => s + d.indicators.filter((i) => i.missing).length, 0), type: 'number' },
    ],
    tables: [kpiRankingTable(r), kpiIndicatorsTable(r), kpiGoalsTable(r), kpiRectificationTable(r), kpiCommendationTable(r)],
  };
}
