import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Row, Table } from '../../src/report/model.js';
import { renderXlsx } from '../../src/render/xlsx.js';

/** 200,000 generated stock rows: a warehouse x SKU table with quantities, money and tones. */
function bigStockTable(n: number): Table {
  const rows: Row[] = [];
  for (let i = 0; i < n; i++) {
    const onHand = (i * 7919) % 5000;
    rows.push({
      cells: { warehouse: `wh-${i % 20}`, sku: `SKU-${String(i).padStart(6, '0')}`, name: `Generated item ${i}`, onHand, projected: onHand - (i % 300), value: onHand * 1234, health: onHand < 100 ? 'under' : 'healthy' },
      tones: onHand < 100 ? { onHand: 'critical' } : {},
    });
  }
  return {
    id: 'stock-items',
    title: 'Stock position',
    columns: [
      { key: 'warehouse', header: 'Warehouse', type: 'text' },
      { key: 'sku', header: 'SKU', type: 'text' },
      { key: 'name', header: 'Name', type: 'text' },
      { key: 'onHand', header: 'On hand', type: 'quantity' },
      { key: 'projected', header: 'Projected', type: 'quantity' },
      { key: 'value', header: 'Value', type: 'money' },
      { key: 'health', header: 'Health', type: 'text' },
    ],
    rows,
  };
}

describe('renderXlsx with 200,000 rows', () => {
  it('is written row by row in bounded memory', async () => {
    const table = bigStockTable(200_000);
    const t0 = Date.now();
    const { bytes, summary } = await renderXlsx([{ name: 'Stock', tables: [table] }], { digits: 2, currency: 'CNY', date: new Date('2026-11-30T00:00:00Z'), creator: 'test' });
    const seconds = (Date.now() - t0) / 1000;
    // Peak resident memory of this test process (kB on Linux), reported for README.md, "opsplan report".
    const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
    console.log(`200,000 rows: ${seconds.toFixed(1)} s, ${(bytes.length / 1e6).toFixed(1)} MB file, peak RSS ${peakMb} MB`);
    expect(summary).toMatchObject({ streaming: false, sheets: [{ name: 'Stock', rows: 200_000 }] });
    const zip = await JSZip.loadAsync(bytes);
    const sheet = zip.file('xl/worksheets/sheet1.xml')!;
    const xml = await sheet.async('string');
    // Last data row: title, amounts line, header, then 200,000 rows.
    expect(xml).toContain('<row r="200003"');
    // Texts live in the shared-string table; the last row points at the last SKU.
    const sst = await zip.file('xl/sharedStrings.xml')!.async('string');
    const strings = [...sst.matchAll(/<t>([^<]*)<\/t>/g)].map((m) => m[1]);
    const lastSku = /<c r="B200003" t="s"><v>(\d+)<\/v><\/c>/.exec(xml);
    expect(lastSku).not.toBeNull();
    expect(strings[Number(lastSku![1])]).toBe('SKU-199999');
    expect(xml).toContain('<autoFilter ref="A3:H200003"/>');
    expect(peakMb).toBeLessThan(1500);
  }, 120000);
});
