// Budgets across two versions: per department x category the original and revised totals of
// the fiscal year, lines added, removed or changed, and the regime's rule that an approved
// budget changes only through approved adjustments (`budget/edited-after-approval`).
import type { Diagnostic } from '../../model/diagnostic.js';
import { formatMoney, sumCents } from '../../model/money.js';
import { fiscalMonths } from '../../model/period.js';
import type { Budget, BudgetLine, Workspace } from '../../model/workspace.js';
import { computeBudgetRows } from '../budget.js';
import { changedFields, fieldChange, indexBy, matchByKey, shownField } from './records.js';
import type { DiffContext, DiffItem, DiffSectionBuilder, DiffSide, FieldChange } from './types.js';

const fy = (n: number): string => `FY${n}`;

/** Fiscal years that have a budget or an adjustment on either side. */
function fiscalYears(...sides: Workspace[]): number[] {
  const years = new Set<number>();
  for (const ws of sides) {
    for (const b of ws.budgets) years.add(b.fiscalYear);
    for (const a of ws.adjustments) years.add(a.fiscalYear);
  }
  return [...years].sort((a, b) => a - b);
}

/**
 * Original and revised totals per fiscal year x department x category. Every budget counts
 * whatever its status (its status is its own item), so a change to a draft shows too.
 */
function categoryTotals(ws: Workspace, year: number, skip: ReadonlySet<string>): Map<string, { original: number; revised: number; file: string }> {
  const out = new Map<string, { original: number; revised: number; file: string }>();
  for (const row of computeBudgetRows(ws, year, { approvedOnly: false })) {
    if (skip.has(`${year}\u0000${row.department}`)) continue;
    const key = `${row.department}\u0000${row.category}`;
    const t = out.get(key) ?? { original: 0, revised: 0, file: row.file };
    t.original += sumCents(row.original);
    t.revised += sumCents(row.revised);
    out.set(key, t);
  }
  return out;
}

function totalItems(ctx: DiffContext, year: number, skip: ReadonlySet<string>): DiffItem[] {
  const m = matchByKey(categoryTotals(ctx.base.workspace, year, skip), categoryTotals(ctx.head.workspace, year, skip));
  const items: DiffItem[] = [];
  const key = (k: string): Record<string, string> => {
    const [department, category] = k.split('\u0000') as [string, string];
    return { fiscalYear: fy(year), department, category };
  };
  // Missing on one side is shown as null, never as zero: a new department's budget is added,
  // not an increase from 0.
  for (const { key: k, head } of m.added) items.push({ kind: 'budget-total', change: 'added', key: key(k), fields: [shownField('original', 'money', null, head.original), shownField('revised', 'money', null, head.revised)], file: head.file });
  for (const { key: k, base } of m.removed) items.push({ kind: 'budget-total', change: 'removed', key: key(k), fields: [shownField('original', 'money', base.original, null), shownField('revised', 'money', base.revised, null)], file: base.file });
  for (const { key: k, base, head } of m.both) {
    if (base.original === head.original && base.revised === head.revised) continue;
    items.push({ kind: 'budget-total', change: 'changed', key: key(k), fields: [shownField('original', 'money', base.original, head.original), shownField('revised', 'money', base.revised, head.revised)], file: head.file });
  }
  return items;
}

function lineFields(b: BudgetLine | null, h: BudgetLine | null, months: readonly string[]): FieldChange[] {
  const monthly = months.map((m, i) => fieldChange(m, 'money', b?.months[i], h?.months[i]));
  return changedFields(
    fieldChange('total', 'money', b ? sumCents(b.months) : null, h ? sumCents(h.months) : null),
    fieldChange('name', 'text', b?.name, h?.name),
    fieldChange('category', 'text', b?.category, h?.category),
    fieldChange('basis', 'text', b?.basis, h?.basis),
    fieldChange('method', 'text', b?.method, h?.method),
    // Single months only when the total alone does not say it (money moved between months).
    ...(b && h ? monthly : []),
  );
}

function lineNote(fields: readonly FieldChange[]): string | undefined {
  const named = fields.filter((f) => f.field === 'basis' || f.field === 'method').map((f) => `${f.field} changed`);
  return named.length > 0 ? named.join(', ') : undefined;
}

function budgetItems(ctx: DiffContext, base: Budget | undefined, head: Budget | undefined, leftOut: boolean): DiffItem[] {
  const some = (head ?? base)!;
  const key = { fiscalYear: fy(some.fiscalYear), department: some.department };
  if (leftOut) return [{ kind: 'budget', change: 'changed', key, fields: [], file: some.file, note: `left out on the ${head ? 'base' : 'head'}: the file has errors (see the findings), so its figures are not compared` }];
  const months = fiscalMonths(some.fiscalYear, ctx.head.workspace.company?.fiscalYearStartMonth ?? ctx.base.workspace.company?.fiscalYearStartMonth ?? 1);
  const items: DiffItem[] = [];
  if (!base || !head) {
    items.push({ kind: 'budget', change: base ? 'removed' : 'added', key, fields: [shownField('status', 'text', base?.status ?? null, head?.status ?? null), shownField('lines', 'number', base ? base.lines.length : null, head ? head.lines.length : null)], file: some.file });
    return items;
  }
  const status = changedFields(fieldChange('status', 'text', base.status, head.status), fieldChange('file', 'text', base.file, head.file));
  if (status.length > 0) items.push({ kind: 'budget', change: 'changed', key, fields: status, file: head.file, note: status[0]!.field === 'status' ? `${base.status} → ${head.status}` : undefined });
  const m = matchByKey(indexBy(base.lines, (l) => l.account), indexBy(head.lines, (l) => l.account));
  for (const { key: account, head: l } of m.added) items.push({ kind: 'budget-line', change: 'added', key: { ...key, account }, fields: lineFields(null, l, months), file: head.file });
  for (const { key: account, base: l } of m.removed) items.push({ kind: 'budget-line', change: 'removed', key: { ...key, account }, fields: lineFields(l, null, months), file: base.file });
  for (const { key: account, base: b, head: h } of m.both) {
    const fields = lineFields(b, h, months);
    if (fields.length > 0) items.push({ kind: 'budget-line', change: 'changed', key: { ...key, account }, fields, file: head.file, note: lineNote(fields) });
  }
  return items;
}

