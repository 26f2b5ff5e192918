import { describe, expect, it } from 'vitest';
import { RowFormulaCache, formulaText, sumArguments, tablePlaces } from '../../src/render/xlsx-formulas.js';
import type { Resolved } from '../../src/render/xlsx-formulas.js';
import { escapeXml } from '../../src/render/xml-escape.js';
import type { CellRef, Formula, Table } from '../../src/report/model.js';

/** Cells of one column on the same sheet. */
const column = (col: string, rows: number[], prefix = ''): Resolved[] => rows.map((row) => ({ prefix, col, row }));

describe('sumArguments', () => {
  it('writes contiguous rows of a column as one range', () => {
    expect(sumArguments(column('B', [5, 6, 7, 8]))).toBe('B5:B8');
  });

  it('splits the range at every gap and keeps single rows as cells', () => {
    expect(sumArguments(column('B', [5, 6, 9, 10, 12]))).toBe('B5:B6,B9:B10,B12');
    expect(sumArguments(column('D', [40]))).toBe('D40');
    expect(sumArguments(column('D', [3, 5, 7]))).toBe('D3,D5,D7');
  });

  it('sorts the rows first, so the order of the references does not matter', () => {
    expect(sumArguments(column('C', [9, 7, 8, 3]))).toBe('C3,C7:C9');
  });

  it('groups cells of one row by column number (Z is next to AA)', () => {
    const row = (cols: string[]): Resolved[] => cols.map((col) => ({ prefix: '', col, row: 4 }));
    expect(sumArguments(row(['B', 'C', 'D', 'F']))).toBe('B4:D4,F4');
    expect(sumArguments(row(['Y', 'Z', 'AA', 'AC']))).toBe('Y4:AA4,AC4');
  });

  it('keeps columns and sheets apart, in the order they first appear', () => {
    const cells = [...column('B', [5, 6], "'Budget'!"), ...column('B', [7]), ...column('C', [5, 6]), ...column('B', [7], "'Budget'!")];
    expect(sumArguments(cells)).toBe("'Budget'!B5:B7,B7,C5:C6");
  });

  it('sums a long column as one range (a company total over thousands of cells)', () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => 10 + i);
    expect(sumArguments(column('F', rows))).toBe('F10:F20009');
    expect(sumArguments(column('F', rows.filter((r) => r !== 15_000)))).toBe('F10:F14999,F15001:F20009');
  });
});

describe('RowFormulaCache', () => {
  const columns = ['a', 'b', 'c', 'd'];
  const table: Table = { id: 't', title: 'T', columns: columns.map((key) => ({ key, header: key, type: 'money' })), rows: Array.from({ length: 200 }, () => ({ cells: {} })) };
  const other: Table = { ...table, id: 'o' };
  // Table t's first data row is sheet row 5; table o is on another sheet.
  const places = tablePlaces(
    [
      { name: 'S', tables: [table], firstData: [5] },
      { name: 'O', tables: [other], firstData: [3] },
    ],
    (n) => String.fromCharCode(64 + n),
  );
  const ref = (column: string, row: number, t = 't'): CellRef => ({ table: t, row, column });
  const written = (f: Formula, index: number, cache: RowFormulaCache): string | undefined => {
    const p = cache.pieces(f, 't', index, 5 + index);
    return p ? p.pieces.join(String(5 + index)) : undefined;
  };

  it('gives the same text as formulaText on every row, for sums, differences and percentages over the row', () => {
    const cache = new RowFormulaCache(places, 'S', escapeXml);
    for (const index of [0, 4, 5, 94, 95, 195]) {
      const sum: Formula = { op: 'sum', refs: [ref('a', index), ref('b', index), ref('d', index)] };
      expect(written(sum, index, cache)).toBe(formulaText(sum, places, 'S'));
    }
    const sub: Formula = { op: 'sub', a: ref('b', 7), b: ref('a', 7) };
    const pct: Formula = { op: 'pct', num: ref('c', 7), den: ref('b', 7) };
    for (const f of [sub, pct, sub]) expect(written(f, 7, cache)).toBe(formulaText(f, places, 'S'));
    expect(written(sub, 7, cache)).toBe('B12-A12');
  });

  it('leaves formulas over other rows, other tables, links and counts to formulaText', () => {
    const cache = new RowFormulaCache(places, 'S', escapeXml);
    const cases: Formula[] = [
      { op: 'sum', refs: [ref('a', 3), ref('a', 4)] },
      { op: 'sub', a: ref('a', 3), b: ref('a', 2) },
      { op: 'ref', ref: ref('a', 3, 'o') },
      { op: 'link', sheet: 'O' },
      { op: 'rows', table: 't', column: 'a' },
      { op: 'sum', refs: [] },
    ];
    for (const f of cases) expect(cache.pieces(f, 't', 3, 8)).toBeNull();
  });

  it('gives up where the row number would make the text too long, or the table cannot be placed', () => {
    // 2,000 single cells: 3 characters each on sheet row 9 ("A9,"), 5 on row 100: over Excel's 8,192.
    const many = (index: number): Formula => ({ op: 'sum', refs: Array.from({ length: 2000 }, (_, i) => ref(i % 2 === 0 ? 'a' : 'c', index)) });
    const cache = new RowFormulaCache(places, 'S', escapeXml);
    expect(written(many(4), 4, cache)).toBe(formulaText(many(4), places, 'S'));
    expect(cache.pieces(many(95), 't', 95, 100)).toBeNull();
    expect(formulaText(many(95), places, 'S')).toBeUndefined();
    const unknown = tablePlaces([{ name: 'S', tables: [table, table], firstData: [5, 300] }], (n) => String.fromCharCode(64 + n));
    expect(new RowFormulaCache(unknown, 'S', escapeXml).pieces({ op: 'ref', ref: ref('a', 1) }, 't', 1, 6)).toBeNull();
  });
});
