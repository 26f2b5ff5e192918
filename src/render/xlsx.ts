// Report model -> Excel workbook. One sheet holds one or more report tables; the cells carry
// real numbers with number formats, totals are live SUM formulas that carry the computed
// value, and colours follow each cell's tone through conditional formatting.
//
// The SpreadsheetML is written here directly, row by row, into a zip whose entries are
// deflated on zlib's thread pool while the next rows are generated. exceljs's in-memory
// workbook needed about 13 KB per row and its streaming writer cannot place pictures; this
// writer keeps one string per distinct text (the shared-string table) and a few hundred
// kilobytes of pending XML, and every workbook, large or small, carries its charts. The file
// is byte-identical for identical input: fixed document dates, fixed zip entry dates, and
// styles, strings and entries numbered in the order they are first used.
import { fromCents } from '../model/money.js';
import type { AmountUnit, Cell, Chart, ColumnType, Report, Row, Table, Tone } from '../report/model.js';
import { chartCells, chartDescription, chartSpaceXml } from './chart.js';
import type { ChartCells } from './chart.js';
import type { ByteSink } from './byte-sink.js';
import { ZipWriter } from './zip-writer.js';
import { escapeXml } from './xml-escape.js';
import { RowFormulaCache, formulaText, quotedSheet, rowRuns, tablePlaces } from './xlsx-formulas.js';
import type { RowFormula, TablePlace } from './xlsx-formulas.js';

/** One worksheet: a title, optional headline figures, tables stacked top to bottom, images. */
export interface SheetSpec {
  /** Sheet tab name (translated by the caller; sanitised and shortened to 31 characters here). */
  name: string;
  /** First row of the sheet; defaults to the first table's title. */
  title?: string;
  /** Key figures shown as label/value rows above the tables. */
  headline?: Report['headline'];
  tables: Table[];
  /**
   * Native charts, stacked to the right of the content; each draws a table of this sheet (by
   * table id). A chart whose table is empty or not on this sheet is left out.
   */
  charts?: Chart[];
}

/**
 * How money cells are written and shown: `value` digits turn cents into the cell's number
 * (the currency's minor digits, + 4 for 万), `shown` decimals are the number format's. A cell
 * always holds the exact amount; only the display rounds.
 */
export interface MoneyDigits {
  value: number;
  shown: number;
}

/** The money digits for a currency's minor digits and a unit. */
export function moneyDigits(digits: number, unit?: AmountUnit): MoneyDigits {
  if (unit === 'wan') return { value: digits + 4, shown: 2 };
  if (unit === 'yuan') return { value: digits, shown: 0 };
  return { value: digits, shown: digits };
}

/** Options of the workbook renderer. */
export interface XlsxOptions {
  /** Minor-unit digits of the currency (money cells are integer cents in the model). */
  digits: number;
  /** ISO currency code, shown in the caption line of every sheet with money. */
  currency: string;
  /** Document timestamp written to docProps and every zip entry (UTC). */
  date: Date;
  /** Author written to docProps. */
  creator: string;
  /** Caption prefix for amounts ("Amounts in"); translated by the caller. */
  amountsIn?: string;
  /** The whole amounts line of every sheet with money, when it says more than `amountsIn` + currency (a unit); translated by the caller. */
  amountsLine?: string;
  /**
   * What every sheet says under its title so that it reads alone (company, report, period,
   * as-of date); the amounts line follows on the same row, so every sheet then names its currency.
   */
  sheetLine?: string;
  /**
   * The unit money cells are written in: `yuan` keeps the exact value and shows whole units;
   * `wan` writes the exact value in units of 10,000 (cents / 10^(digits + 4), every digit kept)
   * and shows two decimals. Default: the exact value shown with the currency's minor digits.
   */
  unit?: AmountUnit;
  /** Suffix of the hidden tone helper columns' headers (default " (tone)"); translated by the caller. */
  toneSuffix?: string;
  /** Left part of the printed header of every sheet (the company name). */
  headerLeft?: string;
  /** Printed footer, with `{page}` and `{pages}` (default "Page {page} of {pages}"). */
  pageOf?: string;
  /** Language tag of the chart texts (default en-US). */
  lang?: string;
  /** zlib deflate level of the zip entries (default DEFAULT_COMPRESSION). */
  compressionLevel?: number;
}

/**
 * zlib level of the sheets. Measured on the L benchmark workbook (260 MB of XML): level 6
 * gave 32.1 MB in about 1.5 s more wall time than level 4 (35.9 MB), level 1 40.1 MB.
 */
export const DEFAULT_COMPRESSION = 4;

/** Excel's row limit per sheet. */
export const EXCEL_MAX_ROWS = 1_048_576;

/** What was written, for `--format json` and progress messages. */
export interface XlsxSummary {
  /** Always false: every workbook is written row by row and keeps its charts (kept for report JSON version 1). */
  streaming: false;
  /** `charts`: native charts written on the sheet; `images` the same count, its version-1 name (charts used to be pictures). */
  sheets: { name: string; rows: number; charts: number; images: number }[];
}

/** A sheet that does not fit Excel's grid; the caller reports it as a user-facing error. */
export class XlsxLimitError extends Error {}

const TONES: Tone[] = ['favourable', 'unfavourable', 'warn', 'critical'];
/** Font and fill per tone: Excel's own "good", "bad" and "neutral" cell styles. */
const TONE_STYLE: Record<Tone, { font: string; fill: string; bold?: boolean }> = {
  favourable: { font: 'FF006100', fill: 'FFC6EFCE' },
  unfavourable: { font: 'FF9C0006', fill: 'FFFFC7CE' },
  warn: { font: 'FF9C5700', fill: 'FFFFEB9C' },
  critical: { font: 'FF9C0006', fill: 'FFFFC7CE', bold: true },
};

/** Characters a sheet name may not contain. */
const BAD_SHEET_CHARS = /[[\]:*?/\\]/g;
// eslint-disable-next-line no-control-regex -- these are the ones removed
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/g;

/** The first `max` UTF-16 units of a text, without splitting a surrogate pair. */
function cut(text: string, max: number): string {
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

/** Makes sheet names valid (no []:*?/\, at most 31 characters) and unique. */
export function sheetNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((raw) => {
    // Control characters would differ between the sheet list and the defined names; cuts are
    // by code point, so an emoji is never split into a lone surrogate.
    const base = cut(raw.replace(BAD_SHEET_CHARS, ' ').replace(CONTROL_CHARS, ' ').replace(/^'+|'+$/g, '').trim(), 31).trim() || 'Sheet';
    let name = base;
    for (let i = 2; used.has(name.toLowerCase()); i++) name = `${cut(base, 31 - String(i).length - 1)} ${i}`;
    used.add(name.toLowerCase());
    return name;
  });
}

/** Excel column letters of a 1-based index. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The money format: thousands separators, negatives in parentheses, zero as "-". */
export function moneyFormat(digits: number): string {
  const n = digits > 0 ? `#,##0.${'0'.repeat(digits)}` : '#,##0';
  return `${n};(${n});"-"`;
}

const PERCENT_FORMAT = '0.0%';
const DATE_FORMAT = 'yyyy-mm-dd';

function isNumeric(type: ColumnType): boolean {
  return type === 'money' || type === 'number' || type === 'quantity';
}

/** Days from Excel's epoch (1899-12-30, which absorbs the 1900 leap-year bug) to 1970-01-01. */
const EXCEL_EPOCH_OFFSET = 25569;

