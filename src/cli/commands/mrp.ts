// `opsplan mrp [WORKSPACE]`: material requirements planning from the approved production plans.
// Reads the workspace, computes once (domain/mrp), renders as table, JSON or CSV.
import { InvalidArgumentError } from 'commander';
import type { Command } from 'commander';
import { productionWarehouseId } from '../../kinds/company/kind.js';
import { renderCsv } from '../../render/csv.js';
import { buildMrpReport, mrpJson, mrpOrdersTable } from '../../report/mrp.js';
import { addOutputOptions, requireCompany, resolveOutputs, writeOutputs } from '../command-shape.js';
import { addLangOption, renderTerminal, resolveLang } from '../lang-option.js';
import type { OutputFlags } from '../command-shape.js';
import type { Lang } from '../../report/i18n.js';
import { usageError, useColor } from '../context.js';
import type { CliContext } from '../context.js';
import { loadForCommand, reportLoadProblems, resolveAsOf, sharedLoadOptions } from '../load-for-command.js';
import type { SharedLoadFlags } from '../load-for-command.js';
import { DEFAULT_HORIZON_WEEKS, planMaterials } from '../material-plan.js';

const FORMATS = ['table', 'json', 'csv'] as const;

interface MrpFlags extends SharedLoadFlags, OutputFlags {
  asOf?: string;
  horizon: number;
  failOn?: 'expedite';
  color?: boolean;
  lang?: Lang;
}

const weeks = (v: string): number => {
  if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 520) throw new InvalidArgumentError(`--horizon takes a number of weeks from 1 to 520, got "${v}"`);
  return Number(v);
};

/** Registers `mrp`. */
export function registerMrp(program: Command, ctx: CliContext, setExit: (code: number) => void): void {
  const cmd = program
    .command('mrp')
    .description('material requirements planning: planned make and buy orders from the approved production plans, with pegging')
    .argument('[workspace]', 'workspace folder (default: .)')
    .option('--as-of <date>', 'plan from this date, with the latest snapshot on or before it (default: today)')
    .option('--horizon <weeks>', 'plan the production-plan lines due within this many weeks from as-of', weeks, DEFAULT_HORIZON_WEEKS)
    .option('--fail-on <what>', 'exit 1 when a planned order must be expedited: expedite', (v: string) => {
      if (v !== 'expedite') throw new InvalidArgumentError(`--fail-on takes expedite, got "${v}"`);
      return v;
    });
  addOutputOptions(cmd, FORMATS);
  addLangOption(cmd);
  sharedLoadOptions(cmd);
  cmd.action((workspace: string | undefined, flags: MrpFlags) => {
    const outputs = resolveOutputs(ctx, 'mrp', FORMATS, flags);
    const lang = resolveLang(ctx, flags.lang);
    const asOf = resolveAsOf(flags.asOf, ctx.now);
    const load = loadForCommand(ctx, workspace === undefined ? [] : [workspace], flags);
    const inputErrors = reportLoadProblems(ctx, load);
    const company = requireCompany(load);
    if (productionWarehouseId(company) === null) {
      throw usageError(`opsplan.yaml declares ${company.warehouses.length === 0 ? 'no warehouse' : `several warehouses (${company.warehouses.map((w) => w.id).join(', ')})`}; set production: { warehouse: <id> } to say whose stock material planning uses`);
    }
    const result = planMaterials(load, company, asOf, flags.horizon);
    writeOutputs(ctx, outputs, ({ format, file }) => {
      if (format === 'json') return mrpJson(result, company.currencyDigits);
      if (format === 'csv') return renderCsv(mrpOrdersTable(result), company.currencyDigits);
      return renderTerminal(buildMrpReport(result, company.currency, company.currencyDigits), lang, { color: file === undefined && useColor(ctx, flags.color) });
    }, load.inputFiles);
    for (const u of result.unplanned) ctx.stderr.write(`${u.code}: ${u.sku}: ${u.message}\n`);
    if (inputErrors || result.unplanned.length > 0) setExit(1);
    if (flags.failOn === 'expedite' && result.totals.expedite > 0) setExit(1);
  });
}
