// Monthly customer-service logs (六): inquiries, complaints and after-sales cases with their
// times, pauses while waiting on the customer, status and rating.
import type { Company } from '../../model/workspace.js';
import { DEFAULT_TIME_ZONE } from './types.js';
import type { ServiceCase, ServiceLog, ServiceLogDoc } from './types.js';
import { addMonths } from '../../model/period.js';
import { dayNumber, isTimeZone, localDate, localDay, parseDateTime } from '../../model/zoned-time.js';
import type { Instant } from '../../model/zoned-time.js';
import { defineKind } from '../kind.js';
import type { CheckContext } from '../kind.js';

/** The zone service times are read in: the company's, or the default when it has none or a bad one. */
export function serviceZone(company: Company | null): string {
  const zone = company?.timeZone ?? DEFAULT_TIME_ZONE;
  return isTimeZone(zone) ? zone : DEFAULT_TIME_ZONE;
}

/** Minutes of the day of `HH:MM` (24:00 = 1440). */
export function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

function checkServiceSettings({ company, report }: CheckContext): void {
  if (!company) return;
  if (!isTimeZone(company.timeZone)) {
    report('error', 'company/unknown-time-zone', `time zone "${company.timeZone}" is not an IANA zone this Node.js knows; write one such as Asia/Shanghai, Europe/Berlin or UTC`, company.file, ['timeZone']);
  }
  const { sla, calendar } = company.thresholds.service;
  const seen = new Set<string>();
  (sla ?? []).forEach((r, i) => {
    const key = `${r.type}|${r.priority}`;
    if (seen.has(key)) report('error', 'company/duplicate-sla', `a second service level for ${r.type} / ${r.priority}; keep one rule per type and priority`, company.file, ['thresholds', 'service', 'sla', i, 'priority']);
    seen.add(key);
  });
  if (calendar) {
    const [from, to] = calendar.hours.split('-') as [string, string];
    if (minutesOf(from) >= minutesOf(to)) report('error', 'company/service-hours', `service hours "${calendar.hours}" end before they start; write the window as start-end on one day, e.g. 09:00-18:00`, company.file, ['thresholds', 'service', 'calendar', 'hours']);
  }
}

type TimeField = 'received' | 'firstResponse' | 'resolved' | 'closed';

/** Checks one case's times: real dates, the log's month, order, pauses inside the case. */
function checkCaseTimes(ctx: CheckContext, log: ServiceLog, c: ServiceCase, i: number, zone: string, monthDays: { first: number; next: number }): void {
  const at = (...p: (string | number)[]): (string | number)[] => ['cases', i, ...p];
  const times: Partial<Record<TimeField, Instant>> = {};
  let valid = true;
  // The path is built only for a finding: 200,000 cases would otherwise allocate a million arrays.
  const read = (text: string, ...path: (string | number)[]): Instant | null => {
    const t = parseDateTime(text, zone);
    if (t === null) {
      valid = false;
      ctx.report('error', 'service-log/invalid-time', `"${text}" is not a date and time that exists; write YYYY-MM-DDTHH:MM with a real day of the month`, log.file, at(...path));
    }
    return t;
  };
  for (const f of ['received', 'firstResponse', 'resolved', 'closed'] as const) {
    const text = c[f];
    if (text === undefined) continue;
    const t = read(text, f);
    if (t !== null) times[f] = t;
  }
  const pauses = (c.paused ?? []).map((p, j) => ({ from: read(p.from, 'paused', j, 'from'), to: read(p.to, 'paused', j, 'to'), j }));
  if (!valid || times.received === undefined) return;
  const received = times.received;
  const day = localDay(zone, received);
  if (day < monthDays.first || day >= monthDays.next) {
    const month = localDate(zone, received).slice(0, 7);
    ctx.report('error', 'service-log/outside-month', `case "${c.id}" was received in ${month} (${zone}), but this is the log of ${log.month}; move it to the ${month} log`, log.file, at('received'));
  }
  const order: [TimeField, TimeField][] = [['received', 'firstResponse'], ['received', 'resolved'], ['received', 'closed'], ['resolved', 'closed']];
  for (const [a, b] of order) {
    const ta = times[a];
    const tb = times[b];
    if (ta !== undefined && tb !== undefined && tb < ta) ctx.report('error', 'service-log/time-order', `case "${c.id}": ${b} ${c[b]} is before ${a} ${c[a]}; fix the times`, log.file, at(b));
  }
  const end = times.resolved ?? times.closed;
  for (const p of pauses) {
    if (p.from === null || p.to === null) continue;
    if (p.to < p.from) ctx.report('error', 'service-log/time-order', `case "${c.id}": pause ends before it starts; fix from/to`, log.file, at('paused', p.j, 'to'));
    else if (p.from < received || (end !== undefined && p.to > end)) {
      ctx.report('error', 'service-log/pause-outside-case', `case "${c.id}": the pause ${c.paused![p.j]!.from} .. ${c.paused![p.j]!.to} lies outside the case (received ${c.received}${end !== undefined ? `, ${times.resolved !== undefined ? 'resolved' : 'closed'} ${c.resolved ?? c.closed}` : ''}); a case can only wait on the customer while it is open`, log.file, at('paused', p.j, p.from < received ? 'from' : 'to'));
    }
  }
}

