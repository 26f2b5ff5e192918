// The consolidation result as report tables. Wide content is kept under 100 terminal columns
// by splitting tables (a year shows quarters, a quarter shows months; original / adjustments /
// revised totals get their own table) and by wrapping long text when `wrap` is given.
import type { Category } from '../model/documents.js';
import type { BudgetAmounts, Consolidation, RollupRow, SubmissionState } from '../domain/consolidate.js';
import type { Cell, Column, Report, Row, Table, Tone } from './model.js';

/** Options of the report builder. */
export interface ConsolidateReportOptions {
  /** Wrap long text cells at this many characters (for the terminal); no wrapping when absent. */
  wrap?: number;
}

const CATEGORY_LABEL: Record<Category, string> = { revenue: 'revenue', cost: 'cost', expense: 'expense', 'cash-in': 'cash-in', 'cash-out': 'cash-out' };

/** Breaks text into lines of at most `width` characters at spaces (longer words stay whole). */
export function wrapText(text: string, width: number | undefined): string {
  if (width === undefined || text.length <= width) return text;
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      out.push(line);
      line = word;
    }
  }
  if (line) out.push(line);
  return out.join('\n');
}

function statusTone(s: SubmissionState): Tone | undefined {
  return s === 'approved' ? 'favourable' : s === 'missing' ? 'critical' : 'warn';
}

function rollupLabel(r: RollupRow): string {
  if (r.kind === 'company') return 'Company';
  const indent = '  '.repeat(r.depth);
  return r.kind === 'subtotal' ? `${indent}${r.department!} (total)` : `${indent}${r.department!}`;
}

function rowKind(r: RollupRow): Row['kind'] {
  return r.kind === 'company' ? 'total' : r.kind === 'subtotal' ? 'subtotal' : 'detail';
}

const text = (key: string, header: string): Column => ({ key, header, type: 'text' });
const moneyCol = (key: string, header: string): Column => ({ key, header, type: 'money' });
const num = (key: string, header: string): Column => ({ key, header, type: 'number' });
const pct = (key: string, header: string): Column => ({ key, header, type: 'percent' });

type Wrap = (s: string, width: number) => string;

/** Each department's depth in the tree of the submissions (a parent cycle stops the walk). */
function departmentDepths(c: Consolidation): Map<string, number> {
  const depthOf = new Map<string, number>();
  for (const s of c.submissions) {
    let d = 0;
    let p = s.parent;
    const seen = new Set<string>();
    while (p && !seen.has(p)) {
      seen.add(p);
      d++;
      p = c.submissions.find((x) => x.department === p)?.parent ?? null;
    }
    depthOf.set(s.department, d);
  }
  return depthOf;
}

