// Report model -> Excel workbook (exceljs). One sheet holds one or more report tables; the
// cells carry real numbers with number formats, totals are live SUM formulas that carry the
// computed value, and colours follow each cell's tone through conditional formatting. The
// file is byte-identical for identical input: fixed document dates and fixed zip entry dates.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { fromCents } from '../model/money.js';
import type { Cell, ColumnType, Report, Row, Table, Tone } from '../report/model.js';

/** A picture placed on a sheet (charts are rendered to PNG beforehand). */
export interface SheetImage {
  png: Uint8Array;
  width: number;
  height: number;
}

/** One worksheet: a title, optional headline figures, tables stacked top to bottom, images. */
export interface SheetSpec {
  /** Sheet tab name (translated by the caller; sanitised and shortened to 31 characters here). */
  name: string;
  /** First row of the sheet; defaults to the first table's title. */
  title?: string;
  /** Key figures shown as label/value rows above the tables. */
  headline?: Report['headline'];
  tables: Table[];
  /** Charts, placed to the right of the content (in-memory workbooks only). */
  images?: SheetImage[];
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
  /** Sheets with more rows than this switch the workbook to exceljs's streaming writer. */
  streamingThreshold?: number;
}

/** Rows above which the whole workbook is written with the streaming writer. */
export const STREAMING_ROW_THRESHOLD = 50_000;

/** What was written, for `--format json` and progress messages. */
export interface XlsxSummary {
  streaming: boolean;
  sheets: { name: string; rows: number; images: number }[];
}

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

/** Makes sheet names valid (no []:*?/\, at most 31 characters) and unique. */
export function sheetNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((raw) => {
    const base = raw.replace(BAD_SHEET_CHARS, ' ').replace(/^'+|'+$/g, '').trim().slice(0, 31) || 'Sheet';
    let name = base;
    for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
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

/** The value written to a cell for a model cell. */
function excelValue(value: Cell, type: ColumnType, digits: number): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    if (type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
      const [y, m, d] = value.split('-').map(Number) as [number, number, number];
      // Serials are UTC: build the date in UTC or it moves with the machine's time zone.
      return new Date(Date.UTC(y, m - 1, d));
    }
    // A plain string value is always text in exceljs, whatever it starts with (=, +, -, @).
    return value;
  }
  switch (type) {
    case 'money':
      return fromCents(value, digits);
    case 'percent':
      return value / 100;
    default:
      return value;
  }
}

function numberFormat(value: Cell, type: ColumnType, digits: number): string | undefined {
  switch (type) {
    case 'money':
      return moneyFormat(digits);
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
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

function shownText(value: Cell, type: ColumnType, digits: number): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (type === 'money') {
    const s = Math.abs(fromCents(value, digits)).toFixed(digits).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return value < 0 ? `(${s})` : s;
  }
  if (type === 'percent') return `${value.toFixed(1)}%`;
  return String(Number(value.toFixed(3))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

// One style object per combination, shared by every cell that has it: exceljs registers a
// style per distinct object (a WeakMap on the object), so a fresh object per cell cost a
// style serialisation per cell — about a tenth of a large report's time. Never mutate these.
const STYLE_CACHE = new Map<string, Partial<ExcelJS.Style>>();

function sharedStyle(numFmt: string | undefined, wrap: boolean, bold: boolean, topBorder: boolean): Partial<ExcelJS.Style> | null {
  if (!numFmt && !wrap && !bold && !topBorder) return null;
  const key = `${numFmt ?? ''}\u0000${Number(wrap)}${Number(bold)}${Number(topBorder)}`;
  let style = STYLE_CACHE.get(key);
  if (!style) {
    style = {
      ...(numFmt ? { numFmt } : {}),
      ...(wrap ? { alignment: { wrapText: true, vertical: 'top' as const } } : {}),
      ...(bold ? { font: { bold: true } } : {}),
      ...(topBorder ? { border: { top: { style: 'thin' as const } } } : {}),
    };
    STYLE_CACHE.set(key, style);
  }
  return style;
}

/** A SUM formula over rows `rows` (1-based sheet rows) of column `col`, contiguous runs as ranges. */
function sumFormula(col: string, rows: number[]): string {
  const parts: string[] = [];
  let i = 0;
  while (i < rows.length) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j]! + 1) j++;
    parts.push(i === j ? `${col}${rows[i]}` : `${col}${rows[i]}:${col}${rows[j]}`);
    i = j + 1;
  }
  return `SUM(${parts.join(',')})`;
}

