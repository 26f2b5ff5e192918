// The chapter metrics of the KPI catalogue on hand-built workspaces: each value worked by hand
// from the chapter's own result, and each missing rule (left-out files, unfiled months, nothing
// due) giving "missing" with its reason, never 0 or 100.
import { describe, expect, it } from 'vitest';
import { computeKpi } from '../../src/domain/kpi.js';
import { METRIC_CATALOGUE, periodBounds } from '../../src/domain/kpi-metrics.js';
import type { MetricContext, MetricResult } from '../../src/domain/kpi-metrics.js';
import type { EquipmentLedger } from '../../src/kinds/equipment/types.js';
import type { RejectedFile } from '../../src/kinds/kind.js';
import type { MetricName } from '../../src/kinds/kpi-scheme/metric-names.js';
import type { KpiIndicator, KpiScheme } from '../../src/kinds/kpi-scheme/types.js';
import type { MaintenanceLog } from '../../src/kinds/maintenance-log/types.js';
import type { Inspection, QualityLog } from '../../src/kinds/quality-log/types.js';
import type { SafetyInspection } from '../../src/kinds/safety-inspection/types.js';
import { parsePeriod } from '../../src/model/period.js';
import type { Workspace } from '../../src/model/workspace.js';
import { workspace } from '../helpers/workspace.js';

/** The metric's result with `missing` null when it has a value. */
function metric(name: MetricName, ws: Workspace, department: string, periodId: string, asOf: string, rejected: RejectedFile[] = []): MetricResult & { missing: string | null } {
  const period = parsePeriod(periodId)!;
  const b = periodBounds(period, 1);
  const ctx: MetricContext = { ws, department, period, start: b.start, end: b.end, asOf, rejected, cache: new Map() };
  const r = METRIC_CATALOGUE[name].compute(ctx);
  return 'missing' in r ? r : { ...r, missing: null };
}

const insp = (id: string, stage: Inspection['stage'], date: string, result: 'pass' | 'fail', extra: Partial<Inspection> = {}): Inspection => ({ id, stage, date, sku: 'FG', lot: id, quantity: 10_000, sampleSize: 1_000, defects: [], result, index: 0, ...extra });
const qlog = (department: string, month: string, inspections: Inspection[]): QualityLog => ({ file: `quality/${month}/${department}.yaml`, department, month, inspections });

describe('quality metrics', () => {
  const ws = workspace({
    qualityLogs: [
      qlog('a', '2026-11', [
        insp('F1', 'final', '2026-11-03', 'fail'),
        insp('F1R', 'final', '2026-11-05', 'pass', { reinspectionOf: 'F1' }),
        insp('F2', 'final', '2026-11-10', 'pass'),
        insp('F3', 'final', '2026-11-12', 'pass'),
        insp('I1', 'incoming', '2026-11-02', 'pass', { supplier: 'S' }),
        insp('I2', 'incoming', '2026-11-04', 'fail', { supplier: 'S', disposition: 'concession' }),
      ]),
      qlog('b', '2026-11', [insp('F9', 'final', '2026-11-03', 'fail')]),
    ],
  });

  it('first-pass yield: 2 of 3 first final inspections passed (the re-inspection is not a first one); department b alone 0 of 1', () => {
    expect(metric('quality.firstPassYieldPct', ws, 'a', '2026-11', '2026-11-30').value).toBeCloseTo(200 / 3, 12);
    expect(metric('quality.firstPassYieldPct', ws, 'b', '2026-11', '2026-11-30').value).toBe(0);
  });

  it('incoming acceptance: 1 of 2 lots (a concession is not an acceptance); b inspected none: missing', () => {
    expect(metric('quality.incomingAcceptancePct', ws, 'a', '2026-11', '2026-11-30').value).toBe(50);
    expect(metric('quality.incomingAcceptancePct', ws, 'b', '2026-11', '2026-11-30')).toMatchObject({ value: null, missing: 'b inspected no incoming lot in 2026-11 (up to 2026-11-30)' });
  });

  it('a left-out log of the department makes both missing; a left-out log naming no month makes every department missing', () => {
    const left: RejectedFile = { file: 'quality/2026-11/b-2.yaml', kind: 'quality-log', data: { department: 'b', month: '2026-11' } };
    expect(metric('quality.firstPassYieldPct', ws, 'b', '2026-11', '2026-11-30', [left])).toMatchObject({ value: null, missing: expect.stringContaining('quality/2026-11/b-2.yaml (2026-11) left out for errors') });
    expect(metric('quality.firstPassYieldPct', ws, 'a', '2026-11', '2026-11-30', [left]).value).toBeCloseTo(200 / 3, 12);
    // October's left-out log does not touch November
    expect(metric('quality.firstPassYieldPct', ws, 'b', '2026-11', '2026-11-30', [{ ...left, data: { department: 'b', month: '2026-10' } }]).value).toBe(0);
    const unplaced: RejectedFile = { file: 'quality/x.yaml', kind: 'quality-log', data: 'not a mapping' };
    expect(metric('quality.incomingAcceptancePct', ws, 'a', '2026-11', '2026-11-30', [unplaced])).toMatchObject({ value: null, missing: expect.stringContaining('quality/x.yaml left out for errors names no department and month') });
  });
});