/** Whether the characters of `text` from `from` to `to` (exclusive) are ASCII digits. */
function digitsAt(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** The number the ASCII digits of `text` from `from` to `to` spell. */
function digitsValue(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + text.charCodeAt(i) - 48;
  return n;
}

/**
 * The serial day number of a `yyyy-mm-dd` text, or null for any other text (written as text).
 * Read digit by digit: a split per date cell allocated ~18 MB at L.
 */
function dateSerial(text: string): number | null {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || !digitsAt(text, 0, 4) || !digitsAt(text, 5, 7) || !digitsAt(text, 8, 10)) return null;
  // Computed in UTC so it never moves with the time zone.
  return Date.UTC(digitsValue(text, 0, 4), digitsValue(text, 5, 7) - 1, digitsValue(text, 8, 10)) / 86_400_000 + EXCEL_EPOCH_OFFSET;
}

/**
 * The value written to a cell for a model cell: a number, or a string that is always written
 * as text (a shared string), whatever it starts with (=, +, -, @).
 */
function excelValue(value: Cell, type: ColumnType, digits: MoneyDigits): number | string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    // A date is a serial day number.
    return type === 'date' ? (dateSerial(value) ?? value) : value;
  }
  switch (type) {
    case 'money':
      return fromCents(value, digits.value);
    case 'percent':
      return value / 100;
    default:
      return value;
  }
}

function numberFormat(value: Cell, type: ColumnType, digits: MoneyDigits): string | undefined {
  switch (type) {
    case 'money':
      return moneyFormat(digits.shown);
    case 'percent':
      return PERCENT_FORMAT;
    case 'date':
      return DATE_FORMAT;
    case 'number':
    case 'quantity':
      // `#,##0.###` would print "12." for whole numbers.
      return typeof value === 'number' && !Number.isInteger(value) ? '#,##0.###' : '#,##0';
    default:
      return undefined;
  }
}

/** How wide a value looks, counting East Asian characters as two. */
function displayWidth(text: string): number {
  // Most text is below U+1100 (no wide characters, no surrogate pairs): its width is its length.
  let narrow = true;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) >= 0x1100) {
      narrow = false;
      break;
    }
  }
  if (narrow) return text.length;
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

function shownText(value: Cell, type: ColumnType, digits: MoneyDigits): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (type === 'money') {
    const s = Math.abs(fromCents(value, digits.value)).toFixed(digits.shown).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return value < 0 ? `(${s})` : s;
  }
  if (type === 'percent') return `${value.toFixed(1)}%`;
  return String(Number(value.toFixed(3))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Thousands separators an integer part of `n` digits gets. */
function separators(n: number): number {
  return n > 0 ? Math.floor((n - 1) / 3) : 0;
}

/** displayWidth(shownText(...)) without building the text, for the common single-line cases. */
function shownWidth(value: Cell, type: ColumnType, digits: MoneyDigits): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'string') return value.includes('\n') ? Math.max(...value.split('\n').map(displayWidth)) : displayWidth(value);
  if (type === 'money' && Number.isInteger(value) && Math.abs(value) < 1e15) {
    const major = String(Math.floor(Math.abs(value) / 10 ** digits.value)).length;
    return major + separators(major) + (digits.shown > 0 ? digits.shown + 1 : 0) + (value < 0 ? 2 : 0);
  }
  if (type !== 'money' && type !== 'percent') {
    const s = String(Number(value.toFixed(3)));
    if (!s.includes('e')) {
      const dot = s.indexOf('.');
      const int = (dot < 0 ? s.length : dot) - (s.startsWith('-') ? 1 : 0);
      return s.length + separators(int);
    }
  }
  return displayWidth(shownText(value, type, digits));
}

/** A SUM formula over rows `rows` (1-based sheet rows, ascending) of column `col`, contiguous runs as ranges. */
function sumFormula(col: string, rows: number[]): string {
  const parts: string[] = [];
  rowRuns(col, col, rows, parts);
  return `SUM(${parts.join(',')})`;
}

/**
 * The rows a subtotal or total row may add up, in order of preference: details since the
 * previous row of the same or a higher level, or (for totals) the subtotals since the
 * previous total, then the details. The same for every column of the row.
 */
function sumCandidates(rows: readonly Row[], index: number): number[][] {
  const row = rows[index]!;
  const details: number[] = [];
  const subtotals: number[] = [];
  for (let i = index - 1; i >= 0; i--) {
    const kind = rows[i]!.kind ?? 'detail';
    if (kind === 'total' || (row.kind === 'subtotal' && kind === 'subtotal')) break;
    (kind === 'detail' ? details : subtotals).push(i);
  }
  details.reverse();
  subtotals.reverse();
  return row.kind === 'total' && subtotals.length > 0 ? [subtotals, details] : [details];
}

/**
 * Finds which of the candidate rows a subtotal or total cell adds up, so it can be a live
 * formula. Returns null when none reproduces the computed value exactly, so a formula is
 * never written that would disagree with the report.
 */
function sumSources(rows: readonly Row[], index: number, key: string, candidates: readonly number[][]): number[] | null {
  const target = rows[index]!.cells[key];
  if (typeof target !== 'number') return null;
  for (const c of candidates) {
    if (c.length === 0) continue;
    let sum = 0;
    let ok = true;
    for (const i of c) {
      const v = rows[i]!.cells[key];
      if (v === null || v === undefined) continue;
      if (typeof v !== 'number') {
        ok = false;
        break;
      }
      sum += v;
    }
    // Integer cents (and counts) add exactly; quantities are compared with a small tolerance.
    if (ok && Math.abs(sum - target) < 1e-9) return c;
  }
  return null;
}

/** Columns of a table that carry a tone anywhere: each gets a hidden helper column. */
/** tonedColumns by table: a sheet asks twice (its helper columns, then each table's). */
const tonedByTable = new WeakMap<Table, string[]>();

function tonedColumns(table: Table): string[] {
  let toned = tonedByTable.get(table);
  if (toned) return toned;
  // Each column looked up in the rows' tones until found: enumerating every row's tones
  // (Object.keys, or for-in over tones of several shapes) allocated ~80 MB at L.
  const rest = table.columns.map((c) => c.key);
  const found = new Set<string>();
  // Indexed: a for-of loop that runs once per table allocated an iteration result per row until optimised (~22 MB at L).
  for (let r = 0; r < table.rows.length; r++) {
    const tones = table.rows[r]!.tones;
    if (!tones) continue;
    for (let i = rest.length - 1; i >= 0; i--) {
      if (Object.hasOwn(tones, rest[i]!)) found.add(rest.splice(i, 1)[0]!);
    }
    if (rest.length === 0) break;
  }
  toned = table.columns.map((c) => c.key).filter((k) => found.has(k));
  tonedByTable.set(table, toned);
  return toned;
}

function sheetTitle(sheet: SheetSpec): string {
  return sheet.title ?? sheet.tables[0]?.title ?? sheet.name;
}

function hasMoney(sheet: SheetSpec): boolean {
  return (sheet.headline ?? []).some((h) => h.type === 'money') || sheet.tables.some((t) => t.columns.some((c) => c.type === 'money'));
}

/** The second row of a sheet: the sheet line and the amounts line, or the amounts line on a sheet with money, or none. */
function secondLine(sheet: SheetSpec, options: XlsxOptions): string | null {
  const amounts = options.amountsLine ?? `${options.amountsIn ?? 'Amounts in'} ${options.currency}`;
  if (options.sheetLine) return `${options.sheetLine} | ${amounts}`;
  return hasMoney(sheet) ? amounts : null;
}

/**
 * The sheet row of each table's first data row: title, "Amounts in", headline, then per table
 * a blank row and its title (unless it is the sheet's title row), caption, header. The writer
 * follows the same layout and checks it; formulas on other sheets rely on it.
 */
