// `opsplan production --period P [WORKSPACE]`: output against the approved production plans.
import type { Command } from 'commander';
import { computeProduction, productionPeriodRange } from '../../domain/production.js';
import { renderCsv } from '../../render/csv.js';
import { buildProductionReport, productionJson, productionLinesTable } from '../../report/production.js';
import { addOutputOptions, requireCompany, resolveOutputs, writeOutputs } from '../command-shape.js';
import { addLangOption, renderTerminal, resolveLang } from '../lang-option.js';
import type { OutputFlags } from '../command-shape.js';
import type { Lang } from '../../report/i18n.js';
import { usageError, useColor } from '../context.js';
import type { CliContext } from '../context.js';
import { loadForCommand, reportLoadProblems, resolveAsOf, sharedLoadOptions } from '../load-for-command.js';
import type { SharedLoadFlags } from '../load-for-command.js';

const FORMATS = ['table', 'json', 'csv'] as const;

interface ProductionFlags extends SharedLoadFlags, OutputFlags {
  period: string;
  asOf?: string;
  color?: boolean;
  lang?: Lang;
}

/** Registers `production`. */
export function registerProduction(program: Command, ctx: CliContext, setExit: (code: number) => void): void {
  const cmd = program
    .command('production')
    .description('production attainment against the approved plans: lines on time, late, by item, line and week, scrap and capacity load')
    .argument('[workspace]', 'workspace folder (default: .)')
    .requiredOption('--period <period>', 'a month (2026-11), ISO week (2026-W48), fiscal quarter (FY2026-Q4) or fiscal year')
    .option('--as-of <date>', 'count output up to this date; a due date before it has passed (default: today)');
  addOutputOptions(cmd, FORMATS);
  addLangOption(cmd);
  sharedLoadOptions(cmd);
  cmd.action((workspace: string | undefined, flags: ProductionFlags) => {
    const outputs = resolveOutputs(ctx, 'production', FORMATS, flags);
    const lang = resolveLang(ctx, flags.lang);
    const asOf = resolveAsOf(flags.asOf, ctx.now);
    const load = loadForCommand(ctx, workspace === undefined ? [] : [workspace], flags);
    const inputErrors = reportLoadProblems(ctx, load);
    const company = requireCompany(load);
    if (!productionPeriodRange(flags.period, company.fiscalYearStartMonth)) throw usageError(`--period takes a month (2026-11), an ISO week (2026-W48), a fiscal quarter (FY2026-Q4) or a fiscal year (FY2026), got "${flags.period}"`);
    const result = computeProduction(load.result.workspace, flags.period, asOf);
    writeOutputs(ctx, outputs, ({ format, file }) => {
      if (format === 'json') return productionJson(result);
      if (format === 'csv') return renderCsv(productionLinesTable(result), company.currencyDigits);
      return renderTerminal(buildProductionReport(result, company.currency, company.currencyDigits), lang, { color: file === undefined && useColor(ctx, flags.color) });
    }, load.inputFiles);
    if (inputErrors) setExit(1);
  });
}
