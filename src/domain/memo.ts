// Results that several computations over one loaded workspace share (the report asks for the
// same fiscal year's budget rows and variance lines a dozen times). The domain keeps no cache
// of its own: a caller that wants sharing creates a memo for its workspace and passes it to
// each computation; without one, every call computes afresh.
import type { BudgetRow } from './budget.js';
import type { VarianceYear } from './variance.js';

/** Shared results of one workspace; never pass a memo made for another workspace. */
export interface Memo {
  /** computeBudgetRows by `fiscalYear:approvedOnly`. */
  budgetRows: Map<string, BudgetRow[]>;
  /** computeVariance's per-year base (budget rows, chart of accounts, pairs) and line sets. */
  varianceYears: Map<number, VarianceYear>;
}

/** An empty memo for one workspace. */
export function createMemo(): Memo {
  return { budgetRows: new Map(), varianceYears: new Map() };
}
