// Service time, SLA, percentiles, missing months, hot issues and key accounts, each figure
// worked out by hand in the comment beside it.
import { describe, expect, it } from 'vitest';
import { computeAccounts } from '../../src/domain/accounts.js';
import { activeServiceMs, createServiceClock, mergeIntervals } from '../../src/domain/service-clock.js';
import { measureCase, missingMonths, percentileInc, timeCases } from '../../src/domain/service-cases.js';
import type { ServiceInput } from '../../src/domain/service-cases.js';
import { computeService } from '../../src/domain/service.js';
import { previousPeriod } from '../../src/model/period.js';
import type { AccountPlan } from '../../src/kinds/account-plan/types.js';
import type { ServiceCase, ServiceLog } from '../../src/kinds/service-log/types.js';
import { parsePeriod } from '../../src/model/period.js';
import type { Period } from '../../src/model/period.js';
import { endOfLocalDate, isoWeekday, localDate, localToInstant, MS_HOUR, parseDateTime } from '../../src/model/zoned-time.js';

const SH = 'Asia/Shanghai';
const CAL = { workdays: [1, 2, 3, 4, 5], hours: '09:00-18:00', holidays: ['2026-10-05'] };
const at = (text: string, zone = SH): number => parseDateTime(text, zone)!;
const hours = (ms: number): number => ms / MS_HOUR;
const period = (id: string): Period => parsePeriod(id)!;

let seq = 0;
function kase(received: string, fields: Partial<ServiceCase> = {}): ServiceCase {
  seq++;
  return { id: `C${seq}`, type: 'complaint', channel: 'hotline', customer: 'Huaxin', category: 'quality', priority: 'high', received, status: 'open', ...fields };
}

function log(month: string, cases: ServiceCase[], department = 'cs'): ServiceLog {
  return { file: `service/${month}/${department}.yaml`, department, month, cases };
}

function input(logs: ServiceLog[], extra: Partial<ServiceInput> = {}): ServiceInput {
  return { logs, brokenLogs: [], zone: SH, sla: [{ type: 'complaint', priority: 'high', responseHours: 2, resolutionHours: 18 }, { type: 'complaint', priority: 'urgent', responseHours: 1, resolutionHours: 8 }], calendar: CAL, startMonth: 1, ...extra };
}

/** The Berlin wall time of an instant, read as UTC, straight from Intl (not through zoned-time's caches). */
const BERLIN = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Berlin', hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
function berlinWall(t: number): number {
  const p = Object.fromEntries(BERLIN.formatToParts(new Date(t)).map((x) => [x.type, Number(x.value)]));
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!);
}