/** Submissions, warnings, targets, annual adjustments, work items, resources, risks. */
function planTables(c: Consolidation, w: Wrap): Table[] {
  const tables: Table[] = [];
  const depthOf = departmentDepths(c);
  tables.push({
    id: 'submissions',
    title: 'Submission status',
    caption: `plans ${c.period.id}, budgets ${c.period.fiscalYear}`,
    columns: [text('department', 'Department'), text('name', 'Name'), text('plan', `Plan ${c.period.id}`), text('budget', `Budget ${c.period.fiscalYear}`)],
    rows: c.submissions.map((s) => ({
      cells: { department: '  '.repeat(depthOf.get(s.department) ?? 0) + s.department, name: s.name, plan: s.plan.status, budget: s.budget.status },
      tones: { plan: statusTone(s.plan.status)!, budget: statusTone(s.budget.status)! },
    })),
  });

  tables.push({
    id: 'warnings',
    title: 'Submission warnings',
    caption: c.requireApproved ? '--require-approved: these are errors' : 'missing or unapproved submissions',
    columns: [text('severity', 'Severity'), text('message', 'Message')],
    rows: c.warnings.map((x) => ({ cells: { severity: x.severity, message: w(x.message, 80) }, tones: { severity: x.severity === 'error' ? 'critical' : 'warn' } })),
  });

  tables.push({
    id: 'targets',
    title: 'Targets',
    caption: 'change % = (target - baseline) / |baseline|',
    columns: [text('department', 'Department'), text('id', 'Target'), text('metric', 'Metric (unit)'), num('target', 'Target'), num('baseline', 'Baseline'), pct('changePct', 'Change'), num('items', 'Items')],
    rows: c.targets.map((t) => ({
      cells: { department: t.department, id: t.id, metric: w(`${t.metric} (${t.unit})`, 24), target: t.target, baseline: t.baseline, changePct: t.changePct, items: t.workItems.length },
      tones: t.workItems.length === 0 ? { items: 'warn' } : undefined,
    })),
  });

  tables.push({
    id: 'annual-adjustments',
    title: 'Proposed adjustments to annual targets',
    caption: 'from quarterly plans, beside the annual plan target',
    columns: [text('department', 'Department'), text('target', 'Target'), text('metric', 'Metric'), num('annualTarget', 'Annual'), num('proposed', 'Proposed'), pct('changePct', 'Change'), text('proposedIn', 'In')],
    rows: c.annualAdjustments.map((a) => ({
      cells: { department: a.department, target: a.target, metric: w(a.metric ?? '(not in the annual plan)', 22), annualTarget: a.annualTarget, proposed: a.proposed, changePct: a.changePct, proposedIn: a.proposedIn },
    })),
  });

  tables.push({
    id: 'work-items',
    title: 'Work items',
    caption: 'status from the latest progress report',
    columns: [text('department', 'Department'), text('id', 'Item'), text('title', 'Title'), text('owner', 'Owner'), { key: 'due', header: 'Due', type: 'date' }, text('status', 'Status')],
    rows: c.workItems.map((x) => ({
      cells: { department: x.department, id: x.id, title: w(x.title, 26), owner: x.owner, due: x.due, status: x.status },
      tones: x.status === 'late' ? { status: 'critical' } : x.status === 'at-risk' ? { status: 'warn' } : undefined,
    })),
  });

  tables.push({
    id: 'resources',
    title: 'Resources',
    columns: [text('department', 'Department'), num('headcount', 'Headcount'), moneyCol('budgetRequest', 'Budget request'), num('equipment', 'Equipment'), num('materials', 'Materials')],
    rows: [
      ...c.resources.departments.map((r) => ({ cells: { department: r.department, headcount: r.headcount, budgetRequest: r.budgetRequest, equipment: r.equipment.length, materials: r.materials.length } as Record<string, Cell> })),
      {
        kind: 'total' as const,
        cells: { department: 'Company', headcount: c.resources.headcount, budgetRequest: c.resources.budgetRequest, equipment: c.resources.equipment.length, materials: c.resources.materials.length },
      },
    ],
  });

  tables.push({
    id: 'equipment-materials',
    title: 'Equipment and materials',
    columns: [text('department', 'Department'), text('kind', 'Kind'), text('item', 'Item')],
    rows: [
      ...c.resources.equipment.map((e) => ({ cells: { department: e.department, kind: 'equipment', item: w(e.item, 50) } })),
      ...c.resources.materials.map((e) => ({ cells: { department: e.department, kind: 'material', item: w(e.item, 50) } })),
    ],
  });

  tables.push({
    id: 'risks',
    title: 'Risk register',
    caption: 'score = likelihood x impact (high 3, medium 2, low 1); ties by department, id',
    columns: [num('rank', '#'), text('department', 'Department'), text('id', 'Risk'), text('score', 'Score'), text('description', 'Description / mitigation'), text('owner', 'Owner')],
    rows: c.risks.map((r) => ({
      cells: {
        rank: r.rank,
        department: r.department,
        id: r.id,
        score: `${r.score} (${r.likelihood[0]!.toUpperCase()}x${r.impact[0]!.toUpperCase()})`,
        description: `${w(r.description, 32)}\n${w(`-> ${r.mitigation}`, 32)}`,
        owner: r.owner,
      },
      tones: r.score >= 6 ? { score: 'critical' } : r.score >= 4 ? { score: 'warn' } : undefined,
    })),
  });

  return tables;
}

