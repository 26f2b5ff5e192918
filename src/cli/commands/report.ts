// `opsplan report [WORKSPACE] --period 2026-11`: the monthly operations report as an Excel
// workbook. Computes variance, stock and the company plan once with their own domain
// functions, arranges their report tables as sheets with their native charts, writes atomically.
import path from 'node:path';
import type { Command } from 'commander';
import { computeAccounts } from '../../domain/accounts.js';
import { computeBudgetRows } from '../../domain/budget.js';
import { computeConsolidation, periodIsKnown } from '../../domain/consolidate.js';
import { chapterResults } from '../../domain/chapter-results.js';
import { computeKpiForPeriod } from '../../domain/kpi.js';
import { createMemo } from '../../domain/memo.js';
import type { MrpResult } from '../../domain/mrp/types.js';
import { computeProduction } from '../../domain/production.js';
import { computeService } from '../../domain/service.js';
import { computeStock } from '../../domain/stock.js';
import { computeLandingForecast } from '../../domain/forecast.js';
import { computeVariance, computeVarianceTotals } from '../../domain/variance.js';
import { fiscalMonths, fiscalYearOf, parsePeriod, periodMonths, previousPeriod } from '../../model/period.js';
import type { Period } from '../../model/period.js';
import type { Workspace } from '../../model/workspace.js';
import type { SheetSpec } from '../../render/xlsx.js';
import { amountsLine, LANGS, text } from '../../report/i18n.js';
import { AMOUNT_UNITS } from '../../report/model.js';
import type { AmountUnit } from '../../report/model.js';
import type { Lang } from '../../report/i18n.js';
import { buildMonthlyReport, reportSheetLine, workbookService, workbookStock } from '../../report/monthly-report.js';
import type { ChapterResults, MonthlyReportInput } from '../../report/monthly-report.js';
import { addOutputOptions, oneOf, requireCompany, resolveOutputPath, resolveOutputs } from '../command-shape.js';
import type { OutputFlags } from '../command-shape.js';
import { usageError } from '../context.js';
import type { CliContext } from '../context.js';
import { loadForCommand, reportLoadProblems, resolveAsOf, sharedLoadOptions } from '../load-for-command.js';
import type { CommandLoad, SharedLoadFlags } from '../load-for-command.js';
import { planMaterialsForStock } from '../material-plan.js';
import { latestActualsMonth, parsePeriodOption, requirePeriodDue, requirePeriodWithData } from '../period-option.js';
import { releaseMemory } from '../release-memory.js';
import { ensureDir, writeFileAtomicStreaming } from '../write-output.js';
import { serviceInputOf } from './service.js';

const FORMATS = ['text', 'json'] as const;

interface ReportFlags extends SharedLoadFlags, OutputFlags {
  period?: string;
  lang: Lang;
  unit?: AmountUnit;
  asOf?: string;
  charts: boolean;
  cjkFont?: string;
  color?: boolean;
}

