// Live formulas of the workbook: where every table's data rows land on its sheet (computed
// before any sheet is written, so a sheet can point at one written later), and the formula
// text of a report Formula in A1 notation. The cell's computed value is written beside the
// formula as its cached result, so the file reads the same with or without recalculation.
import type { CellRef, Formula, Table } from '../report/model.js';

/** Where a table's cells are: its sheet's name, first data row, and column letters by key. */
export interface TablePlace {
  sheet: string;
  firstData: number;
  /** Number of data rows (for ranges over a whole column; unknown: no range). */
  rows?: number;
  columns: Map<string, string>;
}

/** Excel's limit on the length of a formula. */
const MAX_FORMULA = 8192;

/** A quoted sheet name for formulas and defined names. */
export function quotedSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * The places of every table of every sheet, by table id. `firstDataRows` gives, per sheet,
 * the sheet row of each table's first data row (the writer's own layout arithmetic). A table
 * id found on two sheets is ambiguous: formulas pointing at it are left out.
 */
export function tablePlaces(sheets: readonly { name: string; tables: readonly Table[]; firstData: readonly number[] }[], letter: (col: number) => string): Map<string, TablePlace | null> {
  const places = new Map<string, TablePlace | null>();
  for (const s of sheets) {
    s.tables.forEach((t, i) => {
      const place: TablePlace = { sheet: s.name, firstData: s.firstData[i]!, rows: t.rows.length, columns: new Map(t.columns.map((c, k) => [c.key, letter(k + 1)])) };
      places.set(t.id, places.has(t.id) ? null : place);
    });
  }
  return places;
}

/** A placed cell reference: sheet prefix (`'Budget'!`, or empty on the same sheet), column letters, sheet row. */
export interface Resolved {
  prefix: string;
  col: string;
  row: number;
}

/** `'Sheet'!` prefixes by sheet name: a workbook has a few sheets, and every cross-sheet reference needs one. */
const prefixes = new Map<string, string>();

function sheetPrefix(name: string): string {
  let prefix = prefixes.get(name);
  if (prefix === undefined) {
    prefix = `${quotedSheet(name)}!`;
    prefixes.set(name, prefix);
  }
  return prefix;
}

function resolve(ref: CellRef, places: ReadonlyMap<string, TablePlace | null>, sheet: string): Resolved | null {
  const place = places.get(ref.table);
  const col = place?.columns.get(ref.column);
  if (!place || !col) return null;
  return { prefix: place.sheet === sheet ? '' : sheetPrefix(place.sheet), col, row: place.firstData + ref.row };
}

const a1 = (r: Resolved): string => `${r.prefix}${r.col}${r.row}`;

/** A table's column over its data rows (`'Variance'!I5:I40`), or null for an unknown, ambiguous or empty table. */
function columnRange(table: string, column: string, places: ReadonlyMap<string, TablePlace | null>, sheet: string): string | null {
  const place = places.get(table);
  const col = place?.columns.get(column);
  if (!place || !col || !place.rows) return null;
  const prefix = place.sheet === sheet ? '' : `${quotedSheet(place.sheet)}!`;
  return `${prefix}${col}${place.firstData}:${col}${place.firstData + place.rows - 1}`;
}

/**
 * Ascending row numbers of one column as `B5:B8` ranges and single cells, appended to `parts`;
 * `head` is what precedes the first row number of each (sheet prefix and column letters).
 */
export function rowRuns(head: string, col: string, rows: ArrayLike<number>, parts: string[]): void {
  let i = 0;
  while (i < rows.length) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j]! + 1) j++;
    parts.push(i === j ? `${head}${rows[i]}` : `${head}${rows[i]}:${col}${rows[j]}`);
    i = j + 1;
  }
}

/**
 * The runs of one column's cells (same sheet prefix and column), from their sorted row numbers
 * alone: an object per cell and a comparator sort allocated ~60 MB at L for the subtotals over
 * the variance lines.
 */
function columnRuns(cells: readonly Resolved[], parts: string[]): void {
  const rows = new Float64Array(cells.length);
  for (let i = 0; i < cells.length; i++) rows[i] = cells[i]!.row;
  rows.sort();
  rowRuns(`${cells[0]!.prefix}${cells[0]!.col}`, cells[0]!.col, rows, parts);
}

