// The shape the production-chapter commands share (quality, equipment, safety, suppliers):
// one workspace, a period and an as-of date, table | json | csv, --fail-on critical|warn.
// Each command only says how to compute, tabulate and serialise its result.
import type { Command } from 'commander';
import type { LoadResult } from '../load/load-workspace.js';
import { lastDayOfMonth, periodMonths } from '../model/period.js';
import type { MonthId } from '../model/period.js';
import type { Company, Workspace } from '../model/workspace.js';
import { renderCsv } from '../render/csv.js';
import { roundRates } from '../report/json-rates.js';
import type { Report, Table } from '../report/model.js';
import { addOutputOptions, FAIL_LEVELS, oneOf, requireCompany, resolveOutputs, writeOutputs } from './command-shape.js';
import { addLangOption, renderTerminal, resolveLang } from './lang-option.js';
import type { OutputFlags } from './command-shape.js';
import type { Lang } from '../report/i18n.js';
import { usageError, useColor } from './context.js';
import type { CliContext } from './context.js';
import { loadForCommand, reportLoadProblems, resolveAsOf, sharedLoadOptions } from './load-for-command.js';
import type { SharedLoadFlags } from './load-for-command.js';
import { parsePeriodOption } from './period-option.js';

const FORMATS = ['table', 'json', 'csv'] as const;

/** The period and date a chapter command computes for. */
export interface ChapterScope {
  period: string;
  months: MonthId[];
  asOf: string;
}

/** What one chapter command declares. */
export interface ChapterCommand<R> {
  name: string;
  description: string;
  /** Months the workspace has data for, valid or left out (a period without any is refused, listing them). */
  monthsFound: (ws: Workspace, load: LoadResult) => string[];
  compute: (ws: Workspace, company: Company, scope: ChapterScope, load: LoadResult) => R;
  report: (result: R, company: Company) => Report;
  /** The one table --format csv writes. */
  csv: (result: R) => Table;
  json: (result: R, company: Company) => unknown;
  flags: (result: R) => { critical: number; warn: number };
}

interface ChapterFlags extends SharedLoadFlags, OutputFlags {
  period?: string;
  asOf?: string;
  failOn?: (typeof FAIL_LEVELS)[number];
  color?: boolean;
  lang?: Lang;
}

/**
 * The period (default: the month of the as-of date) and the as-of date (default: today, or
 * the period's last day when the period has ended). A period with no data of the command's
 * kinds is refused (exit 2) with the months found, so a mistyped year never reads as all clear.
 */
export function resolveScope(flags: { period?: string; asOf?: string }, now: Date, startMonth: number, found: readonly string[], root: string): ChapterScope {
  const today = resolveAsOf(undefined, now);
  const text = flags.period ?? (flags.asOf === undefined ? today : resolveAsOf(flags.asOf, now)).slice(0, 7);
  const period = parsePeriodOption(text, ['month', 'quarter', 'year']);
  const months = periodMonths(period, startMonth);
  if (!months.some((m) => found.includes(m))) {
    throw usageError(`no data in ${root} falls in ${text}; ${found.length === 0 ? 'the workspace has none yet' : `months found: ${found.join(', ')}`}`);
  }
  const end = lastDayOfMonth(months[months.length - 1]!);
  const asOf = flags.asOf !== undefined ? resolveAsOf(flags.asOf, now) : today < end ? today : end;
  if (asOf < `${months[0]!}-01`) throw usageError(`--as-of ${asOf} is before the period ${text} starts; nothing of it is known yet`);
  return { period: text, months, asOf };
}

/** Registers one chapter command. */
export function registerChapterCommand<R>(program: Command, ctx: CliContext, setExit: (code: number) => void, spec: ChapterCommand<R>): void {
  const cmd = program
    .command(spec.name)
    .description(spec.description)
    .argument('[workspace]', 'workspace folder (default: .)')
    .option('-p, --period <period>', 'month (2026-11), fiscal quarter (FY2026-Q4) or fiscal year (FY2026); default: the month of --as-of')
    .option('--as-of <date>', 'the date figures are judged at (default: today, or the last day of a past period)')
    .option('--fail-on <level>', `exit 1 when a finding at or above this level exists: ${FAIL_LEVELS.join(' | ')}`, oneOf('--fail-on', FAIL_LEVELS));
  addOutputOptions(cmd, FORMATS);
  addLangOption(cmd);
  sharedLoadOptions(cmd);
  cmd.action((workspace: string | undefined, flags: ChapterFlags) => {
    const outputs = resolveOutputs(ctx, spec.name, FORMATS, flags);
    const lang = resolveLang(ctx, flags.lang);
    const load = loadForCommand(ctx, workspace === undefined ? [] : [workspace], flags);
    const ws = load.result.workspace;
    const inputErrors = reportLoadProblems(ctx, load);
    const company = requireCompany(load);
    const scope = resolveScope(flags, ctx.now, company.fiscalYearStartMonth, spec.monthsFound(ws, load.result), load.displayRoot);
    const result = spec.compute(ws, company, scope, load.result);
    writeOutputs(ctx, outputs, ({ format, file }) => {
      // Rates are rounded here, once for every chapter: `...Pct` to 2 decimals (src/report/json-rates.ts).
      if (format === 'json') return JSON.stringify(roundRates(spec.json(result, company)), null, 2) + '\n';
      if (format === 'csv') return renderCsv(spec.csv(result), company.currencyDigits);
      return renderTerminal(spec.report(result, company), lang, { color: file === undefined && useColor(ctx, flags.color) });
    }, load.inputFiles);
    if (inputErrors) setExit(1);
    const f = spec.flags(result);
    if (flags.failOn !== undefined && (f.critical > 0 || (flags.failOn === 'warn' && f.warn > 0))) setExit(1);
  });
}

/** Sorted distinct months of valid and left-out monthly logs of a kind. */
export function monthsOf(logs: readonly { month: string }[], leftOut: LoadResult['rejected'], kind: string): string[] {
  const left = leftOut.filter((r) => r.kind === kind).map((r) => (r.data as { month?: unknown } | null)?.month).filter((m): m is string => typeof m === 'string');
  return [...new Set([...logs.map((l) => l.month), ...left])].sort();
}
