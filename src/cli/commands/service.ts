// `opsplan service [WORKSPACE] --period P`: case counts, backlog, service-hour times, SLA
// attainment, closure rate, satisfaction and hot issues from the service logs.
import type { Command } from 'commander';
import { computeService, hasBreach } from '../../domain/service.js';
import type { ServiceInput } from '../../domain/service-cases.js';
import { serviceInputFrom } from '../../domain/service-input.js';
import { periodMonths } from '../../model/period.js';
import type { Period } from '../../model/period.js';
import type { Workspace } from '../../model/workspace.js';
import { isTimeZone, localDate } from '../../model/zoned-time.js';
import { renderCsv } from '../../render/csv.js';
import { buildServiceReport, serviceCasesTable, serviceToJson } from '../../report/service.js';
import { addOutputOptions, requireCompany, resolveOutputs, writeOutputs } from '../command-shape.js';
import { addLangOption, renderTerminal, resolveLang } from '../lang-option.js';
import type { OutputFlags } from '../command-shape.js';
import type { Lang } from '../../report/i18n.js';
import { usageError, useColor } from '../context.js';
import type { CliContext } from '../context.js';
import { loadForCommand, reportLoadProblems, resolveAsOf, sharedLoadOptions } from '../load-for-command.js';
import type { CommandLoad, SharedLoadFlags } from '../load-for-command.js';
import { parsePeriodOption } from '../period-option.js';

const FORMATS = ['table', 'json', 'csv'] as const;

interface ServiceFlags extends SharedLoadFlags, OutputFlags {
  period?: string;
  asOf?: string;
  failOn?: string;
  color?: boolean;
  lang?: Lang;
}

/**
 * What the service computations need from a loaded workspace: the clean logs, the logs left
 * out for errors (their department-months become missing), the zone, levels and calendar.
 * Exits 2 when the company's time zone is unknown (every time would be read wrong).
 */
export function serviceInputOf(load: CommandLoad, ws: Workspace): ServiceInput {
  const company = ws.company!;
  if (!isTimeZone(company.timeZone)) throw usageError(`timeZone "${company.timeZone}" in opsplan.yaml is not an IANA zone; write one such as Asia/Shanghai`);
  return serviceInputFrom(ws, company, load.result.rejected);
}

/** --as-of, or today in the company zone. */
function serviceAsOf(value: string | undefined, now: Date, zone: string): string {
  return value === undefined ? localDate(zone, now.getTime()) : resolveAsOf(value, now);
}

/**
 * The start `service` and `accounts` share: load the workspace, report its problems, require
 * the company file, read the service input and the as-of date in the company zone.
 */
export function loadServiceCommand(ctx: CliContext, workspace: string | undefined, flags: SharedLoadFlags & { asOf?: string }): { load: CommandLoad; ws: Workspace; input: ServiceInput; asOf: string; inputErrors: boolean } {
  const load = loadForCommand(ctx, workspace ? [workspace] : [], flags);
  const inputErrors = reportLoadProblems(ctx, load);
  const ws = load.result.workspace;
  requireCompany(load);
  const input = serviceInputOf(load, ws);
  return { load, ws, input, asOf: serviceAsOf(flags.asOf, ctx.now, input.zone), inputErrors };
}

function checkFlags(flags: ServiceFlags): Period {
  if (flags.failOn !== undefined && flags.failOn !== 'breach') throw usageError(`--fail-on takes breach, got "${flags.failOn}"`);
  if (flags.period === undefined) throw usageError('--period is required: a month (2026-11), a fiscal quarter (FY2026-Q4) or a fiscal year (FY2026)');
  return parsePeriodOption(flags.period, ['month', 'quarter', 'year']);
}

/** Registers `service`. */
export function registerService(program: Command, ctx: CliContext, setExit: (code: number) => void): void {
  const cmd = program
    .command('service')
    .description('customer service: cases, backlog, response and resolution times, SLA attainment, satisfaction, hot issues')
    .argument('[workspace]', 'workspace folder (default: .)')
    .option('-p, --period <period>', 'month (2026-11), fiscal quarter (FY2026-Q4) or fiscal year (FY2026)')
    .option('--as-of <date>', 'measure as of the end of this day YYYY-MM-DD in the company time zone (default: today)')
    .option('--fail-on <what>', 'exit 1 when a case of the period breached its SLA: breach');
  addOutputOptions(cmd, FORMATS);
  addLangOption(cmd);
  sharedLoadOptions(cmd);
  cmd.action((workspace: string | undefined, flags: ServiceFlags) => {
    const outputs = resolveOutputs(ctx, 'service', FORMATS, flags);
    const lang = resolveLang(ctx, flags.lang);
    const period = checkFlags(flags);
    const { load, input, asOf, inputErrors } = loadServiceCommand(ctx, workspace, flags);
    const months = new Set(periodMonths(period, input.startMonth));
    const found = [...new Set([...input.logs.map((l) => l.month), ...input.brokenLogs.flatMap((b) => (b.month ? [b.month] : []))])].sort();
    if (!found.some((m) => months.has(m))) throw usageError(`no service log belongs to ${period.id}; months with service logs: ${found.join(', ') || 'none'}`);
    if (asOf < `${[...months][0]}-01`) throw usageError(`--as-of ${asOf} is before ${period.id} starts`);
    const result = computeService(input, period, asOf);
    writeOutputs(ctx, outputs, ({ format, file }) => {
      if (format === 'json') return serviceToJson(result);
      if (format === 'csv') return renderCsv(serviceCasesTable(result), 2);
      return renderTerminal(buildServiceReport(result), lang, { color: file === undefined && useColor(ctx, flags.color) });
    }, load.inputFiles);
    const failed = flags.failOn === 'breach' && hasBreach(result);
    setExit(inputErrors || failed ? 1 : 0);
  });
}