describe('zoned time', () => {
  it('reads times with an offset, in UTC and in the company zone alike', () => {
    // 10:00 in Shanghai (+08:00) is 02:00Z; 07:00-05:00 is 12:00Z.
    expect(at('2026-11-02T10:00')).toBe(Date.UTC(2026, 10, 2, 2, 0));
    expect(at('2026-11-02T02:00:00Z')).toBe(Date.UTC(2026, 10, 2, 2, 0));
    expect(at('2026-11-02 07:00-05:00')).toBe(Date.UTC(2026, 10, 2, 12, 0));
    expect(parseDateTime('2026-02-29T10:00', SH)).toBeNull();
    // 2028 is a leap year, 2100 is not; 24:00 and 23:60 roll into the next day; year 0026 is not 1926.
    expect(at('2028-02-29T10:00', 'UTC')).toBe(Date.UTC(2028, 1, 29, 10, 0));
    for (const bad of ['2100-02-29T10:00', '2026-04-31T10:00', '2026-13-01T10:00', '2026-11-30T24:00', '2026-11-30T23:60', '0026-11-02T10:00']) expect(parseDateTime(bad, SH), bad).toBeNull();
  });

  it('reads the wall times next to a transition the same as the full computation', () => {
    // Every quarter hour of the 3 days around both Berlin transitions: the instant read back
    // in the zone gives the written wall time, except in the spring gap (02:00-02:59).
    for (const start of [Date.UTC(2026, 2, 28), Date.UTC(2026, 9, 24)]) {
      for (let local = start; local < start + 3 * 86_400_000; local += 900_000) {
        const t = localToInstant('Europe/Berlin', local);
        const back = berlinWall(t);
        const inGap = new Date(local).getUTCMonth() === 2 && new Date(local).getUTCDate() === 29 && new Date(local).getUTCHours() === 2;
        if (!inGap) expect(back, new Date(local).toISOString()).toBe(local);
      }
    }
  });

  it('follows summer time in Europe/Berlin and none in Asia/Shanghai', () => {
    // EU summer time ends on Sunday 2026-10-25 at 03:00 CEST: that local day has 25 hours.
    const day = (zone: string): number => hours(at('2026-10-26T00:00', zone) - at('2026-10-25T00:00', zone));
    expect(day('Europe/Berlin')).toBe(25);
    expect(day(SH)).toBe(24);
    // 02:30 on 2026-03-29 does not exist in Berlin (clocks jump 02:00 -> 03:00): read as 03:30 CEST = 01:30Z.
    expect(localToInstant('Europe/Berlin', Date.UTC(2026, 2, 29, 2, 30))).toBe(Date.UTC(2026, 2, 29, 1, 30));
    // 02:30 on 2026-10-25 happens twice: the first (CEST, 00:30Z) is taken.
    expect(localToInstant('Europe/Berlin', Date.UTC(2026, 9, 25, 2, 30))).toBe(Date.UTC(2026, 9, 25, 0, 30));
  });

  it('puts an instant on its local day and ends a day at local midnight', () => {
    // 2026-11-30T20:00-05:00 = 2026-12-01T01:00Z = 09:00 on 1 December in Shanghai.
    expect(localDate(SH, at('2026-11-30T20:00-05:00'))).toBe('2026-12-01');
    expect(endOfLocalDate(SH, '2026-11-30')).toBe(Date.UTC(2026, 10, 30, 16, 0));
    expect(isoWeekday(Date.UTC(2026, 10, 30) / 86_400_000)).toBe(1); // a Monday
  });
});

describe('service clock', () => {
  const clock = createServiceClock(SH, CAL);

  it('skips a weekend and a holiday', () => {
    // Fri 2 Oct 16:00-18:00 = 2 h; Sat, Sun: 0; Mon 5 Oct holiday: 0; Tue 6 Oct 09:00-10:00 = 1 h.
    expect(hours(clock.between(at('2026-10-02T16:00'), at('2026-10-06T10:00')))).toBe(3);
    // Received at night, answered the next morning: only 09:00-09:45 counts.
    expect(hours(clock.between(at('2026-10-06T22:00'), at('2026-10-07T09:45')))).toBe(0.75);
  });

  it('counts 24 hours a day without a calendar, and the zone does not matter', () => {
    expect(hours(createServiceClock(SH, undefined).between(at('2026-10-02T16:00'), at('2026-10-06T10:00')))).toBe(90);
  });

  it('counts the Berlin window on the day summer time ends the same nine hours', () => {
    const berlin = createServiceClock('Europe/Berlin', { workdays: [1, 2, 3, 4, 5, 6, 7], hours: '09:00-18:00' });
    // Sat 24 Oct 12:00 to Mon 26 Oct 12:00 local: 6 + 9 + 3 = 18 service hours (the extra hour falls at night).
    expect(hours(berlin.between(at('2026-10-24T12:00', 'Europe/Berlin'), at('2026-10-26T12:00', 'Europe/Berlin')))).toBe(18);
  });

  it('removes paused time before counting service hours', () => {
    // Mon 2 Nov 10:00 -> Wed 4 Nov 12:00: 8 + 9 + 3 = 20 h; paused Tue 09:00-15:00 = 6 h; 14 h.
    const pauses = mergeIntervals([[at('2026-11-03T09:00'), at('2026-11-03T15:00')]]);
    expect(hours(activeServiceMs(clock, at('2026-11-02T10:00'), at('2026-11-04T12:00'), pauses))).toBe(14);
    // A pause over the night only takes its service hours: Mon 17:00 -> Tue 10:00 = 1 + 1 = 2 h of 20.
    const night = mergeIntervals([[at('2026-11-02T17:00'), at('2026-11-03T10:00')]]);
    expect(hours(activeServiceMs(clock, at('2026-11-02T10:00'), at('2026-11-04T12:00'), night))).toBe(18);
    // Overlapping pauses are counted once: 11:00-13:00 and 12:00-14:00 = 11:00-14:00, 3 h.
    const overlap = mergeIntervals([[at('2026-11-03T12:00'), at('2026-11-03T14:00')], [at('2026-11-03T11:00'), at('2026-11-03T13:00')]]);
    expect(hours(activeServiceMs(clock, at('2026-11-02T10:00'), at('2026-11-04T12:00'), overlap))).toBe(17);
  });
});

