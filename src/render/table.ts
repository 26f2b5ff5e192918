// Terminal tables with cli-table3. Money is shown exactly (all minor digits), negatives in
// parentheses are left to Excel; the terminal shows a leading minus, zeros as "-".
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import { formatMoney } from '../model/money.js';
import type { Cell, Column, Report, Row, Table as ReportTable, Tone } from '../report/model.js';

/** Options of the terminal renderer. */
export interface TableRenderOptions {
  color: boolean;
  /** Terminal width; tables wider than this wrap text columns. */
  width?: number;
}

/** Formats one cell as text (no colour). */
export function formatCell(value: Cell, column: Column, digits: number): string {
  if (value === null || value === undefined) return '-';
  switch (column.type) {
    case 'money':
      return typeof value === 'number' ? (value === 0 ? '-' : formatMoney(value, { digits })) : String(value);
    case 'percent':
      return typeof value === 'number' ? `${value.toFixed(1)}%` : String(value);
    case 'quantity':
    case 'number':
      return typeof value === 'number' ? String(Number(value.toFixed(3))) : String(value);
    default:
      return String(value);
  }
}

function paint(c: InstanceType<typeof Chalk>, text: string, tone: Tone | undefined): string {
  switch (tone) {
    case 'favourable':
      return c.green(text);
    case 'unfavourable':
    case 'critical':
      return c.red(text);
    case 'warn':
      return c.yellow(text);
    default:
      return text;
  }
}

/** Renders one table. */
export function renderTable(table: ReportTable, digits: number, options: TableRenderOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const t = new Table({
    head: table.columns.map((col) => col.header),
    style: { head: options.color ? ['bold'] : [], border: [], compact: true },
    colAligns: table.columns.map((col) => (col.type === 'text' || col.type === 'date' ? 'left' : 'right')),
    wordWrap: true,
  });
  for (const row of table.rows) t.push(table.columns.map((col) => styleCell(c, row, col, digits)));
  const title = c.bold(table.title) + (table.caption ? c.dim(`  ${table.caption}`) : '');
  return `${title}\n${table.rows.length === 0 ? c.dim('(none)') : t.toString()}\n`;
}

function styleCell(c: InstanceType<typeof Chalk>, row: Row, col: Column, digits: number): string {
  let text = paint(c, formatCell(row.cells[col.key] ?? null, col, digits), row.tones?.[col.key]);
  if (row.kind === 'subtotal' || row.kind === 'total') text = c.bold(text);
  return text;
}

/** Renders a whole report: headline figures, then each table. */
export function renderReport(report: Report, options: TableRenderOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const out: string[] = [c.bold(report.title), ''];
  if (report.headline?.length) {
    for (const h of report.headline) out.push(`  ${h.label}: ${paint(c, formatCell(h.value, { key: '', header: '', type: h.type }, report.digits), h.tone)}`);
    out.push('');
  }
  for (const table of report.tables) out.push(renderTable(table, report.digits, options));
  return out.join('\n');
}
