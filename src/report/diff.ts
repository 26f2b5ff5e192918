// `opsplan diff` as a report model: headline totals first, then one table per kind of record
// of each section, then the findings. The terminal and Markdown renderers draw the same model.
import type { Diagnostic } from '../model/diagnostic.js';
import { formatMoney } from '../model/money.js';
import { fromMilli } from '../domain/quantity.js';
import type { GateResult } from '../domain/diff/gates.js';
import type { DiffItem, FieldChange, ValueType, WorkspaceDiff } from '../domain/diff/types.js';
import { diagnosticsTable } from './diagnostics-table.js';
import type { Column, Report, Row, Table, Tone } from './model.js';

/** Which versions were compared, as the user named them. */
export interface DiffLabels {
  base: string;
  head: string;
}

/** A value as shown (money with all its digits, quantities in units). */
export function showValue(v: string | number | null, type: ValueType, digits: number, signed = false): string {
  if (v === null) return '-';
  if (typeof v === 'string') return v;
  const sign = signed && v > 0 ? '+' : '';
  if (type === 'money') return sign + formatMoney(v, { digits });
  if (type === 'quantity') return sign + String(fromMilli(v));
  if (type === 'percent') return `${sign}${v.toFixed(1)}%`;
  return sign + String(v);
}

/** Human names of the kinds of record, for table titles. */
const KIND_TITLES: Record<string, string> = {
  'budget-total': 'totals by department and category (fiscal year)',
  budget: 'budget files',
  'budget-line': 'lines',
  adjustment: 'requests',
  plan: 'plan files',
  target: 'targets',
  'work-item': 'work items',
  risk: 'risks',
  'inventory-item': 'item parameters',
  inventory: 'snapshots',
  'reorder-suggestion': "reorder suggestions as of the diff's date",
};

function fieldRow(item: DiffItem, f: FieldChange | null, first: boolean, digits: number): Row {
  const cells: Row['cells'] = {};
  for (const [k, v] of Object.entries(item.key)) cells[`key.${k}`] = first ? v : '';
  cells.change = first ? item.change : '';
  cells.field = f?.field ?? '-';
  cells.before = f ? showValue(f.before, f.type, digits) : '-';
  cells.after = f ? showValue(f.after, f.type, digits) : '-';
  cells.delta = f && f.delta !== null ? showValue(f.delta, f.type, digits, true) : '-';
  cells.deltaPct = f?.deltaPct ?? null;
  cells.note = first ? (item.note ?? '') : '';
  const tones: Record<string, Tone> = {};
  if (item.change === 'added') tones.change = 'favourable';
  if (item.change === 'removed') tones.change = 'unfavourable';
  return { cells, tones };
}

/** One table per kind of record in a section, one row per changed field. */
export function itemTables(sectionId: string, sectionTitle: string, items: readonly DiffItem[], digits: number): Table[] {
  const kinds = [...new Set(items.map((i) => i.kind))];
  return kinds.map((kind) => {
    const list = items.filter((i) => i.kind === kind);
    const keys = [...new Set(list.flatMap((i) => Object.keys(i.key)))];
    const columns: Column[] = [
      ...keys.map((k) => ({ key: `key.${k}`, header: k, type: 'text' as const })),
      { key: 'change', header: 'change', type: 'text' },
      { key: 'field', header: 'field', type: 'text' },
      { key: 'before', header: 'before', type: 'text' },
      { key: 'after', header: 'after', type: 'text' },
      { key: 'delta', header: 'Δ', type: 'text' },
      { key: 'deltaPct', header: 'Δ %', type: 'percent' },
      { key: 'note', header: 'note', type: 'text' },
    ];
    const rows = list.flatMap((item) => (item.fields.length === 0 ? [fieldRow(item, null, true, digits)] : item.fields.map((f, i) => fieldRow(item, f, i === 0, digits))));
    return { id: `diff-${sectionId}-${kind}`, title: `${sectionTitle}: ${KIND_TITLES[kind] ?? kind} (${list.length})`, columns, rows };
  });
}

/** Company-wide revised budget change per fiscal year x category, from the total items. */
export function revisedDeltas(diff: WorkspaceDiff): { fiscalYear: string; category: string; delta: number }[] {
  const sums = new Map<string, number>();
  for (const s of diff.sections) {
    for (const item of s.items) {
      if (item.kind !== 'budget-total') continue;
      const f = item.fields.find((x) => x.field === 'revised');
      if (!f) continue;
      const k = `${item.key.fiscalYear}\u0000${item.key.category}`;
      sums.set(k, (sums.get(k) ?? 0) + (typeof f.after === 'number' ? f.after : 0) - (typeof f.before === 'number' ? f.before : 0));
    }
  }
  return [...sums].filter(([, d]) => d !== 0).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, delta]) => {
    const [fiscalYear, category] = k.split('\u0000') as [string, string];
    return { fiscalYear, category, delta };
  });
}

/** Builds the report of a diff. */
export function buildDiffReport(diff: WorkspaceDiff, labels: DiffLabels, gates: readonly GateResult[]): Report {
  const errors = (l: readonly Diagnostic[]): number => l.filter((d) => d.severity === 'error').length;
  const introducedErrors = errors(diff.findings.introduced);
  const headline: NonNullable<Report['headline']> = [
    { label: 'Compared', value: `${labels.base} → ${labels.head}`, type: 'text' },
    { label: 'New errors', value: introducedErrors, type: 'number', tone: introducedErrors > 0 ? 'critical' : undefined },
    { label: 'New warnings', value: diff.findings.introduced.length - introducedErrors, type: 'number' },
    { label: 'Errors already on the base (not failed on)', value: errors(diff.findings.existing), type: 'number' },
    { label: 'Findings resolved', value: diff.findings.resolved.length, type: 'number' },
  ];
  for (const d of revisedDeltas(diff)) {
    headline.push({ label: `Revised budget ${d.fiscalYear} ${d.category} (${diff.currency})`, value: showValue(d.delta, 'money', diff.digits, true), type: 'text', tone: d.category === 'revenue' || d.category === 'cash-in' ? (d.delta > 0 ? 'favourable' : 'unfavourable') : d.delta > 0 ? 'unfavourable' : 'favourable' });
  }
  for (const s of diff.sections) headline.push({ label: `${s.title}: records changed`, value: s.items.length, type: 'number' });
  for (const g of gates) headline.push({ label: `Gate ${g.gate}`, value: g.reached ? 'reached' : 'passed', type: 'text', tone: g.reached ? 'critical' : 'favourable' });
  const tables: Table[] = [diagnosticsTable('diff-findings-introduced', 'Findings introduced', diff.findings.introduced)];
  for (const s of diff.sections) tables.push(...itemTables(s.id, s.title, s.items, diff.digits));
  tables.push(diagnosticsTable('diff-findings-existing', 'Findings already on the base', diff.findings.existing));
  return { title: `opsplan diff ${labels.base} → ${labels.head}`, currency: diff.currency, digits: diff.digits, headline, tables };
}
