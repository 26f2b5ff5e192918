// `opsplan kpi [WORKSPACE] --period P`: the KPI and GS scorecards of every department for a
// month, a fiscal quarter or a fiscal year. Reads the workspace, computes once (domain/kpi),
// renders as table, JSON or CSV.
import { InvalidArgumentError } from 'commander';
import type { Command } from 'commander';
import { computeKpi, kpiPeriods, schemeFor } from '../../domain/kpi.js';
import type { KpiResult } from '../../domain/kpi.js';
import { renderCsv } from '../../render/csv.js';
import { buildKpiReport, kpiIndicatorsTable } from '../../report/kpi.js';
import { addOutputOptions, requireCompany, resolveOutputs, writeOutputs } from '../command-shape.js';
import { addLangOption, renderTerminal, resolveLang } from '../lang-option.js';
import type { OutputFlags } from '../command-shape.js';
import type { Lang } from '../../report/i18n.js';
import { usageError, useColor } from '../context.js';
import type { CliContext } from '../context.js';
import { loadForCommand, reportLoadProblems, resolveAsOf, sharedLoadOptions } from '../load-for-command.js';
import type { SharedLoadFlags } from '../load-for-command.js';
import { parsePeriodOption } from '../period-option.js';

const FORMATS = ['table', 'json', 'csv'] as const;
const GATES = ['below-threshold', 'ungraded'] as const;
type Gate = (typeof GATES)[number];

interface KpiFlags extends SharedLoadFlags, OutputFlags {
  period?: string;
  asOf?: string;
  failOn?: Gate;
  color?: boolean;
  lang?: Lang;
}

/** True when the `--fail-on` condition holds. */
export function kpiGateReached(r: KpiResult, gate: Gate): boolean {
  return gate === 'below-threshold' ? r.rectification.length > 0 : r.departments.some((d) => d.grade === null);
}

const gate = (v: string): Gate => {
  if (!(GATES as readonly string[]).includes(v)) throw new InvalidArgumentError(`Use one of ${GATES.join(', ')}.`);
  return v as Gate;
};

/** Registers `kpi`. */
export function registerKpi(program: Command, ctx: CliContext, setExit: (code: number) => void): void {
  const cmd = program
    .command('kpi')
    .description('KPI and GS scorecards of every department for a month, quarter or year: scores, grades, ranking, rectification and commendation')
    .argument('[workspace]', 'workspace folder (default: .)')
    .option('-p, --period <period>', 'month (2026-11), fiscal quarter (FY2026-Q4) or fiscal year (FY2026); required')
    .option('--as-of <date>', 'judge notices and take figures on this date YYYY-MM-DD when it is before the period end (default: today)')
    .option('--fail-on <gate>', `exit 1 when: ${GATES.join(' | ')}`, gate);
  addOutputOptions(cmd, FORMATS);
  addLangOption(cmd);
  sharedLoadOptions(cmd);
  cmd.action((workspace: string | undefined, flags: KpiFlags) => {
    const outputs = resolveOutputs(ctx, 'kpi', FORMATS, flags);
    const lang = resolveLang(ctx, flags.lang);
    const asOf = resolveAsOf(flags.asOf, ctx.now);
    const load = loadForCommand(ctx, workspace === undefined ? [] : [workspace], flags);
    const ws = load.result.workspace;
    const inputErrors = reportLoadProblems(ctx, load);
    requireCompany(load);
    const found = kpiPeriods(ws);
    const listed = `periods found (KPI schemes and reviews): ${found.join(', ') || 'none; add a kind: kpi-scheme file'}`;
    if (flags.period === undefined) throw usageError(`--period is required: a month (2026-11), a fiscal quarter (FY2026-Q4) or a fiscal year (FY2026); ${listed}`);
    let period;
    try {
      period = parsePeriodOption(flags.period, ['month', 'quarter', 'year']);
    } catch (e) {
      throw usageError(`${(e as Error).message}; ${listed}`);
    }
    const scheme = schemeFor(ws, period);
    if (!scheme) throw usageError(`no valid kpi-scheme in ${load.displayRoot} for the fiscal year of ${period.id}; ${listed}`);
    const result = computeKpi(ws, scheme, { period, asOf, rejected: load.result.rejected });
    writeOutputs(ctx, outputs, ({ format, file }) => {
      if (format === 'json') return JSON.stringify({ version: 1, kind: 'kpi', ...result }, null, 2) + '\n';
      if (format === 'csv') return renderCsv(kpiIndicatorsTable(result), 2);
      return renderTerminal(buildKpiReport(result), lang, { color: file === undefined && useColor(ctx, flags.color) });
    }, load.inputFiles);
    if (inputErrors) setExit(1);
    if (flags.failOn !== undefined && kpiGateReached(result, flags.failOn)) setExit(1);
  });
}
