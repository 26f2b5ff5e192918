// Service cases as instants, measured against their service levels at a cutoff: the part of
// customer service that `opsplan service` and `opsplan accounts` share.
import type { CasePriority, CaseType, ServiceCalendar, ServiceCase, ServiceLog, SlaRule } from '../kinds/service-log/types.js';
import { MS_HOUR, parseDateTime } from '../model/zoned-time.js';
import type { Instant } from '../model/zoned-time.js';
import { activeServiceMs, createServiceClock, mergeIntervals } from './service-clock.js';
import type { ServiceClock } from './service-clock.js';

/** What the service computations read from the workspace. */
export interface ServiceInput {
  /** The logs that loaded clean. */
  logs: readonly ServiceLog[];
  /** Logs left out for their own errors: their department-months are missing (null when unreadable). */
  brokenLogs: readonly { file: string; department: string | null; month: string | null }[];
  /** IANA zone of the company. */
  zone: string;
  sla: readonly SlaRule[];
  calendar?: ServiceCalendar;
  /** First month of the fiscal year. */
  startMonth: number;
}

/** A case with its times as instants. */
export interface TimedCase {
  department: string;
  /** The log's month. */
  month: string;
  file: string;
  c: ServiceCase;
  received: Instant;
  firstResponse?: Instant;
  resolved?: Instant;
  closed?: Instant;
  /** Merged pauses. */
  pauses: [Instant, Instant][];
  rule?: SlaRule;
}

/** One clock of a case at the cutoff. */
export interface ClockResult {
  /** Service hours used (to the event, or to the cutoff while running). */
  hours: number;
  /** Whether the event (first response, resolution) happened by the cutoff. */
  done: boolean;
  targetHours: number | null;
  /** none: no service level; running: not done and within target. */
  status: 'met' | 'breached' | 'running' | 'none';
  /** Hours beyond the target when breached, else 0. */
  overHours: number;
}

/** A case measured at the cutoff. */
export interface MeasuredCase extends TimedCase {
  response: ClockResult;
  resolution: ClockResult;
  /** breached when either clock is; running when either runs; met when both are met; none without a rule. */
  sla: 'met' | 'breached' | 'running' | 'none';
}

/**
 * A copy of a case with every field present, in one order. Cases as parsed have as many
 * shapes as combinations of optional keys, which makes every `c.type` in the counts a
 * megamorphic look-up (countBy took 2.2 s of 13 s over 200,000 cases before this).
 */
function sameShape(c: ServiceCase): ServiceCase {
  return {
    id: c.id,
    type: c.type,
    channel: c.channel,
    customer: c.customer,
    sku: c.sku,
    category: c.category,
    priority: c.priority,
    received: c.received,
    firstResponse: c.firstResponse,
    resolved: c.resolved,
    closed: c.closed,
    paused: c.paused,
    status: c.status,
    rating: c.rating,
    repeatOf: c.repeatOf,
  };
}

/** Parses every case of the clean logs (the checks guarantee their times are valid). */
export function timeCases(input: ServiceInput): TimedCase[] {
  // By type, then priority: a key string built per case took 0.19 s in a profile at L (200,000 cases).
  const rules = new Map<string, Map<string, SlaRule>>();
  for (const r of input.sla) {
    const byPriority = rules.get(r.type) ?? new Map<string, SlaRule>();
    // A later rule of the same type and priority replaces an earlier one, as before (the checks report it).
    byPriority.set(r.priority, r);
    rules.set(r.type, byPriority);
  }
  const at = (text: string | undefined): Instant | undefined => (text === undefined ? undefined : (parseDateTime(text, input.zone) ?? undefined));
  const out: TimedCase[] = [];
  for (const log of input.logs) {
    for (const raw of log.cases) {
      const received = at(raw.received);
      if (received === undefined) continue;
      const c = sameShape(raw);
      out.push({
        department: log.department,
        month: log.month,
        file: log.file,
        c,
        received,
        firstResponse: at(c.firstResponse),
        resolved: at(c.resolved),
        closed: at(c.closed),
        pauses: mergeIntervals((c.paused ?? []).map((p) => [at(p.from) ?? 0, at(p.to) ?? 0])),
        rule: rules.get(c.type)?.get(c.priority),
      });
    }
  }
  return out;
}

/** The clock of the company's calendar. */
export function clockOf(input: ServiceInput): ServiceClock {
  return createServiceClock(input.zone, input.calendar);
}

