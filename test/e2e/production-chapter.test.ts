// `opsplan quality`, `equipment` and `safety` through bin/opsplan on examples/acme, with the
// figures recomputed here from the YAML files (not from opsplan's model), every format,
// --fail-on, missing months and usage errors.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ACME, copyAcme, runOpsplan } from '../helpers/run-cli.js';

const NOV = ['--period', '2026-11', '--as-of', '2026-11-30'];
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw YAML, shaped by each test
const yamlOf = (rel: string): Record<string, any> => parse(readFileSync(path.join(ACME, rel), 'utf8')) as Record<string, any>;

describe('opsplan quality on examples/acme', () => {
  const json = runOpsplan(['quality', ACME, ...NOV, '--format', 'json']);
  const doc = JSON.parse(json.stdout);

  it('recomputes ppm, the Pareto and first-pass yield from the November log', () => {
    expect(json.code).toBe(0);
    const inspections = yamlOf('quality/2026-11/production.yaml').inspections as { stage: string; sku: string; sampleSize: number; defects?: { code: string; qty: number }[]; result: string; reinspectionOf?: string }[];
    const sampled = inspections.reduce((a, i) => a + i.sampleSize, 0);
    const defects = inspections.flatMap((i) => i.defects ?? []);
    const defective = defects.reduce((a, d) => a + d.qty, 0);
    expect([doc.totals.sampled, doc.totals.defective]).toEqual([sampled, defective]);
    expect(doc.totals.ppm).toBeCloseTo((defective / sampled) * 1e6, 6);
    const byCode = new Map<string, number>();
    for (const d of defects) byCode.set(d.code, (byCode.get(d.code) ?? 0) + d.qty);
    expect(doc.pareto.map((p: { code: string; qty: number }) => [p.code, p.qty])).toEqual([...byCode.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
    const firsts = inspections.filter((i) => i.stage === 'final' && i.reinspectionOf === undefined);
    expect(doc.totals.fpyPct).toBeCloseTo((firsts.filter((i) => i.result === 'pass').length / firsts.length) * 100, 10);
  });

  it('shows acceptance by stage and supplier, the open nonconformance and the trend', () => {
    const final = doc.byStage.find((r: { stage: string }) => r.stage === 'final');
    expect([final.lots, final.passedLots, final.quantity, final.acceptedQuantity]).toEqual([4, 3, 325, 300]);
    expect(doc.bySupplier.map((r: { supplier: string; lotRatePct: number }) => [r.supplier, r.lotRatePct])).toEqual([['SUP-NOK', 0], ['SUP-SKF', 100], ['SUP-WOLONG', 0]]);
    expect(doc.openNonconformances.map((n: { id: string; ageDays: number }) => [n.id, n.ageDays])).toEqual([['QI-2611-008', 6]]);
    expect(doc.trend.filter((t: { status: string }) => t.status === 'filed').map((t: { month: string; lots: number }) => [t.month, t.lots])).toEqual([['2026-10', 4], ['2026-11', 8]]);
    expect(doc.missing).toEqual([]);
  });

  it('prints the tables and the headline, and CSV of acceptance by stage', () => {
    const t = runOpsplan(['quality', ACME, ...NOV, '--no-color']);
    expect(t.code).toBe(0);
    for (const s of ['Acceptance by stage', 'Incoming acceptance by supplier', 'first-pass yield by product', 'Defect ppm by stage', 'Defect Pareto', 'Open nonconformances', 'Month-over-month trend', 'Defect ppm: 45283']) expect(t.stdout).toContain(s);
    const csv = runOpsplan(['quality', ACME, ...NOV, '--format', 'csv']);
    expect(csv.stdout.split('\r\n')[0]).toBe('Department,Stage,Status,Lots,Lots passed,Lot acceptance %,Quantity,Accepted quantity,Quantity acceptance %');
    expect(csv.stdout).toContain('production,incoming,ok,3,1,33.3,3040,2000,65.8');
  });

  it('--fail-on warn fails on the open nonconformance; --fail-on critical does not', () => {
    expect(runOpsplan(['quality', ACME, ...NOV, '--fail-on', 'warn', '--format', 'json']).code).toBe(1);
    expect(runOpsplan(['quality', ACME, ...NOV, '--fail-on', 'critical', '--format', 'json']).code).toBe(0);
  });

  it('a November log left out for a released nonconforming lot makes November missing, never 0 or 100%', () => {
    const ws = copyAcme();
    const file = path.join(ws, 'quality', '2026-11', 'production.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('    result: fail\n  - id: QI-2611-009', '    result: fail\n    releasedOn: 2026-11-25\n  - id: QI-2611-009'));
    const r = runOpsplan(['quality', ws, '--period', 'FY2026-Q4', '--as-of', '2026-11-30', '--format', 'json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('quality/nonconforming-released');
    const d = JSON.parse(r.stdout);
    expect(d.missing).toEqual([{ department: 'production', month: '2026-11', file: 'quality/2026-11/production.yaml' }]);
    expect(d.byStage.every((x: { status: string; lotRatePct: number | null }) => x.status === 'missing' && x.lotRatePct === null)).toBe(true);
    expect(d.totals.lotRatePct).toBeNull();
    expect(d.trend.find((t: { month: string }) => t.month === '2026-11').status).toBe('missing');
    expect(d.trend.find((t: { month: string }) => t.month === '2026-10').status).toBe('filed');
  });

  it('refuses a period that does not parse or has no logs (exit 2), listing the months found', () => {
    const bad = runOpsplan(['quality', ACME, '--period', '2026-13']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--period takes');
    const empty = runOpsplan(['quality', ACME, '--period', '2025-11']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('months found: 2026-10, 2026-11');
  });
});

describe('opsplan equipment on examples/acme', () => {
  const doc = JSON.parse(runOpsplan(['equipment', ACME, ...NOV, '--format', 'json']).stdout);

  it('recomputes each machine\'s downtime from the November log', () => {
    const records = yamlOf('maintenance/2026-11/production.yaml').records as { equipment: string; type: string; start: string; end: string; downtimeHours?: number }[];
    const hours = (r: (typeof records)[number]): number => r.downtimeHours ?? (r.type === 'corrective' ? (Date.parse(`${r.end}Z`) - Date.parse(`${r.start}Z`)) / 3.6e6 : 0);
    for (const m of doc.machines as { equipment: string; downtimeHours: number; failures: number; availabilityPct: number }[]) {
      const mine = records.filter((r) => r.equipment === m.equipment);
      const down = mine.reduce((a, r) => a + hours(r), 0);
      expect(m.downtimeHours, m.equipment).toBeCloseTo(down, 10);
      expect(m.failures, m.equipment).toBe(mine.filter((r) => r.type === 'corrective').length);
      // JSON rates are rounded half away from zero to 2 decimals.
      expect(m.availabilityPct, m.equipment).toBeCloseTo(((720 - down) / 720) * 100, 2);
      expect(String(m.availabilityPct)).toMatch(/^\d+(\.\d{1,2})?$/);
    }
  });

  it('moves the spindle service with its early completion and flags the overdue critical test bench', () => {
    const task = (e: string, t: string) => doc.tasks.find((x: { equipment: string; task: string }) => x.equipment === e && x.task === t);
    expect(task('EQ-CNC-01', 'PM-SPINDLE').nextDue).toBe('2027-02-08');
    expect([task('EQ-TST-04', 'PM-CAL').daysOverdue, task('EQ-TST-04', 'PM-CAL').level]).toEqual([14, 'critical']);
    expect(doc.tasks.some((x: { equipment: string }) => x.equipment === 'EQ-DRL-06')).toBe(false);
    expect([doc.complianceMet, doc.complianceCounted, doc.compliancePct]).toEqual([3, 4, 75]);
  });

  it('prints its tables, CSV of the tasks, and --fail-on critical exits 1', () => {
    const t = runOpsplan(['equipment', ACME, ...NOV, '--no-color', '--fail-on', 'critical']);
    expect(t.code).toBe(1);
    for (const s of ['Preventive tasks', 'PM compliance: tasks due in the period', 'by machine', 'Downtime by production line', 'Top downtime causes', 'PM compliance %: 75.0%']) expect(t.stdout).toContain(s);
    const csv = runOpsplan(['equipment', ACME, ...NOV, '--format', 'csv']);
    expect(csv.code).toBe(0);
    expect(csv.stdout).toContain('production,EQ-TST-04,Pump test bench,yes,PM-CAL,180,2026-05-20,2026-11-16,14,critical');
  });

  it('a maintenance log left out for unknown equipment makes its machines missing', () => {
    const ws = copyAcme();
    const file = path.join(ws, 'maintenance', '2026-11', 'production.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('  - equipment: EQ-ASM-03\n    type: inspection', '  - equipment: EQ-ASM-99\n    type: inspection'));
    const r = runOpsplan(['equipment', ws, ...NOV, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('maintenance/unknown-equipment');
    const d = JSON.parse(r.stdout);
    expect(d.machines.map((m: { status: string; availabilityPct: number | null }) => [m.status, m.availabilityPct])).toEqual(Array(5).fill(['missing', null]));
    expect(d.compliancePct).toBeNull();
  });
});

describe('opsplan safety on examples/acme', () => {
  it('recomputes the on-time rate from the inspections and lists the open hazards', () => {
    const r = runOpsplan(['safety', ACME, ...NOV, '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    const hazards = readdirSync(path.join(ACME, 'safety')).flatMap((f) => (yamlOf(`safety/${f}`).hazards as { deadline: string; rectifiedOn?: string; verifiedOn?: string }[]));
    const due = hazards.filter((h) => h.deadline >= '2026-11-01' && h.deadline <= '2026-11-30');
    const onTime = due.filter((h) => h.rectifiedOn !== undefined && h.rectifiedOn <= h.deadline && h.verifiedOn !== undefined);
    expect([doc.rectifiedOnTime, doc.dueInPeriod]).toEqual([onTime.length, due.length]);
    expect(doc.onTimePct).toBe((onTime.length / due.length) * 100);
    expect(doc.open.map((o: { inspection: string; hazard: string; daysToDeadline: number; flag: string | null }) => [o.inspection, o.hazard, o.daysToDeadline, o.flag])).toEqual([
      ['SI-2026-11-01', 'H-02', -10, 'critical'],
      ['SI-2026-11-02', 'H-02', 10, null],
    ]);
    expect(doc.repeats).toEqual([{ area: 'Hall A', description: 'Oil spill near the CNC machining centre', occurrences: 2, inspections: ['SI-2026-10-01', 'SI-2026-11-01'] }]);
  });

  it('prints the tables, CSV of the open hazards, and --fail-on critical exits 1 for the major hazard past its deadline', () => {
    const t = runOpsplan(['safety', ACME, ...NOV, '--no-color', '--fail-on', 'critical']);
    expect(t.code).toBe(1);
    for (const s of ['Open hazards', 'Repeat hazards by area', 'On-time rectification %: 50.0%']) expect(t.stdout).toContain(s);
    const csv = runOpsplan(['safety', ACME, ...NOV, '--format', 'csv']);
    expect(csv.stdout.split('\r\n')).toHaveLength(4);
    // before the deadline passed, nothing is critical
    expect(runOpsplan(['safety', ACME, '--period', '2026-11', '--as-of', '2026-11-15', '--fail-on', 'critical', '--format', 'json']).code).toBe(0);
  });
});
