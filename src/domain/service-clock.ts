// Service time: how much of an interval the SLA clocks count. Without a calendar every day
// counts 24 hours; with one, only the daily window on workdays that are not holidays, in
// the company zone. Paused intervals (waiting on the customer) are removed first.
import { minutesOf } from '../kinds/service-log/kind.js';
import type { ServiceCalendar } from '../kinds/service-log/types.js';
import { dayNumber, isoWeekday, localDay, localToInstant, MS_DAY } from '../model/zoned-time.js';
import type { Instant } from '../model/zoned-time.js';

/** Counts service milliseconds between two instants. */
export interface ServiceClock {
  /** Service ms in [a, b) (0 when b <= a). */
  between: (a: Instant, b: Instant) => number;
}

/** A clock that counts every millisecond (no calendar). */
function wallClock(): ServiceClock {
  return { between: (a, b) => Math.max(0, b - a) };
}

/**
 * A calendar clock. `cumulative(t)` = service ms from the start of day `base` to t, from a
 * prefix sum over days, so an interval costs two look-ups however many days it spans
 * (200,000 cases with backlogs of weeks stay linear).
 */
function calendarClock(zone: string, calendar: ServiceCalendar): ServiceClock {
  const [from, to] = calendar.hours.split('-') as [string, string];
  const open = minutesOf(from) * 60_000;
  const close = minutesOf(to) * 60_000;
  const workdays = new Set(calendar.workdays);
  const holidays = new Set((calendar.holidays ?? []).map((d) => dayNumber(d)));
  let base = 0;
  let starts: number[] = [];
  let ends: number[] = [];
  let prefix: number[] = [0];
  const windowOf = (day: number): [number, number] => {
    if (!workdays.has(isoWeekday(day)) || holidays.has(day) || close <= open) return [0, 0];
    return [localToInstant(zone, day * MS_DAY + open), localToInstant(zone, day * MS_DAY + close)];
  };
  const push = (day: number): void => {
    const [s, e] = windowOf(day);
    starts.push(s);
    ends.push(e);
    prefix.push(prefix[prefix.length - 1]! + (e - s));
  };
  const ensure = (day: number): void => {
    if (starts.length === 0 || day < base) {
      // (Re)build from a month before the earliest day asked for.
      const last = starts.length === 0 ? day : base + starts.length - 1;
      base = day - 31;
      starts = [];
      ends = [];
      prefix = [0];
      for (let d = base; d <= last; d++) push(d);
    }
    while (base + starts.length <= day) push(base + starts.length);
  };
  const cumulative = (t: Instant): number => {
    const day = localDay(zone, t);
    ensure(day);
    const i = day - base;
    const s = starts[i]!;
    const e = ends[i]!;
    return prefix[i]! + Math.min(Math.max(t - s, 0), e - s);
  };
  return { between: (a, b) => (b <= a ? 0 : cumulative(b) - cumulative(a)) };
}

/** The clock of a company: its calendar in its zone, or every hour of every day. */
export function createServiceClock(zone: string, calendar: ServiceCalendar | undefined): ServiceClock {
  return calendar ? calendarClock(zone, calendar) : wallClock();
}

/** Merges overlapping or touching intervals (sorted by start). */
export function mergeIntervals(intervals: readonly [Instant, Instant][]): [Instant, Instant][] {
  const sorted = intervals.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  const out: [Instant, Instant][] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** Service ms in [a, b) outside the (merged) pauses. */
export function activeServiceMs(clock: ServiceClock, a: Instant, b: Instant, pauses: readonly [Instant, Instant][]): number {
  let ms = clock.between(a, b);
  for (const [pa, pb] of pauses) ms -= clock.between(Math.max(a, pa), Math.min(b, pb));
  return ms;
}