/** Registers `report`. */
export function registerReport(program: Command, ctx: CliContext, setExit: (code: number) => void): void {
  const cmd = program
    .command('report')
    .description('the monthly operations report as an Excel workbook (variance, notices, stock, plan, budget)')
    .argument('[workspace]', 'workspace folder (default: .)')
    .option('-p, --period <period>', 'a month (2026-11), fiscal quarter (FY2026-Q4) or fiscal year (FY2026) (default: the latest month with actuals)')
    .option('-o, --output <file>', 'where to write the workbook (default: reports/opsplan-<period>.xlsx)')
    .option('--lang <lang>', `sheet names and headers: ${LANGS.join(' | ')}`, oneOf('--lang', LANGS), 'en')
    .option('--unit <unit>', `amounts in whole units or 10,000s: ${AMOUNT_UNITS.join(' | ')} (元 / 万元; default: the currency's minor digits)`, oneOf('--unit', AMOUNT_UNITS))
    .option('--as-of <date>', 'judge notices and pick stock snapshots on this date YYYY-MM-DD (default: today)')
    .option('--no-charts', 'leave the charts out of the workbook (Summary and Performance; their data tables stay)')
    // Kept so existing scripts keep working: charts are native now and drawn by the reader with its own fonts.
    .option('--cjk-font <file>', 'ignored (deprecated): native charts are drawn with the reader\'s fonts');
  // --format says what is printed about the written workbook; --output is the workbook.
  addOutputOptions(cmd, FORMATS, { output: false, files: false });
  sharedLoadOptions(cmd);
  cmd.action(async (workspace: string | undefined, flags: ReportFlags) => {
    const [{ format }] = resolveOutputs(ctx, 'report', FORMATS, flags, { files: false }) as [{ format: (typeof FORMATS)[number] }];
    const progress = (msg: string): void => {
      if (ctx.stderr.isTTY === true) ctx.stderr.write(`opsplan report: ${msg}\n`);
    };
    // The workspace and the domain results are only reachable inside prepare(): once the
    // sheets exist they can be collected, so the workbook is written with a small heap.
    const { sheets, report, companyName, month, asOf, target, inputFiles, inputErrors } = prepare(ctx, workspace, flags, progress);
    // No collection before writing: the writer allocates little now (about 0.2 GB at L where
    // it took 1.2 GB), so V8's own collection during the writing, mostly concurrent, keeps the
    // peak where a forced one did (1.16-1.17 GB RSS at L either way) without 0.4-0.6 s of
    // marking on this thread.
    progress('writing the workbook');
    const { XlsxLimitError, documentDate, writeXlsx } = await import('../../render/xlsx.js');
    ensureDir(path.dirname(target));
    // The workbook goes to its (temp) file part by part as it is generated: it never exists
    // whole in memory, and an unwritable target fails before the sheets are generated.
    const written = await writeFileAtomicStreaming(target, inputFiles, (write) =>
      writeXlsx(
        sheets,
        {
          digits: report.digits,
          currency: report.currency,
          date: documentDate(asOf, ctx.env.SOURCE_DATE_EPOCH),
          creator: `opsplan ${ctx.version}`,
          amountsIn: text('amountsIn', flags.lang),
          amountsLine: amountsLine(report.currency, flags.unit, flags.lang),
          sheetLine: reportSheetLine(companyName, month, asOf, flags.lang),
          ...(flags.unit ? { unit: flags.unit } : {}),
          toneSuffix: text('toneSuffix', flags.lang),
          pageOf: text('pageOf', flags.lang),
          headerLeft: companyName,
          lang: flags.lang === 'zh-CN' ? 'zh-CN' : 'en-US',
        },
        write,
      ),
    ).catch((e: unknown) => {
      // Too many rows for one sheet is a property of the input, not a bug: exit 2 with the reason.
      if (e instanceof XlsxLimitError) throw usageError(`${e.message}; nothing was written`);
      throw e;
    });
    const { size, summary } = written;

    const shown = path.relative(ctx.cwd, target) || target;
    if (format === 'json') {
      const doc = {
        version: 1,
        kind: 'report',
        currency: report.currency,
        period: month,
        asOf,
        lang: flags.lang,
        unit: flags.unit ?? null,
        file: shown,
        bytes: size,
        streaming: summary.streaming,
        sheets: summary.sheets,
        flags: report.flags,
      };
      ctx.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
    } else {
      ctx.stdout.write(`wrote ${shown} (${summary.sheets.length} sheets, ${size} bytes)\n`);
      for (const s of summary.sheets) ctx.stdout.write(`  ${s.name}: ${s.rows} rows${s.charts ? `, ${s.charts} chart${s.charts === 1 ? '' : 's'}` : ''}\n`);
    }
    if (inputErrors) setExit(1);
  });
}

interface Prepared {
  sheets: SheetSpec[];
  report: { currency: string; digits: number; flags: Record<string, number> };
  companyName: string;
  month: string;
  asOf: string;
  target: string;
  inputFiles: string[];
  inputErrors: boolean;
}

interface Computed {
  input: Omit<MonthlyReportInput, 'lang'>;
  month: string;
  asOf: string;
  target: string;
  inputFiles: string[];
  inputErrors: boolean;
}

/**
 * Loads the workspace and runs every domain computation of the report. Only the results
 * leave this function: the loaded documents (the largest part of the heap on a big
 * workspace) can be collected while the sheets are built.
 */
