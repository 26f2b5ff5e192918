// Structural checks of written workbooks, shared by the unit and end-to-end tests.
import JSZip from 'jszip';
import { expect } from 'vitest';

/**
 * Every cell reference against the row it sits in, and rows and columns in order: readers
 * differ in which they believe (exceljs the row, LibreOffice the cell), so both must agree.
 */
export async function checkCellReferences(bytes: Uint8Array): Promise<number> {
  const zip = await JSZip.loadAsync(bytes);
  let cells = 0;
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async('string');
    let lastRow = 0;
    for (const m of xml.matchAll(/<row r="(\d+)"[^>]*>(.*?)<\/row>/g)) {
      const r = Number(m[1]);
      expect(r, `${name}: rows in order`).toBeGreaterThan(lastRow);
      lastRow = r;
      let lastCol = '';
      for (const c of m[2]!.matchAll(/<c r="([A-Z]+)(\d+)"/g)) {
        expect(`${name} ${c[1]}${c[2]}`).toBe(`${name} ${c[1]}${r}`);
        expect(c[1]!.length > lastCol.length || (c[1]!.length === lastCol.length && c[1]! > lastCol), `${name} row ${r}: columns in order`).toBe(true);
        lastCol = c[1]!;
        cells++;
      }
    }
  }
  return cells;
}