function measureClock(clock: ServiceClock, tc: TimedCase, event: Instant | undefined, targetHours: number | null, cutoff: Instant): ClockResult {
  const done = event !== undefined && event <= cutoff;
  const ms = activeServiceMs(clock, tc.received, done ? event : cutoff, tc.pauses);
  const hours = ms / MS_HOUR;
  if (targetHours === null) return { hours, done, targetHours, status: 'none', overHours: 0 };
  // Compared in whole milliseconds: targets have at most 2 decimals of an hour (36 s).
  const targetMs = Math.round(targetHours * MS_HOUR);
  if (ms > targetMs) return { hours, done, targetHours, status: 'breached', overHours: (ms - targetMs) / MS_HOUR };
  return { hours, done, targetHours, status: done ? 'met' : 'running', overHours: 0 };
}

/** Measures a case at the cutoff: events after it have not happened yet. */
export function measureCase(clock: ServiceClock, tc: TimedCase, cutoff: Instant): MeasuredCase {
  // A case resolved without a recorded first response was answered when it was resolved.
  const response = measureClock(clock, tc, tc.firstResponse ?? tc.resolved, tc.rule?.responseHours ?? null, cutoff);
  const resolution = measureClock(clock, tc, tc.resolved, tc.rule?.resolutionHours ?? null, cutoff);
  const r = response.status;
  const s2 = resolution.status;
  const sla = !tc.rule ? 'none' : r === 'breached' || s2 === 'breached' ? 'breached' : r === 'running' || s2 === 'running' ? 'running' : 'met';
  // Field by field, not `{ ...tc, ... }`: the spread and the three fields added after it took
  // 0.4 s per run in a profile at L (100,000 cases of the month), this literal an eighth of that.
  return { department: tc.department, month: tc.month, file: tc.file, c: tc.c, received: tc.received, firstResponse: tc.firstResponse, resolved: tc.resolved, closed: tc.closed, pauses: tc.pauses, rule: tc.rule, response, resolution, sla };
}

/** Whether a case was resolved by the cutoff. */
export function resolvedBy(tc: TimedCase, cutoff: Instant): boolean {
  return tc.resolved !== undefined && tc.resolved <= cutoff;
}

/** PERCENTILE.INC: linear interpolation between the order statistics at rank p x (n - 1). */
export function percentileInc(values: readonly number[], p: number): number | null {
  return percentileOfSorted(Float64Array.from(values).sort(), p);
}

/**
 * PERCENTILE.INC of values already sorted ascending (a typed array's sort is numeric): sort
 * once, then take the median and the 90th percentile from the same array.
 */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = p * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo]! + (rank - lo) * (sorted[hi]! - sorted[lo]!);
}

/** A department-month that has no clean log. */
export interface MissingMonth {
  department: string | null;
  month: string | null;
  /** left-out: its log has errors (file named); not-filed: no log at all. */
  reason: 'left-out' | 'not-filed';
  file: string | null;
}

/**
 * The department-months among `months` (of the departments in `departments`, or all when
 * null) that have no clean log. A department is expected to file from its first log (clean or
 * broken) on (with `fromFirstLog`; without it every month is expected, for comparisons with
 * a period before the first log); months after `lastMonth` are not due yet. An unreadable broken log (department
 * or month unknown) is missing for every scope it could belong to.
 */
export function missingMonths(input: ServiceInput, months: readonly string[], lastMonth: string, departments: ReadonlySet<string> | null, fromFirstLog = true): MissingMonth[] {
  const inScope = (d: string | null): boolean => departments === null || d === null || departments.has(d);
  const clean = new Set(input.logs.map((l) => `${l.department}|${l.month}`));
  const first = new Map<string, string>();
  for (const l of [...input.logs, ...input.brokenLogs]) {
    if (l.department === null || l.month === null) continue;
    const f = first.get(l.department);
    if (f === undefined || l.month < f) first.set(l.department, l.month);
  }
  const out: MissingMonth[] = [];
  const due = months.filter((m) => m <= lastMonth);
  for (const b of input.brokenLogs) {
    if (!inScope(b.department)) continue;
    if (b.month === null ? due.length > 0 : due.includes(b.month)) out.push({ department: b.department, month: b.month, reason: 'left-out', file: b.file });
  }
  const broken = new Set(input.brokenLogs.map((b) => `${b.department}|${b.month}`));
  for (const [dept, from] of [...first].sort()) {
    if (!inScope(dept)) continue;
    for (const m of due) {
      if ((m >= from || !fromFirstLog) && !clean.has(`${dept}|${m}`) && !broken.has(`${dept}|${m}`)) out.push({ department: dept, month: m, reason: 'not-filed', file: null });
    }
  }
  return out;
}

/** The types and priorities in display order, re-exported for the report. */
export type { CasePriority, CaseType };
