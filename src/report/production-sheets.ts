// The monthly report's Production and Material Plan sheets (issue 14), drawn from the same
// results and tables as `opsplan production` and `opsplan mrp`, so the workbook shows the
// figures the commands print.
import type { MrpResult } from '../domain/mrp/types.js';
import type { ProductionResult } from '../domain/production.js';
import type { Report, Table } from './model.js';
import { buildMrpReport, mrpOrdersTable, mrpPeggingTable, mrpSuppliersTable, mrpUnplannedTable } from './mrp.js';
import { buildProductionReport, productionLinesTable, productionTables } from './production.js';

/** What a sheet shows: its headline and tables. */
export type SheetContent = Pick<Report, 'headline' | 'tables'>;

/** Production of the report month: attainment (by item, line, week), the late lines, capacity, every plan line. */
export function productionSheet(r: ProductionResult, currency: string, digits: number): SheetContent {
  const all = productionTables(r);
  const byId = (id: string): Table => all.find((t) => t.id === id)!;
  // The plan file and its line number in columns of their own (the CSV keeps "file lines[i]").
  const csvLines = productionLinesTable(r);
  const lines: Table = {
    ...csvLines,
    columns: csvLines.columns.flatMap((c) => (c.key === 'file' ? [c, { key: 'planLine', header: 'Plan line', type: 'number' as const }] : [c])),
    rows: csvLines.rows.map((row, i) => ({ ...row, cells: { ...row.cells, file: r.lines[i]!.file, planLine: r.lines[i]!.index + 1 } })),
  };
  const late: Table = { ...lines, id: 'production-late', title: 'Late lines', caption: `due before ${r.asOf} and not complete`, rows: lines.rows.filter((row) => row.cells.status === 'late') };
  return {
    headline: buildProductionReport(r, currency, digits).headline,
    tables: [byId('production-items'), byId('production-by-line'), byId('production-weeks'), late, byId('production-capacity'), lines, byId('production-surplus')],
  };
}

/** The material plan: planned orders, their pegging, purchases by supplier, and what could not be planned. */
export function materialPlanSheet(r: MrpResult, currency: string, digits: number): SheetContent {
  return {
    // Counts of orders (the terminal's "Make" / "Buy" would read as quantities in a translation).
    headline: buildMrpReport(r, currency, digits).headline!.map((h) => (h.label === 'Make' || h.label === 'Buy' ? { ...h, label: `${h.label} orders` } : h)),
    tables: [mrpOrdersTable(r, { why: false }), mrpPeggingTable(r), mrpSuppliersTable(r), ...(r.unplanned.length > 0 ? [mrpUnplannedTable(r)] : [])],
  };
}
