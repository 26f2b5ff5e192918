// Equipment figures worked by hand: due dates that move with early completion, tolerance
// edges, overdue critical machines, MTTR/MTBF/availability per machine and line.
import { describe, expect, it } from 'vitest';
import { computeEquipment, judgeOccurrence, taskChain } from '../../src/domain/equipment.js';
import type { EquipmentLedger } from '../../src/kinds/equipment/types.js';
import { wallSeconds } from '../../src/kinds/maintenance-log/kind.js';
import type { MaintenanceLog, MaintenanceRecord } from '../../src/kinds/maintenance-log/types.js';

const rec = (equipment: string, type: MaintenanceRecord['type'], start: string, end: string, extra: Partial<MaintenanceRecord> = {}): MaintenanceRecord => {
  const startSec = wallSeconds(start);
  const endSec = wallSeconds(end);
  return { equipment, type, start, end, startSec, endSec, downtimeSec: type === 'corrective' ? endSec - startSec : 0, by: 'team', index: 0, ...extra };
};

describe('taskChain', () => {
  it('a task done early moves the next due date: last 2026-10-27 + 30 = 11-26, done 11-20, next 12-20', () => {
    const c = taskChain('2021-01-01', '2026-09-28', 30, ['2026-11-20', '2026-10-27']);
    expect(c.occurrences).toEqual([
      { due: '2026-10-28', doneOn: '2026-10-27' },
      { due: '2026-11-26', doneOn: '2026-11-20' },
      { due: '2026-12-20', doneOn: null },
    ]);
    expect([c.lastDone, c.nextDue]).toEqual(['2026-11-20', '2026-12-20']);
  });

  it('a task done late moves it too, and completions already in the ledger are not counted twice', () => {
    const c = taskChain('2021-01-01', '2026-09-25', 60, ['2026-09-25', '2026-11-27']);
    expect(c.occurrences[0]).toEqual({ due: '2026-11-24', doneOn: '2026-11-27' });
    expect(c.nextDue).toBe('2027-01-26');
  });

  it('without lastDone the first due date counts from commissioning', () => {
    expect(taskChain('2026-10-15', undefined, 30, []).nextDue).toBe('2026-11-14');
  });
});

describe('judgeOccurrence: tolerance edges', () => {
  const o = (doneOn: string | null) => ({ due: '2026-11-26', doneOn });
  it('3 days either side is on time with a tolerance of 3, 4 is not', () => {
    expect(judgeOccurrence(o('2026-11-23'), 3, '2026-11-30')).toBe('on-time');
    expect(judgeOccurrence(o('2026-11-29'), 3, '2026-11-30')).toBe('on-time');
    expect(judgeOccurrence(o('2026-11-22'), 3, '2026-11-30')).toBe('early');
    expect(judgeOccurrence(o('2026-11-30'), 3, '2026-11-30')).toBe('late');
  });
  it('not done: pending while the tolerance runs, not-done after it', () => {
    expect(judgeOccurrence(o(null), 3, '2026-11-29')).toBe('pending');
    expect(judgeOccurrence(o(null), 3, '2026-11-30')).toBe('not-done');
  });
});

const LEDGER: EquipmentLedger = {
  file: 'equipment/p.yaml',
  department: 'prod',
  items: [
    { id: 'CNC', name: 'CNC', category: 'm', location: 'A', line: 'L1', commissioned: '2021-03-15', status: 'in-service', critical: true, maintenance: [{ task: 'LUBE', everyDays: 30, lastDone: '2026-09-28' }, { task: 'SPINDLE', everyDays: 90, lastDone: '2026-08-20' }], index: 0 },
    { id: 'PRS', name: 'Press', category: 'p', location: 'A', line: 'L1', commissioned: '2019-06-01', status: 'in-service', critical: true, maintenance: [{ task: 'HYD', everyDays: 60, lastDone: '2026-09-25' }], index: 1 },
    { id: 'TST', name: 'Test', category: 't', location: 'B', commissioned: '2020-09-01', status: 'in-service', critical: true, maintenance: [{ task: 'CAL', everyDays: 180, lastDone: '2026-05-20' }], index: 2 },
    { id: 'OLD', name: 'Old', category: 'm', location: 'A', commissioned: '2009-05-01', status: 'retired', critical: false, maintenance: [{ task: 'LUBE', everyDays: 30, lastDone: '2021-03-01' }], index: 3 },
  ],
};
const OCT: MaintenanceLog = { file: 'm/10.yaml', department: 'prod', month: '2026-10', records: [rec('CNC', 'preventive', '2026-10-27T07:00', '2026-10-27T08:00', { task: 'LUBE' })] };
const NOV: MaintenanceLog = {
  file: 'm/11.yaml',
  department: 'prod',
  month: '2026-11',
  records: [
    rec('CNC', 'corrective', '2026-11-05T10:00', '2026-11-05T16:30', { cause: 'bearing' }),
    rec('CNC', 'preventive', '2026-11-10T07:00', '2026-11-10T11:00', { task: 'SPINDLE', downtimeSec: 4 * 3600 }),
    rec('PRS', 'corrective', '2026-11-18T14:00', '2026-11-19T02:00', { cause: 'hose' }),
    rec('CNC', 'preventive', '2026-11-20T07:00', '2026-11-20T08:00', { task: 'LUBE' }),
    rec('PRS', 'preventive', '2026-11-27T07:00', '2026-11-27T10:00', { task: 'HYD' }),
  ],
};