const budgetKey = (b: Budget): string => `${b.fiscalYear}\u0000${b.department}`;

/**
 * Budgets that one side has and the other leaves out because the same file has errors there:
 * comparing them would show a removal (or an addition) that is only a validation error.
 */
function leftOutBudgets(base: Workspace, head: Workspace): Set<string> {
  const out = new Set<string>();
  const pairs: [Workspace, Workspace][] = [[base, head], [head, base]];
  for (const [ws, other] of pairs) {
    const keys = new Set(other.budgets.map(budgetKey));
    const files = new Set(other.files.map((f) => f.file));
    for (const b of ws.budgets) if (!keys.has(budgetKey(b)) && files.has(b.file)) out.add(budgetKey(b));
  }
  return out;
}

/**
 * `budget/edited-after-approval`: amounts, categories or lines of a budget that is approved on
 * the base changed on the head. Names, bases and methods may still be reworded.
 */
export function editedAfterApproval(base: DiffSide, head: DiffSide, digits: number): Diagnostic[] {
  const out: Diagnostic[] = [];
  const headBudgets = indexBy(head.workspace.budgets, budgetKey);
  const headFiles = new Set(head.workspace.files.map((f) => f.file));
  for (const b of base.workspace.budgets) {
    if (b.status !== 'approved') continue;
    const name = `${b.department} ${fy(b.fiscalYear)}`;
    const fix = 'an approved budget changes only through an approved budget-adjustment: revert the edit and file an adjustment with the change per month';
    const h = headBudgets.get(budgetKey(b));
    if (!h) {
      // A file that is still there but has errors is left out of the head's model; its own
      // errors say why, so the rule does not fire twice.
      if (headFiles.has(b.file)) continue;
      out.push({ code: 'budget/edited-after-approval', severity: 'error', message: `the approved budget ${name} was removed; ${fix}`, file: b.file, line: 0, column: 0, path: '' });
      continue;
    }
    const at = (index: number | null, field: string | null): Pick<Diagnostic, 'file' | 'line' | 'column' | 'path'> => {
      const p = index === null ? ['lines'] : field === null ? ['lines', index] : ['lines', index, field];
      const pos = head.locate(h.file, p);
      return { file: h.file, line: pos.line, column: pos.column, path: '/' + p.join('/') };
    };
    const headLines = indexBy(h.lines, (l) => l.account);
    for (const l of b.lines) {
      const now = headLines.get(l.account);
      if (!now) {
        out.push({ code: 'budget/edited-after-approval', severity: 'error', message: `line "${l.account}" (${l.name}) was removed from the approved budget ${name}; ${fix}`, ...at(null, null) });
        continue;
      }
      if (now.category !== l.category) {
        out.push({ code: 'budget/edited-after-approval', severity: 'error', message: `line "${l.account}" of the approved budget ${name} changed category ${l.category} → ${now.category}; ${fix}`, ...at(now.index, 'category') });
      }
      if (now.months.some((c, i) => c !== l.months[i])) {
        const before = formatMoney(sumCents(l.months), { digits });
        const after = formatMoney(sumCents(now.months), { digits });
        out.push({ code: 'budget/edited-after-approval', severity: 'error', message: `line "${l.account}" of the approved budget ${name} changed its amounts (total ${before} → ${after}); ${fix}`, ...at(now.index, amountField(head, h, now.index)) });
      }
    }
    const baseAccounts = new Set(b.lines.map((l) => l.account));
    for (const l of h.lines) {
      if (!baseAccounts.has(l.account)) out.push({ code: 'budget/edited-after-approval', severity: 'error', message: `line "${l.account}" (${l.name}) was added to the approved budget ${name}; ${fix}`, ...at(l.index, null) });
    }
  }
  return out;
}

/** `monthly` or `annual`, whichever the line is written with (a missing key locates at its parent). */
function amountField(side: DiffSide, budget: Budget, index: number): string | null {
  const line = side.locate(budget.file, ['lines', index]);
  for (const f of ['monthly', 'annual']) {
    const at = side.locate(budget.file, ['lines', index, f]);
    if (at.line !== line.line || at.column !== line.column) return f;
  }
  return null;
}

/** The budgets section. */
export const budgetsSection: DiffSectionBuilder = {
  id: 'budgets',
  title: 'Budgets',
  build: (ctx) => {
    const items: DiffItem[] = [];
    const leftOut = leftOutBudgets(ctx.base.workspace, ctx.head.workspace);
    for (const year of fiscalYears(ctx.base.workspace, ctx.head.workspace)) items.push(...totalItems(ctx, year, leftOut));
    const base = indexBy(ctx.base.workspace.budgets, budgetKey);
    const head = indexBy(ctx.head.workspace.budgets, budgetKey);
    for (const key of [...new Set([...base.keys(), ...head.keys()])].sort()) items.push(...budgetItems(ctx, base.get(key), head.get(key), leftOut.has(key)));
    const digits = ctx.head.workspace.company?.currencyDigits ?? ctx.base.workspace.company?.currencyDigits ?? 2;
    return { items, findings: editedAfterApproval(ctx.base, ctx.head, digits) };
  },
};