/** Progress against the targets and the late or at-risk work items. */
function progressTables(c: Consolidation, w: Wrap): Table[] {
  const tables: Table[] = [];
  const asOf = [...new Set(c.progress.reports.map((r) => r.asOf))].join(', ');
  tables.push({
    id: 'progress',
    title: 'Progress',
    caption: `${asOf ? `as of ${asOf}; ` : 'no progress reports; '}pace = target x elapsed share (${c.thresholds.pacePct}% tolerance); ↓ lower is better`,
    columns: [text('department', 'Department'), text('id', 'Target'), text('rule', 'Rule'), num('target', 'Target'), num('achieved', 'Actual'), pct('achievementPct', '% done'), num('pace', 'Pace'), pct('pctOfPace', 'Of pace'), text('flag', 'Flag')],
    rows: c.progress.targets.map((t) => ({
      cells: {
        department: t.department,
        id: t.id,
        // `pace` or `level`, with ↓ where lower is better.
        rule: `${t.measure === 'cumulative' ? 'pace' : 'level'}${t.direction === 'lower' ? ' ↓' : ''}`,
        target: t.target,
        achieved: t.achieved,
        achievementPct: t.achievementPct,
        pace: t.pace === null ? null : Math.round(t.pace * 100) / 100,
        pctOfPace: t.pctOfPace,
        flag: t.flag ?? '',
      },
      tones: t.flag ? { ...(t.pace === null ? { achievementPct: 'critical' as const } : { pctOfPace: 'critical' as const }), flag: 'critical' } : undefined,
    })),
  });

  tables.push({
    id: 'attention',
    title: 'Late and at-risk work items',
    columns: [text('department', 'Department'), text('id', 'Item'), { key: 'due', header: 'Due', type: 'date' }, text('status', 'Status'), text('note', 'Note')],
    rows: c.progress.attention.map((x) => ({
      cells: { department: x.department, id: x.id, due: x.due, status: x.status, note: w(x.note ?? '', 40) },
      tones: { status: x.status === 'late' ? 'critical' : 'warn' },
    })),
  });

  return tables;
}

