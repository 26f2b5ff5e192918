// Original, adjusted and revised budget per department x account x fiscal month. Shared by
// consolidate, variance and report so the revised budget is computed in one place:
// revised = original (approved budgets) + approved adjustments.
import type { Category } from '../model/documents.js';
import type { Cents } from '../model/money.js';
import { fiscalMonthIndex } from '../model/period.js';
import type { Adjustment, Budget, Workspace } from '../model/workspace.js';
import type { Memo } from './memo.js';

/** One department account line over the 12 fiscal months. */
export interface BudgetRow {
  department: string;
  account: string;
  name: string;
  category: Category;
  /** From the department's budget; zeros for a line created by an adjustment. */
  original: Cents[];
  /** Sum of approved adjustment deltas per month. */
  adjustments: Cents[];
  /** original + adjustments, per month. */
  revised: Cents[];
  /** True when the line exists only because an approved adjustment created it. */
  addedByAdjustment: boolean;
  /** Budget file the line comes from (or the adjustment file that created it). */
  file: string;
}

/** Which budgets count as the original budget. */
export interface BudgetSelection {
  /** Only approved budgets (the regime's rule) or every budget regardless of status. */
  approvedOnly: boolean;
}

/** The adjustments of a fiscal year split by whether they are applied. */
export interface AdjustmentSplit {
  applied: Adjustment[];
  /** Rejected, draft, submitted or reviewed: listed, never applied. */
  notApplied: Adjustment[];
}

const zeros = (): Cents[] => new Array<Cents>(12).fill(0);

/** Splits a fiscal year's adjustments into applied (approved) and not applied. */
export function splitAdjustments(ws: Workspace, fiscalYear: number): AdjustmentSplit {
  const ofYear = ws.adjustments.filter((a) => a.fiscalYear === fiscalYear).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { applied: ofYear.filter((a) => a.status === 'approved'), notApplied: ofYear.filter((a) => a.status !== 'approved') };
}

/** The budgets that form the original budget of a fiscal year. */
export function selectBudgets(ws: Workspace, fiscalYear: number, selection: BudgetSelection): Budget[] {
  return ws.budgets.filter((b) => b.fiscalYear === fiscalYear && (!selection.approvedOnly || b.status === 'approved'));
}

/**
 * Builds budget rows for a fiscal year: every line of the selected budgets plus lines
 * created by approved adjustments, with approved deltas applied by fiscal month.
 * Rows are sorted by department, then account. With a memo, rows computed once are shared
 * between callers, so callers never mutate them.
 */
export function computeBudgetRows(ws: Workspace, fiscalYear: number, selection: BudgetSelection = { approvedOnly: true }, memo?: Memo): BudgetRow[] {
  if (!memo) return budgetRowsOf(ws, fiscalYear, selection);
  const key = `${fiscalYear}:${selection.approvedOnly}`;
  let rows = memo.budgetRows.get(key);
  if (!rows) memo.budgetRows.set(key, (rows = budgetRowsOf(ws, fiscalYear, selection)));
  return rows;
}

function budgetRowsOf(ws: Workspace, fiscalYear: number, selection: BudgetSelection): BudgetRow[] {
  const startMonth = ws.company?.fiscalYearStartMonth ?? 1;
  const rows = new Map<string, BudgetRow>();
  const key = (dept: string, account: string): string => `${dept}\u0000${account}`;
  const budgets = selectBudgets(ws, fiscalYear, selection);
  const budgeted = new Set(budgets.map((b) => b.department));
  for (const b of budgets) {
    for (const l of b.lines) {
      rows.set(key(b.department, l.account), {
        department: b.department,
        account: l.account,
        name: l.name,
        category: l.category,
        original: l.months.slice(),
        adjustments: zeros(),
        revised: l.months.slice(),
        addedByAdjustment: false,
        file: b.file,
      });
    }
  }
  for (const adj of splitAdjustments(ws, fiscalYear).applied) {
    // An approved adjustment to a department whose budget is not part of the original
    // budget (missing or unapproved) has nothing to apply to.
    if (!budgeted.has(adj.department)) continue;
    for (const c of adj.changes) {
      let row = rows.get(key(adj.department, c.account));
      if (!row) {
        if (!c.newLine) continue;
        row = {
          department: adj.department,
          account: c.account,
          name: c.newLine.name,
          category: c.newLine.category,
          original: zeros(),
          adjustments: zeros(),
          revised: zeros(),
          addedByAdjustment: true,
          file: adj.file,
        };
        rows.set(key(adj.department, c.account), row);
      }
      const m = fiscalMonthIndex(c.month, startMonth);
      row.adjustments[m]! += c.delta;
      row.revised[m]! += c.delta;
    }
  }
  // Keys are unique and `department\0account` sorts as department, then account.
  return [...rows].sort(([x], [y]) => (x < y ? -1 : 1)).map(([, row]) => row);
}

/** Sums months `from..to` (0-based fiscal indexes, inclusive) of a 12-month series. */
export function sumMonths(series: readonly Cents[], from: number, to: number): Cents {
  let s = 0;
  for (let i = from; i <= to; i++) s += series[i] ?? 0;
  return s;
}
