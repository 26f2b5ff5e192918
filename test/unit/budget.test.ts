// The revised budget (approved budgets + approved adjustments) on hand-built workspaces; every
// figure in cents, worked out in the test.
import { describe, expect, it } from 'vitest';
import { computeBudgetRows, selectBudgets, splitAdjustments, sumMonths } from '../../src/domain/budget.js';
import { createMemo } from '../../src/domain/memo.js';
import { adjustment, budget, company, M12, workspace } from '../helpers/workspace.js';

const months = (...pairs: [number, number][]): number[] => {
  const m = M12(0);
  for (const [i, v] of pairs) m[i] = v;
  return m;
};

describe('which budgets and adjustments count', () => {
  it('selects the budgets of the fiscal year, approved only unless asked for every status', () => {
    const ws = workspace({
      budgets: [
        budget('a', [{ account: '6601', category: 'expense', months: M12(100) }], 'approved', 2025),
        budget('a', [{ account: '6601', category: 'expense', months: M12(200) }]),
        budget('b', [{ account: '6601', category: 'expense', months: M12(300) }], 'submitted'),
      ],
    });
    expect(selectBudgets(ws, 2026, { approvedOnly: true }).map((b) => [b.department, b.fiscalYear])).toEqual([['a', 2026]]);
    expect(selectBudgets(ws, 2026, { approvedOnly: false }).map((b) => b.department)).toEqual(['a', 'b']);
    expect(selectBudgets(ws, 2025, { approvedOnly: true }).map((b) => b.fiscalYear)).toEqual([2025]);
    expect(selectBudgets(ws, 2027, { approvedOnly: false })).toEqual([]);
  });

  it('splits the adjustments of the fiscal year into approved and the rest, in id order', () => {
    const ws = workspace({
      adjustments: [
        adjustment('ADJ-3', 'a', [], 'approved'),
        adjustment('ADJ-1', 'a', [], 'rejected'),
        adjustment('ADJ-2', 'b', [], 'approved'),
        adjustment('ADJ-0', 'a', [], 'approved', 2025),
        adjustment('ADJ-4', 'a', [], 'submitted'),
        adjustment('ADJ-2', 'a', [], 'draft'),
      ],
    });
    const split = splitAdjustments(ws, 2026);
    expect(split.applied.map((a) => a.id)).toEqual(['ADJ-2', 'ADJ-3']);
    // equal ids keep their file order
    expect(split.notApplied.map((a) => `${a.id} ${a.status}`)).toEqual(['ADJ-1 rejected', 'ADJ-2 draft', 'ADJ-4 submitted']);
    expect(splitAdjustments(ws, 2025).applied.map((a) => a.id)).toEqual(['ADJ-0']);
  });
});

