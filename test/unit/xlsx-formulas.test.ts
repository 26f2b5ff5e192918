import { describe, expect, it } from 'vitest';
import { sumArguments } from '../../src/render/xlsx-formulas.js';
import type { Resolved } from '../../src/render/xlsx-formulas.js';

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
