// Hand-built workspaces for the unit tests of the domain: a company, budgets, actuals and
// adjustments with amounts already in cents, so each test states its figures directly.
import { emptyWorkspace } from '../../src/load/load-workspace.js';
import type { Category, SubmissionStatus, VarianceResponseDoc } from '../../src/model/documents.js';
import type { Actuals, Adjustment, Budget, Company, VarianceThresholds, Workspace } from '../../src/model/workspace.js';

/** Twelve equal months. */
export const M12 = (v: number): number[] => new Array<number>(12).fill(v);

/** A CNY company with departments a and b, default thresholds and the given fiscal year start. */
export function company(variance: Partial<VarianceThresholds> = {}, responseDays = 10, fiscalYearStartMonth = 1): Company {
  return {
    file: 'opsplan.yaml',
    name: 'T',
    currency: 'CNY',
    currencyDigits: 2,
    rounding: 'half-up',
    timeZone: 'Asia/Shanghai',
    fiscalYearStartMonth,
    departments: [
      { id: 'a', name: 'A', function: 'other' },
      { id: 'b', name: 'B', function: 'other' },
    ],
    warehouses: [],
    thresholds: {
      variance: { warnPct: 10, criticalPct: 25, minAmount: 0, overrides: [], ...variance },
      stock: { countTolerancePct: 2, countToleranceValue: 0, slowMovingDays: 90, staleSnapshotDays: 45 },
      consolidation: { budgetRequestTolerancePct: 5, pacePct: 90 },
      responseDays,
      suppliers: { weights: { onTime: 40, quality: 40, price: 20 }, grades: { A: 90, B: 75, C: 60 } },
      maintenance: { toleranceDays: null },
      service: {},
    },
    doc: {} as Company['doc'],
  };
}

/** A budget of a department; lines are named `acct <account>`. */
export function budget(department: string, lines: { account: string; category: Category; months: number[] }[], status: SubmissionStatus = 'approved', fiscalYear = 2026): Budget {
  return { file: `budgets/FY${fiscalYear}/${department}.yaml`, department, fiscalYear, status, lines: lines.map((l, index) => ({ ...l, name: `acct ${l.account}`, basis: 'b', method: 'm', index })) };
}

/** Actuals of a department for a month: [account, cents] pairs. */
export function actuals(department: string, month: string, lines: [string, number][]): Actuals {
  return { file: `actuals/${month}/${department}.yaml`, department, month, lines: lines.map(([account, amount], index) => ({ account, amount, index })) };
}

/** An adjustment; a change with `category` creates a new line of that category. */
export function adjustment(id: string, department: string, changes: { account: string; month: string; delta: number; category?: Category }[], status: Adjustment['status'] = 'approved', fiscalYear = 2026): Adjustment {
  return {
    file: `adjustments/${id}.yaml`,
    id,
    department,
    fiscalYear,
    status,
    reason: 'other',
    justification: 'j',
    changes: changes.map((c, index) => ({ account: c.account, month: c.month, delta: c.delta, index, ...(c.category ? { newLine: { name: `new ${c.account}`, category: c.category, basis: 'b', method: 'm' } } : {}) })),
  };
}

/** A workspace of the given parts, with the default company unless one (or null) is given. */
export function workspace(parts: Partial<Workspace> & { company?: Company | null }): Workspace {
  // Every collection of the registry starts empty, so a new kind never breaks these tests.
  return { ...emptyWorkspace('/x'), company: company(), ...parts };
}

/** A variance response to a notice. */
export function response(notice: string, department: string, status: VarianceResponseDoc['status']): Workspace['responses'][number] {
  return { file: `responses/${notice}.yaml`, doc: { kind: 'variance-response', version: 1, notice, department, cause: 'c', measures: 'm', owner: 'o', due: '2027-01-31', status } };
}