function tableFirstDataRows(sheet: SheetSpec, options: XlsxOptions): number[] {
  let row = 1 + (secondLine(sheet, options) === null ? 0 : 1) + (sheet.headline?.length ? sheet.headline.length + 1 : 0);
  const title = sheetTitle(sheet);
  return sheet.tables.map((t) => {
    if (row > 2 || t.title !== title) row += 2;
    if (t.caption) row += 1;
    const first = row + 2;
    // An empty table shows one "-" row.
    row += 1 + Math.max(1, t.rows.length);
    return first;
  });
}

/** The sheet row of the first table's header (the row that is frozen and printed on every page). */
function firstHeaderRow(sheet: SheetSpec, options: XlsxOptions): number {
  return tableFirstDataRows(sheet, options)[0]! - 1;
}

/** An upper bound of the rows a sheet takes. */
function countRows(sheet: SheetSpec): number {
  return sheet.tables.reduce((n, t) => n + t.rows.length + 4, (sheet.headline?.length ?? 0) + 3);
}

/** Visible columns (the widest table's) and hidden tone helper columns of a sheet. */
function sheetColumns(sheet: SheetSpec): { visible: number; helpers: number } {
  return { visible: Math.max(2, ...sheet.tables.map((t) => t.columns.length)), helpers: Math.max(0, ...sheet.tables.map((t) => tonedColumns(t).length)) };
}

// ---------------------------------------------------------------------------------------------
// SpreadsheetML primitives

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Prefix of the office document relationship types. */
const REL = `${NS_REL}/`;

/** The visual attributes of one cell format (a `cellXfs` entry). */
interface CellStyle {
  numFmt?: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  fill?: string;
  border?: 'top' | 'bottom';
  horizontal?: 'right';
  vertical?: 'top' | 'center';
  wrap?: boolean;
}

/** Fonts, fills, borders, number formats and cell formats, numbered in first-use order. */
class StyleSheet {
  private readonly numFmts = new Map<string, number>();
  private readonly fonts = new Map<string, number>([['<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>', 0]]);
  private readonly fills = new Map<string, number>([
    ['<fill><patternFill patternType="none"/></fill>', 0],
    ['<fill><patternFill patternType="gray125"/></fill>', 1],
  ]);
  private readonly borders = new Map<string, number>([['<border><left/><right/><top/><bottom/><diagonal/></border>', 0]]);
  private readonly xfs = new Map<string, number>([['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>', 0]]);

  /** The `s` index of a cell style; 0 is the default. */
  id(style: CellStyle): number {
    const numFmtId = style.numFmt ? this.intern(this.numFmts, style.numFmt, 164) : 0;
    const fontXml = `<font>${style.bold ? '<b/>' : ''}${style.italic ? '<i/>' : ''}<sz val="${style.size ?? 11}"/>${style.color ? `<color rgb="${style.color}"/>` : ''}<name val="Calibri"/><family val="2"/></font>`;
    const fontId = this.intern(this.fonts, fontXml, 0);
    const fillId = style.fill ? this.intern(this.fills, `<fill><patternFill patternType="solid"><fgColor rgb="${style.fill}"/><bgColor indexed="64"/></patternFill></fill>`, 0) : 0;
    const borderId = style.border
      ? this.intern(this.borders, style.border === 'top' ? '<border><left/><right/><top style="thin"><color indexed="64"/></top><bottom/><diagonal/></border>' : '<border><left/><right/><top/><bottom style="thin"><color indexed="64"/></bottom><diagonal/></border>', 0)
      : 0;
    const align = style.horizontal || style.vertical || style.wrap;
    const xf =
      `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"` +
      `${numFmtId ? ' applyNumberFormat="1"' : ''}${fontId ? ' applyFont="1"' : ''}${fillId ? ' applyFill="1"' : ''}${borderId ? ' applyBorder="1"' : ''}` +
      (align
        ? ` applyAlignment="1"><alignment${style.horizontal ? ` horizontal="${style.horizontal}"` : ''}${style.vertical ? ` vertical="${style.vertical}"` : ''}${style.wrap ? ' wrapText="1"' : ''}/></xf>`
        : '/>');
    return this.intern(this.xfs, xf, 0);
  }

  private intern(map: Map<string, number>, key: string, base: number): number {
    let id = map.get(key);
    if (id === undefined) {
      id = base + map.size;
      map.set(key, id);
    }
    return id;
  }

  xml(): string {
    const list = (tag: string, map: Map<string, number>): string => `<${tag} count="${map.size}">${[...map.keys()].join('')}</${tag}>`;
    const numFmts = [...this.numFmts].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`).join('');
    // Conditional-formatting looks, one per tone in TONES order (dxfId = index).
    const dxfs = TONES.map((t) => {
      const s = TONE_STYLE[t];
      return `<dxf><font>${s.bold ? '<b/>' : ''}<color rgb="${s.font}"/></font><fill><patternFill patternType="solid"><bgColor rgb="${s.fill}"/></patternFill></fill></dxf>`;
    }).join('');
    return (
      `${XML_DECL}<styleSheet xmlns="${NS_MAIN}">` +
      (this.numFmts.size ? `<numFmts count="${this.numFmts.size}">${numFmts}</numFmts>` : '') +
      list('fonts', this.fonts) +
      list('fills', this.fills) +
      list('borders', this.borders) +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      list('cellXfs', this.xfs) +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      `<dxfs count="${TONES.length}">${dxfs}</dxfs>` +
      '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      '</styleSheet>'
    );
  }
}

/** Leading and trailing white space of a shared string. */
const EDGE_BLANKS = /^\s+|\s+$/g;

/**
 * A shared string's `<t>` content. The schema (ST_Xstring) does not declare `xml:space` on
 * `<t>`, so readers may trim blanks at either end; those are written as `_xHHHH_` escapes
 * instead, which the standard defines for exactly this (Excel, LibreOffice and openpyxl decode
 * them). Line breaks inside the text are kept as they are.
 */
function sharedText(s: string): string {
  const escaped = escapeXml(s);
  return /^\s|\s$/.test(escaped) ? escaped.replace(EDGE_BLANKS, (run) => [...run].map((c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`).join('')) : escaped;
}

/**
 * What a column remembers of its texts: the last one and its id (a column often repeats the
 * text of the row above: a department, a warehouse, a status), and while it has held few
 * distinct texts, all of their ids. Measured at L: a look-up in the workbook's table of
 * 313,000 texts cost ~500 ns (memory latency), one in a column's table of a few dozen ~25 ns;
 * about half of the 1.9 million look-ups are in such columns (alert, measure, account, category).
 */
class ColumnStrings {
  lastText: string | undefined = undefined;
  lastId = 0;
  /** Ids of the column's texts; dropped once it passes COLUMN_TEXTS (then it would only add work). */
  known: Map<string, number> | null = new Map();
}

/** Distinct texts a column's own table holds at most (see ColumnStrings). */
const COLUMN_TEXTS = 4096;

/** The shared-string table: each distinct text once, numbered in first-use order. */
class SharedStrings {
  private readonly ids = new Map<string, number>();
  private readonly list: string[] = [];
  private uses = 0;
  /** Per sheet column, for the cells outside data rows (titles, headers). */
  private readonly slots: ColumnStrings[] = [];

