// `opsplan kpi [WORKSPACE] --period P`: the KPI and GS scorecards of every department for a
// month, a fiscal quarter or a fiscal year. Reads the workspace, computes once (domain/kpi),
// renders as table, JSON or CSV.
import path from 'node:path';
import { InvalidArgumentError } from 'commander';
import type { Command } from 'commander';
import { computeKpi, kpiPeriods, schemeFor } from '../../domain/kpi.js';
import type { KpiResult } from '../../domain/kpi.js';
import { parsePeriod } from '../../model/period.js';
import { renderCsv } from '../../render/csv.js';
import { renderReport } from '../../render/table.js';
import { buildKpiReport, kpiIndicatorsTable } from '../../report/kpi.js';
import { usageError, useColor } from '../context.js';
import type { CliContext } from '../context.js';
import { loadForCommand, reportLoadProblems, resolveAsOf, sharedLoadOptions } from '../load-for-command.js';
import type { SharedLoadFlags } from '../load-for-command.js';
import { writeFileAtomic } from '../write-output.js';

const FORMATS = ['table', 'json', 'csv'] as const;
const FAIL_ON = ['below-threshold', 'ungraded'] as const;

interface KpiFlags extends SharedLoadFlags {
  period?: string;
  asOf?: string;
  format: (typeof FORMATS)[number];
  output?: string;
  failOn?: (typeof FAIL_ON)[number];
  color?: boolean;
}

function oneOf<T extends string>(name: string, allowed: readonly T[]): (v: string) => T {
  return (v) => {
    if (!(allowed as readonly string[]).includes(v)) throw new InvalidArgumentError(`${name} takes one of ${allowed.join(', ')}, got "${v}"`);
    return v as T;
  };
}

/** True when the `--fail-on` condition holds. */
export function kpiGateReached(r: KpiResult, failOn: (typeof FAIL_ON)[number]): boolean {
  return failOn === 'below-threshold' ? r.rectification.length > 0 : r.departments.some((d) => d.grade === null);
}

/** Registers `kpi`. */
export function registerKpi(program: Command, ctx: CliContext, setExit: (code: number) => void): void {
  const cmd = program
    .command('kpi')
    .description('KPI and GS scorecards of every department for a month, quarter or year: scores, grades, ranking, rectification and commendation')
    .argument('[workspace]', 'workspace folder (default: .)')
    .option('-p, --period <period>', 'month (2026-11), fiscal quarter (FY2026-Q4) or fiscal year (FY2026); required')
    .option('--as-of <date>', 'judge notices and take figures on this date YYYY-MM-DD when it is before the period end (default: today)')
    .option('-f, --format <name>', `output format: ${FORMATS.join(' | ')}`, oneOf('--format', FORMATS), 'table')
    .option('-o, --output <file>', 'write the output to FILE instead of stdout')
    .option('--fail-on <gate>', `exit 1 when: ${FAIL_ON.join(' | ')}`, oneOf('--fail-on', FAIL_ON));
  sharedLoadOptions(cmd);
  cmd.action((workspace: string | undefined, flags: KpiFlags) => {
    const asOf = resolveAsOf(flags.asOf, ctx.now);
    const load = loadForCommand(ctx, workspace === undefined ? [] : [workspace], flags);
    const ws = load.result.workspace;
    const inputErrors = reportLoadProblems(ctx, load);
    if (!ws.company) throw usageError(`no usable company file (opsplan.yaml) in ${load.displayRoot}; kpi needs its departments and fiscal year`);
    const found = kpiPeriods(ws);
    const listed = `periods with a KPI scheme or reviews: ${found.join(', ') || 'none (add a kind: kpi-scheme file)'}`;
    if (flags.period === undefined) throw usageError(`--period is required: a month (2026-11), a fiscal quarter (FY2026-Q4) or a fiscal year (FY2026); ${listed}`);
    const period = parsePeriod(flags.period);
    if (!period) throw usageError(`--period takes a month (2026-11), a fiscal quarter (FY2026-Q4) or a fiscal year (FY2026), got "${flags.period}"; ${listed}`);
    const scheme = schemeFor(ws, period);
    if (!scheme) throw usageError(`no valid kpi-scheme for the fiscal year of ${period.id}; ${listed}`);
    const result = computeKpi(ws, scheme, { period, asOf });
    let text: string;
    if (flags.format === 'json') text = JSON.stringify({ version: 1, kind: 'kpi', ...result }, null, 2) + '\n';
    else if (flags.format === 'csv') text = renderCsv(kpiIndicatorsTable(result), 2);
    else text = renderReport(buildKpiReport(result), { color: flags.output === undefined && useColor(ctx, flags.color) });
    if (flags.output !== undefined) writeFileAtomic(path.resolve(ctx.cwd, flags.output), text, load.inputFiles);
    else ctx.stdout.write(text);
    if (inputErrors) setExit(1);
    if (flags.failOn !== undefined && kpiGateReached(result, flags.failOn)) setExit(1);
  });
}
