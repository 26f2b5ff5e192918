// The zh-CN catalogue on the sentences opsplan writes that the acme workbook does not show
// (other workspaces' missing KPI values, left-out files): each reads in Chinese with its
// figures, ids and file names kept as written.
import { describe, expect, it } from 'vitest';
import { zh } from '../../src/report/zh-cn.js';

const CJK = /[\u3400-\u9fff]/;

describe('zh', () => {
  it.each([
    ['missing: no progress report on the FY2026 plan dated on or before 2026-11-30', ['FY2026', '2026-11-30']],
    ["missing: quality/2026-11/production.yaml (2026-11) left out for errors, so production's figures of 2026-11 are missing; fix the file", ['quality/2026-11/production.yaml', 'production']],
    ['missing: safety/SI-1.yaml, safety/SI-2.yaml left out for errors, so the safety-inspection figures up to 2026-11-30 are incomplete; fix them', ['safety/SI-1.yaml, safety/SI-2.yaml', 'safety-inspection']],
    ['missing: no final-inspection lot of production was first inspected in 2026-11 (up to 2026-11-30)', ['production', '2026-11-30']],
    ['missing: production inspected no incoming lot in FY2026-Q4 (up to 2026-11-30)', ['FY2026-Q4']],
    ['missing: the equipment ledger equipment/production.yaml was left out for errors; fix it', ['equipment/production.yaml']],
    ['missing: no maintenance log of production for 2026-10, 2026-11, so its downtime is unknown', ['2026-10, 2026-11']],
    ['missing: no preventive task of production fell due and was judged in 2026-11 (up to 2026-11-30)', ['production']],
    ['missing: no hazard deadline fell in 2026-11 (up to 2026-11-30)', ['2026-11']],
    ['missing: no supplier was scored in 2026-11 (up to 2026-11-30); not scored: SUP-NOK: no incoming inspection of its lots in the period; SUP-X: no inventory unitCost for RM-1', ['SUP-NOK', 'SUP-X', 'RM-1']],
    ['missing: no month of FY2026-Q4 has a value (2026-10: no actuals for 2026-10; 2026-11: no approved FY2026 budget)', ['2026-10', 'FY2026']],
    ['no grade: 65 of 100 KPI weight is missing (more than half)', ['65', '100']],
    ['customer-service 2026-11: service/2026-11/customer-service.yaml has errors and is left out', ['service/2026-11/customer-service.yaml']],
    // MRP's Not planned table (the Material Plan sheet).
    ['the approved BOM of FG-A (boms/a.yaml, boms/b.yaml) has errors and is left out; FG-A is not planned (neither made nor bought) until it is fixed', ['FG-A', 'boms/a.yaml, boms/b.yaml']],
    ['no stock snapshot of the production warehouse on or before the as-of date; FG-A cannot be netted', ['FG-A']],
    ["RM-X has no item in the production warehouse's snapshot, so it has no stock, lead time or lot sizes; add it to the snapshot (needed by FG-A -> SA-B -> RM-X)", ['RM-X', 'FG-A -> SA-B -> RM-X']],
    ['FG-A is counted in kg in the BOM but in pcs in the inventory; component RM-C is in m in the BOM but in kg in the inventory: fix the unit in boms/a.yaml; FG-A is not planned until then', ['FG-A', 'RM-C', 'boms/a.yaml', 'kg', 'pcs']],
  ])('%s', (english, kept) => {
    const out = zh(english);
    expect(out).toMatch(CJK);
    for (const k of kept) expect(out).toContain(k);
    // No English sentence left: what is not an id, a file, a date or a figure is Chinese.
    expect(out).not.toMatch(/\b(missing|left out|no supplier|inspected|fix|planned|counted|snapshot|component)\b/);
  });
});
