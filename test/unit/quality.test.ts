// Quality figures worked by hand: acceptance by final outcome, first-pass yield with a
// re-inspection, ppm, the Pareto, open nonconformances, and missing department-months.
import { describe, expect, it } from 'vitest';
import { computeQuality, defaultTrendMonths, paretoOf } from '../../src/domain/quality.js';
import type { Inspection, QualityLog } from '../../src/kinds/quality-log/types.js';

type In = Partial<Inspection> & Pick<Inspection, 'id' | 'stage' | 'date'>;
const insp = (x: In, index = 0): Inspection => ({ sku: 'FG-1', lot: `L-${x.id}`, quantity: 100_000, sampleSize: 10_000, defects: [], result: 'pass', index, ...x });
const log = (department: string, month: string, inspections: In[]): QualityLog => ({ file: `quality/${month}/${department}.yaml`, department, month, inspections: inspections.map((x, i) => insp(x, i)) });

// November: three incoming lots (one passed, one returned, one used under concession), a final
// lot failed then passed at re-inspection, two more final lots (one passed, one open).
const NOV = log('prod', '2026-11', [
  { id: 'I1', stage: 'incoming', date: '2026-11-03', supplier: 'S1', quantity: 2_000_000, sampleSize: 80_000 },
  { id: 'I2', stage: 'incoming', date: '2026-11-05', supplier: 'S2', result: 'fail', quantity: 1_000_000, sampleSize: 50_000, defects: [{ code: 'D-CUT', qty: 4_000 }], disposition: 'return', dispositionBy: 'x' },
  { id: 'I3', stage: 'incoming', date: '2026-11-10', supplier: 'S2', result: 'fail', quantity: 40_000, sampleSize: 8_000, defects: [{ code: 'D-NOISE', qty: 1_000 }], disposition: 'concession', dispositionBy: 'y', releasedOn: '2026-11-11' },
  { id: 'F1', stage: 'final', date: '2026-11-16', sku: 'FG-A', lot: 'P1', result: 'fail', quantity: 120_000, sampleSize: 20_000, defects: [{ code: 'D-LEAK', qty: 3_000 }], disposition: 'rework', dispositionBy: 'z' },
  { id: 'F2', stage: 'final', date: '2026-11-19', sku: 'FG-A', lot: 'P1', result: 'pass', quantity: 120_000, sampleSize: 20_000, reinspectionOf: 'F1' },
  { id: 'F3', stage: 'final', date: '2026-11-20', sku: 'FG-B', lot: 'P2', result: 'pass', quantity: 30_000, sampleSize: 30_000 },
  { id: 'F4', stage: 'final', date: '2026-11-24', sku: 'FG-C', lot: 'P3', result: 'fail', quantity: 25_000, sampleSize: 25_000, defects: [{ code: 'D-SOLDER', qty: 2_000 }] },
  { id: 'F5', stage: 'final', date: '2026-11-26', sku: 'FG-A', lot: 'P4', result: 'pass', quantity: 150_000, sampleSize: 20_000 },
]);

