// `opsplan variance [WORKSPACE]`: budget vs actual for a period, warning levels and the
// warning notices with their status. Reads the workspace and any ERP CSV exports, computes
// once, renders the chosen format.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { computeLandingForecast } from '../../domain/forecast.js';
import { computeVariance } from '../../domain/variance.js';
import type { VarianceLevel, VarianceResult } from '../../domain/variance.js';
import { parseActualsCsv, parseHeaderMap } from '../../load/actuals-csv.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { previousPeriod } from '../../model/period.js';
import type { Actuals } from '../../model/workspace.js';
import { renderCsv } from '../../render/csv.js';
import { buildVarianceReport, varianceLinesTable } from '../../report/variance.js';
import { varianceJson } from '../../report/variance-json.js';
import { addOutputOptions, repeatableOption, requireCompany, resolveOutputs, writeOutputs } from '../command-shape.js';
import { addLangOption, renderTerminal, resolveLang } from '../lang-option.js';
import type { OutputFlags } from '../command-shape.js';
import type { Lang } from '../../report/i18n.js';
import { usageError, useColor } from '../context.js';
import { describeIoError } from '../io-errors.js';
import type { CliContext } from '../context.js';
import { loadForCommand, reportLoadProblems, resolveAsOf, sharedLoadOptions } from '../load-for-command.js';
import type { SharedLoadFlags } from '../load-for-command.js';
import { latestActualsMonth, parsePeriodOption, requirePeriodDue, requirePeriodWithData } from '../period-option.js';

const FORMATS = ['table', 'json', 'csv'] as const;
const LEVELS: readonly VarianceLevel[] = ['warn', 'critical'];

interface VarianceFlags extends SharedLoadFlags, OutputFlags {
  period?: string;
  ytd?: boolean;
  actuals: string[];
  map: string[];
  asOf?: string;
  failOn?: string;
  color?: boolean;
  lang?: Lang;
}


/** True when a line of the period is at or above `failOn`. */
export function reachesLevel(result: VarianceResult, failOn: VarianceLevel): boolean {
  return result.lines.some((l) => l.level === 'critical' || (failOn === 'warn' && l.level === 'warn'));
}

function printDiagnostics(ctx: CliContext, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) ctx.stderr.write(`${d.file}${d.line > 0 ? `:${d.line}` : ''} ${d.code}: ${d.message}\n`);
}

/** Reads the CSV exports; bad rows become diagnostics, an unreadable file is a usage error. */
function readCsvActuals(ctx: CliContext, files: readonly string[], mapSpecs: readonly string[], existing: readonly Actuals[], departments: ReadonlySet<string>, digits: number): { actuals: Actuals[]; diagnostics: Diagnostic[] } {
  const map = parseHeaderMap(mapSpecs);
  if (typeof map === 'string') throw usageError(map);
  const actuals: Actuals[] = [];
  const diagnostics: Diagnostic[] = [];
  const taken = new Map<string, string>();
  for (const a of existing) taken.set(`${a.department}|${a.month}`, a.file);
  for (const file of files) {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path.resolve(ctx.cwd, file)));
    } catch (e) {
      throw usageError(`cannot read --actuals ${file}: ${describeIoError(e)}`);
    }
    const r = parseActualsCsv(text, { file, map, departments, digits });
    diagnostics.push(...r.diagnostics);
    for (const a of r.actuals) {
      const k = `${a.department}|${a.month}`;
      const first = taken.get(k);
      if (first !== undefined) {
        // Adding both would count the month twice.
        diagnostics.push({ code: 'csv/duplicate-month', severity: 'error', file, line: a.lines[0]?.index ?? 0, column: 0, path: '', message: `actuals of "${a.department}" for ${a.month} are already in ${first}; these rows were left out (give each department and month in one place only)` });
        continue;
      }
      taken.set(k, file);
      actuals.push(a);
    }
  }
  return { actuals, diagnostics };
}