describe('equipment metrics', () => {
  const ledger: EquipmentLedger = {
    file: 'equipment/a.yaml',
    department: 'a',
    items: [
      { id: 'M1', name: 'M1', category: 'm', location: 'A', commissioned: '2020-01-01', status: 'in-service', critical: false, maintenance: [{ task: 'T', everyDays: 30, lastDone: '2026-10-20' }], index: 0 },
      { id: 'M2', name: 'M2', category: 'm', location: 'A', commissioned: '2020-01-01', status: 'in-service', critical: false, index: 1 },
    ],
  };
  // M1 down 36 h (corrective, 11-02 08:00 to 11-03 20:00); task T due 11-19, done 11-20 (tolerance 3 days: on time)
  const nov: MaintenanceLog = {
    file: 'maintenance/2026-11/a.yaml',
    department: 'a',
    month: '2026-11',
    records: [
      { equipment: 'M1', type: 'corrective', start: '2026-11-02T08:00', end: '2026-11-03T20:00', startSec: 0, endSec: 36 * 3600, downtimeSec: 36 * 3600, by: 'x', index: 0 },
      { equipment: 'M1', type: 'preventive', task: 'T', start: '2026-11-20T08:00', end: '2026-11-20T09:00', startSec: 0, endSec: 3600, downtimeSec: 0, by: 'x', index: 1 },
    ],
  };
  const ws = workspace({ equipmentLedgers: [ledger], maintenanceLogs: [nov] });

  it('availability: (2 x 720 - 36) / 1440 = 97.5%; PM compliance 1 of 1', () => {
    expect(metric('equipment.availabilityPct', ws, 'a', '2026-11', '2026-11-30').value).toBe(97.5);
    expect(metric('equipment.pmCompliancePct', ws, 'a', '2026-11', '2026-11-30').value).toBe(100);
  });

  it('availability is missing for a month of the period with no maintenance log (no log would read as 100%)', () => {
    expect(metric('equipment.availabilityPct', ws, 'a', 'FY2026-Q4', '2026-12-31')).toMatchObject({ value: null, missing: 'no maintenance log of a for 2026-10, 2026-12, so its downtime is unknown' });
    // PM compliance needs no log per month: due 11-19 done 11-20 (on time), due 12-20 not done by 12-31: 1 of 2
    expect(metric('equipment.pmCompliancePct', ws, 'a', 'FY2026-Q4', '2026-12-31').value).toBe(50);
  });

  it('a department without machines, a left-out ledger or log: missing', () => {
    expect(metric('equipment.availabilityPct', ws, 'b', '2026-11', '2026-11-30').missing).toBe('b has no active machine in an equipment ledger');
    expect(metric('equipment.pmCompliancePct', ws, 'b', '2026-11', '2026-11-30').missing).toBe('no preventive task of b fell due and was judged in 2026-11 (up to 2026-11-30)');
    const ledgerLeft: RejectedFile = { file: 'equipment/a2.yaml', kind: 'equipment', data: { department: 'a' } };
    expect(metric('equipment.pmCompliancePct', ws, 'a', '2026-11', '2026-11-30', [ledgerLeft]).missing).toBe('the equipment ledger equipment/a2.yaml was left out for errors; fix it');
    const logLeft: RejectedFile = { file: 'maintenance/2026-11/a-bad.yaml', kind: 'maintenance-log', data: { department: 'a', month: '2026-11' } };
    expect(metric('equipment.availabilityPct', ws, 'a', '2026-11', '2026-11-30', [logLeft]).missing).toContain('maintenance/2026-11/a-bad.yaml (2026-11) left out for errors');
  });
});

