// The production-report document and its model (quantities in thousandths).
import type { Milli } from '../../domain/quantity.js';
import type { Source } from '../../model/workspace.js';

/** A `kind: production-report` file as written. */
export interface ProductionReportDoc {
  kind: 'production-report';
  version: 1;
  department: string;
  period: string;
  lines: { date: string; sku: string; good: number; scrap?: number; line?: string }[];
}

/** One output line. */
export interface ProductionOutput {
  date: string;
  sku: string;
  good: Milli;
  scrap: Milli;
  line?: string;
  /** Index in the file's `lines` list. */
  index: number;
}

/** A production report of one month or week. */
export interface ProductionReport extends Source {
  department: string;
  period: string;
  /** First and last day of the period ('' when the week does not exist). */
  from: string;
  to: string;
  lines: ProductionOutput[];
}