/** The argument list of a SUM: runs of neighbouring cells in one column or one row as ranges. */
export function sumArguments(cells: Resolved[]): string {
  const sameRow = cells.every((c) => c.prefix === cells[0]!.prefix && c.row === cells[0]!.row);
  const colNo = (c: string): number => {
    let n = 0;
    for (let i = 0; i < c.length; i++) n = n * 26 + c.charCodeAt(i) - 64;
    return n;
  };
  const parts: string[] = [];
  // One column on one sheet (a subtotal over its lines): no grouping, no key per cell.
  if (!sameRow && cells.every((c) => c.prefix === cells[0]!.prefix && c.col === cells[0]!.col)) {
    columnRuns(cells, parts);
    return parts.join(',');
  }
  const groups = new Map<string, Resolved[]>();
  for (const c of cells) {
    const key = sameRow ? `${c.prefix}|row` : `${c.prefix}|${c.col}`;
    // Push, never copy: a company total at L sums thousands of cells (copying was quadratic).
    const list = groups.get(key);
    if (list) list.push(c);
    else groups.set(key, [c]);
  }
  for (const list of groups.values()) {
    if (!sameRow) {
      columnRuns(list, parts);
      continue;
    }
    // One row's cells: each cell's column number, computed once rather than in every comparison.
    const sorted = list.map((c) => ({ c, pos: colNo(c.col) })).sort((x, y) => x.pos - y.pos);
    let i = 0;
    while (i < sorted.length) {
      let j = i;
      while (j + 1 < sorted.length && sorted[j + 1]!.pos === sorted[j]!.pos + 1) j++;
      const first = sorted[i]!.c;
      const last = sorted[j]!.c;
      parts.push(i === j ? a1(first) : `${a1(first)}:${last.col}${last.row}`);
      i = j + 1;
    }
  }
  return parts.join(',');
}

/**
 * The A1 text of a formula on sheet `sheet`, or undefined when a reference cannot be placed
 * (an unknown or ambiguous table) or the text would pass Excel's length limit: the cell then
 * holds its value only, never a formula that could disagree with it.
 */
export function formulaText(f: Formula, places: ReadonlyMap<string, TablePlace | null>, sheet: string, label = '', sheetNames: ReadonlyMap<string, string> = new Map()): string | undefined {
  if (f.op === 'link') {
    // An internal link as a formula: relationship hyperlinks to '#Sheet!A1' break in some viewers.
    const target = sheetNames.get(f.sheet);
    const quote = (t: string): string => `"${t.replace(/"/g, '""')}"`;
    return target === undefined ? undefined : `HYPERLINK(${quote(`#${quotedSheet(target)}!A1`)},${quote(label)})`;
  }
  if (f.op === 'countif' || f.op === 'rows') {
    const range = columnRange(f.table, f.column, places, sheet);
    if (range === null) return undefined;
    // COUNTIF criteria: * ? ~ are wildcards, escaped with ~; quotes doubled.
    const criterion = (t: string): string => `"${(f.op === 'countif' && f.contains ? `*${t.replace(/[*?~]/g, '~$&')}*` : t.replace(/[*?~]/g, '~$&')).replace(/"/g, '""')}"`;
    return f.op === 'rows' ? `ROWS(${range})` : `COUNTIF(${range},${criterion(f.equals)})`;
  }
  const one = (r: CellRef): string | null => {
    const x = resolve(r, places, sheet);
    return x ? a1(x) : null;
  };
  let text: string | null;
  if (f.op === 'sum') {
    const cells = f.refs.map((r) => resolve(r, places, sheet));
    text = cells.length === 0 || cells.some((c) => c === null) ? null : `SUM(${sumArguments(cells as Resolved[])})`;
  } else if (f.op === 'sub') {
    const [a, b] = [one(f.a), one(f.b)];
    text = a && b ? `${a}-${b}` : null;
  } else if (f.op === 'pct') {
    const [num, den] = [one(f.num), one(f.den)];
    text = num && den ? `${num}/ABS(${den})` : null;
  } else {
    text = one(f.ref);
  }
  return text !== null && text.length <= MAX_FORMULA ? text : undefined;
}