/** Registers `variance`. */
export function registerVariance(program: Command, ctx: CliContext, setExit: (code: number) => void): void {
  const cmd = program
    .command('variance')
    .description('budget vs actual by department and account, warning levels and warning notices')
    .argument('[workspace]', 'workspace folder (default: .)')
    .option('-p, --period <period>', 'month (2026-11), fiscal quarter (FY2026-Q4) or fiscal year (FY2026); default: the latest month with actuals')
    .option('--ytd', 'compare from the start of the fiscal year through the end of the period')
    .addOption(repeatableOption('--actuals <file.csv>', 'add actuals from an ERP CSV export (columns department, account, month, amount); repeatable'))
    .addOption(repeatableOption('--map <spec>', 'CSV header names, e.g. dept=Department,amount=Betrag; repeatable'))
    .option('--as-of <date>', 'judge notice status on this date YYYY-MM-DD (default: today)')
    .option('--fail-on <level>', 'exit 1 when a line of the period reaches this level: warn | critical');
  addOutputOptions(cmd, FORMATS);
  addLangOption(cmd);
  sharedLoadOptions(cmd);
  cmd.action((workspace: string | undefined, flags: VarianceFlags) => {
    const outputs = resolveOutputs(ctx, 'variance', FORMATS, flags);
    const lang = resolveLang(ctx, flags.lang);
    if (flags.failOn !== undefined && !(LEVELS as readonly string[]).includes(flags.failOn)) throw usageError(`--fail-on takes warn or critical, got "${flags.failOn}"`);
    const requested = flags.period === undefined ? null : parsePeriodOption(flags.period, ['month', 'quarter', 'year']);
    const asOf = resolveAsOf(flags.asOf, ctx.now);
    const load = loadForCommand(ctx, workspace ? [workspace] : [], flags);
    const inputErrors = reportLoadProblems(ctx, load);
    const ws = load.result.workspace;
    const company = requireCompany(load);
    const csv = readCsvActuals(ctx, flags.actuals, flags.map, ws.actuals, new Set(company.departments.map((d) => d.id)), company.currencyDigits);
    printDiagnostics(ctx, csv.diagnostics);
    if (csv.diagnostics.length > 0) ctx.stderr.write(`opsplan: ${csv.diagnostics.length} CSV row error${csv.diagnostics.length === 1 ? '' : 's'}; those rows were left out of the result\n`);
    const csvMonths = csv.actuals.map((a) => a.month);
    const period = requested ?? latestActualsMonth(ws, load.displayRoot, csvMonths, 'pass --actuals FILE.csv, or name a --period');
    requirePeriodWithData(ws, company, period, load.displayRoot, csvMonths);
    requirePeriodDue(ws, company, period, asOf, csvMonths);
    const result = computeVariance(ws, { period, ytd: flags.ytd === true, asOf, extraActuals: csv.actuals });
    const inputs = [...load.inputFiles, ...flags.actuals.map((f) => path.resolve(ctx.cwd, f))];
    writeOutputs(ctx, outputs, ({ format, file }) => {
      if (format === 'json') {
        // The full-year outlook as of the period's end, from the year to date through it.
        const ytd = result.ytd ? result : computeVariance(ws, { period, ytd: true, asOf, extraActuals: csv.actuals });
        // The period before (month, quarter or fiscal year), for comparison: never a YTD view.
        const previous = computeVariance(ws, { period: previousPeriod(period), ytd: false, asOf, extraActuals: csv.actuals });
        return `${JSON.stringify(varianceJson(result, computeLandingForecast(ws, ytd), previous), null, 2)}\n`;
      }
      if (format === 'csv') return renderCsv(varianceLinesTable(result), result.digits);
      return renderTerminal(buildVarianceReport(result), lang, { color: file === undefined && useColor(ctx, flags.color) });
    }, inputs);
    const failed = flags.failOn !== undefined && reachesLevel(result, flags.failOn as VarianceLevel);
    setExit(inputErrors || csv.diagnostics.length > 0 || failed ? 1 : 0);
  });
}


