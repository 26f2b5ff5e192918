// The variance result as report tables: lines (by severity), subtotals per department and
// category with company totals, missing actuals, and warning notices. The terminal and CSV
// renderers draw these; JSON is written from the same result by variance-json.ts.
import type { NoticeStatus, VarianceLine, VarianceResult, VarianceSubtotal } from '../domain/variance.js';
import { levelsPending } from '../domain/variance.js';
import type { Report, Row, Table, Tone } from './model.js';

function tone(favourable: boolean | null): Tone | undefined {
  return favourable === null ? undefined : favourable ? 'favourable' : 'unfavourable';
}

const STATUS_TONE: Record<NoticeStatus, Tone> = { answered: 'favourable', open: 'warn', overdue: 'critical' };

/** A short text for a period: `2026-11`, `FY2026 to date through 2026-11`. */
export function periodLabel(r: VarianceResult): string {
  if (!r.ytd) return r.period.id;
  return `FY${r.fiscalYear} to date through ${r.months[r.months.length - 1]!}`;
}

/** The text of a missing amount: a department-month not filed is never shown as 0. */
export const MISSING = 'missing';

function lineRow(l: VarianceLine): Row {
  const t = tone(l.favourable);
  const tones: Record<string, Tone> = {};
  if (t) tones.variance = tones.variancePct = t;
  if (l.level) tones.level = l.level;
  if (l.actual === null) tones.actual = 'warn';
  return {
    cells: {
      department: l.department,
      account: l.account,
      name: l.name,
      category: l.categoryAssumed ? `${l.category}?` : l.category,
      budget: l.budget,
      actual: l.actual ?? MISSING,
      variance: l.variance,
      variancePct: l.variancePct,
      level: l.level ?? '',
      flags: l.flags.join(' '),
    },
    kind: 'detail',
    tones,
  };
}

/**
 * Due department-months not filed, per department and category and (key without department)
 * per category over the company: what `unfiledBudget` is the budget of. Every line of a
 * department carries its department's count, so one line per department gives it.
 */
function missingMonthsOf(lines: readonly VarianceLine[]): Map<string, number> {
  // The categories of each department first, so a key is built per department and category
  // rather than per line (60,000 lines at L, twice per report).
  const byDept = new Map<string, { months: number; categories: Set<string> }>();
  for (const l of lines) {
    const d = byDept.get(l.department);
    if (d) {
      d.months = l.missingMonths;
      d.categories.add(l.category);
    } else byDept.set(l.department, { months: l.missingMonths, categories: new Set([l.category]) });
  }
  const out = new Map<string, number>();
  for (const [department, { months, categories }] of byDept) {
    for (const category of categories) {
      out.set(`${department}\u0000${category}`, months);
      out.set(`\u0000${category}`, (out.get(`\u0000${category}`) ?? 0) + months);
    }
  }
  return out;
}

function subtotalRow(s: VarianceSubtotal, missingMonths: ReadonlyMap<string, number>): Row {
  const t = tone(s.favourable);
  const tones: Record<string, Tone> = t ? { variance: t, variancePct: t } : {};
  if (s.missingLines > 0) tones.missingLines = 'warn';
  const months = missingMonths.get(`${s.department ?? ''}\u0000${s.category}`) ?? 0;
  if (months > 0) tones.missingMonths = 'warn';
  if (s.actual === null) tones.actual = 'warn';
  return {
    cells: {
      department: s.department ?? 'company',
      category: s.category,
      budget: s.budget,
      actual: s.actual ?? MISSING,
      variance: s.variance,
      variancePct: s.variancePct,
      lines: s.lines,
      missingLines: s.missingLines,
      missingMonths: months,
      unfiledBudget: s.unfiledBudget,
    },
    kind: s.department === null ? 'total' : 'subtotal',
    tones,
  };
}

/** What the subtotals' three counts of unfiled data mean (a 0 beside a budget must not puzzle). */
const SUBTOTALS_CAPTION =
  'per category only: revenue and costs are never added together; over filed department-months only. Lines with nothing filed: their department filed none of the due months (left out of the sums); Months not filed: due department-months without actuals; Unfiled budget: the budget of those months, never compared';

/** The lines table (also what `--format csv` writes). */
export function varianceLinesTable(r: VarianceResult): Table {
  return {
    id: 'variance',
    title: 'Budget vs actual by line',
    caption: `${periodLabel(r)} (${r.from} to ${r.to}), revised budget; critical first, then by size. Actual "${MISSING}": the department has not filed the period (no variance); with some months unfiled, budget and actual cover the filed months only`,
    columns: [
      { key: 'department', header: 'Department', type: 'text' },
      { key: 'account', header: 'Account', type: 'text' },
      { key: 'name', header: 'Name', type: 'text' },
      { key: 'category', header: 'Category', type: 'text' },
      { key: 'budget', header: 'Budget', type: 'money' },
      { key: 'actual', header: 'Actual', type: 'money' },
      { key: 'variance', header: 'Variance', type: 'money' },
      { key: 'variancePct', header: 'Var %', type: 'percent' },
      { key: 'level', header: 'Level', type: 'text' },
      { key: 'flags', header: 'Flags', type: 'text' },
    ],
    rows: r.lines.map(lineRow),
  };
}

