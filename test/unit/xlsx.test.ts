import ExcelJS from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { ooxmlProblems } from '../helpers/ooxml-validate.js';
import { checkCellReferences } from '../helpers/xlsx-check.js';
import type { Table } from '../../src/report/model.js';
import { XlsxLimitError, centsText, columnLetter, documentDate, moneyFormat, renderXlsx, sheetNames } from '../../src/render/xlsx.js';
import type { SheetSpec, XlsxOptions } from '../../src/render/xlsx.js';

const OPTIONS: XlsxOptions = { digits: 2, currency: 'CNY', date: new Date('2026-11-30T00:00:00Z'), creator: 'opsplan test' };

/** A hand-made variance-like table: two departments with subtotals and a grand total. */
const TABLE: Table = {
  id: 'variance',
  title: 'Variance',
  caption: 'Period 2026-11',
  columns: [
    { key: 'department', header: 'Department', type: 'text' },
    { key: 'budget', header: 'Budget', type: 'money' },
    { key: 'actual', header: 'Actual', type: 'money' },
    { key: 'pct', header: 'Variance %', type: 'percent' },
    { key: 'note', header: 'Note', type: 'text' },
    { key: 'due', header: 'Due', type: 'date' },
    { key: 'qty', header: 'Qty', type: 'quantity' },
  ],
  rows: [
    { cells: { department: 'marketing', budget: 33000000, actual: 46235080, pct: 40.106, note: '=HYPERLINK("http://x")', due: '2026-12-10', qty: 1.5 }, tones: { pct: 'critical' } },
    { cells: { department: 'marketing', budget: 0, actual: 320000, pct: null, note: '+1', due: null, qty: 2 }, tones: { pct: 'unfavourable' } },
    { cells: { department: 'marketing', budget: 33000000, actual: 46555080, pct: null, note: null, due: null, qty: 3.5 }, kind: 'subtotal' },
    { cells: { department: 'production', budget: 575000000, actual: 644123550, pct: 12.02, note: '-x', due: null, qty: 10 }, tones: { pct: 'favourable' } },
    { cells: { department: 'production', budget: 575000000, actual: 644123550, pct: null, note: null, due: null, qty: 10 }, kind: 'subtotal' },
    { cells: { department: 'Total', budget: 608000000, actual: 690678630, pct: null, note: '@sum', due: null, qty: 13.5 }, kind: 'total' },
  ],
};

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

