// Periods as the regime names them: fiscal years (FY2026 starts in calendar 2026 at the
// company's fiscalYearStartMonth), fiscal quarters (FY2026-Q4) and calendar months (2026-11).

import { dayNumber, dayString } from './date.js';

/** A calendar month, `YYYY-MM`. */
export type MonthId = string;

/** A parsed period: a fiscal year, a fiscal quarter or one calendar month. */
export type Period =
  | { kind: 'year'; id: string; fiscalYear: number }
  | { kind: 'quarter'; id: string; fiscalYear: number; quarter: 1 | 2 | 3 | 4 }
  | { kind: 'month'; id: string; month: MonthId };

const YEAR_RE = /^FY(\d{4})$/;
const QUARTER_RE = /^FY(\d{4})-Q([1-4])$/;
const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Parses `FY2026`, `FY2026-Q3` or `2026-11`; returns null when the text is none of them. */
export function parsePeriod(text: string): Period | null {
  let m = YEAR_RE.exec(text);
  if (m) return { kind: 'year', id: text, fiscalYear: Number(m[1]) };
  m = QUARTER_RE.exec(text);
  if (m) return { kind: 'quarter', id: text, fiscalYear: Number(m[1]), quarter: Number(m[2]) as 1 | 2 | 3 | 4 };
  m = MONTH_RE.exec(text);
  if (m) return { kind: 'month', id: text, month: text };
  return null;
}

/** Returns `YYYY-MM` for a year and a 1-based month. */
export function monthId(year: number, month: number): MonthId {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** Adds `n` months to a month id. */
export function addMonths(id: MonthId, n: number): MonthId {
  const y = Number(id.slice(0, 4));
  const m = Number(id.slice(5, 7));
  const idx = y * 12 + (m - 1) + n;
  return monthId(Math.floor(idx / 12), (idx % 12) + 1);
}

/** The 12 calendar months of fiscal year `fy`, in fiscal order. */
export function fiscalMonths(fy: number, startMonth: number): MonthId[] {
  const first = monthId(fy, startMonth);
  return Array.from({ length: 12 }, (_, i) => addMonths(first, i));
}

/** The fiscal year (number) a calendar month belongs to. */
export function fiscalYearOf(month: MonthId, startMonth: number): number {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m >= startMonth ? y : y - 1;
}

/** The 0-based fiscal month index (0..11) of a calendar month. */
export function fiscalMonthIndex(month: MonthId, startMonth: number): number {
  const m = Number(month.slice(5, 7));
  return (m - startMonth + 12) % 12;
}

/** The calendar months a period covers, in order. */
export function periodMonths(period: Period, startMonth: number): MonthId[] {
  switch (period.kind) {
    case 'month':
      return [period.month];
    case 'year':
      return fiscalMonths(period.fiscalYear, startMonth);
    case 'quarter':
      return fiscalMonths(period.fiscalYear, startMonth).slice((period.quarter - 1) * 3, period.quarter * 3);
  }
}

/** The fiscal year number a period belongs to. */
export function periodFiscalYear(period: Period, startMonth: number): number {
  return period.kind === 'month' ? fiscalYearOf(period.month, startMonth) : period.fiscalYear;
}

/** The last calendar day (`YYYY-MM-DD`) of a month. */
export function lastDayOfMonth(month: MonthId): string {
  return dayString(dayNumber(`${addMonths(month, 1)}-01`) - 1);
}

/** The period before: the previous month, quarter or fiscal year. */
export function previousPeriod(period: Period): Period {
  if (period.kind === 'month') {
    const m = addMonths(period.month, -1);
    return { kind: 'month', id: m, month: m };
  }
  if (period.kind === 'year') return { kind: 'year', id: `FY${period.fiscalYear - 1}`, fiscalYear: period.fiscalYear - 1 };
  const q = period.quarter === 1 ? 4 : ((period.quarter - 1) as 1 | 2 | 3);
  const fy = period.quarter === 1 ? period.fiscalYear - 1 : period.fiscalYear;
  return { kind: 'quarter', id: `FY${fy}-Q${q}`, fiscalYear: fy, quarter: q };
}