describe('computeBudgetRows', () => {
  it('applies approved deltas of its own fiscal year by fiscal month, and copies the budget months', () => {
    const original = M12(1000);
    const ws = workspace({
      budgets: [budget('a', [{ account: '6601', category: 'expense', months: original }])],
      adjustments: [
        adjustment('ADJ-1', 'a', [{ account: '6601', month: '2026-03', delta: 500 }, { account: '6601', month: '2026-03', delta: -200 }]),
        adjustment('ADJ-2', 'a', [{ account: '6601', month: '2026-04', delta: 7 }], 'rejected'),
        adjustment('ADJ-3', 'a', [{ account: '6601', month: '2025-05', delta: 9 }], 'approved', 2025),
      ],
    });
    const [row, ...rest] = computeBudgetRows(ws, 2026);
    expect(rest).toEqual([]);
    expect(row).toMatchObject({ department: 'a', account: '6601', name: 'acct 6601', category: 'expense', addedByAdjustment: false, file: 'budgets/FY2026/a.yaml' });
    expect(row!.original).toEqual(M12(1000));
    expect(row!.adjustments).toEqual(months([2, 300]));
    expect(row!.revised).toEqual(months([0, 1000], [1, 1000], [2, 1300], [3, 1000], [4, 1000], [5, 1000], [6, 1000], [7, 1000], [8, 1000], [9, 1000], [10, 1000], [11, 1000]));
    // the budget's own months are left as loaded
    expect(original).toEqual(M12(1000));
    expect(row!.original).not.toBe(original);
  });

  it('places a delta by the fiscal month when the fiscal year starts in April', () => {
    const ws = workspace({
      company: company({}, 10, 4),
      budgets: [budget('a', [{ account: '6601', category: 'expense', months: M12(0) }])],
      // FY2026 runs 2026-04 .. 2027-03: January 2027 is fiscal month 10 (index 9), April 2026 index 0
      adjustments: [adjustment('ADJ-1', 'a', [{ account: '6601', month: '2027-01', delta: 50 }, { account: '6601', month: '2026-04', delta: 5 }])],
    });
    expect(computeBudgetRows(ws, 2026)[0]!.adjustments).toEqual(months([0, 5], [9, 50]));
    // without a company file the year starts in January
    expect(computeBudgetRows({ ...ws, company: null }, 2026)[0]!.adjustments).toEqual(months([0, 50], [3, 5]));
  });

  it('creates a line from an approved adjustment only with a new line, and only for a budgeted department', () => {
    const ws = workspace({
      budgets: [budget('a', [{ account: '6601', category: 'expense', months: M12(0) }]), budget('b', [{ account: '6601', category: 'expense', months: M12(0) }], 'submitted')],
      adjustments: [
        adjustment('ADJ-1', 'a', [
          { account: '6609', month: '2026-11', delta: 2000, category: 'cost' },
          { account: '6609', month: '2026-12', delta: 100 },
          { account: '6700', month: '2026-11', delta: 999 },
        ]),
        adjustment('ADJ-2', 'b', [{ account: '6601', month: '2026-01', delta: 1 }, { account: '6610', month: '2026-01', delta: 1, category: 'cost' }]),
        adjustment('ADJ-3', 'c', [{ account: '6610', month: '2026-01', delta: 1, category: 'cost' }]),
      ],
    });
    const rows = computeBudgetRows(ws, 2026);
    expect(rows.map((r) => `${r.department} ${r.account}`)).toEqual(['a 6601', 'a 6609']);
    expect(rows[1]).toMatchObject({ name: 'new 6609', category: 'cost', addedByAdjustment: true, file: 'adjustments/ADJ-1.yaml', original: M12(0) });
    expect(rows[1]!.adjustments).toEqual(months([10, 2000], [11, 100]));
    expect(rows[1]!.revised).toEqual(months([10, 2000], [11, 100]));
    // every status counts when asked: b's submitted budget then takes its adjustment
    const all = computeBudgetRows(ws, 2026, { approvedOnly: false });
    expect(all.map((r) => `${r.department} ${r.account} ${sumMonths(r.revised, 0, 11)}`)).toEqual(['a 6601 0', 'a 6609 2100', 'b 6601 1', 'b 6610 1']);
  });

  it('sorts rows by department, then account', () => {
    const ws = workspace({
      budgets: [
        budget('b', [{ account: '6001', category: 'revenue', months: M12(1) }]),
        budget('a', [
          { account: '6700', category: 'expense', months: M12(1) },
          { account: '6001', category: 'revenue', months: M12(1) },
          { account: '6601', category: 'expense', months: M12(1) },
        ]),
      ],
      adjustments: [adjustment('ADJ-1', 'a', [{ account: '6000', month: '2026-01', delta: 1, category: 'revenue' }])],
    });
    expect(computeBudgetRows(ws, 2026).map((r) => `${r.department} ${r.account}`)).toEqual(['a 6000', 'a 6001', 'a 6601', 'a 6700', 'b 6001']);
  });

  it('shares rows through a memo only', () => {
    const ws = workspace({ budgets: [budget('a', [{ account: '6601', category: 'expense', months: M12(1) }])] });
    expect(computeBudgetRows(ws, 2026)).not.toBe(computeBudgetRows(ws, 2026));
    const memo = createMemo();
    const first = computeBudgetRows(ws, 2026, undefined, memo);
    expect(computeBudgetRows(ws, 2026, { approvedOnly: true }, memo)).toBe(first);
    expect(computeBudgetRows(ws, 2026, { approvedOnly: false }, memo)).not.toBe(first);
    expect(computeBudgetRows(ws, 2025, undefined, memo)).toEqual([]);
    expect([...memo.budgetRows.keys()]).toEqual(['2026:true', '2026:false', '2025:true']);
  });
});

describe('sumMonths', () => {
  it('sums fiscal months from..to inclusive, missing months as nothing', () => {
    const s = [1, 2, 4, 8, 16];
    expect(sumMonths(s, 0, 4)).toBe(31);
    expect(sumMonths(s, 1, 2)).toBe(6);
    expect(sumMonths(s, 3, 3)).toBe(8);
    expect(sumMonths(s, 3, 6)).toBe(24);
    expect(sumMonths(s, 2, 1)).toBe(0);
  });
});
