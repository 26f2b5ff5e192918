// The loaded workspace: every valid document, with amounts in integer cents and budgets
// expanded to 12 fiscal months, plus where each came from.
import type { KindCollections } from '../kinds/registry.js';
import type { ServiceThresholds } from '../kinds/service-log/types.js';
import type { Cents, Rounding } from './money.js';
import type {
  ActualsDoc,
  BudgetAdjustmentDoc,
  Category,
  CompanyDoc,
  DepartmentFunction,
  SubmissionStatus,
  VarianceOverride,
} from './documents.js';

/** Where a document came from. */
export interface Source {
  /** Workspace-relative path. */
  file: string;
}

/** Variance thresholds after defaults are applied. */
export interface VarianceThresholds {
  warnPct: number;
  criticalPct: number;
  minAmount: Cents;
  overrides: (Omit<VarianceOverride, 'minAmount'> & { minAmount?: Cents })[];
}

/** Stock thresholds after defaults are applied. */
export interface StockThresholds {
  countTolerancePct: number;
  countToleranceValue: Cents;
  slowMovingDays: number;
  staleSnapshotDays: number;
}

/** Supplier evaluation weights (points summing to 100) and grade bands, defaults applied. */
export interface SupplierThresholds {
  weights: { onTime: number; quality: number; price: number };
  grades: { A: number; B: number; C: number };
}

/** The company file with defaults applied. */
export interface Company extends Source {
  name: string;
  currency: string;
  /** Minor-unit digits of the currency. */
  currencyDigits: number;
  fiscalYearStartMonth: number;
  /** Rounding rule for values that must be rounded to the minor unit. */
  rounding: Rounding;
  /** IANA zone of times written without an offset and of --as-of days. */
  timeZone: string;
  departments: { id: string; name: string; function: DepartmentFunction; parent?: string; manager?: string }[];
  warehouses: { id: string; name: string; location?: string }[];
  thresholds: {
    variance: VarianceThresholds;
    stock: StockThresholds;
    consolidation: { budgetRequestTolerancePct: number; pacePct: number };
    responseDays: number;
    suppliers: SupplierThresholds;
    /** Days either side of the due date; null = 10% of each task's interval. */
    maintenance: { toleranceDays: number | null };
    service: ServiceThresholds;
  };
  doc: CompanyDoc;
}

/** A budget line with its 12 fiscal-month amounts in cents. */
export interface BudgetLine {
  account: string;
  name: string;
  category: Category;
  basis: string;
  method: string;
  /** 12 amounts in fiscal order; `annual` lines are spread with exact cents. */
  months: Cents[];
  /** The index of the line in the file (for locating it). */
  index: number;
}

/** A department budget. */
export interface Budget extends Source {
  department: string;
  fiscalYear: number;
  status: SubmissionStatus;
  lines: BudgetLine[];
}

/** Actuals of one department and month. */
export interface Actuals extends Source {
  department: string;
  month: string;
  lines: { account: string; amount: Cents; index: number }[];
}

/** A budget adjustment with deltas in cents. */
export interface Adjustment extends Source {
  id: string;
  department: string;
  fiscalYear: number;
  status: BudgetAdjustmentDoc['status'];
  reason: BudgetAdjustmentDoc['reason'];
  justification: string;
  approvedBy?: string;
  approvedOn?: string;
  changes: { account: string; month: string; delta: Cents; newLine?: { name: string; category: Category; basis: string; method: string }; index: number }[];
}

/** A loaded document that keeps its own shape (plans, inventories, progress, responses). */
export type Loaded<T> = Source & { doc: T };

/** Everything a command computes from: the company, and one collection per registered kind. */
export type Workspace = {
  /** Absolute path of the workspace root. */
  root: string;
  company: Company | null;
  /** Every input file read, with its SHA-256 (for the report's About sheet). */
  files: { file: string; sha256: string; bytes: number; kind: string | null }[];
} & KindCollections;

/** Raw actuals documents are kept by the loader for checks; re-exported for convenience. */
export type { ActualsDoc };