  /** The index of a text in column `column` (a data column's, or a slot by sheet column). */
  id(text: string, column: ColumnStrings | number): number {
    this.uses++;
    const c = typeof column === 'number' ? (this.slots[column] ??= new ColumnStrings()) : column;
    if (c.lastText === text) return c.lastId;
    const known = c.known;
    let id = known === null ? undefined : known.get(text);
    if (id === undefined) {
      id = this.ids.get(text);
      if (id === undefined) {
        id = this.list.length;
        this.ids.set(text, id);
        this.list.push(text);
      }
      if (known !== null) {
        if (known.size < COLUMN_TEXTS) known.set(text, id);
        else c.known = null;
      }
    }
    c.lastText = text;
    c.lastId = id;
    return id;
  }

  /**
   * The table's XML, written into `out` text by text (concatenating it into chunks first
   * allocated ~45 MB at L), yielding every 1,024 texts so the compressor gets its blocks.
   */
  *xml(out: ByteSink): Generator<void> {
    out.text(`${XML_DECL}<sst xmlns="${NS_MAIN}" count="${this.uses}" uniqueCount="${this.list.length}">`);
    const list = this.list;
    for (let i = 0; i < list.length; i++) {
      out.ascii('<si><t>');
      out.text(sharedText(list[i]!));
      out.ascii('</t></si>');
      if ((i & 1023) === 1023) yield;
    }
    out.ascii('</sst>');
  }
}

/** How a number is written in `<v>`: JavaScript's shortest round-trip form is valid xsd:double. */
function numberText(n: number): string {
  return Number.isFinite(n) ? String(n) : '0';
}

/**
 * The `<v>` text of an amount in integer minor units, by integer arithmetic: the exact
 * decimal (which Excel reads as the same double as cents / 10^digits), without a
 * double-to-shortest-string conversion per cell.
 */
export function centsText(cents: number, digits: number): string {
  if (digits === 0 || !Number.isSafeInteger(cents)) return numberText(digits === 0 ? cents : cents / 10 ** digits);
  const scale = 10 ** digits;
  const abs = Math.abs(cents);
  const major = Math.floor(abs / scale);
  let minor = abs - major * scale;
  const sign = cents < 0 ? '-' : '';
  if (minor === 0) return `${sign}${major}`;
  let width = digits;
  while (minor % 10 === 0) {
    minor /= 10;
    width--;
  }
  return `${sign}${major}.${String(minor).padStart(width, '0')}`;
}

interface SheetLayout {
  /** The sheet row of the header that is frozen, or null without tables. */
  headerRow: number | null;
  /** The auto-filter range when the sheet has exactly one table with rows. */
  autoFilter: { first: string; last: string } | null;
  /** Rows to repeat on every printed page. */
  printTitles: number | null;
  dataRows: number;
}

interface WriteContext {
  styles: StyleSheet;
  strings: SharedStrings;
  options: XlsxOptions;
  /** Every table's place in the workbook, for formulas that point at other tables. */
  places: ReadonlyMap<string, TablePlace | null>;
  /** Final (sanitised) sheet names by the names the report gave, for links. */
  sheetNames: ReadonlyMap<string, string>;
}

/** The style of a data cell, memoised per number format and flags (wrap, bold, top border). */
function dataStyle(ctx: WriteContext, cache: Map<string, number[]>, numFmt: string | undefined, flags: number): number {
  const key = numFmt ?? '';
  let ids = cache.get(key);
  if (!ids) {
    ids = [];
    cache.set(key, ids);
  }
  let id = ids[flags];
  if (id === undefined) {
    id = ctx.styles.id({ ...(numFmt ? { numFmt } : {}), ...(flags & 1 ? { wrap: true, vertical: 'top' as const } : {}), ...(flags & 2 ? { bold: true } : {}), ...(flags & 4 ? { border: 'top' as const } : {}) });
    ids[flags] = id;
  }
  return id;
}

/** The widest a column gets; longer text wraps inside it (see wrapsText). */
const MAX_WIDTH = 60;

/** Text on several lines, or too wide for the widest column, wraps: cut at the cell's edge it would be lost on screen and on paper. */
function wrapsText(v: Cell, digits: MoneyDigits): boolean {
  if (typeof v !== 'string') return false;
  // No character is wider than two: a short text fits unless it has a line break.
  if (2 * v.length + 2 <= MAX_WIDTH) return v.includes('\n');
  return v.includes('\n') || shownWidth(v, 'text', digits) + 2 > MAX_WIDTH;
}

/**
 * The lines a wrapped text takes in a column `width` characters wide: each of its own lines
 * broken at the width (two characters kept for the cell's padding and for words moved whole).
 * Readers do not size rows to wrapped text on their own (LibreOffice drew the Plan's risk
 * register over the rows below it), so the row gets this many lines of height.
 */
function wrappedLines(text: string, width: number): number {
  const room = Math.max(1, width - 2);
  return text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(displayWidth(part) / room)), 0);
}

/** Points per line of the default font (Calibri 11), as `defaultRowHeight`. */
const LINE_HEIGHT = 15;

/**
 * At least the shownWidth of a fraction below 10^15 that is neither money nor a percentage:
 * sign, integer digits (one more where rounding to three decimals carries) with separators,
 * point and three decimals.
 */
function fractionWidthBound(v: number): number {
  const whole = Math.floor(Math.abs(v)) + 1;
  let digits = 1;
  for (let p = 10; p <= whole; p *= 10) digits++;
  return 1 + digits + separators(digits) + 4;
}

/** Column widths of a sheet: every shown value must be known before the first row (<cols> precedes the data). */
function columnWidths(sheet: SheetSpec, visible: number, digits: MoneyDigits): number[] {
  const widths = new Array<number>(visible).fill(8);
  const fitWidth = (i: number, w: number): void => {
    widths[i] = Math.max(widths[i] ?? 8, Math.min(MAX_WIDTH, w + 2));
  };
  for (const h of sheet.headline ?? []) {
    fitWidth(0, shownWidth(h.label, 'text', digits));
    // Bold figures are wider than plain text; leave room so none shows as ###.
    fitWidth(1, shownWidth(h.value, h.type, digits) + 2);
  }
  for (const t of sheet.tables) {
    const n = t.columns.length;
    t.columns.forEach((c, i) => fitWidth(i, shownWidth(c.header, 'text', digits)));
    // A whole number's width grows with its magnitude, by sign: only each column's smallest
    // and largest are measured (money, counts and percentages alike; see shownWidth). So does
    // a percentage's with one decimal; other fractions are measured only when they might
    // widen the column (measuring every one, through its text, cost ~0.3 s at L).
    const low = new Array<number>(n).fill(Infinity);
    const high = new Array<number>(n).fill(-Infinity);
    // A column often repeats the text of the row above, which was measured already.
    const last = new Array<string | undefined>(n);
    // Row by row, not column by column: each row's cells are read while they are in the cache.
    for (let row = 0; row < t.rows.length; row++) {
      const r = t.rows[row]!;
      for (let i = 0; i < n; i++) {
        // A column at the cap cannot get wider.
        if (widths[i] === MAX_WIDTH) continue;
        const c = t.columns[i]!;
        const v = r.cells[c.key];
        if (typeof v === 'number' && Math.abs(v) < 1e15 && (Number.isInteger(v) || c.type === 'percent')) {
          if (v < low[i]!) low[i] = v;
          if (v > high[i]!) high[i] = v;
        } else if (typeof v === 'number' && c.type !== 'money' && Math.abs(v) < 1e15 && fractionWidthBound(v) + 2 <= widths[i]!) {
          continue;
        } else if (typeof v === 'string') {
          if (v === last[i] || 2 * v.length + 2 <= widths[i]!) continue;
          last[i] = v;
          fitWidth(i, shownWidth(v, c.type, digits));
        } else if (v !== null && v !== undefined) fitWidth(i, shownWidth(v, c.type, digits));
      }
    }
    t.columns.forEach((c, i) => {
      if (low[i]! > high[i]!) return;
      fitWidth(i, shownWidth(low[i]!, c.type, digits));
      fitWidth(i, shownWidth(high[i]!, c.type, digits));
    });
  }
  return widths;
}