describe('SLA at the cutoff', () => {
  it('a case still open is breached once its service hours pass the target at as-of', () => {
    // Urgent complaint received Thu 26 Nov 10:00; by the end of Mon 30 Nov: 8 + 9 + 9 = 26 h > 8: 18 h over.
    const cs = kase('2026-11-26T10:00', { priority: 'urgent', firstResponse: '2026-11-26T10:30' });
    const inp = input([log('2026-11', [cs])]);
    const [tc] = timeCases(inp);
    const m = measureCase(createServiceClock(SH, CAL), tc!, endOfLocalDate(SH, '2026-11-30'));
    expect(m.response).toMatchObject({ status: 'met', hours: 0.5, done: true });
    expect(m.resolution).toMatchObject({ status: 'breached', hours: 26, overHours: 18, done: false });
    expect(m.sla).toBe('breached');
    // As of Thursday evening it has used 8 h of 8: still running.
    const early = measureCase(createServiceClock(SH, CAL), tc!, endOfLocalDate(SH, '2026-11-26'));
    expect(early.resolution.status).toBe('running');
    expect(early.sla).toBe('running');
  });

  it('a case without a matching rule has no SLA', () => {
    const inp = input([log('2026-11', [kase('2026-11-02T10:00', { priority: 'low', resolved: '2026-11-02T11:00', status: 'resolved' })])]);
    const m = measureCase(createServiceClock(SH, CAL), timeCases(inp)[0]!, endOfLocalDate(SH, '2026-11-30'));
    expect(m.sla).toBe('none');
    expect(m.resolution).toMatchObject({ status: 'none', hours: 1, targetHours: null });
  });
});

describe('percentiles (PERCENTILE.INC)', () => {
  it('interpolates linearly at rank p x (n - 1)', () => {
    // Even count: median of 0.5, 0.5, 0.75, 1.5, 3, 3.5 = (0.75 + 1.5) / 2; p90 at rank 4.5 = 3 + 0.5 x 0.5.
    expect(percentileInc([3, 0.5, 1.5, 3.5, 0.5, 0.75], 0.5)).toBe(1.125);
    expect(percentileInc([3, 0.5, 1.5, 3.5, 0.5, 0.75], 0.9)).toBe(3.25);
    // 1, 2, 3, 4 at 0.9: rank 2.7 -> 3 + 0.7 x 1 = 3.7 (Excel: =PERCENTILE.INC({1,2,3,4},0.9) = 3.7).
    expect(percentileInc([4, 1, 3, 2], 0.9)).toBeCloseTo(3.7, 12);
    expect(percentileInc([7], 0.9)).toBe(7);
    expect(percentileInc([], 0.5)).toBeNull();
  });
});

