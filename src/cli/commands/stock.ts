// `opsplan stock [WORKSPACE]`: stock alerts, count discrepancies, reorder and procurement plan.
// Reads the workspace, computes once (domain/stock), renders as table, JSON or CSV.
import type { Command } from 'commander';
import { computeStock, reachesLevel } from '../../domain/stock.js';
import { renderCsv } from '../../render/csv.js';
import { buildStockReport, stockItemsTable } from '../../report/stock.js';
import { stockJsonChunks } from '../../report/stock-json.js';
import { addOutputOptions, FAIL_LEVELS, oneOf, requireCompany, resolveOutputs, writeOutputs } from '../command-shape.js';
import { addLangOption, renderTerminal, resolveLang } from '../lang-option.js';
import type { OutputFlags } from '../command-shape.js';
import type { Lang } from '../../report/i18n.js';
import { usageError, useColor } from '../context.js';
import type { CliContext } from '../context.js';
import { loadForCommand, reportLoadProblems, resolveAsOf, sharedLoadOptions } from '../load-for-command.js';
import type { SharedLoadFlags } from '../load-for-command.js';
import { planMaterialsForStock } from '../material-plan.js';

const FORMATS = ['table', 'json', 'csv'] as const;

interface StockFlags extends SharedLoadFlags, OutputFlags {
  asOf?: string;
  warehouse?: string;
  failOn?: (typeof FAIL_LEVELS)[number];
  color?: boolean;
  lang?: Lang;
}

/** Registers `stock`. */
export function registerStock(program: Command, ctx: CliContext, setExit: (code: number) => void): void {
  const cmd = program
    .command('stock')
    .description('stock alerts, count discrepancies, reorder suggestions, transfers and the procurement plan')
    .argument('[workspace]', 'workspace folder (default: .)')
    .option('--as-of <date>', 'use the latest snapshot on or before this date (default: today)')
    .option('--warehouse <id>', 'show one warehouse only (transfers and company totals still consider all)')
    .option('--fail-on <level>', `exit 1 when an alert at or above this level exists: ${FAIL_LEVELS.join(' | ')}`, oneOf('--fail-on', FAIL_LEVELS));
  addOutputOptions(cmd, FORMATS);
  addLangOption(cmd);
  sharedLoadOptions(cmd);
  cmd.action((workspace: string | undefined, flags: StockFlags) => {
    const outputs = resolveOutputs(ctx, 'stock', FORMATS, flags);
    const lang = resolveLang(ctx, flags.lang);
    const asOf = resolveAsOf(flags.asOf, ctx.now);
    const load = loadForCommand(ctx, workspace === undefined ? [] : [workspace], flags);
    const ws = load.result.workspace;
    const inputErrors = reportLoadProblems(ctx, load);
    const company = requireCompany(load);
    if (flags.warehouse !== undefined && !company.warehouses.some((w) => w.id === flags.warehouse)) {
      throw usageError(`unknown warehouse "${flags.warehouse}"; known: ${company.warehouses.map((w) => w.id).join(', ') || 'none'}`);
    }
    // MRP's skus in the production warehouse leave reorder-point buying (no production warehouse: none).
    const mrp = planMaterialsForStock(load, company, asOf);
    const result = computeStock(ws, { asOf, warehouse: flags.warehouse, mrp });
    writeOutputs(ctx, outputs, ({ format, file }) => {
      // JSON goes out item by item (a whole-document string would be ~1 GB at 200,000 items).
      if (format === 'json') return stockJsonChunks(result);
      if (format === 'csv') return renderCsv(stockItemsTable(result), result.digits);
      return renderTerminal(buildStockReport(result), lang, { color: file === undefined && useColor(ctx, flags.color) });
    }, load.inputFiles);
    if (inputErrors) setExit(1);
    if (flags.failOn !== undefined && reachesLevel(result, flags.failOn)) setExit(1);
  });
}