/** The worksheet's start: views (the frozen header, if any), column widths, hidden helper columns. */
function sheetHeadXml(widths: readonly number[], visible: number, helpers: number, headerRow: number | null, selected: boolean): string {
  let head = `${XML_DECL}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`;
  head += `<sheetViews><sheetView${selected ? ' tabSelected="1"' : ''} workbookViewId="0">`;
  if (headerRow !== null) {
    const top = `A${headerRow + 1}`;
    head += `<pane ySplit="${headerRow}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${top}" sqref="${top}"/>`;
  }
  head += '</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>';
  widths.forEach((w, i) => (head += `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`));
  if (helpers > 0) head += `<col min="${visible + 1}" max="${visible + helpers}" width="8" hidden="1" customWidth="1"/>`;
  return `${head}</cols><sheetData>`;
}

/**
 * The colour rules of one toned column: they read the hidden helper column of the same row, so
 * they follow the row when the user sorts or filters (a rule pinned to fixed cells would stay
 * behind). Priorities continue after `priority`, one per tone.
 */
function toneRuleXml(col: string, helper: string, firstData: number, lastData: number, priority: number): string {
  return (
    `<conditionalFormatting sqref="${col}${firstData}:${col}${lastData}">` +
    TONES.map((tone, dxf) => `<cfRule type="expression" dxfId="${dxf}" priority="${priority + dxf + 1}"><formula>${escapeXml(`$${helper}${firstData}="${tone}"`)}</formula></cfRule>`).join('') +
    '</conditionalFormatting>'
  );
}

/** A subtotal or total cell's SUM over the rows it adds up (see sumSources), or undefined. */
function totalFormula(rows: readonly Row[], index: number, key: string, column: string, firstData: number, candidates: readonly number[][]): string | undefined {
  const sources = sumSources(rows, index, key, candidates);
  return sources ? sumFormula(column, sources.map((s) => firstData + s)) : undefined;
}

/** The worksheet's end: auto-filter, colour rules, page setup, header and footer, drawing. */
function sheetTailXml(layout: SheetLayout, conditional: readonly string[], options: XlsxOptions, drawingRel: string | null): string {
  let xml = '</sheetData>';
  if (layout.autoFilter) xml += `<autoFilter ref="${layout.autoFilter.first}:${layout.autoFilter.last}"/>`;
  xml += conditional.join('');
  xml += '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>';
  xml += '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>';
  xml += headerFooterXml(options);
  if (drawingRel) xml += `<drawing r:id="${drawingRel}"/>`;
  return `${xml}</worksheet>`;
}

/**
 * Writes the cells of a worksheet's rows into the entry's bytes: a cell's reference, style,
 * type, formula and value, as `<c>` elements, without building a string per cell.
 */
class CellWriter {
  /** The 1-based sheet row being written; cell references use it. */
  rowNo = 0;
  /** `<c r="` and the column's letters, per column. */
  private readonly heads: string[];
  /** The row number's digits, once per row rather than once per cell. */
  private rowText = '';
  /**
   * Per style id, the style attribute and what follows it up to the value: one copy per cell
   * instead of three or four (` s="5" t="s"><v>`). Below, by kind of cell.
   */
  private readonly emptyTails: string[] = [];
  private readonly sharedTails: string[] = [];
  private readonly inlineTails: string[] = [];
  private readonly valueTails: string[] = [];
  private readonly formulaTails: string[] = [];

  constructor(
    private readonly out: ByteSink,
    letters: readonly string[],
    private readonly strings: SharedStrings,
  ) {
    this.heads = letters.map((l) => `<c r="${l}`);
  }

  /** Opens the next row, `lines` lines of text high. */
  open(lines = 1): void {
    this.rowNo++;
    this.rowText = String(this.rowNo);
    this.out.ascii('<row r="');
    this.out.ascii(this.rowText);
    if (lines > 1) {
      this.out.ascii('" ht="');
      this.out.int(lines * LINE_HEIGHT);
      this.out.ascii('" customHeight="1">');
    } else this.out.ascii('">');
  }

  close(): void {
    this.out.ascii('</row>');
  }

  /** A row with one text in its first cell. */
  textRow(text: string, style: number): void {
    this.open();
    this.cell(1, text, style);
    this.close();
  }

  /**
   * A cell: a number (with its `<v>` text when given) or a string, which is always written
   * as text (a shared string) whatever it starts with (=, +, -, @); a text with a formula (a
   * link) is a formula string with its cached text inline. An empty cell is written only
   * where it carries a look (a total row's border).
   */
  cell(col: number, value: number | string | null, style: number, formula?: string, text?: string): void {
    const out = this.out;
    if (value === null && !style) return;
    if (value === null) return this.begin(col, style, this.emptyTails, '"/>');
    if (typeof value === 'string') {
      if (!formula) return this.shared(col, value, style);
      this.begin(col, style, this.inlineTails, '" t="str"><f>');
      out.text(escapeXml(formula));
      out.ascii('</f><v>');
      out.text(escapeXml(value));
    } else {
      this.numberStart(col, style, formula);
      out.ascii(text ?? numberText(value));
    }
    out.ascii('</v></c>');
  }

  /** A text cell: the index of its shared string (`column`: the data column's memory, else the sheet column's). */
  shared(col: number, text: string, style: number, column: ColumnStrings | number = col): void {
    this.begin(col, style, this.sharedTails, '" t="s"><v>');
    this.out.int(this.strings.id(text, column));
    this.out.ascii('</v></c>');
  }

  /** A number cell, written as JavaScript's shortest round-trip form (valid xsd:double). */
  number(col: number, style: number, formula: string | RowFormula | undefined, n: number): void {
    this.numberStart(col, style, formula);
    // Whole numbers digit by digit; fractions through their string; never NaN or Infinity.
    if (Number.isFinite(n)) this.out.int(n);
    else this.out.ascii('0');
    this.out.ascii('</v></c>');
  }

  /** A money cell: integer minor units written as the exact decimal (see centsText). */
  money(col: number, style: number, formula: string | RowFormula | undefined, cents: number, scale: number): void {
    this.numberStart(col, style, formula);
    if (scale > 0 && scale < 16 && Number.isSafeInteger(cents)) this.out.decimal(cents, scale);
    else this.out.ascii(centsText(cents, scale));
    this.out.ascii('</v></c>');
  }

  /** `<c r="B12" s="5"` and `tail` (memoised per style id in `tails`). */
  private begin(col: number, style: number, tails: string[], tail: string): void {
    this.out.ascii(this.heads[col]!);
    this.out.ascii(this.rowText);
    this.out.ascii((tails[style] ??= `${style ? `" s="${style}` : ''}${tail}`));
  }

  /** A number cell up to its `<v>`: the formula as text, or a row formula's pieces around this row's number. */
  private numberStart(col: number, style: number, formula: string | RowFormula | undefined): void {
    const out = this.out;
    if (formula === undefined) return this.begin(col, style, this.valueTails, '"><v>');
    this.begin(col, style, this.formulaTails, '"><f>');
    if (typeof formula === 'string') out.text(escapeXml(formula));
    else {
      const pieces = formula.pieces;
      out.text(pieces[0]!);
      for (let i = 1; i < pieces.length; i++) {
        out.ascii(this.rowText);
        out.text(pieces[i]!);
      }
    }
    out.ascii('</f><v>');
  }
}

