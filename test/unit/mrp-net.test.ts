// Netting of one sku, worked by hand, and two properties checked on random inputs against an
// independent replay of the balance.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { netSku } from '../../src/domain/mrp/net.js';
import type { Dated, NetParams } from '../../src/domain/mrp/net.js';

const u = (n: number): number => Math.round(n * 1000);
const params = (start: number, ss: number, moq: number | null = null, pack: number | null = null): NetParams => ({ start: u(start), safetyStock: u(ss), moq: moq === null ? null : u(moq), packSize: pack === null ? null : u(pack) });
const req = (date: string, qty: number): Dated => ({ date, qty: u(qty) });

describe('netSku by hand', () => {
  it('restores safety stock once for two requirements (ERPNext #58806: 250 + 1000 with SS 100 is 1,350, not 1,450)', () => {
    const r = netSku(params(0, 100), [], [req('2026-12-01', 250), req('2026-12-08', 1000)]);
    expect(r.orders.map((o) => [o.due, o.qty, o.restoredSafetyStock, o.lotSurplus])).toEqual([['2026-12-01', u(350), u(100), 0], ['2026-12-08', u(1000), 0, 0]]);
    expect(r.orders.reduce((s, o) => s + o.qty, 0)).toBe(u(1350));
    expect(r.end).toBe(u(100));
  });

  it('raises to the MOQ, rounds up to packs, and lets the surplus serve the next requirement', () => {
    // 50 on hand, SS 20: 30 free. 70 needed: 30 from stock, 40 short -> MOQ 100 -> packs of 40 -> 120.
    // The 80 surplus serves the next 60, so no second order; 20 surplus is left.
    const r = netSku(params(50, 20, 100, 40), [], [req('2026-12-01', 70), req('2026-12-05', 60)]);
    expect(r.orders).toHaveLength(1);
    const o = r.orders[0]!;
    expect([o.qty, o.shortfall, o.moqApplied, o.packApplied, o.restoredSafetyStock, o.lotSurplus]).toEqual([u(120), u(40), true, true, 0, u(20)]);
    expect(o.pegs).toEqual([{ requirement: 0, qty: u(40) }, { requirement: 1, qty: u(60) }]);
    expect(r.coverage[0]!.fromStock).toBe(u(30));
    expect(r.end).toBe(u(40));
  });

  it('two plans competing for the same stock: each unit serves one requirement', () => {
    // 100 on hand, no SS: the first plan takes 80; the second gets the last 20 and 60 ordered.
    const r = netSku(params(100, 0), [], [req('2026-12-10', 80), req('2027-01-08', 80)]);
    expect(r.orders.map((o) => [o.due, o.qty])).toEqual([['2027-01-08', u(60)]]);
    expect(r.coverage.map((c) => c.fromStock)).toEqual([u(80), u(20)]);
  });

  it('a receipt on the requirement date comes first; one below safety stock is flagged until a requirement', () => {
    const r = netSku(params(10, 50), [{ date: '2026-12-01', qty: u(30) }, { date: '2026-12-03', qty: u(5) }], [req('2026-12-03', 20)]);
    // 10 + 30 = 40 (< 50: flagged), +5 = 45, -20 = 25 -> order 25 restores SS: 5 pegged... no: 20 pegged, 5 restored.
    expect(r.events.map((e) => [e.type, e.projected / 1000, e.belowSafety])).toEqual([['receipt', 40, true], ['receipt', 45, true], ['requirement', 25, false], ['planned-receipt', 50, false]]);
    expect(r.orders.map((o) => [o.qty, o.restoredSafetyStock])).toEqual([[u(25), u(5)]]);
  });
});

/** Replays the balance with fixed orders: true when every requirement leaves projected ≥ SS after its planned receipts. */
function holds(p: NetParams, receipts: readonly Dated[], reqs: readonly Dated[], orders: readonly { due: string; qty: number }[]): boolean {
  const byDate = new Map<string, { inflow: number; outflow: number }>();
  const add = (d: string, inflow: number, outflow: number): void => {
    const e = byDate.get(d) ?? { inflow: 0, outflow: 0 };
    e.inflow += inflow;
    e.outflow += outflow;
    byDate.set(d, e);
  };
  receipts.forEach((r) => add(r.date, r.qty, 0));
  orders.forEach((o) => add(o.due, o.qty, 0));
  reqs.forEach((r) => add(r.date, 0, r.qty));
  let bal = p.start;
  for (const d of [...byDate.keys()].sort()) {
    const e = byDate.get(d)!;
    bal += e.inflow - e.outflow;
    if (e.outflow > 0 && bal < p.safetyStock) return false;
  }
  return true;
}

const dates = ['2026-12-01', '2026-12-02', '2026-12-05', '2026-12-09', '2026-12-15'];
const instance = fc.record({
  start: fc.integer({ min: -50, max: 300 }),
  ss: fc.integer({ min: 0, max: 80 }),
  moq: fc.option(fc.integer({ min: 1, max: 150 }), { nil: null }),
  pack: fc.option(fc.integer({ min: 1, max: 40 }), { nil: null }),
  receipts: fc.array(fc.record({ date: fc.constantFrom(...dates), qty: fc.integer({ min: 1, max: 100 }) }), { maxLength: 3 }),
  reqs: fc.array(fc.record({ date: fc.constantFrom(...dates), qty: fc.integer({ min: 1, max: 200 }) }), { minLength: 1, maxLength: 6 }),
});

describe('netSku properties', () => {
  it('keeps projected available at or above safety stock after every requirement, pegs every order fully, and orders no more than the lot rules force', () => {
    fc.assert(
      fc.property(instance, (x) => {
        const p = params(x.start, x.ss, x.moq, x.pack);
        const receipts = x.receipts.map((r) => req(r.date, r.qty));
        const reqs = x.reqs.map((r) => req(r.date, r.qty));
        const r = netSku(p, receipts, reqs);
        for (const e of r.events) if (e.type !== 'requirement') expect(e.projected >= p.safetyStock || e.belowSafety).toBe(true);
        // Below safety stock only before the first requirement is netted.
        const firstReq = r.events.findIndex((e) => e.type === 'requirement');
        r.events.forEach((e, i) => { if (e.belowSafety) expect(i).toBeLessThan(firstReq); });
        expect(holds(p, receipts, reqs, r.orders)).toBe(true);
        for (const o of r.orders) expect(o.pegs.reduce((s, g) => s + g.qty, 0) + o.restoredSafetyStock + o.lotSurplus).toBe(o.qty);
        // Minimal: the next smaller lot the rules allow (or none) for any one order breaks the balance.
        r.orders.forEach((o, k) => {
          const pack = p.packSize ?? 1;
          let smaller = Math.floor((o.qty - 1) / pack) * pack;
          if (p.moq !== null && smaller < p.moq) smaller = 0;
          const changed = r.orders.map((x2, j) => (j === k ? { due: x2.due, qty: smaller } : x2));
          expect(holds(p, receipts, reqs, changed)).toBe(false);
        });
      }),
      { numRuns: 500, seed: 14 },
    );
  });
});