/**
 * Finds which rows a subtotal or total row adds up, so it can be a live formula: details
 * since the previous row of the same or a higher level, or (for totals) the subtotals since
 * the previous total. Returns null when neither reproduces the computed value exactly, so a
 * formula is never written that would disagree with the report.
 */
function sumSources(rows: readonly Row[], index: number, key: string): number[] | null {
  const row = rows[index]!;
  const target = row.cells[key];
  if (typeof target !== 'number') return null;
  const details: number[] = [];
  const subtotals: number[] = [];
  for (let i = index - 1; i >= 0; i--) {
    const kind = rows[i]!.kind ?? 'detail';
    if (kind === 'total' || (row.kind === 'subtotal' && kind === 'subtotal')) break;
    (kind === 'detail' ? details : subtotals).unshift(i);
  }
  const candidates = row.kind === 'total' && subtotals.length > 0 ? [subtotals, details] : [details];
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
function tonedColumns(table: Table): string[] {
  const keys = new Set<string>();
  for (const row of table.rows) for (const k of Object.keys(row.tones ?? {})) keys.add(k);
  return table.columns.filter((c) => keys.has(c.key)).map((c) => c.key);
}

function sheetTitle(sheet: SheetSpec): string {
  return sheet.title ?? sheet.tables[0]?.title ?? sheet.name;
}

function hasMoney(sheet: SheetSpec): boolean {
  return (sheet.headline ?? []).some((h) => h.type === 'money') || sheet.tables.some((t) => t.columns.some((c) => c.type === 'money'));
}

/** The sheet row of the first table's header (the row that is frozen and printed on every page). */
function firstHeaderRow(sheet: SheetSpec): number {
  let row = 1 + (hasMoney(sheet) ? 1 : 0) + (sheet.headline?.length ? sheet.headline.length + 1 : 0);
  const first = sheet.tables[0];
  if (!first) return row;
  if (row > 2 || first.title !== sheetTitle(sheet)) row += 2;
  if (first.caption) row += 1;
  return row + 1;
}

function frozenView(sheet: SheetSpec): Partial<ExcelJS.WorksheetView>[] {
  const h = firstHeaderRow(sheet);
  return sheet.tables.length ? [{ state: 'frozen', xSplit: 0, ySplit: h, topLeftCell: `A${h + 1}`, activeCell: `A${h + 1}` }] : [];
}

function countRows(sheet: SheetSpec): number {
  return sheet.tables.reduce((n, t) => n + t.rows.length + 3, (sheet.headline?.length ?? 0) + 2);
}

/** Visible columns (the widest table's) and hidden tone helper columns of a sheet. */
function sheetColumns(sheet: SheetSpec): { visible: number; helpers: number } {
  return { visible: Math.max(2, ...sheet.tables.map((t) => t.columns.length)), helpers: Math.max(0, ...sheet.tables.map((t) => tonedColumns(t).length)) };
}

type AnySheet = ExcelJS.Worksheet;

/** Writes one sheet's content; `commit` is set in streaming mode to flush each row. */
function fillSheet(ws: AnySheet, sheet: SheetSpec, options: XlsxOptions, streaming: boolean): { rows: number } {
  const digits = options.digits;
  const commit = (row: ExcelJS.Row): void => {
    if (streaming) row.commit();
  };
  // Widths first: the streaming writer needs them before the first row is committed.
  // Hidden tone helpers sit after the widest table's columns, so on a sheet with several
  // tables they never hide another table's visible column.
  const { visible, helpers } = sheetColumns(sheet);
  const widths = new Array<number>(visible).fill(8);
  const fit = (i: number, text: string): void => {
    widths[i] = Math.max(widths[i] ?? 8, Math.min(60, Math.max(...text.split('\n').map(displayWidth)) + 2));
  };
  for (const h of sheet.headline ?? []) {
    fit(0, h.label);
    // Bold figures are wider than plain text; leave room so none shows as ###.
    fit(1, `${shownText(h.value, h.type, digits)}  `);
  }
  for (const t of sheet.tables) {
    t.columns.forEach((c, i) => {
      fit(i, c.header);
      for (const r of t.rows) fit(i, shownText(r.cells[c.key] ?? null, c.type, digits));
    });
  }
  ws.columns = [...widths.map((w) => ({ width: w })), ...new Array<Partial<ExcelJS.Column>>(helpers).fill({ width: 8, hidden: true })];

  let rowNo = 0;
  let dataRows = 0;
  const add = (values: ExcelJS.CellValue[]): ExcelJS.Row => {
    rowNo++;
    return ws.addRow(values);
  };
  const title = sheetTitle(sheet);
  const titleRow = add([title]);
  titleRow.font = { bold: true, size: 14 };
  commit(titleRow);
  if (hasMoney(sheet)) commit(add([`${options.amountsIn ?? 'Amounts in'} ${options.currency}`]));

  if (sheet.headline?.length) {
    add([]);
    for (const h of sheet.headline) {
      const r = add([h.label, excelValue(h.value, h.type, digits)]);
      const fmt = numberFormat(h.value, h.type, digits);
      if (fmt) r.getCell(2).numFmt = fmt;
      r.getCell(2).font = { bold: true, ...(h.tone ? { color: { argb: TONE_STYLE[h.tone].font } } : {}) };
      if (h.tone) r.getCell(2).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: TONE_STYLE[h.tone].fill } };
      commit(r);
    }
  }

  let frozen = false;
  const single = sheet.tables.length === 1 && !sheet.headline?.length;
  for (const table of sheet.tables) {
    if (rowNo > 2 || table.title !== title) {
      commit(add([]));
      const t = add([table.title]);
      t.font = { bold: true, size: 12 };
      commit(t);
    }
    if (table.caption) {
      const c = add([table.caption]);
      c.font = { italic: true, color: { argb: 'FF595959' } };
      commit(c);
    }
    const toned = tonedColumns(table);
    const helperIndex = new Map(toned.map((k, i) => [k, visible + 1 + i]));
    const pad = new Array<null>(visible - table.columns.length).fill(null);
    const header = add([...table.columns.map((c) => c.header), ...pad, ...toned.map((k) => `${table.columns.find((c) => c.key === k)!.header} (tone)`)]);
    const headerRowNo = rowNo;
    header.font = { bold: true };
    header.alignment = { vertical: 'middle', wrapText: true };
    header.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
      cell.border = { bottom: { style: 'thin' } };
    });
    table.columns.forEach((c, i) => {
      if (c.type !== 'text') header.getCell(i + 1).alignment = { horizontal: 'right', vertical: 'middle', wrapText: true };
    });
    commit(header);
    if (!frozen) {
      frozen = true;
      // The streaming writer takes views only when the sheet is created (see frozenView).
      if (headerRowNo !== firstHeaderRow(sheet)) throw new Error('xlsx layout: header row mismatch');
      if (!streaming) {
        ws.views = frozenView(sheet);
        // On paper, a header repeated above another table's rows would mislabel them.
        if (sheet.tables.length === 1) ws.pageSetup.printTitlesRow = `${headerRowNo}:${headerRowNo}`;
      }
    }

    const firstData = rowNo + 1;
    table.rows.forEach((row, index) => {
      const values = table.columns.map((c) => excelValue(row.cells[c.key] ?? null, c.type, digits));
      const r = add([...values, ...pad, ...toned.map((k) => row.tones?.[k] ?? null)]);
      const total = row.kind === 'subtotal' || row.kind === 'total';
      table.columns.forEach((c, i) => {
        const cell = r.getCell(i + 1);
        const v = row.cells[c.key] ?? null;
        const style = sharedStyle(numberFormat(v, c.type, digits), typeof v === 'string' && v.includes('\n'), total, row.kind === 'total');
        if (style) cell.style = style;
        if (total && isNumeric(c.type)) {
          const sources = sumSources(table.rows, index, c.key);
          if (sources) cell.value = { formula: sumFormula(columnLetter(i + 1), sources.map((s) => firstData + s)), result: values[i] as number };
        }
      });
      commit(r);
      dataRows++;
    });
    const lastData = rowNo;
    const lastCol = columnLetter(visible + toned.length);
    // One auto-filter per sheet: on the table when it is the only one.
    if (single && table.rows.length > 0) ws.autoFilter = `A${headerRowNo}:${lastCol}${lastData}`;
    // Colours come from the hidden helper column of the same row, so they follow the row when
    // the user sorts or filters (a rule pinned to fixed cells would stay behind).
    if (table.rows.length > 0) {
      toned.forEach((key) => {
        const col = columnLetter(table.columns.findIndex((c) => c.key === key) + 1);
        const helper = columnLetter(helperIndex.get(key)!);
        ws.addConditionalFormatting({
          ref: `${col}${firstData}:${col}${lastData}`,
          rules: TONES.map((tone, p) => ({
            type: 'expression' as const,
            priority: p + 1,
            formulae: [`$${helper}${firstData}="${tone}"`],
            style: {
              font: { color: { argb: TONE_STYLE[tone].font }, ...(TONE_STYLE[tone].bold ? { bold: true } : {}) },
              fill: { type: 'pattern' as const, pattern: 'solid' as const, bgColor: { argb: TONE_STYLE[tone].fill } },
            },
          })),
        });
      });
    }
    if (table.rows.length === 0) commit(add(['-']));
  }
  return { rows: dataRows };
}

