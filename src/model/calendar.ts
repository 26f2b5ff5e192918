// Calendar days and ISO 8601 weeks as plain strings (`2026-11-28`, `2026-W48`). Day arithmetic
// goes through UTC day numbers, so no time zone or daylight-saving change can shift a date.

/** A calendar date, `YYYY-MM-DD`. */
export type DateId = string;
/** An ISO 8601 week, `YYYY-Www` (the week-numbering year may differ from the calendar year). */
export type WeekId = string;

const DAY_MS = 86_400_000;
const WEEK_RE = /^(\d{4})-W(\d{2})$/;
const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
export function dayNumber(date: DateId): number {
  return Math.round(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS);
}

/** The `YYYY-MM-DD` date of a day number. */
export function dateOfDay(day: number): DateId {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Adds `n` calendar days (negative to go back). */
export function addDays(date: DateId, n: number): DateId {
  return dateOfDay(dayNumber(date) + n);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: DateId, to: DateId): number {
  return dayNumber(to) - dayNumber(from);
}

/** The ISO week of a date (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeekOf(date: DateId): WeekId {
  const day = dayNumber(date);
  const weekday = (((day + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday: Monday = 0
  const thursday = day - weekday + 3;
  const year = Number(dateOfDay(thursday).slice(0, 4));
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
  const start = dateOfDay(monday);
  return isoWeekOf(start) === week ? start : null;
}

/** The first and last day of a month (`2026-11`) or ISO week (`2026-W48`); null when neither. */
export function monthOrWeekRange(period: string): { kind: 'month' | 'week'; from: DateId; to: DateId } | null {
  const mm = MONTH_RE.exec(period);
  if (mm) {
    const last = new Date(Date.UTC(Number(mm[1]), Number(mm[2]), 0)).getUTCDate();
    return { kind: 'month', from: `${period}-01`, to: `${period}-${String(last).padStart(2, '0')}` };
  }
  const start = isoWeekStart(period);
  return start ? { kind: 'week', from: start, to: addDays(start, 6) } : null;
}

/** Compact `YYYYMMDD` form of a date (for ids). */
export function compactDate(date: DateId): string {
  return date.replaceAll('-', '');
}
