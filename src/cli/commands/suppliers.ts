// `opsplan suppliers [WORKSPACE] --period P`: supplier evaluation from purchase-order receipts
// and incoming inspections.
import type { Command } from 'commander';
import { buildSupplierReport, supplierJson, supplierScoreTable } from '../../report/suppliers.js';
import { registerChapterCommand } from '../chapter-command.js';
import { supplierResult } from '../../domain/chapter-results.js';
import type { CliContext } from '../context.js';

/** Registers `suppliers`. */
export function registerSuppliers(program: Command, ctx: CliContext, setExit: (code: number) => void): void {
  registerChapterCommand(program, ctx, setExit, {
    name: 'suppliers',
    description: 'supplier evaluation: on-time, in-full, quality acceptance, price, weighted score and grade',
    monthsFound: (ws) => [...new Set(ws.purchaseOrders.flatMap((p) => [...p.receipts.map((r) => r.date.slice(0, 7)), ...p.lines.map((l) => l.due.slice(0, 7))]))].sort(),
    compute: (ws, company, scope, load) => supplierResult(ws, company, { ...scope, leftOut: load.rejected }),
    report: (r, c) => buildSupplierReport(r, c.currency, c.currencyDigits),
    csv: supplierScoreTable,
    json: supplierJson,
    flags: (r) => r.flags,
  });
}
