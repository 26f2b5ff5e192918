// The shapes of `opsplan diff`: two loaded versions of a workspace in, a list of sections of
// meaning-level changes out. Pure data: the CLI reads the versions, the report layer draws them.
import type { Diagnostic } from '../../model/diagnostic.js';
import type { Workspace } from '../../model/workspace.js';
import type { MrpResult } from '../mrp/types.js';

/** Finds where a path inside a file is written (line 0 when unknown). */
export type DiffLocator = (file: string, path: readonly (string | number)[]) => { line: number; column: number };

/** One loaded version of the workspace. */
export interface DiffSide {
  workspace: Workspace;
  /** Every finding of loading and checking this version. */
  diagnostics: readonly Diagnostic[];
  locate: DiffLocator;
  /**
   * This version's material plan as of the diff's date, exactly as `opsplan stock` runs it
   * (absent without a production warehouse): the skus it plans leave reorder-point buying.
   */
  mrp?: MrpResult;
}

/** What every section builder gets. */
export interface DiffContext {
  base: DiffSide;
  head: DiffSide;
  /** `YYYY-MM-DD`, for effects that depend on the date (today's reorder suggestions). */
  asOf: string;
}

/** How a changed value is typed: money is integer cents, quantity integer thousandths. */
export type ValueType = 'money' | 'quantity' | 'number' | 'percent' | 'text' | 'date';

/** A field's value before and after; null when absent on that side. */
export interface FieldChange {
  field: string;
  type: ValueType;
  before: string | number | null;
  after: string | number | null;
  /** after - before, for numeric types when both exist (missing is never zero). */
  delta: number | null;
  /** delta / |before| x 100; null when before is zero or missing. */
  deltaPct: number | null;
}

/** What happened to a record. */
export type ChangeKind = 'added' | 'removed' | 'changed';

/** One record that differs between the versions. */
export interface DiffItem {
  /** What the record is, e.g. `budget-total`, `budget-line`, `target`, `reorder-suggestion`. */
  kind: string;
  change: ChangeKind;
  /** Identifies the record: ordered key -> value (`{ department: "marketing", account: "6601" }`). */
  key: Record<string, string>;
  /** The fields that differ (for added/removed records: the fields worth seeing). */
  fields: FieldChange[];
  /** Where it is on the head (or on the base for a removed record). */
  file: string;
  /** A short remark, e.g. "basis changed", "submitted -> approved". */
  note?: string;
}

/** One family of changes (budgets, plans, ...). */
export interface DiffSection {
  id: string;
  title: string;
  items: DiffItem[];
  /** Findings that only the comparison can make (e.g. `budget/edited-after-approval`). */
  findings: Diagnostic[];
}

/**
 * Builds one section from the two versions. The diff is a list of these
 * (src/domain/diff/sections.ts): a new family of kinds adds one entry there.
 */
export interface DiffSectionBuilder {
  id: string;
  title: string;
  build: (ctx: DiffContext) => { items: DiffItem[]; findings?: Diagnostic[] };
}

/** The validation findings the head introduces, apart from those already on the base. */
export interface FindingsDiff {
  introduced: Diagnostic[];
  /** On the head and on the base alike: listed, never failed on. */
  existing: Diagnostic[];
  /** On the base, gone on the head. */
  resolved: Diagnostic[];
}

/** The whole comparison. */
export interface WorkspaceDiff {
  asOf: string;
  currency: string;
  digits: number;
  sections: DiffSection[];
  findings: FindingsDiff;
}
