// The shapes of the first file kinds as written (after schema validation). Amounts are still
// JS numbers here; the workspace model converts them to integer cents.

import type { KindId } from '../kinds/registry.js';

/** One of the registered kinds (see src/kinds/registry.ts). */
export type FileKind = KindId;

/** Submission status of a plan or budget. */
export type SubmissionStatus = 'draft' | 'submitted' | 'approved';

/** The function a department serves in the regime. */
export type DepartmentFunction = 'production' | 'marketing' | 'customer-service' | 'supply-chain' | 'operations' | 'other';

/** Budget line category; decides the sign rules of variance. */
export type Category = 'revenue' | 'cost' | 'expense' | 'cash-in' | 'cash-out';

/** All categories in report order. */
export const CATEGORIES: readonly Category[] = ['revenue', 'cost', 'expense', 'cash-in', 'cash-out'];

/** low | medium | high. */
export type Level3 = 'low' | 'medium' | 'high';

/** A threshold override that applies to lines matching all given selectors. */
export interface VarianceOverride {
  category?: Category;
  department?: string;
  account?: string;
  warnPct?: number;
  criticalPct?: number;
  minAmount?: number;
}
import type { ServiceThresholds } from '../kinds/service-log/types.js';

/** `opsplan.yaml`. */
export interface CompanyDoc {
  kind: 'company';
  version: 1;
  company: string;
  currency: string;
  fiscalYearStartMonth?: number;
  /** Rounding rule where a value must be rounded to the minor unit (default half-up). */
  rounding?: 'half-up' | 'half-even';
  /** IANA zone for times without an offset (default Asia/Shanghai). */
  timeZone?: string;
  departments: { id: string; name: string; function: DepartmentFunction; parent?: string; manager?: string }[];
  warehouses?: { id: string; name: string; location?: string }[];
  /** Settings for production and material planning. */
  production?: { warehouse?: string };
  thresholds?: {
    variance?: { warnPct?: number; criticalPct?: number; minAmount?: number; overrides?: VarianceOverride[] };
    stock?: { countTolerancePct?: number; countToleranceValue?: number; slowMovingDays?: number; staleSnapshotDays?: number };
    consolidation?: { budgetRequestTolerancePct?: number; pacePct?: number };
    responseDays?: number;
    suppliers?: { weights?: { onTime?: number; quality?: number; price?: number }; grades?: { A?: number; B?: number; C?: number } };
    maintenance?: { toleranceDays?: number };
    service?: ServiceThresholds;
  };
}

/** An annual or quarterly operating plan. */
export interface PlanDoc {
  kind: 'plan';
  version: 1;
  department: string;
  period: string;
  status: SubmissionStatus;
  targets: { id: string; metric: string; unit: string; target: number; baseline?: number; direction?: TargetDirection; measure?: TargetMeasure }[];
  workItems: { id: string; title: string; owner: string; start: string; due: string; targets?: string[] }[];
  resources: { headcount: number; equipment?: string[]; materials?: string[]; budgetRequest: number };
  risks?: { id: string; description: string; likelihood: Level3; impact: Level3; mitigation: string; owner: string }[];
  annualAdjustments?: { target: string; proposed: number; reason: string }[];
}

/** Whether a higher or a lower value of a target's metric is better (default higher). */
export type TargetDirection = 'higher' | 'lower';
/** How a target's value builds up: cumulative (judged against a pace) or level (against the target). */
export type TargetMeasure = 'cumulative' | 'level';

/** One budget line as written. */
export interface BudgetLineDoc {
  account: string;
  name: string;
  category: Category;
  basis: string;
  method: string;
  monthly?: number[];
  annual?: number;
}

/** A department's annual budget. */
export interface BudgetDoc {
  kind: 'budget';
  version: 1;
  department: string;
  fiscalYear: string;
  status: SubmissionStatus;
  lines: BudgetLineDoc[];
}

/** A department's actuals for one month. */
export interface ActualsDoc {
  kind: 'actuals';
  version: 1;
  department: string;
  month: string;
  lines: { account: string; amount: number }[];
}

/** Status of an adjustment request. */
export type AdjustmentStatus = 'draft' | 'submitted' | 'reviewed' | 'approved' | 'rejected';

/** A budget adjustment request. */
export interface BudgetAdjustmentDoc {
  kind: 'budget-adjustment';
  version: 1;
  id: string;
  department: string;
  fiscalYear: string;
  reason: 'policy-change' | 'market-change' | 'force-majeure' | 'other';
  justification: string;
  status: AdjustmentStatus;
  requestedBy?: string;
  approvedBy?: string;
  approvedOn?: string;
  changes: { account: string; month: string; delta: number; name?: string; category?: Category; basis?: string; method?: string }[];
}

/** One inventory item as written. */
export interface InventoryItemDoc {
  sku: string;
  name: string;
  unit: string;
  onHand: number;
  counted?: number;
  onOrder?: number;
  reserved?: number;
  safetyStock?: number;
  reorderPoint?: number;
  maxStock?: number;
  avgDailyUsage?: number;
  leadTimeDays?: number;
  unitCost?: number;
  moq?: number;
  packSize?: number;
  supplier?: string;
  lastMovement?: string;
}

/** A warehouse snapshot. */
export interface InventoryDoc {
  kind: 'inventory';
  version: 1;
  warehouse: string;
  asOf: string;
  countedOn?: string;
  items: InventoryItemDoc[];
}

/** Execution status of a work item. */
export type WorkItemStatus = 'done' | 'on-track' | 'at-risk' | 'late';

/** Progress against a plan. */
export interface PlanProgressDoc {
  kind: 'plan-progress';
  version: 1;
  department: string;
  period: string;
  asOf: string;
  targets?: { id: string; achieved: number }[];
  workItems?: { id: string; status: WorkItemStatus; note?: string }[];
}

/** A department's answer to a variance warning notice. */
export interface VarianceResponseDoc {
  kind: 'variance-response';
  version: 1;
  notice: string;
  department: string;
  cause: string;
  measures: string;
  owner: string;
  due: string;
  respondedOn?: string;
  status: 'draft' | 'submitted' | 'accepted';
}

