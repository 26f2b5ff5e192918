// Calendar dates as `YYYY-MM-DD` strings, computed as whole days since 1970-01-01 of the
// proleptic Gregorian calendar (H. Hinnant's days_from_civil / civil_from_days): the one date
// arithmetic of opsplan, so no result depends on the time zone, and no Date object or date
// library runs per item (they were a tenth of stock's time on 200,000 items).

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
export function dayNumber(s: string): number {
  // Schema-checked dates are YYYY-MM-DD: read the digits in place, no split and no array.
  const fixed = s.length === 10 && s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45;
  const digit = (i: number): number => s.charCodeAt(i) - 48;
  const [y0, m, d] = fixed
    ? [digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3), digit(5) * 10 + digit(6), digit(8) * 10 + digit(9)]
    : (s.split('-').map(Number) as [number, number, number]);
  return daysFromCivil(y0, m, d);
}

/** Days since 1970-01-01 of year `y0`, month `m` (1-12), day `d` (days_from_civil). */
export function daysFromCivil(y0: number, m: number, d: number): number {
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** `YYYY-MM-DD` of a day number. */
export function dayString(days: number): string {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** `day` plus `n` calendar days. */
export function addDaysTo(day: string, n: number): string {
  return dayString(dayNumber(day) + n);
}
