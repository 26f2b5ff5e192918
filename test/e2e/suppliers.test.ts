// `opsplan suppliers` through bin/opsplan on examples/acme: every criterion recomputed here
// from the purchase orders, inventory and quality log YAML, formats, --fail-on.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ACME, runOpsplan } from '../helpers/run-cli.js';

const NOV = ['--period', '2026-11', '--as-of', '2026-11-30'];
interface Po { supplier: string; status: string; lines: { sku: string; qty: number; unitPrice: number; due: string }[]; receipts?: { date: string; sku: string; qty: number }[] }
const read = <T>(rel: string): T => parse(readFileSync(path.join(ACME, rel), 'utf8')) as T;

describe('opsplan suppliers on examples/acme', () => {
  it('scores SUP-SKF from its order, the snapshot unit cost and its incoming inspection', () => {
    const r = runOpsplan(['suppliers', ACME, ...NOV, '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    const skf = doc.suppliers.find((s: { supplier: string }) => s.supplier === 'SUP-SKF');
    const orders = readdirSync(path.join(ACME, 'purchase-orders')).map((f) => read<Po>(`purchase-orders/${f}`)).filter((p) => p.supplier === 'SUP-SKF');
    const line = orders[0]!.lines[0]!;
    const cost = (read<{ items: { sku: string; unitCost: number }[] }>('inventory/wh-east/2026-11-28.yaml').items.find((i) => i.sku === line.sku))!.unitCost;
    const variance = ((line.unitPrice - cost) / cost) * 100;
    expect(skf.priceVariancePct).toBeCloseTo(variance, 2); // JSON rates are rounded to 2 decimals
    expect(String(skf.priceVariancePct)).toMatch(/^-?\d+(\.\d{1,2})?$/);
    expect(skf.priceScore).toBeCloseTo(100 - variance, 8);
    expect([skf.onTimePct, skf.inFullPct, skf.qualityPct]).toEqual([100, 100, 100]);
    expect(skf.score).toBeCloseTo((40 * 100 + 40 * 100 + 20 * (100 - variance)) / 100, 8);
    expect(skf.grade).toBe('A');
  });

  it('grades, leaves unscored the suppliers without deliveries or inspections, and says why', () => {
    const doc = JSON.parse(runOpsplan(['suppliers', ACME, ...NOV, '--format', 'json']).stdout);
    const by = (s: string) => doc.suppliers.find((x: { supplier: string }) => x.supplier === s);
    expect([by('SUP-NOK').score, by('SUP-NOK').grade]).toEqual([60, 'C']);
    expect(by('SUP-WOLONG').grade).toBe('D');
    expect([by('SUP-CHALCO').status, by('SUP-CHALCO').onTimePct, by('SUP-CHALCO').inFullPct, by('SUP-CHALCO').reason]).toEqual(['incomplete', 100, 0, 'no incoming inspection of its lots in the period']);
    expect([by('SUP-JXCOPPER').status, by('SUP-JXCOPPER').score]).toEqual(['no-deliveries', null]);
  });

  it('prints the scorecard, writes CSV, and --fail-on warn exits 1 on grade D', () => {
    const t = runOpsplan(['suppliers', ACME, ...NOV, '--no-color']);
    expect(t.code).toBe(0);
    for (const s of ['Supplier evaluation', 'Deliveries by month', 'Grade D: 1']) expect(t.stdout).toContain(s);
    const csv = runOpsplan(['suppliers', ACME, ...NOV, '--format', 'csv']);
    expect(csv.stdout.split('\r\n')[0]).toBe('Supplier,Status,Received,On-time %,Lines due,In-full %,Delivery %,Quality acceptance %,Price variance %,Price score,Score,Grade,Not scored because');
    expect(runOpsplan(['suppliers', ACME, ...NOV, '--fail-on', 'warn', '--format', 'json']).code).toBe(1);
    expect(runOpsplan(['suppliers', ACME, ...NOV, '--fail-on', 'critical', '--format', 'json']).code).toBe(0);
  });

  it('over the quarter, October has no deliveries and is skipped', () => {
    const doc = JSON.parse(runOpsplan(['suppliers', ACME, '--period', 'FY2026-Q4', '--as-of', '2026-11-30', '--format', 'json']).stdout);
    const skf = doc.byMonth.filter((m: { supplier: string }) => m.supplier === 'SUP-SKF').map((m: { month: string; status: string }) => [m.month, m.status]);
    expect(skf).toEqual([['2026-10', 'no-deliveries'], ['2026-11', 'delivered'], ['2026-12', 'no-deliveries']]);
    expect(doc.suppliers.find((s: { supplier: string }) => s.supplier === 'SUP-SKF').grade).toBe('A');
  });
});
