// The kpi-scheme document as written and its model with defaults applied.

/** Which way an indicator improves. */
export type KpiDirection = 'higher' | 'lower';

/** How a quarter or a year gets its value: the metric over the whole period, or the mean of its months. */
export type KpiAggregate = 'period' | 'average';

/** An indicator as written in the scheme. */
export interface KpiIndicatorDoc {
  id: string;
  name: string;
  weight: number;
  metric: string;
  direction: KpiDirection;
  threshold: number;
  target: number;
  stretch?: number;
  cap?: number;
  aggregate?: KpiAggregate;
}

/** A work goal (GS) as written in the scheme. */
export interface KpiGoalDoc {
  id: string;
  description: string;
  weight: number;
}

/** The kpi-scheme file. */
export interface KpiSchemeDoc {
  kind: 'kpi-scheme';
  version: 1;
  fiscalYear: string;
  weights?: { kpi: number; gs: number };
  grades?: { grade: string; min: number }[];
  departments: { department: string; indicators: KpiIndicatorDoc[]; goals?: KpiGoalDoc[] }[];
}

/** An indicator with its defaults (cap 120, aggregate period) and its place in the file. */
export interface KpiIndicator extends Omit<KpiIndicatorDoc, 'cap' | 'aggregate'> {
  cap: number;
  aggregate: KpiAggregate;
  index: number;
}

/** A goal with its place in the file. */
export interface KpiGoal extends KpiGoalDoc {
  index: number;
}

/** One department's indicator system. */
export interface KpiDepartmentScheme {
  department: string;
  indicators: KpiIndicator[];
  goals: KpiGoal[];
  index: number;
}

/** A grade band: scores from `min` up to the next band's min. */
export interface KpiGrade {
  grade: string;
  min: number;
}

/** The scheme of one fiscal year with defaults applied. */
export interface KpiScheme {
  file: string;
  fiscalYear: number;
  weights: { kpi: number; gs: number };
  /** Whether `weights` was written (positions point at it only then). */
  weightsWritten: boolean;
  /** The bands in the file's order (or the defaults). */
  grades: KpiGrade[];
  gradesWritten: boolean;
  departments: KpiDepartmentScheme[];
}

/** The regime's default split between KPI and GS. */
export const DEFAULT_WEIGHTS = { kpi: 70, gs: 30 } as const;

/** The default grade bands: A >= 90, B >= 80, C >= 60, D below. */
export const DEFAULT_GRADES: readonly KpiGrade[] = [
  { grade: 'A', min: 90 },
  { grade: 'B', min: 80 },
  { grade: 'C', min: 60 },
  { grade: 'D', min: 0 },
];

/** The score at the stretch point when the indicator does not set `cap`. */
export const DEFAULT_CAP = 120;