describe('renderXlsx', () => {
  it('writes values, number formats, formulas with results, frozen header and filter', async () => {
    const { bytes, summary } = await renderXlsx([{ name: 'Variance', tables: [TABLE] }], { ...OPTIONS, headerLeft: 'A&B Co.' });
    expect(summary).toEqual({ streaming: false, sheets: [{ name: 'Variance', rows: 6, charts: 0, images: 0 }] });
    const ws = (await readBack(bytes)).getWorksheet('Variance')!;
    // Row 1 title, row 2 "Amounts in CNY", row 3 caption, row 4 header.
    expect(ws.getCell('A1').value).toBe('Variance');
    expect(ws.getCell('A2').value).toBe('Amounts in CNY');
    expect(ws.getCell('A3').value).toBe('Period 2026-11');
    expect(ws.getRow(4).values).toEqual([undefined, 'Department', 'Budget', 'Actual', 'Variance %', 'Note', 'Due', 'Qty', 'Variance % (tone)']);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(ws.autoFilter).toBe('A4:H10');
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '4:4' });
    // Printed header and footer: company, sheet name, page N of M.
    const sheetXml = await (await JSZip.loadAsync(bytes)).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheetXml).toContain('<headerFooter><oddHeader>&amp;LA&amp;&amp;B Co.&amp;C&amp;A</oddHeader><oddFooter>&amp;CPage &amp;P of &amp;N</oddFooter></headerFooter>');

    // Money: major units, with the parentheses/dash format.
    expect(ws.getCell('B5').value).toBe(330000);
    expect(ws.getCell('C5').value).toBe(462350.8);
    expect(ws.getCell('B5').numFmt).toBe('#,##0.00;(#,##0.00);"-"');
    // Percent: a real fraction, 0.0%; null -> empty.
    expect(ws.getCell('D5').value).toBeCloseTo(0.40106, 10);
    expect(ws.getCell('D5').numFmt).toBe('0.0%');
    expect(ws.getCell('D6').value).toBeNull();
    // Dates are real dates at UTC midnight.
    expect((ws.getCell('F5').value as Date).toISOString()).toBe('2026-12-10T00:00:00.000Z');
    expect(ws.getCell('G5').numFmt).toBe('#,##0.###');
    expect(ws.getCell('G6').numFmt).toBe('#,##0');

    // Formula-looking text stays text.
    expect(ws.getCell('E5').value).toBe('=HYPERLINK("http://x")');
    expect(ws.getCell('E5').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('E6').value).toBe('+1');
    expect(ws.getCell('E8').value).toBe('-x');
    expect(ws.getCell('E10').value).toBe('@sum');

    // Subtotals sum their details; the total sums the subtotals; each carries its result.
    expect(ws.getCell('B7').value).toEqual({ formula: 'SUM(B5:B6)', result: 330000 });
    expect(ws.getCell('C7').value).toEqual({ formula: 'SUM(C5:C6)', result: 465550.8 });
    expect(ws.getCell('C9').value).toEqual({ formula: 'SUM(C8)', result: 6441235.5 });
    expect(ws.getCell('C10').value).toEqual({ formula: 'SUM(C7,C9)', result: 6906786.3 });
    expect(ws.getCell('G10').value).toEqual({ formula: 'SUM(G7,G9)', result: 13.5 });
    expect(ws.getCell('C10').font?.bold).toBe(true);
    expect(ws.getCell('C10').border?.top?.style).toBe('thin');
    expect(ws.getCell('C7').border?.top).toBeUndefined();

    // Tones live in a hidden helper column that drives the conditional formatting.
    expect(ws.getColumn(8).hidden).toBe(true);
    expect(ws.getCell('H5').value).toBe('critical');
    expect(ws.getCell('H8').value).toBe('favourable');
    const cf = (ws as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[] }).conditionalFormattings;
    expect(cf).toHaveLength(1);
    expect(cf[0]!.ref).toBe('D5:D10');
    expect(cf[0]!.rules.map((r) => r.formulae[0])).toEqual(['$H5="favourable"', '$H5="unfavourable"', '$H5="warn"', '$H5="critical"']);
    // Widths fit the content: the "Variance % (tone)" header is not counted, "Department" is.
    expect(ws.getColumn(1).width).toBe('Department'.length + 2);
  });

  it('does not write a formula that would disagree with the computed total', async () => {
    const table: Table = {
      id: 't',
      title: 'T',
      columns: [{ key: 'k', header: 'K', type: 'text' }, { key: 'v', header: 'V', type: 'money' }],
      rows: [{ cells: { k: 'a', v: 100 } }, { cells: { k: 'b', v: 200 } }, { cells: { k: 'Total', v: 999 }, kind: 'total' }],
    };
    const ws = (await readBack((await renderXlsx([{ name: 'T', tables: [table] }], OPTIONS)).bytes)).getWorksheet('T')!;
    expect(ws.getCell('B6').value).toBe(9.99);
  });

  it('gives byte-identical files for identical input, with fixed zip entry dates', async () => {
    const sheets: SheetSpec[] = [
      { name: 'Summary', headline: [{ label: 'Budget', value: 608000000, type: 'money' }, { label: 'Share', value: 12.5, type: 'percent', tone: 'warn' }], tables: [TABLE, { ...TABLE, id: 'x', title: 'Again' }] },
      { name: 'Variance', tables: [TABLE] },
    ];
    const a = await renderXlsx(sheets, OPTIONS);
    await new Promise((r) => setTimeout(r, 2100)); // a later wall clock must not change a byte
    const b = await renderXlsx(sheets, OPTIONS);
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
    const zip = await JSZip.loadAsync(a.bytes);
    const dates = new Set(Object.values(zip.files).map((f) => f.date.toISOString()));
    expect([...dates]).toEqual(['2026-11-30T00:00:00.000Z']);
    const core = await zip.file('docProps/core.xml')!.async('string');
    expect(core).toContain('2026-11-30T00:00:00Z');
    expect(core).toContain('opsplan test');
  });

  it('places native charts that read the cells of a table on their sheet, valid against dml-chart.xsd', async () => {
    const data: Table = {
      id: 'chart-data',
      title: 'Chart data',
      columns: [
        { key: 'month', header: 'Month', type: 'text' },
        { key: 'cost', header: 'cost', type: 'money' },
      ],
      rows: [{ cells: { month: '2026-01', cost: 12345 } }, { cells: { month: '2026-02', cost: null } }, { cells: { month: '2026-03', cost: -500 } }],
    };
    const chart = { id: 'trend', type: 'line' as const, title: 'Trend', axes: { x: 'Month', y: 'Variance (CNY)' }, table: 'chart-data', category: 'month', series: ['cost'] };
    const elsewhere = { ...chart, id: 'elsewhere', table: 'other' };
    const sheets: SheetSpec[] = [{ name: "O'Brien 汇总", tables: [TABLE, data], charts: [chart, elsewhere] }, { name: 'Variance', tables: [{ ...TABLE, id: 'other' }] }];
    const { bytes, summary } = await renderXlsx(sheets, OPTIONS);
    // The chart over a table of another sheet is left out rather than pointing at the wrong cells.
    expect(summary.sheets.map((x) => [x.name, x.charts, x.images])).toEqual([["O'Brien 汇总", 1, 1], ['Variance', 0, 0]]);
    const zip = await JSZip.loadAsync(bytes);
    const part = await zip.file('xl/charts/chart1.xml')!.async('string');
    expect(zip.file('xl/charts/chart2.xml')).toBeNull();
    // The data table's header sits 2 rows below TABLE's last row (title, caption-less header).
    const wb = await readBack(bytes);
    const ws = wb.getWorksheet("O'Brien 汇总")!;
    const headerRow = [...Array(ws.rowCount).keys()].map((i) => i + 1).find((r) => ws.getRow(r).getCell(1).value === 'Month')!;
    expect(part).toContain(`<c:f>'O''Brien 汇总'!$B$${headerRow}</c:f>`);
    expect(part).toContain(`<c:f>'O''Brien 汇总'!$A$${headerRow + 1}:$A$${headerRow + 3}</c:f>`);
    expect(part).toContain(`<c:f>'O''Brien 汇总'!$B$${headerRow + 1}:$B$${headerRow + 3}</c:f>`);
    expect(ws.getRow(headerRow + 1).getCell(2).value).toBe(123.45);
    expect(ws.getRow(headerRow + 2).getCell(2).value).toBeNull();
    // The empty cell is a gap: counted, not cached.
    expect(part).toContain('<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="3"/><c:pt idx="0"><c:v>123.45</c:v></c:pt><c:pt idx="2"><c:v>-5</c:v></c:pt></c:numCache>');
    expect(part).toContain('<c:dispBlanksAs val="gap"/>');
    const drawing = await zip.file('xl/drawings/drawing1.xml')!.async('string');
    expect(drawing).toContain('descr="Trend. Month: 2026-01, 2026-02, 2026-03. Variance (CNY)."');
    expect(await zip.file('xl/drawings/_rels/drawing1.xml.rels')!.async('string')).toContain('Target="../charts/chart1.xml"');
    expect(await zip.file('[Content_Types].xml')!.async('string')).toContain('<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>');
    expect(await ooxmlProblems(bytes)).toEqual([]);
  });

  it('escapes markup and characters XML forbids, and keeps the text as typed', async () => {
    const odd: Table = {
      id: 'odd',
      title: 'Odd <&> "names"',
      columns: [{ key: 'k', header: 'K & <K>', type: 'text' }, { key: 'v', header: 'V', type: 'money' }],
      rows: [
        { cells: { k: 'bell \u0007 here', v: 1 } },
        { cells: { k: '  padded  ', v: 2 } },
        { cells: { k: 'literal _x0041_ escape', v: 3 } },
        { cells: { k: 'emoji \u{1F600} and lone \ud800 surrogate', v: 4 } },
        { cells: { k: 'two\nlines', v: 5 } },
      ],
    };
    const { bytes } = await renderXlsx([{ name: "It's <odd>", tables: [odd] }], OPTIONS);
    const zip = await JSZip.loadAsync(bytes);
    const sst = await zip.file('xl/sharedStrings.xml')!.async('string');
    expect(sst).toContain('Odd &lt;&amp;&gt; &quot;names&quot;');
    expect(sst).toContain('bell _x0007_ here');
    // The schema has no xml:space on <t>: blanks at the ends are written as escapes.
    expect(sst).toContain('<t>_x0020__x0020_padded_x0020__x0020_</t>');
    expect(await ooxmlProblems(bytes)).toEqual([]);
    expect(sst).toContain('literal _x005F_x0041_ escape');
    expect(sst).toContain('emoji \u{1F600} and lone _xD800_ surrogate');
    // No XML-illegal code point anywhere in the parts.
    for (const name of Object.keys(zip.files)) {
      if (!name.endsWith('.xml')) continue;
      // eslint-disable-next-line no-control-regex -- looking for exactly these
      expect(await zip.file(name)!.async('string')).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    }
    const workbook = await zip.file('xl/workbook.xml')!.async('string');
    expect(workbook).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">'It''s &lt;odd&gt;'!$3:$3</definedName>`);
    const ws = (await readBack(bytes)).getWorksheet("It's <odd>")!;
    // Row 1 title, row 2 "Amounts in CNY", row 3 header, rows 4 to 8 data.
    expect(ws.getCell('A3').value).toBe('K & <K>');
    expect(ws.getCell('A5').value).toBe('  padded  ');
    expect(ws.getCell('A8').value).toBe('two\nlines');
    expect(ws.getCell('A8').alignment).toMatchObject({ wrapText: true });
  });

  it('wraps text wider than the widest column (60), leaves short text on one line', async () => {
    const long = 'cause: '.padEnd(120, 'x');
    const t: Table = { id: 'w', title: 'W', columns: [{ key: 'k', header: 'K', type: 'text' }], rows: [{ cells: { k: long } }, { cells: { k: 'short' } }, { cells: { k: '原因'.repeat(30) } }] };
    const { bytes } = await renderXlsx([{ name: 'W', tables: [t] }], OPTIONS);
    const ws = (await readBack(bytes)).getWorksheet('W')!;
    // Row 1 title, row 2 header (no money column, so no "Amounts in" row), rows 3 to 5 data.
    expect(ws.getCell('A3').value).toBe(long);
    expect(ws.getColumn(1).width).toBe(60);
    expect(ws.getCell('A3').alignment).toMatchObject({ wrapText: true });
    expect(ws.getCell('A4').alignment?.wrapText).toBeFalsy();
    // 60 Chinese characters are 120 columns wide on screen.
    expect(ws.getCell('A5').alignment).toMatchObject({ wrapText: true });
    // Wrapped rows are as tall as their lines (readers do not size them): 120 characters in a
    // 60-wide column are 3 lines of 15 points; a short text keeps the default height.
    expect([ws.getRow(3).height, ws.getRow(4).height, ws.getRow(5).height]).toEqual([45, undefined, 45]);
    expect(await ooxmlProblems(bytes)).toEqual([]);
  });

  it('makes a row with text on several lines as tall as its lines', async () => {
    const t: Table = { id: 'n', title: 'N', columns: [{ key: 'k', header: 'K', type: 'text' }, { key: 'n', header: 'N', type: 'number' }], rows: [{ cells: { k: 'risk\n-> mitigation\n-> owner', n: 1 } }, { cells: { k: 'one line', n: 2 } }] };
    const { bytes } = await renderXlsx([{ name: 'N', tables: [t] }], OPTIONS);
    const xml = await (await JSZip.loadAsync(bytes)).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).toContain('<row r="3" ht="45" customHeight="1">');
    expect(xml).toContain('<row r="4">');
    expect(await ooxmlProblems(bytes)).toEqual([]);
  });

  it('wraps a text repeated from the row above, or after an empty or numeric cell, the same way', async () => {
    const long = 'cause: '.padEnd(120, 'x');
    const rows = [long, long, null, long, 7, long, 'short', long].map((k) => ({ cells: { k } }));
    const t: Table = { id: 'r', title: 'R', columns: [{ key: 'k', header: 'K', type: 'text' }], rows };
    const { bytes } = await renderXlsx([{ name: 'R', tables: [t] }], OPTIONS);
    const ws = (await readBack(bytes)).getWorksheet('R')!;
    // Rows 3 to 10 hold the data; every long text is 3 lines high and wrapped, the others not.
    expect(rows.map((_, i) => ws.getRow(i + 3).height)).toEqual([45, 45, undefined, 45, undefined, 45, undefined, 45]);
    expect(rows.map((_, i) => ws.getCell(`A${i + 3}`).alignment?.wrapText === true)).toEqual([true, true, false, true, false, true, false, true]);
  });

  it('refuses a sheet beyond Excel\'s 1,048,576 rows', async () => {
    const rows = Array.from({ length: 1_048_580 }, () => ({ cells: { k: 'x' } }));
    const big: Table = { id: 'big', title: 'Big', columns: [{ key: 'k', header: 'K', type: 'text' }], rows };
    await expect(renderXlsx([{ name: 'Big', tables: [big] }], OPTIONS)).rejects.toThrow(XlsxLimitError);
  });

  it('puts tone helpers after the widest table so they never hide a visible column', async () => {
    const wide: Table = {
      ...TABLE,
      id: 'wide',
      title: 'Wide',
      columns: [...TABLE.columns, { key: 'x', header: 'X', type: 'text' }, { key: 'y', header: 'Y', type: 'text' }],
      rows: [{ cells: { department: 'd', x: 'x8', y: 'y9' }, tones: { y: 'warn' } }],
    };
    const ws = (await readBack((await renderXlsx([{ name: 'M', tables: [TABLE, wide] }], OPTIONS)).bytes)).getWorksheet('M')!;
    expect([8, 9].map((c) => ws.getColumn(c).hidden)).toEqual([false, false]);
    expect(ws.getColumn(10).hidden).toBe(true);
    // TABLE's helper (row 5) and the wide table's helper share column J.
    expect(ws.getCell('J5').value).toBe('critical');
    const yRow = ws.getColumn(9).values.findIndex((v) => v === 'y9');
    expect(ws.getCell(`J${yRow}`).value).toBe('warn');
    const cf = (ws as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[] }).conditionalFormattings;
    expect(cf.map((c) => [c.ref, c.rules[0]!.formulae[0]])).toEqual([['D5:D10', '$J5="favourable"'], [`I${yRow}:I${yRow}`, `$J${yRow}="favourable"`]]);
  });

  it('writes an empty table as a dash row', async () => {
    const { bytes } = await renderXlsx([{ name: 'E', tables: [{ ...TABLE, rows: [] }] }], OPTIONS);
    const ws = (await readBack(bytes)).getWorksheet('E')!;
    expect(ws.getCell('A5').value).toBe('-');
    // The header keeps its own cell (the dash is not written over it).
    expect(ws.getCell('A4').value).toBe('Department');
    await checkCellReferences(bytes);
  });

  it('gives every cell the reference of its row, on every kind of row', async () => {
    const sheets: SheetSpec[] = [
      { name: 'Summary', headline: [{ label: 'Budget', value: 608000000, type: 'money' }], tables: [TABLE, { ...TABLE, id: 'e', title: 'Empty', rows: [] }, { ...TABLE, id: 'x', title: 'Again' }] },
      { name: 'Plain', tables: [{ id: 'p', title: 'Plain', columns: [{ key: 'k', header: 'K', type: 'text' }], rows: [{ cells: { k: 'a' } }] }] },
    ];
    const { bytes } = await renderXlsx(sheets, OPTIONS);
    expect(await checkCellReferences(bytes)).toBeGreaterThan(50);
    // Stacked tables: nothing frozen (a frozen header would label the other tables' rows).
    const wb = await readBack(bytes);
    expect(wb.getWorksheet('Summary')!.views[0]?.state).not.toBe('frozen');
    expect(wb.getWorksheet('Plain')!.views[0]).toMatchObject({ state: 'frozen' });
    expect(await ooxmlProblems(bytes)).toEqual([]);
  });
});