describe('computeService', () => {
  const oct = log('2026-10', [
    kase('2026-10-08T10:00', { category: 'delivery', resolved: '2026-10-09T10:00', closed: '2026-10-09T11:00', status: 'closed', rating: 5 }),
    kase('2026-10-12T10:00', { category: 'quality', resolved: '2026-10-12T12:00', status: 'resolved', rating: 2 }),
    kase('2026-10-30T17:00', { type: 'inquiry', category: 'quality', resolved: '2026-11-02T10:00', status: 'resolved' }),
  ]);
  const nov = log('2026-11', [
    kase('2026-11-02T10:00', { category: 'delivery', firstResponse: '2026-11-02T11:00', resolved: '2026-11-03T10:00', closed: '2026-11-04T10:00', status: 'closed', rating: 4, repeatOf: 'C1', sku: 'FG-1' }),
    kase('2026-11-05T10:00', { category: 'delivery', firstResponse: '2026-11-05T13:30', resolved: '2026-11-09T10:00', status: 'resolved', rating: 3 }),
    kase('2026-11-26T10:00', { category: 'quality', priority: 'urgent', firstResponse: '2026-11-26T10:30' }),
    kase('2026-11-27T10:00', { type: 'after-sales', category: 'repair', sku: 'FG-2', channel: 'visit' }),
  ]);

  it('counts, backlog, closure, satisfaction, SLA and hot issues for a month', () => {
    const r = computeService(input([oct, nov]), period('2026-11'), '2026-11-30');
    const c = r.company;
    expect(c.opened).toBe(4);
    // Resolved in November: the October inquiry (2 Nov) and two November complaints.
    expect(c.resolved).toBe(3);
    expect(c.closed).toBe(1);
    expect(c.closureRatePct).toBe(25);
    // Backlog: the urgent complaint (4 d 14 h old at the cutoff) and the after-sales case (3 d 14 h).
    expect(c.backlog).toBe(2);
    expect(c.backlogAges!.find((b) => b.key === '3-7d')!.count).toBe(2);
    // Ratings 4 and 3: one of two satisfied.
    expect(c.satisfaction).toEqual({ ratings: 2, satisfied: 1, pct: 50 });
    // Complaint/high: C4 met (1 h, 9 h); C5 response 3.5 h > 2 breached; urgent C6 breached at as-of; after-sales: no rule.
    expect(c.sla).toMatchObject({ met: 1, breached: 2, running: 0, none: 1 });
    expect(c.sla!.attainmentPct).toBeCloseTo(33.333333, 5);
    // Complaints by category: delivery 2 now vs 1 in October (+1); quality 1 now vs 1 (0).
    expect(c.hotIssues).toEqual([
      { category: 'delivery', complaints: 2, previous: 1, rise: 1 },
      { category: 'quality', complaints: 1, previous: 1, rise: 0 },
    ]);
    expect(c.repeatByCustomer).toEqual([{ key: 'Huaxin', count: 1 }]);
    expect(c.repeatByProduct).toEqual([{ key: 'FG-1', count: 1 }]);
    expect(c.afterSalesByProduct).toEqual([{ key: 'FG-2', count: 1 }]);
    const complaints = c.times!.find((t) => t.group === 'type' && t.key === 'complaint')!;
    // Responses 1, 3.5, 0.5 -> median 1; resolutions 9 (Mon 10:00 -> Tue 10:00) and 18 (Thu 10:00 -> Mon 10:00: 8 + 9 + 1).
    expect(complaints).toMatchObject({ responses: 3, responseMedian: 1, resolutions: 2, resolutionMedian: 13.5 });
    expect(complaints.resolutionP90).toBeCloseTo(17.1, 10);
  });

  it('a log left out for errors makes its department-month missing, never zero', () => {
    const r = computeService(input([oct], { brokenLogs: [{ file: 'service/2026-11/cs.yaml', department: 'cs', month: '2026-11' }] }), period('2026-11'), '2026-11-30');
    expect(r.company.missing).toEqual([{ department: 'cs', month: '2026-11', reason: 'left-out', file: 'service/2026-11/cs.yaml' }]);
    for (const k of ['opened', 'resolved', 'closed', 'closureRatePct', 'backlog', 'sla', 'satisfaction', 'hotIssues', 'times'] as const) expect(r.company[k], k).toBeNull();
    // October itself is complete.
    expect(computeService(input([oct], { brokenLogs: [{ file: 'x', department: 'cs', month: '2026-11' }] }), period('2026-10'), '2026-11-30').company.opened).toBe(3);
  });

  it('a month with no log after the first one is missing; months after as-of are not due', () => {
    const inp = input([oct]);
    expect(missingMonths(inp, ['2026-10', '2026-11', '2026-12'], '2026-11', null)).toEqual([{ department: 'cs', month: '2026-11', reason: 'not-filed', file: null }]);
    // A missing previous period makes only the rises missing.
    const r = computeService(input([nov]), period('2026-11'), '2026-11-30');
    expect(r.company.opened).toBe(4);
    expect(r.company.hotIssues!.every((h) => h.previous === null && h.rise === null)).toBe(true);
  });

  it('as of an earlier day, later events have not happened', () => {
    // As of 3 Nov: C4 resolved on 3 Nov 10:00 counts; C5 is not yet received.
    const r = computeService(input([oct, nov]), period('2026-11'), '2026-11-03');
    expect(r.company.opened).toBe(1);
    expect(r.company.resolved).toBe(2);
    expect(r.company.backlog).toBe(0);
  });

  it('gives the previous period of the same length', () => {
    expect(previousPeriod(period('2026-01')).id).toBe('2025-12');
    expect(previousPeriod(period('FY2026-Q1')).id).toBe('FY2025-Q4');
    expect(previousPeriod(period('FY2026-Q4')).id).toBe('FY2026-Q3');
    expect(previousPeriod(period('FY2026')).id).toBe('FY2025');
  });
});

