// The monthly operations report: the results of variance, stock and consolidate, already
// computed by their domain functions, arranged as workbook sheets. Tables come from the
// other commands' report builders (picked by table id), so the workbook shows the very
// cells the terminal shows; this module only arranges, counts and labels.
import type { AccountsResult } from '../domain/accounts.js';
import type { BudgetRow } from '../domain/budget.js';
import type { Consolidation } from '../domain/consolidate.js';
import type { EquipmentResult } from '../domain/equipment.js';
import type { LandingForecast, LandingRow } from '../domain/forecast.js';
import type { KpiResult } from '../domain/kpi.js';
import type { MrpResult } from '../domain/mrp/types.js';
import type { ProductionResult } from '../domain/production.js';
import type { QualityResult } from '../domain/quality.js';
import type { SafetyResult } from '../domain/safety.js';
import type { ServiceResult } from '../domain/service.js';
import type { StockResult } from '../domain/stock.js';
import { procurementPlanValue } from '../domain/stock.js';
import type { SupplierResult } from '../domain/suppliers.js';
import type { VarianceResult, VarianceSubtotal } from '../domain/variance.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { CATEGORIES } from '../model/documents.js';
import type { Cents } from '../model/money.js';
import type { MonthId } from '../model/period.js';
import type { Workspace } from '../model/workspace.js';
import { buildConsolidationReport } from './consolidate.js';
import { buildEquipmentReport } from './equipment.js';
import { kpiCommendationTable, kpiGoalsTable, kpiIndicatorsTable, kpiRankingTable, kpiRectificationTable } from './kpi.js';
import { amountsLine, amountUnitLabel, cellText, sheetName, text, tr, translateTable } from './i18n.js';
import type { Lang } from './i18n.js';
import type { AmountUnit, Cell, CellRef, Chart, Formula, Report, Row, Table, Tone } from './model.js';
import { buildAccountsReport } from './accounts.js';
import { materialPlanSheet, productionSheet } from './production-sheets.js';
import { buildServiceReport, isBreachedOrRunning } from './service.js';
import { buildQualityReport } from './quality.js';
import { buildSafetyReport } from './safety.js';
import { buildStockReport } from './stock.js';
import { buildSupplierReport } from './suppliers.js';
import { buildVarianceReport, previousPeriodTable, varianceLinesTable } from './variance.js';
import { countOf, linkedRows, sumOfRows, withForecastFormulas, withSubtotalSums, withVarianceFormulas, yearSumFormula } from './workbook-formulas.js';

/** A native chart of a sheet (its data is a table of the same sheet). */
export type ChartData = Chart;

/** One sheet of the workbook. */
export interface ReportSheet {
  id: string;
  name: string;
  title?: string;
  headline?: Report['headline'];
  tables: Table[];
  charts?: Chart[];
}

/**
 * The chapters' results of the month: quality, equipment, safety, suppliers, and customer
 * service and key accounts (null when the workspace keeps no service logs / account plans: no sheet).
 */
export interface ChapterResults {
  quality: QualityResult;
  equipment: EquipmentResult;
  safety: SafetyResult;
  suppliers: SupplierResult;
  /** computeService of the month. */
  service: ServiceResult | null;
  /** computeAccounts as of the as-of date. */
  accounts: AccountsResult | null;
  /** computeProduction of the period (null or absent when the workspace has no production plans or reports: no sheet). */
  production?: ProductionResult | null;
  /** computeMrp as of the as-of date, the plan `stock` uses (null or absent without production plans: no sheet). */
  materialPlan?: MrpResult | null;
}

/** Everything the report is made of, each computed once by its own domain function. */
export interface MonthlyReportInput {
  lang: Lang;
  companyName: string;
  currency: string;
  digits: number;
  /** The period id: `2026-11`, `FY2026-Q4` or `FY2026`. */
  period: string;
  asOf: string;
  /** computeVariance for the month. */
  variance: VarianceResult;
  /** computeVariance for the fiscal year to date through the month. */
  varianceYtd: VarianceResult;
  /** computeVariance for the period before (month, quarter or fiscal year), for comparison. */
  variancePrevious: VarianceResult;
  /** computeLandingForecast from varianceYtd: where the fiscal year will land. */
  forecast: LandingForecast;
  /** computeVarianceTotals for each fiscal month through the period, for the trend chart. */
  varianceByMonth: { months: MonthId[]; totals: VarianceSubtotal[] }[];
  /** computeStock as of the as-of date. */
  stock: StockResult;
  /** computeConsolidation of the fiscal year (null when the year has no plan or budget). */
  consolidation: Consolidation | null;
  /** computeKpi of the month (null when its fiscal year has no kpi-scheme). */
  kpi?: KpiResult | null;
  /** computeBudgetRows of the fiscal year. */
  budgetRows: BudgetRow[];
  fiscalMonths: MonthId[];
  /** The chapters' figures of the month (sheets left out when absent). */
  chapter?: ChapterResults;
  /** The loader's findings. */
  diagnostics: Diagnostic[];
  files: Workspace['files'];
  version: string;
  commandLine: string;
  workspace: string;
  /** The unit of amounts (`--unit`); absent: the currency's minor digits. */
  unit?: AmountUnit;
  /** Department names by id (company file), for chart axes. */
  departmentNames?: Record<string, string>;
}

/** The workbook's sheets plus counts for the JSON summary. */
export interface MonthlyReport {
  currency: string;
  digits: number;
  sheets: ReportSheet[];
  flags: Record<string, number>;
}

function pick(report: Report, ...ids: string[]): Table[] {
  return ids.flatMap((id) => report.tables.filter((t) => t.id === id));
}

/** The variance lines table with the notice id of each line beside its flags. */
function withNotices(table: Table, r: VarianceResult, noticeHeader: string): Table {
  const byLine = new Map<string, string>();
  // Notices are per period: only the notice of this period names a line of this period.
  for (const n of r.notices) if (n.periodId === r.period.id) for (const l of n.lines) byLine.set(`${n.department}\u0000${l.account}`, n.id);
  return {
    ...table,
    columns: [...table.columns, { key: 'notice', header: noticeHeader, type: 'text' }],
    rows: table.rows.map((row, i) => {
      const line = r.lines[i]!;
      return { ...row, cells: { ...row.cells, notice: byLine.get(`${line.department}\u0000${line.account}`) ?? null } };
    }),
  };
}