describe('helpers', () => {
  it('writes amounts as the exact decimal, the same text JavaScript prints for cents / 10^digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 15), max: 10 ** 15 }), fc.integer({ min: 0, max: 3 }), (cents, digits) => {
        expect(centsText(cents, digits)).toBe(String(cents / 10 ** digits === 0 ? 0 : cents / 10 ** digits));
      }),
      { seed: 20261129, numRuns: 20000 },
    );
    expect([centsText(-5, 2), centsText(100, 2), centsText(120, 2), centsText(7, 3), centsText(2 ** 53 - 1, 2)]).toEqual(['-0.05', '1', '1.2', '0.007', '90071992547409.91']);
  });
  it('sanitises and de-duplicates sheet names', () => {
    expect(sheetNames(['A/B', 'a/b', 'x'.repeat(40), '', "'q'"])).toEqual(['A B', 'a b 2', 'x'.repeat(31), 'Sheet', 'q']);
    // Control characters go; a cut never splits an emoji into half a surrogate pair.
    expect(sheetNames(['a\tb\nc', `${'x'.repeat(30)}\u{1F600}`, `${'y'.repeat(29)}\u{1F600}`])).toEqual(['a b c', 'x'.repeat(30), `${'y'.repeat(29)}\u{1F600}`]);
  });
  it('letters columns like Excel', () => {
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
  });
  it('formats money by currency digits', () => {
    expect(moneyFormat(0)).toBe('#,##0;(#,##0);"-"');
    expect(moneyFormat(3)).toBe('#,##0.000;(#,##0.000);"-"');
  });
  it('takes the document date from SOURCE_DATE_EPOCH, else the as-of date', () => {
    expect(documentDate('2026-11-30').toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(documentDate('2026-11-30', '1700000000').toISOString()).toBe('2023-11-14T22:13:20.000Z');
  });
});