describe('safety metric (company-wide)', () => {
  const si = (id: string, date: string, hazards: SafetyInspection['hazards']): SafetyInspection => ({ file: `safety/${id}.yaml`, id, date, area: 'A', inspector: 'x', hazards });
  const h = (id: string, deadline: string, rectifiedOn?: string, verifiedOn?: string): SafetyInspection['hazards'][number] => ({ id, description: id, level: 'general', owner: 'o', deadline, index: 0, ...(rectifiedOn ? { rectifiedOn } : {}), ...(verifiedOn ? { verifiedOn, verifiedBy: 'v' } : {}) });
  const ws = workspace({ safetyInspections: [si('S1', '2026-11-02', [h('H1', '2026-11-10', '2026-11-09', '2026-11-11'), h('H2', '2026-11-12', '2026-11-13', '2026-11-14'), h('H3', '2026-12-05')])] });

  it('1 of 2 deadlines in November met (H3 is due in December); the same for every department', () => {
    expect(metric('safety.onTimeRectificationPct', ws, 'a', '2026-11', '2026-11-30').value).toBe(50);
    expect(metric('safety.onTimeRectificationPct', ws, 'b', '2026-11', '2026-11-30').value).toBe(50);
  });

  it('no deadline in the period, or a left-out inspection up to the as-of date: missing; one dated after it does not count', () => {
    expect(metric('safety.onTimeRectificationPct', ws, 'a', '2026-10', '2026-10-31').missing).toBe('no hazard deadline fell in 2026-10 (up to 2026-10-31)');
    const left = (date: unknown): RejectedFile => ({ file: 'safety/bad.yaml', kind: 'safety-inspection', data: { date } });
    expect(metric('safety.onTimeRectificationPct', ws, 'a', '2026-11', '2026-11-30', [left('2026-11-20')]).missing).toContain('safety/bad.yaml left out for errors');
    expect(metric('safety.onTimeRectificationPct', ws, 'a', '2026-11', '2026-11-30', [left(20261120)]).value).toBeNull();
    expect(metric('safety.onTimeRectificationPct', ws, 'a', '2026-11', '2026-11-30', [left('2026-12-02')]).value).toBe(50);
  });
});

describe('supplier metric (company-wide)', () => {
  it('no supplier scored, or a left-out purchase order ordered up to the as-of date: missing', () => {
    const ws = workspace({});
    expect(metric('suppliers.averageScore', ws, 'a', '2026-11', '2026-11-30').missing).toBe('no supplier was scored in 2026-11 (up to 2026-11-30)');
    const po: RejectedFile = { file: 'purchase-orders/PO-1.yaml', kind: 'purchase-order', data: { orderedOn: '2026-10-01' } };
    expect(metric('suppliers.averageScore', ws, 'a', '2026-11', '2026-11-30', [po]).missing).toContain('purchase-orders/PO-1.yaml left out for errors');
    expect(metric('suppliers.averageScore', workspace({ company: null }), 'a', '2026-11', '2026-11-30').missing).toContain('no company file');
  });
});

describe('the quarter rule, worked by hand on safety deadlines', () => {
  const si = (id: string, date: string, hazards: SafetyInspection['hazards']): SafetyInspection => ({ file: `safety/${id}.yaml`, id, date, area: 'A', inspector: 'x', hazards });
  const h = (id: string, deadline: string, rectifiedOn?: string): SafetyInspection['hazards'][number] => ({ id, description: id, level: 'general', owner: 'o', deadline, index: 0, ...(rectifiedOn ? { rectifiedOn, verifiedOn: rectifiedOn, verifiedBy: 'v' } : {}) });
  // October: 1 deadline, met (100%). November: 3 deadlines, 1 met (33.33%). December: none due.
  const ws = workspace({ safetyInspections: [si('S1', '2026-10-01', [h('H1', '2026-10-10', '2026-10-09'), h('H2', '2026-11-10', '2026-11-09'), h('H3', '2026-11-12'), h('H4', '2026-11-20', '2026-11-25')])] });
  const k = (id: string, aggregate: KpiIndicator['aggregate']): KpiIndicator => ({ id, name: id, weight: 50, metric: 'safety.onTimeRectificationPct', direction: 'higher', threshold: 0, target: 100, cap: 120, aggregate, index: 0 });
  const scheme: KpiScheme = { file: 'kpi/s.yaml', fiscalYear: 2026, weights: { kpi: 100, gs: 0 }, weightsWritten: true, grades: [{ grade: 'A', min: 0 }], gradesWritten: true, departments: [{ department: 'a', indicators: [k('P', 'period'), k('AVG', 'average')], goals: [], index: 0 }] };

  it('period: the quarter as a whole, 2 of 4 = 50%; average: the mean of the months with a value, (100 + 33.33) / 2 = 66.67%', () => {
    const r = computeKpi(ws, scheme, { period: parsePeriod('FY2026-Q4')!, asOf: '2026-12-31', rejected: [] });
    const [p, avg] = r.departments[0]!.indicators;
    expect(p!.value).toBe(50);
    expect(avg!.value).toBeCloseTo((100 + 100 / 3) / 2, 12);
    expect(avg!.months!.map((m) => m.value === null ? null : Math.round(m.value * 100) / 100)).toEqual([100, 33.33, null]);
    expect(avg!.months![2]!.missing).toBe('no hazard deadline fell in 2026-12 (up to 2026-12-31)');
  });
});
