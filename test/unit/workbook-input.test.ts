// The report keeps only the parts of the stock and service results its sheets read
// (workbookStock, workbookService): the sheets built from them must be the same.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeService } from '../../src/domain/service.js';
import { serviceInputFrom } from '../../src/domain/service-input.js';
import { computeStock } from '../../src/domain/stock.js';
import { loadWorkspace } from '../../src/load/load-workspace.js';
import { parsePeriod } from '../../src/model/period.js';
import { WORKBOOK_STOCK_TABLES, workbookService, workbookStock } from '../../src/report/monthly-report.js';
import { buildServiceReport } from '../../src/report/service.js';
import { buildStockReport } from '../../src/report/stock.js';
import { REPO } from '../helpers/run-cli.js';

const { workspace: ws, rejected } = loadWorkspace(path.join(REPO, 'examples', 'acme'));

describe('the results the workbook keeps', () => {
  it('workbookStock drops items no stock sheet shows, and the sheets stay the same', () => {
    const full = computeStock(ws, { asOf: '2026-11-30' });
    const kept = workbookStock(full);
    expect(kept.items.length).toBeLessThan(full.items.length);
    expect(kept.skuTotals).toEqual([]);
    expect(buildStockReport(kept, WORKBOOK_STOCK_TABLES)).toEqual(buildStockReport(full, WORKBOOK_STOCK_TABLES));
    // The Summary counts every item's alerts.
    expect(kept.items.flatMap((it) => it.alerts)).toEqual(full.items.flatMap((it) => it.alerts));
  });

  it('workbookService drops the cases met or without a service level, and the sheet stays the same', () => {
    const full = computeService(serviceInputFrom(ws, ws.company!, rejected), parsePeriod('2026-11')!, '2026-11-30');
    const kept = workbookService(full);
    expect(kept.cases.length).toBeGreaterThan(0);
    expect(kept.cases.length).toBeLessThan(full.cases.length);
    expect(buildServiceReport(kept)).toEqual(buildServiceReport(full));
  });
});