/** What the data rows of one table need besides the table: the sheet's writer and layout. */
interface TableRun {
  sheetName: string;
  cells: CellWriter;
  digits: MoneyDigits;
  widths: readonly number[];
  letters: readonly string[];
  /** Hidden helper column of each toned column, in order. */
  helperCol: ReadonlyMap<string, number>;
  toned: readonly string[];
  /** Style ids of data cells by number format and flags, shared by the sheet's tables. */
  dataStyles: Map<string, number[]>;
}

/** A table column as the data rows write it: what is known per column rather than per cell. */
interface DataColumn {
  key: string;
  type: ColumnType;
  col: number;
  numeric: boolean;
  /** Whether a value may be fractional (number, quantity): those cells get a second number format. */
  fractional: boolean;
  formats: [string | undefined, string | undefined];
  /** Style ids by number-format variant (whole or fractional) and flags. */
  styles: [number[], number[]];
  /** The last date text of the column and its serial (dates repeat down a column). */
  lastDate: string | undefined;
  lastSerial: number | null;
  /** Formulas over the row being written, built once per shape. */
  rowFormulas: RowFormulaCache;
  strings: ColumnStrings;
}

function dataColumns(table: Table, digits: MoneyDigits, ctx: WriteContext, sheetName: string): DataColumn[] {
  return table.columns.map((c, i) => ({
    key: c.key,
    type: c.type,
    col: i + 1,
    numeric: isNumeric(c.type),
    fractional: c.type === 'number' || c.type === 'quantity',
    formats: [numberFormat(0, c.type, digits), numberFormat(0.5, c.type, digits)],
    styles: [[], []],
    lastDate: undefined,
    lastSerial: null,
    rowFormulas: new RowFormulaCache(ctx.places, sheetName, escapeXml),
    strings: new ColumnStrings(),
  }));
}

/**
 * Reads a row's values into `values` and measures its wrapped texts; returns the row's height
 * in lines. `lastText`, `wraps` and `lastLines` carry each column's last text over to the next row.
 */
function readRow(r: Row, columns: readonly DataColumn[], digits: MoneyDigits, widths: readonly number[], state: { values: Cell[]; wraps: Uint8Array; lastText: (string | undefined)[]; lastLines: number[] }): number {
  const { values, wraps, lastText, lastLines } = state;
  let lines = 1;
  for (let k = 0; k < columns.length; k++) {
    const v = r.cells[columns[k]!.key] ?? null;
    values[k] = v;
    if (typeof v !== 'string') {
      wraps[k] = 0;
      lastText[k] = undefined;
    } else if (v !== lastText[k]) {
      // A text repeated from the row above wraps the same (the column's width is fixed).
      lastText[k] = v;
      wraps[k] = wrapsText(v, digits) ? 1 : 0;
      lastLines[k] = wraps[k] ? wrappedLines(v, widths[k]!) : 1;
    }
    if (wraps[k]) lines = Math.max(lines, lastLines[k]!);
  }
  return lines;
}

/** The data rows of a table, yielding now and then so the compressor gets its blocks. */
function* dataRowsXml(table: Table, firstData: number, ctx: WriteContext, run: TableRun): Generator<void> {
  const { cells, digits, widths, letters, toned, helperCol, sheetName } = run;
  const columns = dataColumns(table, digits, ctx, sheetName);
  const helpers = toned.map((k) => helperCol.get(k)!);
  const state = { values: new Array<Cell>(columns.length).fill(null), wraps: new Uint8Array(columns.length), lastText: new Array<string | undefined>(columns.length), lastLines: new Array<number>(columns.length).fill(1) };
  const { values, wraps } = state;
  for (let index = 0; index < table.rows.length; index++) {
    const r: Row = table.rows[index]!;
    const total = r.kind === 'subtotal' || r.kind === 'total';
    const formulas = r.formulas;
    // A total row's source rows, found once for all its columns.
    let candidates: number[][] | undefined;
    const flagsBase = (total ? 2 : 0) | (r.kind === 'total' ? 4 : 0);
    // The row's height comes first in the markup: wrapped texts are measured before any cell is written.
    cells.open(readRow(r, columns, digits, widths, state));
    for (let k = 0; k < columns.length; k++) {
      const c = columns[k]!;
      const v = values[k]!;
      const variant = c.fractional && typeof v === 'number' && !Number.isInteger(v) ? 1 : 0;
      const flags = flagsBase | wraps[k]!;
      const style = c.styles[variant][flags] ?? (c.styles[variant][flags] = dataStyle(ctx, run.dataStyles, c.formats[variant], flags));
      if (v === null) {
        if (total) cells.cell(c.col, null, style);
        continue;
      }
      const own = formulas === undefined ? undefined : formulas[c.key];
      if (typeof v === 'string') {
        // A text is a shared string (or a link); a date column's date is a serial day number.
        if (c.type === 'date' && v !== c.lastDate) {
          c.lastDate = v;
          c.lastSerial = dateSerial(v);
        }
        const serial = c.type === 'date' ? c.lastSerial : null;
        if (serial !== null) cells.number(c.col, style, own ? formulaText(own, ctx.places, sheetName) : undefined, serial);
        else if (own?.op === 'link') cells.cell(c.col, v, style, formulaText(own, ctx.places, sheetName, v, ctx.sheetNames));
        else cells.shared(c.col, v, style, c.strings);
        continue;
      }
      // A number: the row's own formula (placed across sheets), else a total row's SUM of its sources.
      const formula = own
        ? (c.rowFormulas.pieces(own, table.id, index, cells.rowNo) ?? formulaText(own, ctx.places, sheetName))
        : total && c.numeric
          ? totalFormula(table.rows, index, c.key, letters[c.col]!, firstData, (candidates ??= sumCandidates(table.rows, index)))
          : undefined;
      if (c.type === 'money') cells.money(c.col, style, formula, v, digits.value);
      else cells.number(c.col, style, formula, c.type === 'percent' ? v / 100 : v);
    }
    if (r.tones) for (let t = 0; t < toned.length; t++) if (r.tones[toned[t]!]) cells.shared(helpers[t]!, r.tones[toned[t]!]!, 0);
    cells.close();
    // Every 64 rows (about 64 KB of XML at L) the compressor may take a block.
    if ((index & 63) === 63) yield;
  }
}

/**
 * One worksheet's XML, generated row by row into `out`. `layout` is filled in as the rows are
 * written (the workbook part, written after the sheets, needs the filter range and print titles).
 */
