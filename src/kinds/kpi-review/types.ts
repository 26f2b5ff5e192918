// The kpi-review document: a department's manual indicator values and goal scores for a period.

/** The kpi-review file. */
export interface KpiReviewDoc {
  kind: 'kpi-review';
  version: 1;
  department: string;
  /** `2026-11`, `FY2026-Q4` or `FY2026`. */
  period: string;
  reviewer: string;
  values?: { indicator: string; value: number; note?: string }[];
  goals?: { goal: string; score: number; comment: string }[];
  remarks?: string;
}

/** A review as loaded. */
export interface KpiReview {
  file: string;
  department: string;
  period: string;
  reviewer: string;
  values: { indicator: string; value: number; note?: string; index: number }[];
  goals: { goal: string; score: number; comment: string; index: number }[];
  remarks?: string;
}
