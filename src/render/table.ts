// Terminal tables. Money is shown exactly (all minor digits), negatives in parentheses are
// left to Excel; the terminal shows a leading minus, zeros as "-".
//
// The grid is drawn here, in the layout cli-table3 gives with `compact: true` (which opsplan
// used first): cli-table3 lays a table out in time quadratic in its rows (2,000 stock items
// took 6 s, 20,000 did not finish in 8 minutes); this takes one pass.
import { Chalk } from 'chalk';
import { formatMoney } from '../model/money.js';
import type { Cell, Column, Report, Row, Table as ReportTable, Tone } from '../report/model.js';

/** Options of the terminal renderer. */
export interface TableRenderOptions {
  color: boolean;
  /** Terminal width; tables wider than this wrap text columns. */
  width?: number;
  /** What an empty table shows under its title (default "(none)"; the caller's language). */
  none?: string;
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

// eslint-disable-next-line no-control-regex -- SGR colour codes are what is stripped
const SGR = /\u001b\[[0-9;]*m/g;

/** Terminal columns a text takes: colour codes take none, East Asian wide characters two. */
export function visibleWidth(text: string): number {
  const plain = text.includes('\u001b') ? text.replace(SGR, '') : text;
  let w = 0;
  for (const ch of plain) {
    const cp = ch.codePointAt(0)!;
    w += (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1faff) || (cp >= 0x20000 && cp <= 0x3fffd) ? 2 : 1;
  }
  return w;
}

/**
 * A boxed grid: a header row, a rule, the body rows without rules between them. Cells may
 * hold several lines; each column is as wide as its widest line plus a space either side.
 */
export function renderGrid(head: readonly string[], rows: readonly (readonly string[])[], aligns: readonly ('left' | 'right')[], headStyle: (s: string) => string = (s) => s): string {
  const widths = head.map((h) => Math.max(0, ...h.split('\n').map(visibleWidth)));
  const split = rows.map((r) => r.map((cell, i) => {
    const lines = cell.split('\n');
    for (const l of lines) widths[i] = Math.max(widths[i]!, visibleWidth(l));
    return lines;
  }));
  const pad = (text: string, i: number): string => {
    const gap = ' '.repeat(widths[i]! - visibleWidth(text));
    return aligns[i] === 'right' ? gap + text : text + gap;
  };
  const rule = (l: string, m: string, r: string): string => l + widths.map((w) => '─'.repeat(w + 2)).join(m) + r;
  const out: string[] = [rule('┌', '┬', '┐')];
  const emit = (cells: readonly string[][], style: (s: string) => string): void => {
    const height = Math.max(1, ...cells.map((c) => c.length));
    for (let k = 0; k < height; k++) out.push(`│${cells.map((c, i) => style(` ${pad(c[k] ?? '', i)} `)).join('│')}│`);
  };
  emit(head.map((h) => h.split('\n')), headStyle);
  out.push(rule('├', '┼', '┤'));
  for (const cells of split) emit(cells, (s) => s);
  out.push(rule('└', '┴', '┘'));
  return out.join('\n');
}

/** Renders one table. */
export function renderTable(table: ReportTable, digits: number, options: TableRenderOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const title = c.bold(table.title) + (table.caption ? c.dim(`  ${table.caption}`) : '');
  if (table.rows.length === 0) return `${title}\n${c.dim(options.none ?? '(none)')}\n`;
  const grid = renderGrid(
    table.columns.map((col) => col.header),
    table.rows.map((row) => table.columns.map((col) => styleCell(c, row, col, digits))),
    table.columns.map((col) => (col.type === 'text' || col.type === 'date' ? 'left' : 'right')),
    (s) => c.bold(s),
  );
  return `${title}\n${grid}\n`;
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
