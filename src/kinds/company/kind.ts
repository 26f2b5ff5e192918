// opsplan.yaml: the company, its currency, departments, warehouses and thresholds.
import type { CompanyDoc } from '../../model/documents.js';
import { currencyDigits, currencyProblem, toCents } from '../../model/money.js';
import type { Company } from '../../model/workspace.js';
import { defineKind } from '../kind.js';
import { DEFAULT_TIME_ZONE } from '../service-log/types.js';
import type { CheckContext } from '../kind.js';

/** Applies the company file's defaults and converts money thresholds to minor units. */
export function normalizeCompany(doc: CompanyDoc, file: string): Company {
  // An unknown code is reported by checkCompany; its amounts are then read with 2 decimals.
  const digits = currencyDigits(doc.currency) ?? 2;
  const t = doc.thresholds ?? {};
  const v = t.variance ?? {};
  const s = t.stock ?? {};
  const c = t.consolidation ?? {};
  return {
    file,
    name: doc.company,
    currency: doc.currency,
    currencyDigits: digits,
    fiscalYearStartMonth: doc.fiscalYearStartMonth ?? 1,
    rounding: doc.rounding ?? 'half-up',
    timeZone: doc.timeZone ?? DEFAULT_TIME_ZONE,
    departments: doc.departments,
    warehouses: doc.warehouses ?? [],
    thresholds: {
      variance: {
        warnPct: v.warnPct ?? 10,
        criticalPct: v.criticalPct ?? 25,
        minAmount: toCents(v.minAmount ?? 0, digits),
        overrides: (v.overrides ?? []).map((o) => ({ ...o, minAmount: o.minAmount === undefined ? undefined : toCents(o.minAmount, digits) })),
      },
      stock: {
        countTolerancePct: s.countTolerancePct ?? 2,
        countToleranceValue: toCents(s.countToleranceValue ?? 500, digits),
        slowMovingDays: s.slowMovingDays ?? 90,
        staleSnapshotDays: s.staleSnapshotDays ?? 45,
      },
      consolidation: { budgetRequestTolerancePct: c.budgetRequestTolerancePct ?? 5, pacePct: c.pacePct ?? 90 },
      responseDays: t.responseDays ?? 10,
      suppliers: {
        weights: { onTime: t.suppliers?.weights?.onTime ?? 40, quality: t.suppliers?.weights?.quality ?? 40, price: t.suppliers?.weights?.price ?? 20 },
        grades: { A: t.suppliers?.grades?.A ?? 90, B: t.suppliers?.grades?.B ?? 75, C: t.suppliers?.grades?.C ?? 60 },
      },
      maintenance: { toleranceDays: t.maintenance?.toleranceDays ?? null },
      service: t.service ?? {},
    },
    doc,
  };
}

/**
 * The warehouse material planning reads stock from: `production.warehouse`, else the only
 * declared warehouse, else null (several warehouses and none chosen).
 */
export function productionWarehouseId(company: Company): string | null {
  return company.doc.production?.warehouse ?? (company.warehouses.length === 1 ? company.warehouses[0]!.id : null);
}

function checkCompany({ company, report }: CheckContext): void {
  if (!company) return;
  const currency = currencyProblem(company.currency);
  if (currency !== null) report('error', 'company/unknown-currency', currency, company.file, ['currency']);
  const seen = new Set<string>();
  company.departments.forEach((d, i) => {
    if (seen.has(d.id)) report('error', 'company/duplicate-department', `department id "${d.id}" appears twice; ids must be unique`, company.file, ['departments', i, 'id']);
    seen.add(d.id);
  });
  const warehouses = new Set<string>();
  company.warehouses.forEach((w, i) => {
    if (warehouses.has(w.id)) report('error', 'company/duplicate-warehouse', `warehouse id "${w.id}" appears twice; ids must be unique`, company.file, ['warehouses', i, 'id']);
    warehouses.add(w.id);
  });
  const pw = company.doc.production?.warehouse;
  if (pw !== undefined && !warehouses.has(pw)) report('error', 'company/unknown-production-warehouse', `production.warehouse "${pw}" is not declared under warehouses: (known: ${[...warehouses].join(', ') || 'none'}); declare it or fix the id`, company.file, ['production', 'warehouse']);
  const parents = new Map(company.departments.map((d) => [d.id, d.parent]));
  company.departments.forEach((d, i) => {
    if (d.parent === undefined) return;
    if (!seen.has(d.parent)) {
      report('error', 'company/unknown-parent', `parent "${d.parent}" of department "${d.id}" is not a department in this file; use one of: ${[...seen].join(', ')}`, company.file, ['departments', i, 'parent']);
      return;
    }
    // Walk up; coming back to d means a cycle, which would make roll-ups loop forever.
    const path = new Set<string>([d.id]);
    let p: string | undefined = d.parent;
    while (p !== undefined) {
      if (path.has(p)) {
        report('error', 'company/parent-cycle', `department "${d.id}" is its own ancestor through parent links (${[...path, p].join(' -> ')}); break the cycle`, company.file, ['departments', i, 'parent']);
        break;
      }
      path.add(p);
      p = parents.get(p);
    }
  });
  const v = company.thresholds.variance;
  if (v.criticalPct < v.warnPct) report('warning', 'company/threshold-order', `criticalPct (${v.criticalPct}) is below warnPct (${v.warnPct}); critical should be the larger threshold`, company.file, ['thresholds', 'variance', 'criticalPct']);
  checkSupplierThresholds(company, report);
}

/** Weights are points of 100 and bands must not overlap, or a score could get two grades. */
function checkSupplierThresholds(company: Company, report: CheckContext['report']): void {
  const { weights: w, grades: g } = company.thresholds.suppliers;
  // Weights have at most 2 decimals: compare in hundredths so 33.33 + 33.33 + 33.34 is exactly 100.
  const sum = Math.round(w.onTime * 100) + Math.round(w.quality * 100) + Math.round(w.price * 100);
  if (sum !== 10000) report('error', 'company/supplier-weights', `supplier weights onTime ${w.onTime} + quality ${w.quality} + price ${w.price} = ${sum / 100}; they must sum to 100`, company.file, ['thresholds', 'suppliers', 'weights'], 'key');
  if (!(g.A >= g.B && g.B >= g.C)) report('error', 'company/supplier-grades', `supplier grade bands A ${g.A}, B ${g.B}, C ${g.C} overlap; they must satisfy A >= B >= C`, company.file, ['thresholds', 'suppliers', 'grades'], 'key');
}

/** The company file kind (its model is `Workspace.company`, not a collection). */
export const companyKind = defineKind({
  id: 'company',
  collection: null,
  title: 'the company: currency, fiscal year, departments, warehouses, thresholds',
  globs: ['opsplan.yaml'],
  template: {
    path: 'opsplan.yaml',
    text: `kind: company
version: 1
company: Example Co.
currency: CNY
fiscalYearStartMonth: 1
departments:
  - id: operations
    name: Operations Management
    function: operations
  - id: marketing
    name: Marketing
    function: marketing
warehouses:
  - id: wh-main
    name: Main Warehouse
thresholds:
  variance:
    warnPct: 10
    criticalPct: 25
    minAmount: 5000
  stock:
    countTolerancePct: 2
    countToleranceValue: 500
    slowMovingDays: 90
    staleSnapshotDays: 45
  responseDays: 10
`,
  },
  normalize: (doc, ctx): Company => normalizeCompany(doc as CompanyDoc, ctx.file),
  check: checkCompany,
});