describe('shared strings', () => {
  it('numbers every distinct text once, in first-use order, in columns of few and of many texts', async () => {
    // Column "few" repeats 3 texts; column "many" passes a column's own table of ids (4,096
    // texts) and then repeats early texts, which must get their first ids again; both columns
    // share some texts with each other.
    const many = Array.from({ length: 5000 }, (_, i) => `text ${i}`);
    const rows = [...many, ...many.slice(0, 50)].map((m, i) => ({ cells: { few: ['a', 'b', 'text 3'][i % 3]!, many: m } }));
    const table: Table = { id: 't', title: 'T', columns: [{ key: 'few', header: 'Few', type: 'text' }, { key: 'many', header: 'Many', type: 'text' }], rows };
    const { bytes } = await renderXlsx([{ name: 'T', tables: [table] }], OPTIONS);
    const zip = await JSZip.loadAsync(bytes);
    const sst = await zip.file('xl/sharedStrings.xml')!.async('string');
    const texts = [...sst.matchAll(/<si><t>([^<]*)<\/t><\/si>/g)].map((m) => m[1]!);
    // Expected: each text numbered at its first use, reading row by row, left to right.
    const order: string[] = [];
    const ids = new Map<string, number>();
    const idOf = (t: string): number => ids.get(t) ?? (ids.set(t, order.push(t) - 1), order.length - 1);
    // Row 1 the title, row 2 the header (no money: no amounts line), data from row 3.
    for (const t of ['T', 'Few', 'Many']) idOf(t);
    const expected = rows.map((r) => [idOf(r.cells.few), idOf(r.cells.many)]);
    expect(texts).toEqual(order);
    expect(sst).toContain(`count="${3 + 2 * rows.length}" uniqueCount="${order.length}"`);
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const cells = [...sheet.matchAll(/<c r="([AB])(\d+)"[^>]*t="s"><v>(\d+)<\/v>/g)].filter((m) => Number(m[2]) >= 3);
    expect(cells.map((m) => Number(m[3]))).toEqual(expected.flat());
  });
});