describe('computeEquipment (November 2026, as of 11-30, tolerance 10% of the interval)', () => {
  const r = computeEquipment([LEDGER], [OCT, NOV], { months: ['2026-11'], asOf: '2026-11-30', toleranceDays: null, missing: [] });

  it('judges each occurrence due in the period: LUBE 6 days early (tol 3), SPINDLE 8 early (tol 9), HYD 3 late (tol 6); CAL pending (14 days past, tol 18)', () => {
    expect(r.compliance.map((c) => [c.equipment, c.task, c.due, c.deviationDays, c.state])).toEqual([
      ['TST', 'CAL', '2026-11-16', null, 'pending'],
      ['CNC', 'SPINDLE', '2026-11-18', -8, 'on-time'],
      ['PRS', 'HYD', '2026-11-24', 3, 'on-time'],
      ['CNC', 'LUBE', '2026-11-26', -6, 'early'],
    ]);
    expect([r.complianceMet, r.complianceCounted, r.compliancePct]).toEqual([2, 3, (2 / 3) * 100]);
  });

  it('a fixed tolerance of 3 days applies to every task', () => {
    const t = computeEquipment([LEDGER], [OCT, NOV], { months: ['2026-11'], asOf: '2026-11-30', toleranceDays: 3, missing: [] });
    expect(t.compliance.map((c) => c.state)).toEqual(['not-done', 'early', 'on-time', 'early']);
  });

  it('lists the overdue critical test bench as critical; retired machines are never due', () => {
    const tst = r.tasks.find((t) => t.equipment === 'TST')!;
    expect([tst.nextDue, tst.daysOverdue, tst.level]).toEqual(['2026-11-16', 14, 'critical']);
    expect(r.tasks.some((t) => t.equipment === 'OLD')).toBe(false);
    expect(r.tasks.find((t) => t.task === 'SPINDLE')!.nextDue).toBe('2027-02-08');
    expect(r.flags.critical).toBe(1);
  });

  it('computes downtime, MTTR, MTBF and availability over 720 period hours', () => {
    const cnc = r.machines.find((m) => m.equipment === 'CNC')!;
    // 6.5 h repair + 4 h preventive stop with downtimeHours; 1 failure
    expect([cnc.periodHours, cnc.downtimeHours, cnc.failures, cnc.mttrHours, cnc.mtbfHours]).toEqual([720, 10.5, 1, 6.5, 709.5]);
    expect(cnc.availabilityPct).toBeCloseTo(((720 - 10.5) / 720) * 100, 10);
    const prs = r.machines.find((m) => m.equipment === 'PRS')!;
    // the overnight repair 14:00 -> 02:00 is 12 h; the preventive record without downtimeHours is no downtime
    expect([prs.downtimeHours, prs.mttrHours, prs.mtbfHours]).toEqual([12, 12, 708]);
    const tst = r.machines.find((m) => m.equipment === 'TST')!;
    expect([tst.downtimeHours, tst.failures, tst.mttrHours, tst.mtbfHours, tst.availabilityPct]).toEqual([0, 0, null, null, 100]);
  });

  it('adds a line up over its machines: 1,440 machine-hours, 22.5 h down, 2 failures', () => {
    expect(r.lines.map((l) => [l.line, l.machines, l.periodHours, l.downtimeHours, l.failures, l.mttrHours, l.mtbfHours])).toEqual([['L1', 2, 1440, 22.5, 2, 9.25, (1440 - 22.5) / 2]]);
  });

  it('ranks downtime causes', () => {
    expect(r.causes.map((c) => [c.cause, c.downtimeHours])).toEqual([
      ['hose', 12],
      ['bearing', 6.5],
      ['(preventive SPINDLE)', 4],
    ]);
  });

  it('a department-month left out for errors makes its machines missing, not 100% available', () => {
    const m = computeEquipment([LEDGER], [OCT], { months: ['2026-11'], asOf: '2026-11-30', toleranceDays: null, missing: [{ department: 'prod', month: '2026-11', file: 'm/11.yaml' }] });
    expect(m.machines.every((x) => x.status === 'missing' && x.availabilityPct === null && x.downtimeHours === null)).toBe(true);
    expect(m.lines[0]!.status).toBe('missing');
    expect(m.compliancePct).toBeNull();
    expect(m.compliance.every((c) => c.state === 'missing')).toBe(true);
  });
});