/**
 * Builds the variance report. `lines: false` leaves out the lines table, for callers that
 * build it themselves (the workbook adds a notice column): on a thousand departments it is
 * tens of thousands of rows that would be made only to be dropped.
 */
export function buildVarianceReport(r: VarianceResult, options: { lines?: boolean } = {}): Report {
  const count = (level: string): number => r.lines.filter((l) => l.level === level).length;
  const overdue = r.notices.filter((n) => n.status === 'overdue').length;
  const pending = levelsPending(r.lines);
  const tables: Table[] = options.lines === false ? [] : [varianceLinesTable(r)];
  const missingMonths = missingMonthsOf(r.lines);
  tables.push({
    id: 'variance-subtotals',
    title: 'Subtotals by department and category',
    caption: SUBTOTALS_CAPTION,
    columns: [
      { key: 'department', header: 'Department', type: 'text' },
      { key: 'category', header: 'Category', type: 'text' },
      { key: 'budget', header: 'Budget', type: 'money' },
      { key: 'actual', header: 'Actual', type: 'money' },
      { key: 'variance', header: 'Variance', type: 'money' },
      { key: 'variancePct', header: 'Var %', type: 'percent' },
      { key: 'lines', header: 'Lines', type: 'number' },
      { key: 'missingLines', header: 'Lines with nothing filed', type: 'number' },
      { key: 'missingMonths', header: 'Months not filed', type: 'number' },
      { key: 'unfiledBudget', header: 'Unfiled budget', type: 'money' },
    ],
    rows: [...r.subtotals, ...r.totals].map((s) => subtotalRow(s, missingMonths)),
  });
  if (r.missingActuals.length > 0) {
    tables.push({
      id: 'variance-missing-actuals',
      title: 'Missing actuals',
      caption: 'departments with a budget but no actuals for the month',
      columns: [
        { key: 'department', header: 'Department', type: 'text' },
        { key: 'month', header: 'Month', type: 'text' },
      ],
      rows: r.missingActuals.map((m) => ({ cells: { department: m.department, month: m.month }, tones: { month: 'warn' } })),
    });
  }
  tables.push({
    id: 'variance-notices',
    title: 'Warning notices',
    caption: `fiscal year FY${r.fiscalYear} through ${r.to}, status as of ${r.asOf}`,
    columns: [
      { key: 'id', header: 'Notice', type: 'text' },
      { key: 'department', header: 'Department', type: 'text' },
      { key: 'lines', header: 'Lines', type: 'text' },
      { key: 'due', header: 'Due', type: 'date' },
      { key: 'status', header: 'Status', type: 'text' },
      { key: 'response', header: 'Response', type: 'text' },
    ],
    rows: r.notices.map((n) => ({
      cells: {
        id: n.id,
        department: n.department,
        lines: n.lines.map((l) => `${l.account} ${l.level ?? l.flags.filter((f) => f === 'unbudgeted').join('')}`).join(', '),
        due: n.due,
        status: n.status,
        response: n.response ? `${n.response.status}${n.response.respondedOn ? ` ${n.response.respondedOn}` : ''} (${n.response.file})` : '',
      },
      tones: { status: STATUS_TONE[n.status] },
    })),
  });
  return {
    title: `Variance ${periodLabel(r)}`,
    currency: r.currency,
    digits: r.digits,
    headline: [
      { label: 'Critical lines', value: count('critical'), type: 'number', ...(count('critical') > 0 ? { tone: 'critical' as const } : {}) },
      { label: 'Warn lines', value: count('warn'), type: 'number', ...(count('warn') > 0 ? { tone: 'warn' as const } : {}) },
      { label: 'Unbudgeted lines', value: r.lines.filter((l) => l.flags.includes('unbudgeted')).length, type: 'number' },
      { label: 'Overdue notices', value: overdue, type: 'number', ...(overdue > 0 ? { tone: 'critical' as const } : {}) },
      // A period still running: say what was compared, so 0 critical is not read over the whole period.
      ...(r.notDue.length > 0
        ? [
            { label: 'Months compared', value: r.months.filter((m) => !r.notDue.includes(m)).join(', ') || '-', type: 'text' as const },
            { label: 'Months not yet due', value: r.notDue.length, type: 'number' as const },
          ]
        : []),
      // Lines whose level waits for an unfiled due month: the level counts above are not all clear.
      ...(pending > 0 ? [{ label: 'Levels pending (unfiled months)', value: pending, type: 'number' as const, tone: 'warn' as const }] : []),
    ],
    tables,
  };
}

/**
 * The period before (the month, quarter or fiscal year before), for comparison: its subtotals
 * by department and category and company totals, by the same rules (missing never 0). When
 * nothing is budgeted or filed for it (a year before the first budget) the table is empty and
 * its caption says the figures are missing, not zero.
 */
export function previousPeriodTable(p: VarianceResult): Table {
  const subtotals = buildVarianceReport(p, { lines: false }).tables.find((t) => t.id === 'variance-subtotals')!;
  const span = `${p.period.id} (${p.from} to ${p.to})`;
  return {
    ...subtotals,
    id: 'variance-previous',
    title: `Subtotals by department and category, previous period ${p.period.id}`,
    caption: p.lines.length === 0 ? `${span}: nothing budgeted or filed for the period before: missing, not 0` : `${span}: the period before, by the same rules; over filed department-months only`,
  };
}
