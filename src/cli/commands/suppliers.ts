// `opsplan suppliers [WORKSPACE] --period P`: supplier evaluation from purchase-order receipts
// and incoming inspections.
import type { Command } from 'commander';
import { missingIn, missingMonths } from '../../domain/left-out.js';
import { computeQuality } from '../../domain/quality.js';
import { computeSuppliers, unitCostsAsOf } from '../../domain/suppliers.js';
import type { SupplierQuality } from '../../domain/suppliers.js';
import { buildSupplierReport, supplierJson, supplierScoreTable } from '../../report/suppliers.js';
import { registerChapterCommand } from '../chapter-command.js';
import type { CliContext } from '../context.js';

/** Registers `suppliers`. */
export function registerSuppliers(program: Command, ctx: CliContext, setExit: (code: number) => void): void {
  registerChapterCommand(program, ctx, setExit, {
    name: 'suppliers',
    description: 'supplier evaluation: on-time, in-full, quality acceptance, price, weighted score and grade',
    monthsFound: (ws) => [...new Set(ws.purchaseOrders.flatMap((p) => [...p.receipts.map((r) => r.date.slice(0, 7)), ...p.lines.map((l) => l.due.slice(0, 7))]))].sort(),
    compute: (ws, company, scope, load) => {
      const missing = missingMonths(load.leftOut, 'quality-log');
      const quality = computeQuality(ws.qualityLogs, { months: scope.months, asOf: scope.asOf, missing });
      const bySupplier = new Map<string, SupplierQuality>();
      for (const row of quality.bySupplier) {
        const prev = bySupplier.get(row.supplier!) ?? { quantity: 0, accepted: 0 };
        bySupplier.set(row.supplier!, { quantity: prev.quantity + (row.quantity ?? 0), accepted: prev.accepted + (row.acceptedQuantity ?? 0) });
      }
      return computeSuppliers(ws.purchaseOrders, {
        months: scope.months,
        asOf: scope.asOf,
        thresholds: company.thresholds.suppliers,
        unitCosts: unitCostsAsOf(ws.inventories, scope.asOf, company.currencyDigits),
        quality: bySupplier,
        qualityMissing: missingIn(missing, scope.months).size > 0,
      });
    },
    report: (r, c) => buildSupplierReport(r, c.currency, c.currencyDigits),
    csv: supplierScoreTable,
    json: supplierJson,
    flags: (r) => r.flags,
  });
}