describe('column widths', () => {
  it('fit the widest shown percentage and fraction, measured or bounded', async () => {
    const table: Table = {
      id: 'w',
      title: 'W',
      columns: [
        { key: 'k', header: 'K', type: 'text' },
        { key: 'pct', header: 'P', type: 'percent' },
        { key: 'qty', header: 'Q', type: 'quantity' },
      ],
      // Shown as 5.5% / 100.0% / -123.5% (7 characters) and 1.235 / 22.5 / 1,234.568 (9).
      rows: [
        { cells: { k: 'a', pct: 5.5, qty: 1.2345 } },
        { cells: { k: 'b', pct: 99.96, qty: 22.5 } },
        { cells: { k: 'c', pct: -123.456, qty: 1234.5678 } },
        { cells: { k: 'd', pct: 0.04, qty: 3 } },
      ],
    };
    const { bytes } = await renderXlsx([{ name: 'W', tables: [table] }], OPTIONS);
    const sheet = await (await JSZip.loadAsync(bytes)).file('xl/worksheets/sheet1.xml')!.async('string');
    // Two characters of padding; 8 at least.
    expect([...sheet.matchAll(/<col min="(\d+)" max="\d+" width="(\d+)"/g)].map((m) => Number(m[2]))).toEqual([8, 9, 11]);
  });
});