function* sheetXml(sheet: SheetSpec, sheetName: string, drawingRel: string | null, selected: boolean, ctx: WriteContext, layout: SheetLayout, out: ByteSink): Generator<void> {
  const { styles, strings, options } = ctx;
  const digits = moneyDigits(options.digits, options.unit);
  const { visible, helpers } = sheetColumns(sheet);
  const letters: string[] = [''];
  for (let i = 1; i <= visible + helpers; i++) letters.push(columnLetter(i));

  // One frozen header per sheet, and only over the one table it labels: frozen above stacked
  // tables it would name another table's columns (a "2026-04" above January figures).
  const headerRow = sheet.tables.length === 1 ? firstHeaderRow(sheet, options) : null;
  layout.headerRow = headerRow;
  const widths = columnWidths(sheet, visible, digits);
  out.text(sheetHeadXml(widths, visible, helpers, headerRow, selected));

  const cells = new CellWriter(out, letters, strings);
  const title = sheetTitle(sheet);
  cells.textRow(title, styles.id({ bold: true, size: 14 }));
  const second = secondLine(sheet, options);
  if (second !== null) cells.textRow(second, 0);
  if (sheet.headline?.length) {
    cells.rowNo++;
    for (const h of sheet.headline) {
      const fmt = numberFormat(h.value, h.type, digits);
      const style = styles.id({ ...(fmt ? { numFmt: fmt } : {}), bold: true, ...(h.tone ? { color: TONE_STYLE[h.tone].font, fill: TONE_STYLE[h.tone].fill } : {}) });
      const value = excelValue(h.value, h.type, digits);
      // A Summary figure counts or adds up the cells it summarises (the value cached beside it).
      const formula = h.formula && typeof value === 'number' ? formulaText(h.formula, ctx.places, sheetName) : undefined;
      cells.open();
      cells.cell(1, h.label, 0);
      cells.cell(2, value, style, formula, h.type === 'money' && typeof h.value === 'number' ? centsText(h.value, digits.value) : undefined);
      cells.close();
    }
  }

  const conditional: string[] = [];
  let priority = 0;
  const single = sheet.tables.length === 1 && !sheet.headline?.length;
  const dataStyles = new Map<string, number[]>();
  const headerText = styles.id({ bold: true, fill: 'FFD9E1F2', border: 'bottom', vertical: 'center', wrap: true });
  const headerNumber = styles.id({ bold: true, fill: 'FFD9E1F2', border: 'bottom', horizontal: 'right', vertical: 'center', wrap: true });
  for (const table of sheet.tables) {
    if (cells.rowNo > 2 || table.title !== title) {
      cells.rowNo++;
      cells.textRow(table.title, styles.id({ bold: true, size: 12 }));
    }
    if (table.caption) cells.textRow(table.caption, styles.id({ italic: true, color: 'FF595959' }));
    const toned = tonedColumns(table);
    const helperCol = new Map(toned.map((k, i) => [k, visible + 1 + i]));

    cells.open();
    const headerRowNo = cells.rowNo;
    table.columns.forEach((c, i) => cells.cell(i + 1, c.header, c.type === 'text' ? headerText : headerNumber));
    for (const k of toned) cells.cell(helperCol.get(k)!, `${table.columns.find((c) => c.key === k)!.header}${options.toneSuffix ?? ' (tone)'}`, headerText);
    cells.close();
    // The layout was computed up front for the frozen pane; a mismatch is a bug here.
    if (table === sheet.tables[0] && headerRow !== null && headerRowNo !== headerRow) throw new Error('xlsx layout: header row mismatch');
    // On paper, a header repeated above another table's rows would mislabel them.
    if (table === sheet.tables[0] && sheet.tables.length === 1) layout.printTitles = headerRowNo;

    const firstData = cells.rowNo + 1;
    // Formulas elsewhere point at the rows tableFirstDataRows predicted; a mismatch is a bug here.
    const place = ctx.places.get(table.id);
    if (place && place.sheet === sheetName && place.firstData !== firstData) throw new Error('xlsx layout: table row mismatch');
    yield* dataRowsXml(table, firstData, ctx, { sheetName, cells, digits, widths, letters, helperCol, toned, dataStyles });
    layout.dataRows += table.rows.length;
    const lastData = cells.rowNo;
    // One auto-filter per sheet: on the table when it is the only one.
    if (single && table.rows.length > 0) layout.autoFilter = { first: `A${headerRowNo}`, last: `${columnLetter(visible + toned.length)}${lastData}` };
    // Colours come from the hidden helper column of the same row (toneRuleXml).
    if (table.rows.length > 0) {
      for (const key of toned) {
        conditional.push(toneRuleXml(letters[table.columns.findIndex((c) => c.key === key) + 1]!, letters[helperCol.get(key)!]!, firstData, lastData, priority));
        priority += TONES.length;
      }
    }
    if (table.rows.length === 0) cells.textRow('-', 0);
  }
  if (cells.rowNo > EXCEL_MAX_ROWS) throw new XlsxLimitError(`sheet "${sheet.name}" needs ${cells.rowNo} rows; Excel allows ${EXCEL_MAX_ROWS}`);
  out.text(sheetTailXml(layout, conditional, options, drawingRel));
}

/** `&` starts a code in header and footer texts: a literal one is doubled. */
function headerText(text: string): string {
  return escapeXml(text.replace(/&/g, '&&'));
}

/**
 * The printed header and footer of every sheet: company on the left and the sheet name
 * (`&A`) in the middle of the header; "Page &P of &N" (translated by the caller) in the footer.
 */
function headerFooterXml(options: XlsxOptions): string {
  const head = `${options.headerLeft ? `&amp;L${headerText(options.headerLeft)}` : ''}&amp;C&amp;A`;
  const pages = escapeXml((options.pageOf ?? 'Page {page} of {pages}').replace(/&/g, '&&').replace('{page}', '&P').replace('{pages}', '&N'));
  return `<headerFooter><oddHeader>${head}</oddHeader><oddFooter>&amp;C${pages}</oddFooter></headerFooter>`;
}

/** EMUs (English metric units) per pixel at 96 dpi. */
const EMU_PER_PX = 9525;
/** Size of a chart on the sheet, in pixels. */
const CHART_WIDTH = 640;
const CHART_HEIGHT = 340;

/**
 * A drawing part: the sheet's charts stacked top to bottom from (column, row 2), each a
 * graphic frame pointing at its chart part (relationship rId1, rId2, ... in order) and
 * described by its title, categories and axes for screen readers.
 */
