// ISO 8601 weeks (`2026-W48`) and the month-or-week periods of production plans, on top of
// the one day arithmetic in ./date.ts.
import { addDaysTo, dayNumber, dayString, daysBetween } from './date.js';
import { lastDayOfMonth } from './period.js';

/** A calendar date, `YYYY-MM-DD`. */
export type DateId = string;
/** An ISO 8601 week, `YYYY-Www` (the week-numbering year may differ from the calendar year). */
export type WeekId = string;

const WEEK_RE = /^(\d{4})-W(\d{2})$/;
const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Adds `n` calendar days (negative to go back). */
export const addDays = addDaysTo;

export { daysBetween };

/** The ISO week of a date (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeekOf(date: DateId): WeekId {
  const day = dayNumber(date);
  const weekday = (((day + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday: Monday = 0
  const thursday = day - weekday + 3;
  const year = Number(dayString(thursday).slice(0, 4));
  const week = Math.floor((thursday - dayNumber(`${year}-01-01`)) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The Monday of an ISO week, or null when the week does not exist (W53 of a 52-week year). */
export function isoWeekStart(week: WeekId): DateId | null {
  const m = WEEK_RE.exec(week);
  if (!m) return null;
  const year = Number(m[1]);
  const n = Number(m[2]);
  if (n < 1) return null;
  const jan4 = dayNumber(`${year}-01-04`);
  const monday = jan4 - ((((jan4 + 3) % 7) + 7) % 7) + (n - 1) * 7;
  const start = dayString(monday);
  return isoWeekOf(start) === week ? start : null;
}

/** The first and last day of a month (`2026-11`) or ISO week (`2026-W48`); null when neither. */
export function monthOrWeekRange(period: string): { kind: 'month' | 'week'; from: DateId; to: DateId } | null {
  if (MONTH_RE.test(period)) return { kind: 'month', from: `${period}-01`, to: lastDayOfMonth(period) };
  const start = isoWeekStart(period);
  return start ? { kind: 'week', from: start, to: addDays(start, 6) } : null;
}

/** Compact `YYYYMMDD` form of a date (for ids). */
export function compactDate(date: DateId): string {
  return date.replaceAll('-', '');
}