/**
 * The `i`-th cell reference of an arithmetic formula (sum, sub, pct, ref), or undefined past
 * the last one and for links, COUNTIF and ROWS. By index: a list per formula allocated ~18 MB at L.
 */
function refAt(f: Formula, i: number): CellRef | undefined {
  switch (f.op) {
    case 'sum':
      return f.refs[i];
    case 'sub':
      return i === 0 ? f.a : i === 1 ? f.b : undefined;
    case 'pct':
      return i === 0 ? f.num : i === 1 ? f.den : undefined;
    case 'ref':
      return i === 0 ? f.ref : undefined;
    default:
      return undefined;
  }
}

/** Whether `f` has references and every one points at row `row` of table `table`. */
function allOnRow(f: Formula, table: string, row: number): boolean {
  let i = 0;
  for (let r = refAt(f, 0); r !== undefined; r = refAt(f, ++i)) if (r.table !== table || r.row !== row) return false;
  return i > 0;
}

/** Whether two formulas have the same operation over the same columns (rows aside). */
function sameShape(a: Formula, b: Formula): boolean {
  if (a.op !== b.op) return false;
  for (let i = 0; ; i++) {
    const ra = refAt(a, i);
    const rb = refAt(b, i);
    if (ra === undefined || rb === undefined) return ra === rb;
    if (ra.column !== rb.column) return false;
  }
}

/**
 * A row formula as the text around its row number: the pieces between which the sheet row is
 * written (`SUM(G` row `:R` row `)`), already escaped for XML.
 */
export interface RowFormula {
  pieces: readonly string[];
  /** Characters of the pieces, to keep the whole text within Excel's limit on another row. */
  length: number;
}

/** Decimal digits of a positive integer. */
function decimalLength(n: number): number {
  let d = 1;
  for (let p = 10; p <= n; p *= 10) d++;
  return d;
}

/** The digits of a formula text: with every reference on one row of the same sheet, only that row's number. */
const DIGITS = /\d+/g;

/**
 * Formulas of one column whose references all point at the row being written (a year total
 * over the months, a variance as actual - budget): such a formula differs from the one on the
 * row above only by the row number, so its text is built once per column and the rows write
 * their number between its pieces. Measured at L: building every text (resolving references,
 * grouping and sorting them for SUM) took ~0.6 s and allocated ~750 MB for 360,000 formulas.
 */
export class RowFormulaCache {
  private source: Formula | null = null;
  private template: RowFormula | null = null;

  constructor(
    private readonly places: ReadonlyMap<string, TablePlace | null>,
    private readonly sheet: string,
    /** Escapes a piece for XML (the writer's escaping). */
    private readonly escape: (text: string) => string,
  ) {}

  /**
   * The pieces of `f` on row `index` of table `table` (sheet row `rowNo`), or null when `f`
   * is not such a row formula or its text cannot be placed: the caller then uses formulaText.
   */
  pieces(f: Formula, table: string, index: number, rowNo: number): RowFormula | null {
    if (!allOnRow(f, table, index)) return null;
    if (this.source === null || !sameShape(this.source, f)) {
      this.source = f;
      this.template = this.build(f, rowNo);
    }
    const t = this.template;
    // A row number with more digits makes the text longer: past the limit, formulaText decides.
    if (t === null || t.length + (t.pieces.length - 1) * decimalLength(rowNo) > MAX_FORMULA) return null;
    return t;
  }

  private build(f: Formula, rowNo: number): RowFormula | null {
    const text = formulaText(f, this.places, this.sheet);
    if (text === undefined) return null;
    const row = String(rowNo);
    // Every digit in the text must be this row's number (column letters and operators have none).
    const runs = text.match(DIGITS) ?? [];
    if (runs.some((r) => r !== row)) return null;
    const pieces = text.split(row).map(this.escape);
    if (pieces.join(row) !== this.escape(text)) return null;
    return { pieces, length: pieces.reduce((n, p) => n + p.length, 0) };
  }
}
