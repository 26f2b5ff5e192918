// The neutral report model: every command's result becomes tables of typed columns, and the
// terminal, CSV and Excel renderers draw the same tables, so they can never disagree.
import type { Cents } from '../model/money.js';

/** How a column's values are typed and shown. */
export type ColumnType =
  | 'text'
  /** Integer minor units (cents). */
  | 'money'
  /** A percentage as a plain number (12.5 means 12.5%); null shows as "-". */
  | 'percent'
  | 'number'
  /** Stock quantity, up to 3 decimals. */
  | 'quantity'
  /** `YYYY-MM-DD`. */
  | 'date';

/** One column of a table. */
export interface Column {
  key: string;
  header: string;
  type: ColumnType;
}

/** A cell value; money is integer cents. */
export type Cell = string | number | null;

/** Business impact of a cell, coloured by renderers (green / red / amber). */
export type Tone = 'favourable' | 'unfavourable' | 'warn' | 'critical';

/** One row: values by column key, plus styling hints. */
export interface Row {
  cells: Record<string, Cell>;
  /** Subtotal and total rows are bold; totals get a top border. */
  kind?: 'detail' | 'subtotal' | 'total';
  /** Tone per column key. */
  tones?: Record<string, Tone>;
}

/** A titled table. */
export interface Table {
  /** Stable id (`variance`, `reorder-plan`), used for CSV file names and sheet lookup. */
  id: string;
  title: string;
  columns: Column[];
  rows: Row[];
  /** Shown under the title, e.g. "Period 2026-11, revised budget". */
  caption?: string;
}

/** A report: a few headline figures and tables. */
export interface Report {
  title: string;
  currency: string;
  /** Minor-unit digits of the currency. */
  digits: number;
  headline?: { label: string; value: Cell; type: ColumnType; tone?: Tone }[];
  tables: Table[];
}

/** Helper for money cells: keeps the type honest at call sites. */
export function money(c: Cents): Cell {
  return c;
}
