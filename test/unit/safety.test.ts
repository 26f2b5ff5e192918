// Safety figures worked by hand: closed only with verification, on-time rate over deadlines in
// the period, majors past their deadline critical, repeat hazards by area.
import { describe, expect, it } from 'vitest';
import { computeSafety } from '../../src/domain/safety.js';
import type { Hazard, SafetyInspection } from '../../src/kinds/safety-inspection/types.js';

const insp = (id: string, date: string, area: string, hazards: Hazard[]): SafetyInspection => ({ file: `safety/${id}.yaml`, id, date, area, inspector: 'x', hazards: hazards.map((h, index) => ({ ...h, index })) });
const hz = (id: string, description: string, level: Hazard['level'], deadline: string, extra: Partial<Hazard> = {}): Hazard => ({ id, description, level, owner: 'o', deadline, ...extra });

const OCT = insp('S10', '2026-10-09', 'Hall A', [hz('H1', 'Oil spill near the CNC', 'general', '2026-10-16', { rectifiedOn: '2026-10-15', verifiedBy: 'v', verifiedOn: '2026-10-16' })]);
const NOV1 = insp('S11', '2026-11-06', 'Hall A', [
  hz('H1', 'oil spill  near the CNC', 'general', '2026-11-13', { rectifiedOn: '2026-11-16', verifiedBy: 'v', verifiedOn: '2026-11-17' }),
  hz('H2', 'E-stop untested', 'major', '2026-11-20'),
]);
const NOV2 = insp('S12', '2026-11-12', 'Warehouse', [
  hz('H1', 'Fire exit blocked', 'major', '2026-11-14', { rectifiedOn: '2026-11-13', verifiedBy: 'v', verifiedOn: '2026-11-14' }),
  hz('H2', 'Rack upright damaged', 'general', '2026-12-10'),
  hz('H3', 'No eyewash', 'general', '2026-11-27', { rectifiedOn: '2026-11-26' }),
]);

describe('computeSafety (November 2026 as of 11-30)', () => {
  const r = computeSafety([NOV2, OCT, NOV1], { months: ['2026-11'], asOf: '2026-11-30' });

  it('on time = rectified by the deadline and verified: 1 of 4 deadlines in November (H3 is not verified)', () => {
    expect([r.rectifiedOnTime, r.dueInPeriod, r.onTimePct]).toEqual([1, 4, 25]);
    expect([r.inspections, r.hazardsFound]).toEqual([2, 5]);
  });

  it('lists open hazards by days to the deadline; a rectified but unverified one stays open', () => {
    expect(r.open.map((o) => [o.inspection, o.hazard, o.daysToDeadline, o.state, o.flag])).toEqual([
      ['S11', 'H2', -10, 'open', 'critical'],
      ['S12', 'H3', -3, 'unverified', 'warn'],
      ['S12', 'H2', 10, 'open', null],
    ]);
    expect(r.majorOpen.map((o) => o.hazard)).toEqual(['H2']);
    expect(r.flags).toEqual({ critical: 1, warn: 1 });
  });

  it('finds the repeat hazard in Hall A despite case and spacing', () => {
    expect(r.repeats).toEqual([{ area: 'Hall A', description: 'Oil spill near the CNC', occurrences: 2, inspections: ['S10', 'S11'] }]);
  });

  it('a deadline after the as-of date is not yet due; a verification after the as-of date does not count yet', () => {
    const mid = computeSafety([NOV1, NOV2], { months: ['2026-11'], asOf: '2026-11-16' });
    // due by 11-16: S11 H1 (rectified 11-16 but verified only 11-17) and S12 H1
    expect([mid.rectifiedOnTime, mid.dueInPeriod]).toEqual([1, 2]);
    expect(mid.open.find((o) => o.inspection === 'S11' && o.hazard === 'H1')!.state).toBe('unverified');
  });
});