describe('computeAccounts', () => {
  const plan = (customer: string, tier: 'A' | 'B', owner: string, visits: AccountPlan['visits']): AccountPlan => ({ file: `${customer}.yaml`, customer, fiscalYear: 2026, tier, owner, visits });
  const plans = [
    plan('Huaxin', 'A', 'Zhang', [{ planned: '2026-02-10', done: '2026-02-12' }, { planned: '2026-11-10' }, { planned: '2026-12-15' }]),
    plan('Kunlun', 'A', 'Wang', [{ planned: '2026-03-05', done: '2026-03-05' }, { planned: '2026-11-30' }]),
    plan('Dongfang', 'B', 'Zhang', [{ planned: '2026-04-20', done: '2026-12-01' }]),
  ];
  const logs = [log('2026-11', [kase('2026-11-26T10:00', { priority: 'urgent', firstResponse: '2026-11-26T10:30' }), kase('2026-11-27T10:00', { customer: 'Kunlun', resolved: '2026-11-27T11:00', status: 'resolved' })])];

  it('visits to date, overdue, next due, coverage by tier and owner, open complaints and breaches', () => {
    const r = computeAccounts(plans, input(logs), '2026-11-30');
    const huaxin = r.rows.find((x) => x.customer === 'Huaxin')!;
    // Planned by 30 Nov: 2 (10 Feb done, 10 Nov not): overdue 1, next due 15 Dec, 50%.
    expect(huaxin).toMatchObject({ plannedToDate: 2, done: 1, overdue: 1, nextDue: '2026-12-15', coveragePct: 50, openComplaints: 1, breaches: 1 });
    // The visit planned today is due, not overdue.
    expect(r.rows.find((x) => x.customer === 'Kunlun')).toMatchObject({ plannedToDate: 2, done: 1, overdue: 0, nextDue: '2026-11-30', openComplaints: 0, breaches: 0 });
    // Done after as-of does not count yet.
    expect(r.rows.find((x) => x.customer === 'Dongfang')).toMatchObject({ plannedToDate: 1, done: 0, overdue: 1, nextDue: null, coveragePct: 0 });
    expect(r.byTier).toEqual([
      { key: 'A', accounts: 2, plannedToDate: 4, done: 2, overdue: 1, coveragePct: 50 },
      { key: 'B', accounts: 1, plannedToDate: 1, done: 0, overdue: 1, coveragePct: 0 },
    ]);
    expect(r.byOwner.find((o) => o.key === 'Zhang')).toMatchObject({ plannedToDate: 3, done: 1 });
    expect(r.byOwner.find((o) => o.key === 'Zhang')!.coveragePct).toBeCloseTo(33.333333, 5);
    expect(r.rows.map((x) => x.customer)).toEqual(['Huaxin', 'Kunlun', 'Dongfang']);
  });

  it('a missing service log makes open complaints and breaches missing, not zero', () => {
    const r = computeAccounts(plans, input(logs, { brokenLogs: [{ file: 'b.yaml', department: 'cs', month: '2026-11' }] }), '2026-11-30');
    expect(r.rows[0]!.openComplaints).toBeNull();
    expect(r.rows[0]!.breaches).toBeNull();
    expect(r.rows[0]!.plannedToDate).toBe(2);
  });
});