function drawingXml(descriptions: readonly string[], col: number): string {
  let xml = `${XML_DECL}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">`;
  const cx = CHART_WIDTH * EMU_PER_PX;
  const cy = CHART_HEIGHT * EMU_PER_PX;
  let top = 2;
  descriptions.forEach((descr, i) => {
    xml +=
      `<xdr:oneCellAnchor><xdr:from><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${top}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="${cx}" cy="${cy}"/>` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="Chart ${i + 1}" descr="${escapeXml(descr)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${NS_REL}" r:id="rId${i + 1}"/></a:graphicData></a:graphic>` +
      `</xdr:graphicFrame><xdr:clientData/></xdr:oneCellAnchor>`;
    // Stack the charts: 20 px per row at the default row height.
    top += Math.ceil(CHART_HEIGHT / 20) + 1;
  });
  return `${xml}</xdr:wsDr>`;
}

/**
 * The charts of a sheet that can be placed, with the cells they read. Cached values are the
 * texts the worksheet's cells hold (amounts by integer arithmetic, as the cells are written).
 */
function placedCharts(sheet: SheetSpec, sheetName: string, ctx: WriteContext): { chart: Chart; cells: ChartCells }[] {
  const digits = moneyDigits(ctx.options.digits, ctx.options.unit);
  const cached = (v: Cell, type: ColumnType): string | null => {
    if (typeof v !== 'number') return null;
    return type === 'money' ? centsText(v, digits.value) : numberText(excelValue(v, type, digits) as number);
  };
  const out: { chart: Chart; cells: ChartCells }[] = [];
  for (const chart of sheet.charts ?? []) {
    const table = sheet.tables.find((t) => t.id === chart.table);
    const cells = table ? chartCells(chart, table, ctx.places.get(table.id), sheetName, cached) : null;
    if (cells) out.push({ chart, cells });
  }
  return out;
}

function relationships(rels: { type: string; target: string }[]): string {
  return `${XML_DECL}<Relationships xmlns="${NS_PKG_REL}">${rels.map((r, i) => `<Relationship Id="rId${i + 1}" Type="${r.type}" Target="${escapeXml(r.target)}"/>`).join('')}</Relationships>`;
}

/** An xsd:dateTime in UTC without milliseconds, as docProps expects. */
function w3cDate(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The package's content types: every part by name, with the number of drawings and charts. */
function contentTypesXml(sheetCount: number, drawings: number, charts: number): string {
  return (
    `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    Array.from({ length: sheetCount }, (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
    Array.from({ length: drawings }, (_, d) => `<Override PartName="/xl/drawings/drawing${d + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`).join('') +
    Array.from({ length: charts }, (_, n) => `<Override PartName="/xl/charts/chart${n + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`).join('') +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
    '</Types>'
  );
}

/** The workbook part: sheets in order, each sheet's filter range and print titles as defined names. */
function workbookXml(names: readonly string[], layouts: readonly SheetLayout[]): string {
  const definedNames: string[] = [];
  layouts.forEach((l, i) => {
    const q = escapeXml(quotedSheet(names[i]!));
    if (l.autoFilter) {
      const abs = (ref: string): string => ref.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
      definedNames.push(`<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${q}!${abs(l.autoFilter.first)}:${abs(l.autoFilter.last)}</definedName>`);
    }
    if (l.printTitles !== null) definedNames.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${q}!$${l.printTitles}:$${l.printTitles}</definedName>`);
  });
  return (
    `${XML_DECL}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><workbookPr/><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="24000" windowHeight="12000"/></bookViews><sheets>` +
    names.map((n, i) => `<sheet name="${escapeXml(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
    '</sheets>' +
    (definedNames.length ? `<definedNames>${definedNames.join('')}</definedNames>` : '') +
    // Excel recomputes the SUM formulas on open; their cached results already hold the values.
    '<calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>'
  );
}

/** The package's own parts: relationships and document properties, with fixed dates. */
async function packagePartsXml(zip: ZipWriter, options: XlsxOptions): Promise<void> {
  await zip.add('_rels/.rels', [
    relationships([
      { type: `${REL}officeDocument`, target: 'xl/workbook.xml' },
      { type: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', target: 'docProps/core.xml' },
      { type: `${REL}extended-properties`, target: 'docProps/app.xml' },
    ]),
  ]);
  const creator = escapeXml(options.creator);
  const when = w3cDate(options.date);
  await zip.add('docProps/core.xml', [
    `${XML_DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      `<dc:creator>${creator}</dc:creator><cp:lastModifiedBy>${creator}</cp:lastModifiedBy>` +
      `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`,
  ]);
  await zip.add('docProps/app.xml', [
    `${XML_DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>${creator}</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop></Properties>`,
  ]);
}

/**
 * Writes sheets as an .xlsx file to `write`, part by part: every sheet is generated row by row
 * and compressed as it goes, with its charts. Returns the file's size and what was written.
 * Throws XlsxLimitError for a sheet over Excel's grid (before anything is written when the
 * row count says so up front), and whatever `write` throws.
 */
export async function writeXlsx(sheets: readonly SheetSpec[], options: XlsxOptions, write: (bytes: Uint8Array) => void): Promise<{ size: number; summary: XlsxSummary }> {
  const names = sheetNames(sheets.map((s) => s.name));
  for (const [i, s] of sheets.entries()) {
    if (countRows(s) > EXCEL_MAX_ROWS + 8) throw new XlsxLimitError(`sheet "${names[i]}" needs about ${countRows(s)} rows; Excel allows ${EXCEL_MAX_ROWS}`);
  }
  const zip = new ZipWriter(options.date, options.compressionLevel ?? DEFAULT_COMPRESSION, write);
  const places = tablePlaces(sheets.map((s, i) => ({ name: names[i]!, tables: s.tables, firstData: tableFirstDataRows(s, options) })), columnLetter);
  const ctx: WriteContext = { styles: new StyleSheet(), strings: new SharedStrings(), options, places, sheetNames: new Map(sheets.map((s, i) => [s.name, names[i]!])) };
  // The charts are placed first: the content types, first in the archive (where tools that
  // sniff the file type look for it), count their parts.
  const charts = sheets.map((sheet, i) => placedCharts(sheet, names[i]!, ctx));
  await zip.add('[Content_Types].xml', [contentTypesXml(sheets.length, charts.filter((c) => c.length > 0).length, charts.reduce((n, c) => n + c.length, 0))]);
  await packagePartsXml(zip, options);

  const summary: XlsxSummary = { streaming: false, sheets: [] };
  const layouts: SheetLayout[] = [];
  let drawingNo = 0;
  let chartNo = 0;
  const lang = options.lang ?? 'en-US';
  for (const [i, sheet] of sheets.entries()) {
    const layout: SheetLayout = { headerRow: null, autoFilter: null, printTitles: null, dataRows: 0 };
    const placed = charts[i]!;
    if (placed.length) {
      drawingNo++;
      await zip.add(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, [relationships([{ type: `${REL}drawing`, target: `../drawings/drawing${drawingNo}.xml` }])]);
      const cols = sheetColumns(sheet);
      await zip.add(`xl/drawings/drawing${drawingNo}.xml`, [drawingXml(placed.map((c) => chartDescription(c.chart, c.cells)), cols.visible + cols.helpers + 1)]);
      const parts = placed.map(() => ++chartNo);
      await zip.add(`xl/drawings/_rels/drawing${drawingNo}.xml.rels`, [relationships(parts.map((n) => ({ type: `${REL}chart`, target: `../charts/chart${n}.xml` })))]);
      for (const [k, c] of placed.entries()) await zip.add(`xl/charts/chart${parts[k]}.xml`, [chartSpaceXml(c.chart, c.cells, lang)]);
    }
    await zip.add(`xl/worksheets/sheet${i + 1}.xml`, (out) => sheetXml(sheet, names[i]!, placed.length ? 'rId1' : null, i === 0, ctx, layout, out));
    layouts[i] = layout;
    summary.sheets[i] = { name: names[i]!, rows: layout.dataRows, charts: placed.length, images: placed.length };
  }

  await zip.add('xl/workbook.xml', [workbookXml(names, layouts)]);
  await zip.add('xl/_rels/workbook.xml.rels', [
    relationships([
      ...sheets.map((_, i) => ({ type: `${REL}worksheet`, target: `worksheets/sheet${i + 1}.xml` })),
      { type: `${REL}styles`, target: 'styles.xml' },
      { type: `${REL}sharedStrings`, target: 'sharedStrings.xml' },
    ]),
  ]);
  await zip.add('xl/styles.xml', [ctx.styles.xml()]);
  await zip.add('xl/sharedStrings.xml', (out) => ctx.strings.xml(out));
  return { size: zip.finish(), summary };
}

/** Renders sheets to an .xlsx file in memory (see writeXlsx). */
export async function renderXlsx(sheets: readonly SheetSpec[], options: XlsxOptions): Promise<{ bytes: Uint8Array; summary: XlsxSummary }> {
  const parts: Uint8Array[] = [];
  const { summary } = await writeXlsx(sheets, options, (bytes) => parts.push(bytes));
  return { bytes: Buffer.concat(parts), summary };
}

/** The document date: SOURCE_DATE_EPOCH (seconds) when set, else the as-of date at 00:00 UTC. */
export function documentDate(asOf: string, sourceDateEpoch?: string): Date {
  if (sourceDateEpoch !== undefined && /^\d+$/.test(sourceDateEpoch)) return new Date(Number(sourceDateEpoch) * 1000);
  return new Date(`${asOf}T00:00:00Z`);
}

/** Helper for callers: a report's tables as one sheet each, named by table title. */
export function sheetsOfReport(report: Report): SheetSpec[] {
  return report.tables.map((t, i) => ({ name: t.title, tables: [t], ...(i === 0 && report.headline ? { headline: report.headline } : {}) }));
}

