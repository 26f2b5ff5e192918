// The neutral report model: every command's result becomes tables of typed columns, and the
// terminal, CSV and Excel renderers draw the same tables, so they can never disagree.
import type { Cents } from '../model/money.js';

/** Units of the amounts in the workbook (`report --unit`): 元 (whole units) or 万元 (10,000 units). */
export const AMOUNT_UNITS = ['yuan', 'wan'] as const;
/** One of AMOUNT_UNITS. */
export type AmountUnit = (typeof AMOUNT_UNITS)[number];

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

/** A cell of a table of the same workbook (by table id, row index, column key), for formulas. */
export interface CellRef {
  table: string;
  row: number;
  column: string;
}

/**
 * How a workbook cell is computed from other cells, so the figure stays live when a source
 * cell is corrected. The cell's own value is written beside it as the cached result, so
 * readers that do not recalculate still show it. Only the workbook uses this.
 */
export type Formula =
  | { op: 'sum'; refs: CellRef[] }
  /** a - b */
  | { op: 'sub'; a: CellRef; b: CellRef }
  /** num / |den| as a fraction (a percent cell is value / 100). */
  | { op: 'pct'; num: CellRef; den: CellRef }
  /** The value of another cell. */
  | { op: 'ref'; ref: CellRef }
  /** A link to the first cell of the sheet named `sheet` (as the report names it); the cell's text is the link's label. */
  | { op: 'link'; sheet: string }
  /** How many cells of a table's column equal `equals` (or, `contains`, hold it among other words): COUNTIF. */
  | { op: 'countif'; table: string; column: string; equals: string; contains?: boolean }
  /** How many data rows a table has: ROWS over its column. */
  | { op: 'rows'; table: string; column: string };

/** One row: values by column key, plus styling hints. */
export interface Row {
  cells: Record<string, Cell>;
  /** Workbook formulas by column key (their cached values are `cells`). */
  formulas?: Record<string, Formula>;
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
  /** `formula`: the workbook cell counts or adds up the cells the figure summarises (Summary). */
  headline?: { label: string; value: Cell; type: ColumnType; tone?: Tone; formula?: Formula }[];
  tables: Table[];
}

/** Helper for money cells: keeps the type honest at call sites. */
export function money(c: Cents): Cell {
  return c;
}

/**
 * A native workbook chart drawn from a table of the same sheet: the categories are one column
 * of the table, each series another column (named by its header), so the chart reads the very
 * cells the table shows and moves when one is corrected.
 */
export interface Chart {
  /** Stable id (`budget-vs-actual`), for tests and docs. */
  id: string;
  /** bar: clustered columns; stacked-bar: columns stacked per category; line: one line per series. */
  type: 'bar' | 'stacked-bar' | 'line';
  title: string;
  /** Axis titles, translated; an amount axis names its unit ("Variance (CNY)"). */
  axes: { x: string; y: string };
  /** Id of the table (on the same sheet) that holds exactly the plotted data. */
  table: string;
  /** Column key of the categories along the x axis. */
  category: string;
  /** Column keys of the series, in legend order. */
  series: string[];
  /** Series colours as RRGGBB, in series order (the reader's palette where absent). */
  colors?: string[];
}