function compute(ctx: CliContext, workspace: string | undefined, flags: ReportFlags, progress: (msg: string) => void): Computed {
  const requested = flags.period === undefined ? null : parsePeriodOption(flags.period, ['month', 'quarter', 'year']);
  const asOf = resolveAsOf(flags.asOf, ctx.now);
  progress('loading the workspace');
  const load = loadForCommand(ctx, workspace === undefined ? [] : [workspace], flags, { keepSources: false });
  const inputErrors = reportLoadProblems(ctx, load);
  // Loading leaves its garbage behind (every file's bytes twice, the parse results sent by
  // the worker): collected here, the computations start from the 0.3 GB the workspace is at L
  // instead of growing the heap on top of 0.6 GB (see release-memory.ts).
  releaseMemory();
  const ws = load.result.workspace;
  const company = requireCompany(load);
  const period = requested ?? latestActualsMonth(ws, load.displayRoot);
  requirePeriodWithData(ws, company, period, load.displayRoot);
  requirePeriodDue(ws, company, period, asOf);
  const month = period.id;
  // The last month of the period: the trend, the year to date and the forecast run through it.
  const through = periodMonths(period, company.fiscalYearStartMonth).at(-1)!;
  const target = resolveOutputPath(ctx, flags.output ?? path.join('reports', `opsplan-${month}.xlsx`));

  progress('computing variance, stock and the plan');
  const start = company.fiscalYearStartMonth;
  const fy = fiscalYearOf(through, start);
  const months = fiscalMonths(fy, start);
  const yearPeriod = parsePeriod(`FY${fy}`) as Extract<Period, { kind: 'year' }>;
  // One memo for this workspace: the year's budget rows and variance lines are computed once
  // and shared by the dozen computations below.
  const memo = createMemo();
  // The procurement plan takes MRP's buy orders for the skus it plans (none without a production warehouse).
  const mrp = planMaterialsForStock(load, company, asOf);
  const varianceYtd = computeVariance(ws, { period, ytd: true, asOf }, memo);
  const variance = computeVariance(ws, { period, ytd: false, asOf }, memo);
  const variancePrevious = computeVariance(ws, { period: previousPeriod(period), ytd: false, asOf }, memo);
  const forecast = computeLandingForecast(ws, varianceYtd, memo);
  const varianceByMonth = months.filter((m) => m <= through).map((m) => computeVarianceTotals(ws, { period: parsePeriod(m)!, ytd: false, asOf }, memo));
  const stock = workbookStock(computeStock(ws, { asOf, mrp }));
  // No collection here any more: since a month's summary makes only its notice lines, variance
  // and stock leave little garbage (a collection here freed 68 MB of 714 MB at L for 0.4 s of
  // marking); without it the run peaks at 1.35 GB RSS instead of 1.30 GB.
  return {
    input: {
      companyName: company.name,
      departmentNames: Object.fromEntries(company.departments.map((d) => [d.id, d.name])),
      currency: company.currency,
      digits: company.currencyDigits,
      period: month,
      asOf,
      variance,
      varianceYtd,
      variancePrevious,
      forecast,
      varianceByMonth,
      stock,
      // The chapters cover every month of the period (a quarter or a year too), as their commands do.
      chapter: { ...chapterResults(ws, company, { months: periodMonths(period, start), asOf, leftOut: load.result.rejected }), ...customerResults(load, ws, period, asOf), ...productionResults(ws, period, asOf, mrp) },
      consolidation: periodIsKnown(ws, yearPeriod) ? computeConsolidation(ws, { period: yearPeriod, requireApproved: false }, memo) : null,
      kpi: computeKpiForPeriod(ws, period, asOf, load.result.rejected),
      budgetRows: computeBudgetRows(ws, fy, undefined, memo),
      fiscalMonths: months,
      diagnostics: load.diagnostics,
      files: ws.files,
      version: ctx.version,
      commandLine: ['opsplan', ...ctx.argv].map((a) => (/^[\w./=:@-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' '),
      workspace: load.displayRoot,
    },
    month,
    asOf,
    target,
    inputFiles: load.inputFiles,
    inputErrors,
  };
}

/** Computes every part of the report and arranges the sheets with their charts. */
function prepare(ctx: CliContext, workspace: string | undefined, flags: ReportFlags, progress: (msg: string) => void): Prepared {
  const { input, month, asOf, target, inputFiles, inputErrors } = compute(ctx, workspace, flags, progress);
  // The workspace is unreachable now: collect it before the sheets are built (see release-memory.ts).
  releaseMemory();
  const report = buildMonthlyReport({ ...input, lang: flags.lang, ...(flags.unit ? { unit: flags.unit } : {}) });
  const sheets: SheetSpec[] = report.sheets.map((s) => ({
    name: s.name,
    ...(s.title ? { title: s.title } : {}),
    ...(s.headline ? { headline: s.headline } : {}),
    tables: s.tables,
    ...(flags.charts && s.charts?.length ? { charts: s.charts } : {}),
  }));
  return { sheets, report: { currency: report.currency, digits: report.digits, flags: report.flags }, companyName: input.companyName, month, asOf, target, inputFiles, inputErrors };
}

/** Production of the period and the material plan, when the workspace plans production (else no sheets). */
function productionResults(ws: Workspace, period: Period, asOf: string, mrp: MrpResult | undefined): Pick<ChapterResults, 'production' | 'materialPlan'> {
  const planned = ws.productionPlans.length > 0;
  return {
    production: planned || ws.productionReports.length > 0 ? computeProduction(ws, period.id, asOf) : null,
    materialPlan: planned && mrp ? mrp : null,
  };
}

/** The customer-service and key-account results of the month, when the workspace has their files. */
function customerResults(load: CommandLoad, ws: Workspace, period: Period, asOf: string): Pick<ChapterResults, 'service' | 'accounts'> {
  const hasLogs = ws.serviceLogs.length > 0 || load.result.rejected.some((r) => r.kind === 'service-log');
  if (!hasLogs && ws.accountPlans.length === 0) return { service: null, accounts: null };
  const input = serviceInputOf(load, ws);
  return {
    service: hasLogs ? workbookService(computeService(input, period, asOf)) : null,
    accounts: ws.accountPlans.length > 0 ? computeAccounts(ws.accountPlans, input, asOf) : null,
  };
}
