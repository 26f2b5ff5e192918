// CSV of one report table (RFC 4180). Values that a spreadsheet would run as a formula
// (=, +, -, @, tab, CR at the start) are prefixed with ' so they stay text.
import { fromCents } from '../model/money.js';
import type { Cell, Table } from '../report/model.js';

const FORMULA_START = /^[=+\-@\t\r]/;

/** Quotes one CSV field and neutralises formula-looking text. */
export function csvField(value: Cell, kind: 'text' | 'value'): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (kind === 'text' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Renders a table as CSV with a header row; money in major units with all its decimals. */
export function renderCsv(table: Table, digits: number): string {
  const lines = [table.columns.map((c) => csvField(c.header, 'text')).join(',')];
  for (const row of table.rows) {
    lines.push(
      table.columns
        .map((col) => {
          const v = row.cells[col.key] ?? null;
          if (col.type === 'money' && typeof v === 'number') return fromCents(v, digits).toFixed(digits);
          if (col.type === 'percent' && typeof v === 'number') return String(Math.round(v * 10) / 10);
          return csvField(v, col.type === 'text' ? 'text' : 'value');
        })
        .join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}