/**
 * Row `at` of table `table`: `cells` plus one cell per fiscal month and the year's sum, the
 * year written as the SUM of the months (when they add up to it).
 */
function monthsRow(table: string, at: number, cells: Row['cells'], monthKeys: readonly string[], series: readonly Cents[], kind: Row['kind']): Row {
  let year = 0;
  for (const v of series) year += v;
  monthKeys.forEach((k, i) => (cells[k] = series[i] ?? 0));
  cells.year = year;
  const row: Row = { cells, kind };
  const sum = yearSumFormula(table, at, cells, monthKeys);
  if (sum) row.formulas = { year: sum };
  return row;
}

const BUDGET_BY_MONTH = 'budget-by-month';
const BUDGET_BY_CATEGORY = 'budget-by-category';

function budgetTable(rows: readonly BudgetRow[], months: readonly MonthId[]): Table {
  const monthKeys = months.map((_, i) => `m${String(i + 1).padStart(2, '0')}`);
  const out: Row[] = [];
  for (const r of rows) {
    for (const measure of ['original', 'adjustments', 'revised'] as const) {
      const series = r[measure];
      if (measure === 'adjustments' && series.every((v) => v === 0)) continue;
      const cells: Row['cells'] = { department: r.department, account: r.account, name: r.name, category: r.category, measure };
      const row = monthsRow(BUDGET_BY_MONTH, out.length, cells, monthKeys, series, 'detail');
      if (measure === 'revised' && r.adjustments.some((v) => v !== 0)) row.tones = { measure: 'warn' };
      out.push(row);
    }
  }
  return {
    id: BUDGET_BY_MONTH,
    title: 'Budget by department, account and month',
    caption: 'original (approved budgets), adjustments (approved only), revised = original + adjustments; adjustments rows only where there are any',
    columns: [
      { key: 'department', header: 'Department', type: 'text' },
      { key: 'account', header: 'Account', type: 'text' },
      { key: 'name', header: 'Name', type: 'text' },
      { key: 'category', header: 'Category', type: 'text' },
      { key: 'measure', header: 'Measure', type: 'text' },
      ...months.map((m, i) => ({ key: monthKeys[i]!, header: m, type: 'money' as const })),
      { key: 'year', header: 'Year', type: 'money' },
    ],
    rows: out,
  };
}

/**
 * Revised budget per category and department, each category closed by its company total.
 * The totals are the exact sums of the department rows above them, so the workbook writes
 * them as live SUM formulas. Categories are never added together.
 */
function budgetByCategoryTable(rows: readonly BudgetRow[], months: readonly MonthId[]): Table {
  const monthKeys = months.map((_, i) => `m${String(i + 1).padStart(2, '0')}`);
  const out: Row[] = [];
  for (const category of CATEGORIES) {
    const byDept = new Map<string, Cents[]>();
    for (const r of rows) {
      if (r.category !== category) continue;
      const acc = byDept.get(r.department) ?? new Array<Cents>(12).fill(0);
      r.revised.forEach((v, i) => (acc[i]! += v));
      byDept.set(r.department, acc);
    }
    if (byDept.size === 0) continue;
    const total = new Array<Cents>(12).fill(0);
    for (const [department, series] of [...byDept].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
      series.forEach((v, i) => (total[i]! += v));
      out.push(monthsRow(BUDGET_BY_CATEGORY, out.length, { category, department }, monthKeys, series, 'detail'));
    }
    out.push(monthsRow(BUDGET_BY_CATEGORY, out.length, { category, department: 'company' }, monthKeys, total, 'total'));
  }
  return {
    id: BUDGET_BY_CATEGORY,
    title: 'Revised budget by category and department',
    caption: 'revised = original + approved adjustments; each category closes with its company total',
    columns: [
      { key: 'category', header: 'Category', type: 'text' },
      { key: 'department', header: 'Department', type: 'text' },
      ...months.map((m, i) => ({ key: monthKeys[i]!, header: m, type: 'money' as const })),
      { key: 'year', header: 'Year', type: 'money' },
    ],
    rows: out,
  };
}

function findingsTable(diagnostics: readonly Diagnostic[]): Table {
  return {
    id: 'findings',
    title: 'Validation findings',
    caption: 'from loading the workspace; files with errors are left out of every figure',
    columns: [
      { key: 'severity', header: 'Severity', type: 'text' },
      { key: 'code', header: 'Code', type: 'text' },
      { key: 'file', header: 'File', type: 'text' },
      { key: 'line', header: 'Line', type: 'number' },
      { key: 'message', header: 'Message', type: 'text' },
    ],
    rows: diagnostics.map((d) => ({
      cells: { severity: d.severity, code: d.code, file: d.file, line: d.line > 0 ? d.line : null, message: d.message },
      tones: { severity: d.severity === 'error' ? 'critical' : 'warn' },
    })),
  };
}

/**
 * The full-year outlook: per department and category, then each category's company total.
 * Landing = actuals of the filed months + revised budget of the rest; run rate = actuals to
 * date / months filed x 12; the level marks a projected overrun beyond the thresholds.
 */
function forecastTable(f: LandingForecast): Table {
  const row = (l: LandingRow, kind: Row['kind']): Row => {
    const tones: NonNullable<Row['tones']> = {};
    if (l.level) tones.level = tones.runRateVariance = l.level;
    return {
      kind,
      cells: {
        department: l.department ?? 'company',
        category: l.category,
        yearBudget: l.yearBudget,
        actualToDate: l.actualToDate,
        monthsFiled: l.monthsFiled,
        landing: l.landing,
        landingVariance: l.landingVariance,
        runRate: l.runRate,
        runRateVariance: l.runRateVariance,
        runRateVariancePct: l.runRateVariancePct,
        level: l.level ?? '',
      },
      tones,
    };
  };
  return {
    id: 'variance-forecast',
    title: `Full-year landing forecast FY${f.fiscalYear}`,
    caption: `as of ${f.through}: landing = actuals of filed months + revised budget of unfiled and future months; run rate = actuals to date / months filed x 12`,
    columns: [
      { key: 'department', header: 'Department', type: 'text' },
      { key: 'category', header: 'Category', type: 'text' },
      { key: 'yearBudget', header: 'Year budget', type: 'money' },
      { key: 'actualToDate', header: 'Actual to date', type: 'money' },
      { key: 'monthsFiled', header: 'Months filed', type: 'number' },
      { key: 'landing', header: 'Landing', type: 'money' },
      { key: 'landingVariance', header: 'Landing variance', type: 'money' },
      { key: 'runRate', header: 'Run rate', type: 'money' },
      { key: 'runRateVariance', header: 'Run-rate variance', type: 'money' },
      { key: 'runRateVariancePct', header: 'Var %', type: 'percent' },
      { key: 'level', header: 'Level', type: 'text' },
    ],
    rows: [...f.rows.map((l) => row(l, 'detail')), ...f.totals.map((l) => row(l, 'total'))],
  };
}