describe('computeQuality', () => {
  const r = computeQuality([NOV], { months: ['2026-11'], asOf: '2026-11-30', missing: [] });

  it('counts a lot once, by its latest inspection: 1 of 3 incoming lots passed, 3 of 4 final lots', () => {
    const incoming = r.byStage.find((x) => x.stage === 'incoming')!;
    expect([incoming.lots, incoming.passedLots]).toEqual([3, 1]);
    expect(incoming.lotRatePct).toBeCloseTo((1 / 3) * 100, 10);
    // accepted 2000 of 2000 + 1000 + 40 received; the concession is not an acceptance
    expect(incoming.quantityRatePct).toBeCloseTo((2000 / 3040) * 100, 10);
    const final = r.byStage.find((x) => x.stage === 'final')!;
    expect([final.lots, final.passedLots, final.quantity, final.acceptedQuantity]).toEqual([4, 3, 325_000, 300_000]);
    expect(r.totals).toMatchObject({ lots: 7, passedLots: 4 });
  });

  it('scores acceptance by supplier from incoming lots only', () => {
    expect(r.bySupplier.map((x) => [x.supplier, x.lots, x.passedLots, x.quantityRatePct])).toEqual([
      ['S1', 1, 1, 100],
      ['S2', 2, 0, 0],
    ]);
  });

  it('first-pass yield counts first final inspections only: FG-A 1 of 2 (P1 failed first), FG-B 1 of 1, FG-C 0 of 1', () => {
    expect(r.firstPassYield.map((x) => [x.sku, x.firstInspected, x.firstPassed, x.fpyPct])).toEqual([
      ['FG-A', 2, 1, 50],
      ['FG-B', 1, 1, 100],
      ['FG-C', 1, 0, 0],
    ]);
    expect(r.totals.fpyPct).toBe(50);
  });

  it('ppm = defects / sampled x 10^6 over every inspection of the period, re-inspections included', () => {
    // defects 4 + 1 + 3 + 2 = 10; sampled 80 + 50 + 8 + 20 + 20 + 30 + 25 + 20 = 253
    expect(r.totals.sampled).toBe(253_000);
    expect(r.totals.defective).toBe(10_000);
    expect(r.totals.ppm).toBeCloseTo((10 / 253) * 1e6, 8);
    const incoming = r.ppm.find((x) => x.stage === 'incoming')!;
    expect(incoming.ppm).toBeCloseTo((5 / 138) * 1e6, 8);
  });

  it('orders the Pareto by quantity then code, with cumulative shares', () => {
    expect(r.pareto.map((p) => [p.code, p.qty, Number(p.cumulativePct.toFixed(2))])).toEqual([
      ['D-CUT', 4_000, 40],
      ['D-LEAK', 3_000, 70],
      ['D-SOLDER', 2_000, 90],
      ['D-NOISE', 1_000, 100],
    ]);
    expect(paretoOf([{ code: 'B', qty: 1 }, { code: 'A', qty: 1 }]).map((p) => p.code)).toEqual(['A', 'B']);
  });

  it('lists a failed lot without disposition as open with its age; a dispositioned or re-inspected one is not', () => {
    expect(r.openNonconformances.map((n) => [n.id, n.ageDays])).toEqual([['F4', 6]]);
    expect(r.flags).toEqual({ critical: 0, warn: 1 });
  });

  it('a re-inspection in the next month still decides the lot of the month it was first inspected', () => {
    const dec = log('prod', '2026-12', [{ id: 'F6', stage: 'final', date: '2026-12-02', result: 'pass', reinspectionOf: 'F4', sku: 'FG-C', lot: 'P3' }]);
    const asOfNov = computeQuality([NOV, dec], { months: ['2026-11'], asOf: '2026-11-30', missing: [] });
    const asOfDec = computeQuality([NOV, dec], { months: ['2026-11'], asOf: '2026-12-05', missing: [] });
    expect(asOfNov.byStage.find((x) => x.stage === 'final')!.passedLots).toBe(3);
    expect(asOfDec.byStage.find((x) => x.stage === 'final')!.passedLots).toBe(4);
    // first-pass yield never changes: F4 failed first
    expect(asOfDec.firstPassYield.find((x) => x.sku === 'FG-C')!.fpyPct).toBe(0);
    expect(asOfDec.openNonconformances).toEqual([]);
  });

  it('a department-month left out for errors is missing, not zero and not 100%', () => {
    const other = log('assembly', '2026-11', [{ id: 'A1', stage: 'final', date: '2026-11-02', result: 'pass' }]);
    const m = computeQuality([NOV, other], { months: ['2026-10', '2026-11'], asOf: '2026-11-30', missing: [{ department: 'prod', month: '2026-10', file: 'q.yaml' }] });
    const prodFinal = m.byStage.find((x) => x.department === 'prod' && x.stage === 'final')!;
    expect(prodFinal).toMatchObject({ status: 'missing', lots: null, lotRatePct: null });
    expect(m.firstPassYield.filter((x) => x.department === 'prod').every((x) => x.fpyPct === null)).toBe(true);
    // totals and the Pareto rest on complete departments only
    expect(m.totals).toMatchObject({ lots: 1, passedLots: 1, defective: 0 });
    expect(m.pareto).toEqual([]);
    expect(m.trend.filter((t) => t.department === 'prod').map((t) => [t.month, t.status])).toEqual([
      ['2026-06', 'not-filed'], ['2026-07', 'not-filed'], ['2026-08', 'not-filed'], ['2026-09', 'not-filed'], ['2026-10', 'missing'], ['2026-11', 'filed'],
    ]);
  });

  it('the trend shows each filed month with its own figures', () => {
    const t = r.trend.find((x) => x.month === '2026-11')!;
    expect(t).toMatchObject({ status: 'filed', lots: 7, fpyPct: 50 });
    expect(t.acceptancePct).toBeCloseTo((4 / 7) * 100, 10);
    expect(defaultTrendMonths(['2026-02'])).toEqual(['2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02']);
  });
});