function pageSetup(): Partial<ExcelJS.PageSetup> {
  return {
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    paperSize: 9,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
}

function setProperties(wb: ExcelJS.Workbook | ExcelJS.stream.xlsx.WorkbookWriter, options: XlsxOptions): void {
  wb.creator = options.creator;
  wb.lastModifiedBy = options.creator;
  wb.created = options.date;
  wb.modified = options.date;
  // Excel recomputes the SUM formulas on open; their cached results already hold the values.
  wb.calcProperties = { fullCalcOnLoad: true };
}

/**
 * Renders sheets to an .xlsx file in memory. Small workbooks are built in memory (with
 * images); when any sheet exceeds the streaming threshold the whole workbook goes through
 * exceljs's streaming writer, which keeps memory bounded but cannot place images.
 */
export async function renderXlsx(sheets: readonly SheetSpec[], options: XlsxOptions): Promise<{ bytes: Uint8Array; summary: XlsxSummary }> {
  const names = sheetNames(sheets.map((s) => s.name));
  const streaming = sheets.some((s) => countRows(s) > (options.streamingThreshold ?? STREAMING_ROW_THRESHOLD));
  const summary: XlsxSummary = { streaming, sheets: [] };
  let raw: Buffer;
  if (streaming) {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    setProperties(wb, options);
    sheets.forEach((sheet, i) => {
      const ws = wb.addWorksheet(names[i], { pageSetup: pageSetup(), views: frozenView(sheet) }) as unknown as AnySheet;
      const { rows } = fillSheet(ws, sheet, options, true);
      (ws as unknown as { commit(): void }).commit();
      summary.sheets.push({ name: names[i]!, rows, images: 0 });
    });
    await wb.commit();
    raw = Buffer.concat(chunks);
  } else {
    const wb = new ExcelJS.Workbook();
    setProperties(wb, options);
    sheets.forEach((sheet, i) => {
      const ws = wb.addWorksheet(names[i], { pageSetup: pageSetup() });
      const { rows } = fillSheet(ws, sheet, options, false);
      const cols = sheetColumns(sheet);
      const col = cols.visible + cols.helpers + 1;
      let top = 2;
      for (const img of sheet.images ?? []) {
        const id = wb.addImage({ buffer: Buffer.from(img.png) as unknown as ExcelJS.Buffer, extension: 'png' });
        ws.addImage(id, { tl: { col, row: top }, ext: { width: img.width, height: img.height }, editAs: 'oneCell' });
        // Stack the charts: roughly 20 px per row.
        top += Math.ceil(img.height / 20) + 1;
      }
      summary.sheets.push({ name: names[i]!, rows, images: sheet.images?.length ?? 0 });
    });
    raw = Buffer.from(await wb.xlsx.writeBuffer());
  }
  return { bytes: fixZipDates(raw, options.date), summary };
}

/** MS-DOS date and time of a UTC date, as zip headers store them (2-second resolution). */
function dosDateTime(date: Date): { time: number; date: number } {
  const y = Math.max(1980, date.getUTCFullYear());
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    date: ((y - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

/**
 * Rewrites the modification date of every entry of a zip (local headers and central
 * directory) in place. JSZip and archiver stamp entries with the current time; everything
 * else exceljs writes is already deterministic, so this makes the file reproducible without
 * decompressing anything (bounded memory even for streamed workbooks).
 */
export function fixZipDates(zip: Buffer, when: Date): Buffer {
  const { time, date } = dosDateTime(when);
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip file: no end of central directory');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error('zip central directory is damaged');
    zip.writeUInt16LE(time, p + 12);
    zip.writeUInt16LE(date, p + 14);
    const local = zip.readUInt32LE(p + 42);
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error('zip local header is damaged');
    zip.writeUInt16LE(time, local + 10);
    zip.writeUInt16LE(date, local + 12);
    p += 46 + zip.readUInt16LE(p + 28) + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return zip;
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