function checkServiceLogs(ctx: CheckContext): void {
  const { ws, report, knownDepartment, duplicates, idsUnique } = ctx;
  checkServiceSettings(ctx);
  const zone = serviceZone(ctx.company);
  duplicates(ws.serviceLogs, (l) => `${l.department}|${l.month}`, (l, first) =>
    report('error', 'submission/duplicate', `a second ${l.month} service log for "${l.department}" (the first is ${first.file}); keep one log per department and month`, l.file, ['month']),
  );
  const allIds = new Set(ws.serviceLogs.flatMap((l) => l.cases.map((c) => c.id)));
  for (const log of ws.serviceLogs) {
    knownDepartment(log.department, log.file, ['department']);
    // The log's month as local day numbers [first, next): the schema makes `month` a real month.
    const monthDays = { first: dayNumber(`${log.month}-01`) ?? Number.NaN, next: dayNumber(`${addMonths(log.month, 1)}-01`) ?? Number.NaN };
    idsUnique(log.file, log.cases, 'cases', 'service-log/duplicate-id');
    log.cases.forEach((c, i) => {
      if ((c.status === 'resolved' || c.status === 'closed') && c.resolved === undefined) {
        report('error', 'service-log/missing-resolved', `case "${c.id}" is ${c.status} but has no resolved time; add resolved: YYYY-MM-DDTHH:MM`, log.file, ['cases', i, 'status']);
      }
      checkCaseTimes(ctx, log, c, i, zone, monthDays);
      if (c.repeatOf !== undefined && (c.repeatOf === c.id || !allIds.has(c.repeatOf))) {
        report('warning', 'service-log/unknown-repeat', `case "${c.id}" repeats "${c.repeatOf}", which is no earlier case in the service logs; use the id of the earlier case`, log.file, ['cases', i, 'repeatOf']);
      }
    });
  }
}

/** Monthly service logs. */
export const serviceLogKind = defineKind({
  id: 'service-log',
  collection: 'serviceLogs',
  title: 'a department\'s customer-service cases of one month: times, pauses, status, rating',
  globs: ['service/**/*.yaml'],
  template: {
    path: 'service/2026-01/marketing.yaml',
    text: `kind: service-log
version: 1
department: marketing
month: 2026-01
cases:
  - id: CS-2026-01-001
    type: complaint
    channel: hotline
    customer: Example Customer
    sku: "FG-1001"
    category: product-quality
    priority: high
    received: 2026-01-05T09:30
    firstResponse: 2026-01-05T10:10
    resolved: 2026-01-06T15:00
    status: resolved
    rating: 4
`,
  },
  normalize: (doc, ctx): ServiceLog => {
    const d = doc as ServiceLogDoc;
    return { file: ctx.file, department: d.department, month: d.month, cases: d.cases };
  },
  check: checkServiceLogs,
});