/** The company budget by bucket, its revision, the P&L and cash views and the budgets left out. */
function budgetTables(c: Consolidation, w: Wrap): Table[] {
  const tables: Table[] = [];
  // Budget by department x category over the buckets (revised), with the period total when it
  // still fits (a quarter: three months and the quarter); a year's total is in the next table.
  const bucketCols = c.buckets.map((b, i) => moneyCol(`b${i}`, b.label));
  const showTotal = c.period.kind === 'quarter';
  const bucketCells = (a: BudgetAmounts): Record<string, Cell> => {
    const cells: Record<string, Cell> = {};
    a.revised.buckets.forEach((v, i) => (cells[`b${i}`] = v));
    if (showTotal) cells.total = a.revised.total;
    return cells;
  };
  const shownRollup = c.budget.rollup.filter((r) => r.kind !== 'company' || r.amounts.original.total !== 0 || r.amounts.revised.total !== 0 || r.amounts.revised.buckets.some((v) => v !== 0));
  tables.push({
    id: 'budget',
    title: `Company budget ${c.period.id} (revised)`,
    caption: 'approved budgets + approved adjustments',
    columns: [text('department', 'Department'), text('category', 'Category'), ...bucketCols, ...(showTotal ? [moneyCol('total', c.period.id)] : [])],
    rows: shownRollup.map((r) => ({ kind: rowKind(r), cells: { department: rollupLabel(r), category: CATEGORY_LABEL[r.category], ...bucketCells(r.amounts) } })),
  });

  tables.push({
    id: 'budget-revision',
    title: `Original, adjustments, revised ${c.period.id}`,
    columns: [text('department', 'Department'), text('category', 'Category'), moneyCol('original', 'Original'), moneyCol('adjustments', 'Adjustments'), moneyCol('revised', 'Revised')],
    rows: shownRollup.map((r) => ({
      kind: rowKind(r),
      cells: { department: rollupLabel(r), category: CATEGORY_LABEL[r.category], original: r.amounts.original.total, adjustments: r.amounts.adjustments.total, revised: r.amounts.revised.total },
    })),
  });

  const viewRows = (items: [string, BudgetAmounts, Row['kind']][]): Row[] =>
    items.map(([label, a, kind]) => ({ kind, cells: { line: label, ...bucketCells(a), ...(showTotal ? {} : { total: a.revised.total }) } }));
  const viewCols = [text('line', 'Line'), ...bucketCols, moneyCol('total', c.period.id)];
  const { pnl, cash } = c.budget;
  tables.push({
    id: 'pnl',
    title: `P&L view ${c.period.id} (revised)`,
    caption: 'revenue - cost - expense = operating result',
    columns: viewCols,
    rows: viewRows([
      ['Revenue', pnl.revenue, 'detail'],
      ['Cost', pnl.cost, 'detail'],
      ['Expense', pnl.expense, 'detail'],
      ['Operating result', pnl.operatingResult, 'total'],
    ]),
  });
  tables.push({
    id: 'cash',
    title: `Cash view ${c.period.id} (revised)`,
    caption: 'cash-in - cash-out = net cash flow',
    columns: viewCols,
    rows: viewRows([
      ['Cash in', cash.cashIn, 'detail'],
      ['Cash out', cash.cashOut, 'detail'],
      ['Net cash flow', cash.netCashFlow, 'total'],
    ]),
  });

  tables.push({
    id: 'budgets-left-out',
    title: 'Budgets left out of the company budget',
    columns: [text('department', 'Department'), text('status', 'Status'), text('reason', 'Reason')],
    rows: c.budget.excluded.map((e) => ({ cells: { department: e.department, status: e.status, reason: w(e.reason, 50) }, tones: { status: statusTone(e.status)! } })),
  });

  return tables;
}

/** The fiscal year's adjustments and their changes. */
function adjustmentTables(c: Consolidation, w: Wrap): Table[] {
  const tables: Table[] = [];
  tables.push({
    id: 'adjustments',
    title: `Budget adjustments ${c.period.fiscalYear}`,
    caption: 'only approved adjustments are applied',
    columns: [text('id', 'Adjustment'), text('department', 'Department'), text('status', 'Status'), text('applied', 'Applied'), moneyCol('periodDelta', `In ${c.period.id}`), moneyCol('totalDelta', 'Total')],
    rows: c.adjustments.map((a) => ({
      cells: {
        id: a.id,
        department: a.department,
        status: a.status,
        applied: a.applied ? 'yes' : a.status === 'approved' ? w('no: budget not approved', 14) : 'no',
        periodDelta: a.periodDelta,
        totalDelta: a.totalDelta,
      },
      tones: { applied: a.applied ? 'favourable' : 'warn' },
    })),
  });

  tables.push({
    id: 'adjustment-changes',
    title: 'Adjustment changes',
    columns: [text('id', 'Adjustment'), text('account', 'Account'), text('month', 'Month'), moneyCol('delta', 'Delta'), text('inPeriod', 'In period'), text('applied', 'Applied')],
    rows: c.adjustments.flatMap((a) =>
      a.changes.map((ch) => ({ cells: { id: a.id, account: ch.account, month: ch.month, delta: ch.delta, inPeriod: ch.inPeriod ? 'yes' : 'no', applied: a.applied ? 'yes' : 'no' } })),
    ),
  });

  return tables;
}