/** Whole days from `from` to `to` (YYYY-MM-DD), negative when `to` is earlier. */
function daysBetween(from: string, to: string): number {
  const utc = (d: string): number => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

/**
 * The notices as the committee works them: the amount at stake (the unfavourable variance of
 * the notice's lines), days overdue or left as of the as-of date, and the answer's cause,
 * measures, owner and measures due date (not its file path).
 */
function noticesTable(r: VarianceResult): Table {
  return {
    id: 'variance-notices',
    title: 'Warning notices',
    caption: `fiscal year FY${r.fiscalYear} through ${r.to}, status as of ${r.asOf}`,
    columns: [
      { key: 'id', header: 'Notice', type: 'text' },
      { key: 'department', header: 'Department', type: 'text' },
      { key: 'lines', header: 'Lines', type: 'text' },
      { key: 'amount', header: 'Amount', type: 'money' },
      { key: 'due', header: 'Due', type: 'date' },
      { key: 'days', header: 'Days overdue (-) / left', type: 'number' },
      { key: 'status', header: 'Status', type: 'text' },
      { key: 'cause', header: 'Cause', type: 'text' },
      { key: 'measures', header: 'Measures', type: 'text' },
      { key: 'owner', header: 'Owner', type: 'text' },
      { key: 'measuresDue', header: 'Measures due', type: 'date' },
    ],
    rows: r.notices.map((n) => {
      const days = n.status === 'answered' ? null : daysBetween(r.asOf, n.due);
      return {
        cells: {
          id: n.id,
          department: n.department,
          lines: n.lines.map((l) => `${l.account} ${l.level ?? l.flags.filter((f) => f === 'unbudgeted').join('')}`).join(', '),
          amount: n.lines.reduce((s, l) => s + (l.variance === null ? 0 : Math.abs(l.variance)), 0),
          due: n.due,
          days,
          status: n.status,
          cause: n.response?.cause ?? null,
          measures: n.response?.measures ?? null,
          owner: n.response?.owner ?? null,
          measuresDue: n.response?.measuresDue ?? null,
        },
        tones: (n.status === 'overdue' ? { status: 'critical', days: 'critical', id: 'critical' } : { status: n.status === 'open' ? 'warn' : 'favourable' }) as Record<string, Tone>,
      };
    }),
  };
}

/** Counts of every kind of warning, for the Summary sheet and the JSON summary. */
export function countFlags(input: Pick<MonthlyReportInput, 'variance' | 'stock' | 'diagnostics'>): Record<string, number> {
  const flags: Record<string, number> = {};
  const add = (k: string, n = 1): void => {
    flags[k] = (flags[k] ?? 0) + n;
  };
  for (const l of input.variance.lines) {
    if (l.level) add(`variance.${l.level}`);
    for (const f of l.flags) add(`variance.${f}`);
  }
  add('variance.missing-actuals', 0);
  for (const n of input.variance.notices) add(`notices.${n.status}`);
  for (const it of input.stock.items) for (const a of it.alerts) add(`stock.${a.code}`);
  for (const w of input.stock.warehouses) for (const f of w.findings) add(`stock.${f.code}`);
  for (const d of input.diagnostics) add(`findings.${d.severity}`);
  return Object.fromEntries(Object.entries(flags).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** What a count of the Summary counts, in words (the code stays beside it for filters and scripts). */
const FLAG_MEANINGS: Record<string, string> = {
  'variance.critical': 'Budget lines at the critical level',
  'variance.warn': 'Budget lines at the warn level',
  'variance.unbudgeted': 'Lines with actuals but no budget',
  'variance.missing-actuals': 'Lines of departments that have not filed actuals',
  'variance.no-approved-budget': 'Lines of departments without an approved budget',
  'notices.open': 'Warning notices awaiting an answer',
  'notices.answered': 'Warning notices answered',
  'notices.overdue': 'Warning notices overdue',
  'findings.error': 'Input errors (files left out)',
  'findings.warning': 'Input warnings',
};

function flagMeaning(kind: string): string {
  const known = FLAG_MEANINGS[kind];
  if (known) return known;
  // Stock codes: one per item alert, or per warehouse for snapshot findings.
  if (kind.startsWith('stock.')) return `Stock items: ${kind.slice('stock.'.length)}`;
  return kind;
}

/** The Performance sheet: the ranking, each department's card, goals, rectification and commendation (tables of `opsplan kpi`). */
function performanceTables(r: KpiResult): Table[] {
  return [kpiRankingTable(r), ...r.departments.map((d) => kpiIndicatorsTable(r, d)), kpiGoalsTable(r), kpiRectificationTable(r), kpiCommendationTable(r)];
}

/**
 * The Performance sheet's title and its chart of scores by department, drawn from a small
 * table whose Score cells link to the Ranking's (correcting a score there moves the chart).
 */
function performanceExtras(r: KpiResult, lang: Lang): Partial<ReportSheet> & { chartTable: Table } {
  const ranking = kpiRankingTable(r);
  const rows: Row[] = r.departments.filter((d) => d.score !== null).map((d) => {
    const at = ranking.rows.findIndex((x) => x.cells.department === d.department);
    const ref: CellRef = { table: ranking.id, row: at, column: 'score' };
    return { cells: { department: d.department, name: departmentLabel(d.department, { [d.department]: d.name }), score: d.score }, ...(at >= 0 && ranking.rows[at]!.cells.score === d.score ? { formulas: { score: { op: 'ref' as const, ref } } } : {}) };
  });
  const table: Table = {
    id: 'chart-kpi-scores',
    title: 'Chart data: KPI and GS score by department',
    caption: 'departments with a score; each Score links to the Ranking',
    columns: [
      { key: 'department', header: 'Department', type: 'text' },
      { key: 'name', header: 'Name', type: 'text' },
      { key: 'score', header: 'Score', type: 'number' },
    ],
    rows,
  };
  const chart: Chart = { id: 'kpi-scores', type: 'bar', title: `${text('chart.kpi-scores', lang)} ${r.period.id}`, axes: { x: text('axis.department', lang), y: text('axis.score', lang) }, table: table.id, category: 'name', series: ['score'], colors: ['4E79A7'] };
  return { title: `${text('performance.title', lang)} ${r.period.id}`, charts: [chart], chartTable: table };
}

/**
 * The Quality, Equipment, Safety and Suppliers sheets: the tables the commands print, with
 * their numeric headline figures (text headlines stay in the terminal). Left out when the
 * input has no production chapter.
 */
function chapterBuilder(id: string, name: string, build: (c: ChapterResults, input: MonthlyReportInput) => Report): SheetBuilder {
  return {
    id,
    name,
    when: (c) => c.input.chapter !== undefined,
    build: ({ input }) => {
      const r = build(input.chapter!, input);
      return { tables: r.tables, headline: (r.headline ?? []).filter((h) => h.type !== 'text') };
    },
  };
}

/** What every sheet builder gets: the input, and the report tables several sheets share (built once). */
export interface SheetContext {
  input: MonthlyReportInput;
  lang: Lang;
  varianceReport: Report;
  ytdReport: Report;
  stockReport: Report;
  planReport: Report | null;
  flags: Record<string, number>;
  /**
   * Tables several sheets read, built once: the period's variance lines (Summary, its counts
   * and the Variance sheet; at L 60,000 rows, built eight times before), the year-to-date
   * lines and the notices.
   */
  shared: { lines: Table; ytdLines: Table; notices: Table };
}

/**
 * One sheet of the workbook. `name` is the English tab name (the zh-CN one comes from the
 * sheet names of i18n.ts, else from the catalogue); `build` returns the sheet's tables in
 * English (they are translated afterwards) and optionally a title, headline and charts.
 */
export interface SheetBuilder {
  id: string;
  name: string;
  /** Whether the sheet is in this workbook (default: always). */
  when?: (c: SheetContext) => boolean;
  build: (c: SheetContext) => Omit<ReportSheet, 'id' | 'name'>;
}

function summaryTables(c: SheetContext): Table[] {
  const { input, varianceReport, ytdReport, flags } = c;
  const totalsOnly = (tb: Table, id: string, title: string): Table => ({ ...tb, id, title, rows: tb.rows.filter((r) => r.kind === 'total').map((r) => ({ ...r, kind: 'detail' as const })) });
  const warningsTable: Table = {
    id: 'summary-warnings',
    title: 'Warnings by kind',
    columns: [
      { key: 'meaning', header: 'Meaning', type: 'text' },
      { key: 'count', header: 'Count', type: 'number' },
      { key: 'code', header: 'Code', type: 'text' },
    ],
    rows: Object.entries(flags).map(([kind, count]) => {
      const formula = warningCountFormula(c, kind, count);
      return { cells: { meaning: flagMeaning(kind), count, code: kind }, ...(formula ? { formulas: { count: formula } } : {}) };
    }),
  };
  // The ten largest unfavourable lines of the period, whatever their level.
  const worst = input.variance.lines.filter((l) => l.favourable === false && l.variance !== null).sort((a, b) => Math.abs(b.variance!) - Math.abs(a.variance!) || (a.department < b.department ? -1 : a.department > b.department ? 1 : 0)).slice(0, 10);
  const lines = c.shared.lines;
  const topRows = lines.rows.map((_, i) => i).filter((i) => worst.includes(input.variance.lines[i]!)).sort((a, b) => Math.abs(lines.rows[b]!.cells.variance as number) - Math.abs(lines.rows[a]!.cells.variance as number));
  const topTable: Table = {
    ...lines,
    id: 'summary-top-unfavourable',
    title: 'Largest unfavourable lines',
    caption: `${input.period}: the ten largest unfavourable variances`,
    rows: topRows.map((i) => lines.rows[i]!),
  };
  // Summary figures link to the cells they summarise: the lines and subtotals of the Variance
  // sheet; the year-to-date totals add up the Variance sheet's year-to-date lines.
  const monthSubtotals = pick(varianceReport, 'variance-subtotals');
  const totalRows = (tb: Table): number[] => tb.rows.flatMap((r, i) => (r.kind === 'total' ? [i] : []));
  const ytdLines = { ...c.shared.ytdLines, id: 'variance-ytd' };
  return [
    warningsTable,
    linkedRows(topTable, { ...lines, id: 'variance' }, topRows),
    ...monthSubtotals.map((tb) => linkedRows(totalsOnly(tb, 'summary-month-totals', `${input.period}: company totals by category`), tb, totalRows(tb))),
    ...pick(ytdReport, 'variance-subtotals').map((tb) => withVarianceFormulas(withSubtotalSums(totalsOnly(tb, 'summary-ytd-totals', `FY${input.varianceYtd.fiscalYear} to date: company totals by category`), ytdLines))),
  ];
}

function summaryHeadline(c: SheetContext): NonNullable<Report['headline']> {
  const { input } = c;
  const open = input.variance.notices.filter((n) => n.status === 'open').length;
  const headline: NonNullable<Report['headline']> = [
    { label: 'Company', value: input.companyName, type: 'text' },
    { label: 'Period', value: input.period, type: 'text' },
    { label: 'As of', value: input.asOf, type: 'date' },
    ...(c.varianceReport.headline ?? []),
    { label: 'Open notices', value: open, type: 'number', ...(open > 0 ? { tone: 'warn' as const } : {}) },
    { label: 'Missing actuals', value: input.variance.missingActuals.length, type: 'number', ...(input.variance.missingActuals.length > 0 ? { tone: 'warn' as const } : {}) },
    { label: 'Stock alerts critical', value: input.stock.counts.critical, type: 'number', ...(input.stock.counts.critical > 0 ? { tone: 'critical' as const } : {}) },
    { label: 'Stock alerts warn', value: input.stock.counts.warn, type: 'number', ...(input.stock.counts.warn > 0 ? { tone: 'warn' as const } : {}) },
    { label: 'Procurement plan value', value: procurementPlanValue(input.stock.procurementPlan), type: 'money' },
  ];
  const formulas = headlineFormulas(c);
  return headline.map((h) => {
    const formula = formulas[h.label]?.(h.value);
    return { ...h, label: tr(h.label, c.lang), ...(formula ? { formula } : {}) };
  });
}

/**
 * The Summary's counts as formulas over the cells they count (by English label): level and
 * flag counts over the Variance lines, notice statuses over the Notices sheet, missing actuals
 * as the rows of their table, stock severities over the Stock Alerts, the procurement plan
 * value as the SUM of the plan's lines. Each is attached only where the cells give exactly the
 * figure; the criteria are the texts as the workbook writes them (translated).
 */
function headlineFormulas(c: SheetContext): Record<string, (value: Cell) => Formula | undefined> {
  const { lines, notices } = c.shared;
  const [missing] = pick(c.varianceReport, 'variance-missing-actuals');
  const [alerts] = pick(c.stockReport, 'stock-alerts');
  const [plan] = pick(c.stockReport, 'stock-procurement');
  const shown = (t: Table, key: string, v: string): Cell => cellText(t.id, key, v, c.lang);
  const level = (v: string) => (value: Cell) => countOf(lines, 'level', v, value, shown(lines, 'level', v));
  const status = (v: string) => (value: Cell) => countOf(notices, 'status', v, value, shown(notices, 'status', v));
  const severity = (v: string) => (value: Cell) => (alerts ? countOf(alerts, 'severity', v, value, shown(alerts, 'severity', v)) : undefined);
  const planLines = plan ? plan.rows.flatMap((r, i) => ((r.kind ?? 'detail') === 'detail' ? [i] : [])) : [];
  return {
    'Critical lines': level('critical'),
    'Warn lines': level('warn'),
    'Unbudgeted lines': (value) => countOf(lines, 'flags', 'unbudgeted', value, shown(lines, 'flags', 'unbudgeted'), true),
    'Overdue notices': status('overdue'),
    'Open notices': status('open'),
    'Missing actuals': (value) => (missing && value === missing.rows.length && value > 0 ? { op: 'rows', table: missing.id, column: 'department' } : undefined),
    'Stock alerts critical': severity('critical'),
    'Stock alerts warn': severity('warn'),
    'Procurement plan value': (value) => (plan ? sumOfRows(plan, planLines, 'value', value) : undefined),
  };
}

/**
 * A "Warnings by kind" count as a COUNTIF over the column it counts, like the headline counts:
 * variance levels over the Variance lines' Level, variance flags over their Flags (the flag
 * among others), notice statuses over the Notices' Status, stock alert codes over the Stock
 * Alerts' Alert, finding severities over the Findings' Severity. Attached only where those
 * cells give exactly the count (countOf); a warehouse finding counted elsewhere stays a value.
 */
function warningCountFormula(c: SheetContext, kind: string, count: number): Formula | undefined {
  const dot = kind.indexOf('.');
  const [group, code] = [kind.slice(0, dot), kind.slice(dot + 1)];
  const by = (t: Table | undefined, key: string, contains = false): Formula | undefined => (t ? countOf(t, key, code, count, cellText(t.id, key, code, c.lang), contains) : undefined);
  if (group === 'variance') {
    const { lines } = c.shared;
    return code === 'critical' || code === 'warn' ? by(lines, 'level') : by(lines, 'flags', true);
  }
  if (group === 'notices') return by(c.shared.notices, 'status');
  if (group === 'stock') return by(pick(c.stockReport, 'stock-alerts')[0], 'alert');
  if (group === 'findings') return by(findingsTable(c.input.diagnostics), 'severity');
  return undefined;
}

/** An axis title with its unit: "Variance (CNY)", 偏差（CNY）. */
function withUnit(label: string, unit: string, lang: Lang): string {
  return lang === 'zh-CN' ? `${label}（${unit}）` : `${label} (${unit})`;
}

/** The Summary's title names what is reported: a month, a fiscal quarter (FY2026-Q4) or a fiscal year (FY2026). */
function summaryTitleKey(period: string): string {
  if (/^FY\d{4}-Q[1-4]$/.test(period)) return 'summary.title.quarter';
  if (/^FY\d{4}$/.test(period)) return 'summary.title.year';
  return 'summary.title';
}

/**
 * The line under every sheet's title that lets a sheet read alone (printed, or copied out of
 * the workbook): company, report and period, as-of date. "Acme Co. | Monthly operations report
 * 2026-11 | as of 2026-11-30"; the writer adds the amounts line (the currency) after it.
 */
export function reportSheetLine(companyName: string, period: string, asOf: string, lang: Lang): string {
  return `${companyName} | ${text(summaryTitleKey(period), lang)} ${period} | ${text('sheet.as-of', lang)} ${asOf}`;
}

/** A department on a chart axis and beside its id in the chart's table: its name from the company file, else its id. */
export function departmentLabel(id: string, names: Record<string, string> | undefined): string {
  return names?.[id] || id;
}

/** A chart and the table of its sheet that holds exactly the data it draws. */
interface ChartWithData {
  chart: Chart;
  table: Table;
}

/** The Summary's charts, each with its chart-data table (placed after the Summary's other tables). */
function summaryCharts(c: SheetContext): { charts: Chart[]; tables: Table[] } {
  const parts = [budgetVsActualChart(c), varianceTrendChart(c), stockHealthChart(c)];
  return { charts: parts.map((p) => p.chart), tables: parts.map((p) => p.table) };
}

/** An amount axis title with the currency, or the unit of --unit wan: "Variance (CNY)", 偏差（万元）. */
function moneyAxis(key: string, c: SheetContext): string {
  return withUnit(text(key, c.lang), amountUnitLabel(c.input.currency, c.input.unit, c.lang), c.lang);
}

/**
 * Budget vs actual of cost + expense per department for the period. Each figure is the SUM of
 * the department's cost and expense subtotals on the Variance sheet, so correcting a line there
 * moves this table and the chart; a department that filed neither has an empty Actual (missing,
 * not zero: no bar).
 */
function budgetVsActualChart(c: SheetContext): ChartWithData {
  const { input } = c;
  const spending = new Set(['cost', 'expense']);
  const subtotals = pick(c.varianceReport, 'variance-subtotals')[0];
  const byDept = new Map<string, { budget: Cents; actual: Cents | null; budgetRows: number[]; actualRows: number[] }>();
  input.variance.subtotals.forEach((s, i) => {
    if (s.department === null || !spending.has(s.category)) return;
    const e = byDept.get(s.department) ?? { budget: 0, actual: null, budgetRows: [], actualRows: [] };
    e.budget += s.budget;
    e.budgetRows.push(i);
    if (s.actual !== null) {
      e.actual = (e.actual ?? 0) + s.actual;
      e.actualRows.push(i);
    }
    byDept.set(s.department, e);
  });
  const rows: Row[] = [...byDept].map(([department, v]) => {
    const formulas: Record<string, NonNullable<Row['formulas']>[string]> = {};
    const budget = subtotals && sumOfRows(subtotals, v.budgetRows, 'budget', v.budget);
    const actual = subtotals && sumOfRows(subtotals, v.actualRows, 'actual', v.actual);
    if (budget) formulas.budget = budget;
    if (actual) formulas.actual = actual;
    return { cells: { department, name: departmentLabel(department, input.departmentNames), budget: v.budget, actual: v.actual }, formulas };
  });
  return {
    chart: { id: 'budget-vs-actual', type: 'bar', title: `${text('chart.budget-vs-actual', c.lang)} ${input.period}`, axes: { x: text('axis.department', c.lang), y: moneyAxis('axis.budget-actual', c) }, table: 'chart-budget-vs-actual', category: 'name', series: ['budget', 'actual'], colors: ['9FB6D9', '1F4E9C'] },
    table: {
      id: 'chart-budget-vs-actual',
      title: 'Chart data: budget vs actual by department',
      caption: 'cost + expense of the period, the sums of the Variance subtotals; an empty Actual: not filed (missing, not zero)',
      columns: [
        { key: 'department', header: 'Department', type: 'text' },
        { key: 'name', header: 'Name', type: 'text' },
        { key: 'budget', header: 'Budget', type: 'money' },
        { key: 'actual', header: 'Actual', type: 'money' },
      ],
      rows,
    },
  };
}

/**
 * Variance (actual - budget) per category for each fiscal month through the period, over the
 * filed department-months. A month no department filed is an empty cell: the line breaks
 * there (a gap), it never drops to -budget.
 */
function varianceTrendChart(c: SheetContext): ChartWithData {
  const { input } = c;
  const categories = CATEGORIES.filter((k) => input.varianceByMonth.some((m) => m.totals.some((s) => s.category === k)));
  const rows: Row[] = input.varianceByMonth.map((m) => {
    const cells: Row['cells'] = { month: m.months[0]! };
    for (const k of categories) cells[k] = m.totals.find((s) => s.category === k)?.variance ?? null;
    return { cells };
  });
  return {
    chart: { id: 'variance-trend', type: 'line', title: `${text('chart.variance-trend', c.lang)} FY${input.varianceYtd.fiscalYear}`, axes: { x: text('axis.month', c.lang), y: moneyAxis('axis.variance', c) }, table: 'chart-variance-trend', category: 'month', series: categories, colors: ['59A14F', 'E15759', 'F28E2B', '4E79A7', '76B7B2'] },
    table: {
      id: 'chart-variance-trend',
      title: 'Chart data: variance by month',
      caption: 'actual - budget per category, filed department-months only; an empty cell: nobody filed the month (a gap in the chart)',
      columns: [{ key: 'month', header: 'Month', type: 'text' }, ...categories.map((k) => ({ key: k, header: k, type: 'money' as const }))],
      rows,
    },
  };
}

/** Items per warehouse by stock status (healthy, under, over), stacked. */
function stockHealthChart(c: SheetContext): ChartWithData {
  const { input } = c;
  const statuses = ['healthy', 'under', 'over'] as const;
  return {
    chart: { id: 'stock-health', type: 'stacked-bar', title: `${text('chart.stock-health', c.lang)} ${input.stock.asOf}`, axes: { x: text('axis.warehouse', c.lang), y: text('axis.stock-items', c.lang) }, table: 'chart-stock-health', category: 'warehouse', series: [...statuses], colors: ['63BE7B', 'E06666', 'F6B26B'] },
    table: {
      id: 'chart-stock-health',
      title: 'Chart data: stock health by warehouse',
      caption: 'items of each warehouse by status, as in opsplan stock',
      columns: [{ key: 'warehouse', header: 'Warehouse', type: 'text' }, ...statuses.map((s) => ({ key: s, header: s, type: 'number' as const }))],
      rows: input.stock.health.warehouses.map((h) => ({ cells: { warehouse: h.scope, healthy: h.items.healthy, under: h.items.under, over: h.items.over } })),
    },
  };
}

function aboutTables(input: MonthlyReportInput): Table[] {
  const aboutTable: Table = {
    id: 'about',
    title: 'About this report',
    columns: [
      { key: 'item', header: 'Item', type: 'text' },
      { key: 'value', header: 'Entry', type: 'text' },
    ],
    rows: [
      ['opsplan version', input.version],
      ['Command line', input.commandLine],
      ['Workspace', input.workspace],
      ['Period', input.period],
      ['As of', input.asOf],
      ['Currency', input.currency],
      ['Amount unit', amountsLine(input.currency, input.unit, input.lang)],
      ['Language', input.lang],
      ['Input files', String(input.files.length)],
    ].map(([item, value]) => ({ cells: { item: item!, value: value! } })),
  };
  const filesTable: Table = {
    id: 'input-files',
    title: 'Input files',
    columns: [
      { key: 'file', header: 'File', type: 'text' },
      { key: 'kind', header: 'Kind', type: 'text' },
      { key: 'bytes', header: 'Bytes', type: 'number' },
      { key: 'sha256', header: 'SHA-256', type: 'text' },
    ],
    rows: [...input.files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)).map((f) => ({ cells: { file: f.file, kind: f.kind ?? '', bytes: f.bytes, sha256: f.sha256 } })),
  };
  return [aboutTable, filesTable];
}

/**
 * The sheets of the workbook, in order. Adding a sheet is one entry here (plus its Chinese
 * tab name in i18n.ts and its texts in zh-cn.ts); a sheet needing new domain results gets
 * them through a new field of MonthlyReportInput, computed in src/cli/commands/report.ts.
 */
export const SHEET_BUILDERS: SheetBuilder[] = [
  {
    id: 'summary',
    name: 'Summary',
    build: (c) => {
      const charts = summaryCharts(c);
      return { title: `${c.input.companyName}: ${text(summaryTitleKey(c.input.period), c.lang)} ${c.input.period}`, headline: summaryHeadline(c), charts: charts.charts, tables: [...summaryTables(c), ...charts.tables] };
    },
  },
  { id: 'plan', name: 'Plan', build: (c) => ({ tables: c.planReport ? pick(c.planReport, 'targets', 'progress', 'attention', 'risks') : [] }) },
  { id: 'budget', name: 'Budget', build: ({ input }) => ({ tables: [budgetByCategoryTable(input.budgetRows, input.fiscalMonths), budgetTable(input.budgetRows, input.fiscalMonths)] }) },
  {
    id: 'variance',
    name: 'Variance',
    build: ({ input, lang, varianceReport, shared }) => {
      const ytdLines = shared.ytdLines;
      const ytd = withVarianceFormulas({ ...ytdLines, id: 'variance-ytd', title: `${ytdLines.title}, fiscal year to date` });
      // Live figures: each line's variance and %, each subtotal the SUM of its filed lines.
      const lines = withVarianceFormulas(withNotices(shared.lines, input.variance, lang === 'zh-CN' ? '预警通知' : 'Notice'));
      return {
        tables: [
          lines,
          ...pick(varianceReport, 'variance-subtotals').map((tb) => withVarianceFormulas(withSubtotalSums(tb, lines))),
          // The period before: its lines are not on the sheet, so company totals add up the department rows.
          withVarianceFormulas(withSubtotalSums(previousPeriodTable(input.variancePrevious), { ...lines, id: 'variance-previous-lines', rows: [] })),
          ytd,
          // The outlook adds up the filed year-to-date lines above it.
          withForecastFormulas(forecastTable(input.forecast), ytd),
        ],
      };
    },
  },
  { id: 'notices', name: 'Notices', build: (c) => ({ tables: [c.shared.notices, ...pick(c.varianceReport, 'variance-missing-actuals')] }) },
  { id: 'stock-alerts', name: 'Stock Alerts', build: (c) => ({ tables: pick(c.stockReport, 'stock-alerts', 'stock-warehouses') }) },
  { id: 'reorder-plan', name: 'Reorder Plan', build: (c) => ({ tables: pick(c.stockReport, 'stock-procurement', 'stock-suggestions') }) },
  { id: 'transfers', name: 'Transfers', build: (c) => ({ tables: pick(c.stockReport, 'stock-transfers') }) },
  { id: 'count-discrepancies', name: 'Count Discrepancies', build: (c) => ({ tables: pick(c.stockReport, 'stock-counts') }) },
  {
    id: 'production',
    name: 'Production',
    when: (c) => Boolean(c.input.chapter?.production),
    build: ({ input }) => ({ title: `${text('production.title', input.lang)} ${input.chapter!.production!.period}`, ...productionSheet(input.chapter!.production!, input.currency, input.digits) }),
  },
  {
    id: 'material-plan',
    name: 'Material Plan',
    when: (c) => Boolean(c.input.chapter?.materialPlan),
    build: ({ input }) => ({ title: `${text('material-plan.title', input.lang)} ${input.chapter!.materialPlan!.asOf}`, ...materialPlanSheet(input.chapter!.materialPlan!, input.currency, input.digits) }),
  },
  chapterBuilder('quality', 'Quality', (r, i) => buildQualityReport(r.quality, i.currency, i.digits)),
  chapterBuilder('equipment', 'Equipment', (r, i) => buildEquipmentReport(r.equipment, i.currency, i.digits)),
  chapterBuilder('safety', 'Safety', (r, i) => buildSafetyReport(r.safety, i.currency, i.digits)),
  chapterBuilder('suppliers', 'Suppliers', (r, i) => buildSupplierReport(r.suppliers, i.currency, i.digits)),
  {
    id: 'performance',
    name: 'Performance',
    build: ({ input, lang }) => {
      if (!input.kpi) return { tables: [] };
      const { chartTable, ...extras } = performanceExtras(input.kpi, lang);
      return { tables: [...performanceTables(input.kpi), chartTable], ...extras };
    },
  },
  {
    id: 'customer-service',
    name: 'Customer Service',
    when: (c) => Boolean(c.input.chapter?.service),
    build: ({ input }) => {
      const r = buildServiceReport(input.chapter!.service!);
      const tables = pick(r, 'service-summary', 'service-hot-issues', 'service-times', 'service-backlog', 'service-cases', 'service-repeat-customer', 'service-repeat-product', 'service-after-sales', 'service-missing');
      return { title: `${text('service.title', input.lang)} ${input.period}`, headline: r.headline, tables };
    },
  },
  {
    id: 'key-accounts',
    name: 'Key Accounts',
    when: (c) => Boolean(c.input.chapter?.accounts),
    build: ({ input }) => {
      const accounts = input.chapter!.accounts!;
      const r = buildAccountsReport(accounts);
      return { title: `${text('accounts.title', input.lang)} FY${accounts.fiscalYear}`, headline: r.headline, tables: pick(r, 'accounts', 'accounts-tier', 'accounts-owner', 'accounts-missing') };
    },
  },
  { id: 'findings', name: 'Findings', build: ({ input }) => ({ tables: [findingsTable(input.diagnostics)] }) },
  { id: 'about', name: 'About', build: ({ input }) => ({ tables: aboutTables(input) }) },
];

/**
 * A table that shows department ids gets the department's name from the company file in a
 * column beside the id (a `company` total row and an unknown id get none). Formulas name
 * columns by key, so the inserted column moves no reference. Chart-data tables already carry
 * the name their chart draws.
 *
 * The name is set on the rows' cells in place: the sheets' rows are this report's own (each
 * builder makes them from the domain results), and a name depends only on the row's
 * department, so a cells object two tables share gets the same name from both. Copying every
 * row and its cells instead (250,000 rows at L: the variance lines twice, the budget) took
 * 0.47 s of the main thread and as much again in collecting the copies.
 */
export function withDepartmentNames(table: Table, names: Record<string, string> | undefined): Table {
  const key = DEPARTMENT_COLUMN_BY_TABLE[table.id] ?? 'department';
  const at = table.columns.findIndex((c) => c.key === key);
  if (!names || at < 0 || table.id.startsWith('chart-') || table.columns.some((c) => c.key === 'departmentName')) return table;
  const columns = [...table.columns];
  columns.splice(at + 1, 0, { key: 'departmentName', header: 'Department name', type: 'text' });
  for (const r of table.rows) r.cells.departmentName = names[String(r.cells[key])] ?? null;
  return { ...table, columns };
}

/**
 * Tables whose department column has another key, because it also holds something that is not
 * a department: the Customer Service figures by `scope` (a department, or `company` on the
 * total row, which gets no name).
 */
const DEPARTMENT_COLUMN_BY_TABLE: Record<string, string> = { 'service-summary': 'scope' };

/** The stock tables the workbook shows (not the item and SKU tables: a row per item). */
export const WORKBOOK_STOCK_TABLES: ReadonlySet<string> = new Set(['stock-alerts', 'stock-warehouses', 'stock-procurement', 'stock-suggestions', 'stock-transfers', 'stock-counts']);

/**
 * The part of a stock result the workbook reads (its tables above and the Summary's counts):
 * the items with an alert, a hint, a count or a reorder suggestion, in their order, and no
 * SKU totals. The report keeps its results until the sheets are built; at L the other items
 * and the SKU totals were about 80 MB of that.
 */
export function workbookStock(r: StockResult): StockResult {
  return { ...r, items: r.items.filter((it) => it.alerts.length > 0 || it.hints.length > 0 || it.count !== null || it.suggestion !== null), skuTotals: [] };
}

/**
 * The part of a service result the workbook reads: its case table lists the cases breached
 * or running (buildServiceReport); the other cases of the period (80% at L) are dropped.
 */
export function workbookService(r: ServiceResult): ServiceResult {
  return { ...r, cases: r.cases.filter(isBreachedOrRunning) };
}

/** Builds every sheet of the monthly report, one per builder, translated. */
export function buildMonthlyReport(input: MonthlyReportInput, builders: readonly SheetBuilder[] = SHEET_BUILDERS): MonthlyReport {
  const { lang } = input;
  const c: SheetContext = {
    input,
    lang,
    // Only the tables the sheets show are built: the lines tables come from varianceLinesTable,
    // and the stock item and SKU tables are not in the workbook.
    varianceReport: buildVarianceReport(input.variance, { lines: false }),
    ytdReport: buildVarianceReport(input.varianceYtd, { lines: false }),
    stockReport: buildStockReport(input.stock, WORKBOOK_STOCK_TABLES),
    planReport: input.consolidation ? buildConsolidationReport(input.consolidation) : null,
    flags: countFlags(input),
    shared: { lines: varianceLinesTable(input.variance), ytdLines: varianceLinesTable(input.varianceYtd), notices: noticesTable(input.variance) },
  };
  const sheets = builders.filter((b) => b.when?.(c) ?? true).map((b): ReportSheet => {
    const built = b.build(c);
    // Headline labels in English (the Summary's are translated already; translating twice is harmless).
    const headline = built.headline?.map((h) => ({ ...h, label: tr(h.label, lang) }));
    const tables = built.tables.map((t) => translateTable(withDepartmentNames(t, input.departmentNames), lang));
    return { ...built, ...(headline ? { headline } : {}), id: b.id, name: sheetName(b.id, b.name, lang), tables };
  });
  if (builders === SHEET_BUILDERS && sheets.length > 1) sheets.splice(1, 0, contentsSheet(sheets, c.flags, lang));
  return { currency: input.currency, digits: input.digits, sheets, flags: c.flags };
}

/** The warning counts of the Summary that belong to a sheet (the flags Summary counts, by sheet). */
const SHEET_FLAGS: Record<string, (kind: string) => boolean> = {
  variance: (k) => k === 'variance.critical' || k === 'variance.warn' || k === 'variance.unbudgeted',
  notices: (k) => k === 'notices.open' || k === 'notices.overdue',
  'stock-alerts': (k) => k.startsWith('stock.'),
  findings: (k) => k.startsWith('findings.'),
};

/**
 * The Contents sheet (second, after Summary): every sheet as a link, what it holds (its
 * title), its data rows, and the warnings Summary counts for it (variance lines at warn or
 * critical and unbudgeted, open and overdue notices, stock alerts, input findings).
 */
function contentsSheet(sheets: readonly ReportSheet[], flags: Record<string, number>, lang: Lang): ReportSheet {
  const table: Table = {
    id: 'contents',
    title: 'Contents',
    caption: 'each sheet name links to the sheet; warnings: the counts Summary shows for the sheet',
    columns: [
      { key: 'sheet', header: 'Sheet', type: 'text' },
      { key: 'holds', header: 'Holds', type: 'text' },
      { key: 'rows', header: 'Rows', type: 'number' },
      { key: 'warnings', header: 'Warnings', type: 'number' },
    ],
    rows: sheets.map((s) => {
      const of = SHEET_FLAGS[s.id];
      const warnings = of ? Object.entries(flags).filter(([k]) => of(k)).reduce((n, [, v]) => n + v, 0) : null;
      return {
        cells: { sheet: s.name, holds: s.title ?? s.tables[0]?.title ?? '', rows: s.tables.reduce((n, t) => n + t.rows.length, 0), warnings },
        formulas: { sheet: { op: 'link', sheet: s.name } },
        ...(warnings ? { tones: { warnings: 'warn' as const } } : {}),
      };
    }),
  };
  return { id: 'contents', name: sheetName('contents', 'Contents', lang), tables: [translateTable(table, lang)] };
}
