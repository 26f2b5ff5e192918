// The production-plan document and its model (quantities in thousandths).
import type { Milli } from '../../domain/quantity.js';
import type { SubmissionStatus } from '../../model/documents.js';
import type { Source } from '../../model/workspace.js';

/** Where a planned quantity's demand comes from. */
export type DemandSource = 'forecast' | 'order';

/** A `kind: production-plan` file as written. */
export interface ProductionPlanDoc {
  kind: 'production-plan';
  version: 1;
  department: string;
  period: string;
  status: SubmissionStatus;
  lines: { sku: string; quantity: number; due: string; source: DemandSource; ref?: string; line?: string }[];
  capacity?: { line: string; hours: number }[];
}

/** One line of a production plan. */
export interface ProductionPlanLine {
  sku: string;
  quantity: Milli;
  due: string;
  source: DemandSource;
  ref?: string;
  line?: string;
  /** Index in the file's `lines` list. */
  index: number;
}

/** A monthly or weekly production plan. */
export interface ProductionPlan extends Source {
  department: string;
  /** `2026-12` or `2026-W49`. */
  period: string;
  periodKind: 'month' | 'week';
  /** First and last day of the period. */
  from: string;
  to: string;
  status: SubmissionStatus;
  lines: ProductionPlanLine[];
  capacity: { line: string; hours: number; index: number }[];
}