/** Balance checks: budget request vs budget, all-zero lines, targets without work items. */
function checkTables(c: Consolidation, w: Wrap): Table[] {
  const tables: Table[] = [];
  tables.push({
    id: 'budget-request-check',
    title: 'Budget request vs budget',
    caption: `vs cost + expense + cash-out; tolerance ${c.thresholds.budgetRequestTolerancePct}%`,
    columns: [text('department', 'Department'), moneyCol('request', 'Request'), moneyCol('revised', 'Budget'), pct('deviationPct', 'Diff'), moneyCol('original', 'Original'), pct('deviationPctOriginal', 'Diff'), text('result', 'Result')],
    rows: c.checks.budgetRequests.map((b) => ({
      cells: {
        department: b.department,
        request: b.request,
        revised: b.revised,
        deviationPct: b.deviationPct,
        original: b.original,
        deviationPctOriginal: b.deviationPctOriginal,
        result: b.revised === null ? 'no budget' : b.outsideTolerance ? 'outside' : 'ok',
      },
      tones: b.outsideTolerance ? { deviationPct: 'critical', result: 'critical' } : undefined,
    })),
  });

  tables.push({
    id: 'zero-lines',
    title: 'Budget lines with all twelve months zero',
    columns: [text('department', 'Department'), text('account', 'Account'), text('name', 'Name'), text('category', 'Category'), text('status', 'Budget')],
    rows: c.checks.zeroLines.map((z) => ({ cells: { department: z.department, account: z.account, name: w(z.name, 30), category: z.category, status: z.budgetStatus }, tones: { account: 'warn' } })),
  });

  tables.push({
    id: 'targets-without-work-items',
    title: 'Targets without any work item',
    columns: [text('department', 'Department'), text('target', 'Target'), text('metric', 'Metric')],
    rows: c.checks.targetsWithoutWorkItems.map((t) => ({ cells: { department: t.department, target: t.target, metric: w(t.metric, 40) }, tones: { target: 'warn' } })),
  });

  return tables;
}

/** Builds the report model of a consolidation. */
export function buildConsolidationReport(c: Consolidation, options: ConsolidateReportOptions = {}): Report {
  const w: Wrap = (s, width) => wrapText(s, options.wrap === undefined ? undefined : Math.min(width, options.wrap));
  const tables = [...planTables(c, w), ...progressTables(c, w), ...budgetTables(c, w), ...adjustmentTables(c, w), ...checkTables(c, w)];
  const { pnl, cash } = c.budget;
  const approvedPlans = c.submissions.filter((s) => s.plan.status === 'approved').length;
  const approvedBudgets = c.submissions.filter((s) => s.budget.status === 'approved').length;
  return {
    title: `${c.company}: consolidated operating plan and budget ${c.period.id}`,
    currency: c.currency,
    digits: c.digits,
    headline: [
      { label: 'Plans approved', value: `${approvedPlans} of ${c.submissions.length}`, type: 'text', tone: approvedPlans === c.submissions.length ? 'favourable' : 'warn' },
      { label: 'Budgets approved', value: `${approvedBudgets} of ${c.submissions.length}`, type: 'text', tone: approvedBudgets === c.submissions.length ? 'favourable' : 'warn' },
      { label: `Revenue (revised, ${c.currency})`, value: pnl.revenue.revised.total, type: 'money' },
      { label: `Operating result (revised, ${c.currency})`, value: pnl.operatingResult.revised.total, type: 'money' },
      { label: `Net cash flow (revised, ${c.currency})`, value: cash.netCashFlow.revised.total, type: 'money' },
      { label: 'Adjustments applied', value: c.adjustments.filter((a) => a.applied).map((a) => a.id).join(', ') || 'none', type: 'text' },
      { label: 'Adjustments not applied', value: c.adjustments.filter((a) => !a.applied).map((a) => `${a.id} (${a.status})`).join(', ') || 'none', type: 'text' },
      { label: 'Warnings', value: c.warnings.length, type: 'number', tone: c.warnings.length > 0 ? (c.requireApproved ? 'critical' : 'warn') : undefined },
    ],
    tables,
  };
}
