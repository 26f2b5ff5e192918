// Instants and wall-clock times in an IANA zone, without a date library: the zone's offset
// comes from Intl (the ICU data Node ships), cached per 15-minute slot because every zone
// transition in the tz database falls on a quarter hour of UTC and formatToParts costs
// microseconds (200,000 cases x 5 times each would otherwise spend seconds in it).
import { daysFromCivil } from './date.js';

/** Milliseconds since 1970-01-01T00:00Z. */
export type Instant = number;

export const MS_HOUR = 3_600_000;
export const MS_DAY = 86_400_000;
const SLOT = 900_000;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, Map<number, number>>();
/** Per zone and local day: the offset when it is the same all around that day, null near a transition. */
const dayOffsets = new Map<string, Map<number, number | null>>();
const MS_14H = 14 * MS_HOUR;

/**
 * Zones whose offset from UTC has not changed since 2000 (their last transitions: Shanghai
 * 1991, Seoul 1988, Singapore 1982, Hong Kong and Taipei 1979, Tokyo 1951, Kolkata 1945; tz
 * 2025c), with that offset in minutes. From 2000 on their offsets are read here, not from
 * Intl: the first Intl.DateTimeFormat loads ICU's zone data, about 13 ms of a 250 ms
 * `validate examples/acme`, whose service logs are in Asia/Shanghai. Earlier instants and
 * every other zone ask Intl. test/unit/zoned-time.test.ts holds the table against Intl for
 * every day of 2000-2060; a zone that changes its rules in a later tz release fails it there.
 */
export const FIXED_OFFSETS: ReadonlyMap<string, number> = new Map([
  ['UTC', 0],
  ['Etc/UTC', 0],
  ['Asia/Shanghai', 480],
  ['Asia/Hong_Kong', 480],
  ['Asia/Taipei', 480],
  ['Asia/Singapore', 480],
  ['Asia/Tokyo', 540],
  ['Asia/Seoul', 540],
  ['Asia/Kolkata', 330],
]);
/** 2000-01-01T00:00Z: where FIXED_OFFSETS start to apply. */
export const FIXED_SINCE: Instant = Date.UTC(2000, 0, 1);

/** Whether Intl knows the zone (Asia/Shanghai, UTC, Europe/Berlin ...). */
export function isTimeZone(zone: string): boolean {
  if (FIXED_OFFSETS.has(zone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(zone, f);
  }
  return f;
}

/** The zone's offset from UTC (local − UTC, in ms) at an instant. */
export function zoneOffset(zone: string, t: Instant): number {
  const fixed = t >= FIXED_SINCE ? FIXED_OFFSETS.get(zone) : undefined;
  if (fixed !== undefined) return fixed * 60_000;
  let cache = offsets.get(zone);
  if (!cache) {
    cache = new Map();
    offsets.set(zone, cache);
  }
  const slot = Math.floor(t / SLOT);
  const hit = cache.get(slot);
  if (hit !== undefined) return hit;
  const at = slot * SLOT;
  const parts: Record<string, number> = {};
  for (const p of formatter(zone).formatToParts(new Date(at))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const local = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  const offset = local - at;
  cache.set(slot, offset);
  return offset;
}

/**
 * The instant of a wall-clock time in a zone (`local` = that wall time read as if it were
 * UTC). In a spring-forward gap the time is taken with the offset before the gap (02:30
 * that does not exist becomes 03:30); in a fall-back overlap the earlier instant is taken.
 */
export function localToInstant(zone: string, local: number): Instant {
  // Most days are far from a transition: one look-up per local day instead of four offsets
  // per time (parsing 200,000 cases spent ~1.5 s in zoneOffset without it).
  let days = dayOffsets.get(zone);
  if (!days) {
    days = new Map();
    dayOffsets.set(zone, days);
  }
  const day = Math.floor(local / MS_DAY);
  let steady = days.get(day);
  if (steady === undefined) {
    // The instants of this local day lie within 14 h (the largest offset) of it; the same
    // offset at both ends means no transition in between (two are never this close).
    const a = zoneOffset(zone, day * MS_DAY - MS_14H);
    const b = zoneOffset(zone, (day + 1) * MS_DAY + MS_14H);
    steady = a === b ? a : null;
    days.set(day, steady);
  }
  if (steady !== null) return local - steady;
  // Offsets half a day either side cover every transition near `local` (none are closer).
  const before = zoneOffset(zone, local - MS_DAY / 2);
  const after = zoneOffset(zone, local + MS_DAY / 2);
  const first = local - before;
  if (first + zoneOffset(zone, first) === local) return first;
  const second = local - after;
  if (second + zoneOffset(zone, second) === local) return second;
  return first;
}

/** The value of `n` decimal digits (0-9) of `text` from `at`, or -1 when one is not such a digit (or is missing). */
function digitsAt(text: string, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i++) {
    const d = text.charCodeAt(i) - 48;
    // NaN past the end fails this too.
    if (!(d >= 0 && d <= 9)) return -1;
    v = v * 10 + d;
  }
  return v;
}

/**
 * The fields of `YYYY-MM-DD[T ]HH:MM[:SS][Z|±HH:MM]` (digits 0-9), read character by
 * character: offset in minutes, null for none; null when `text` is not of that form. The
 * loader's checks and the service computation each parse every time of every case (about a
 * million at L); a regular expression's match array and six substrings per time made
 * parseDateTime 0.43 s of the report's main thread.
 */
function dateTimeFields(text: string): { y: number; mo: number; d: number; h: number; mi: number; s: number; offset: number | null } | null {
  const n = text.length;
  const y = digitsAt(text, 0, 4);
  const mo = digitsAt(text, 5, 2);
  const d = digitsAt(text, 8, 2);
  const h = digitsAt(text, 11, 2);
  const mi = digitsAt(text, 14, 2);
  const sep = text[10];
  if (y < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || text[4] !== '-' || text[7] !== '-' || (sep !== 'T' && sep !== ' ') || text[13] !== ':') return null;
  let at = 16;
  let s = 0;
  if (text[at] === ':') {
    s = digitsAt(text, at + 1, 2);
    if (s < 0) return null;
    at += 3;
  }
  if (at === n) return { y, mo, d, h, mi, s, offset: null };
  if (text[at] === 'Z' && at + 1 === n) return { y, mo, d, h, mi, s, offset: 0 };
  const sign = text[at] === '+' ? 1 : text[at] === '-' ? -1 : 0;
  const oh = digitsAt(text, at + 1, 2);
  const om = digitsAt(text, at + 4, 2);
  if (sign === 0 || oh < 0 || om < 0 || text[at + 3] !== ':' || at + 6 !== n) return null;
  return { y, mo, d, h, mi, s, offset: sign * (oh * 60 + om) };
}

/** Parses a date-time written with an offset, or in `zone` without one; null when the day does not exist. */
export function parseDateTime(text: string, zone: string): Instant | null {
  const f = dateTimeFields(text);
  if (!f) return null;
  const { y, mo, d } = f;
  // Date.UTC reads years 0-99 as 1900-1999: such a year is not the one written.
  if (y < 100 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  // An hour or minute that rolls over into another day (25:00) is not a time of that day.
  const seconds = f.h * 3600 + f.mi * 60 + f.s;
  if (seconds >= 86_400) return null;
  // The day by arithmetic: Date.UTC, called twice per time, was most of parseDateTime's own time.
  const local = daysFromCivil(y, mo, d) * MS_DAY + seconds * 1000;
  return f.offset === null ? localToInstant(zone, local) : local - f.offset * 60_000;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in month `mo` (1-12) of year `y` (Gregorian). */
function daysInMonth(y: number, mo: number): number {
  return mo === 2 && (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) ? 29 : MONTH_DAYS[mo - 1]!;
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date (null when it is not a real date). */
export function dayNumber(date: string): number | null {
  const m = DATE_RE.exec(date);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(t).toISOString().slice(0, 10) === date ? t / MS_DAY : null;
}

/** `YYYY-MM-DD` of a day number. */
export function dateOfDay(day: number): string {
  return new Date(day * MS_DAY).toISOString().slice(0, 10);
}

/** The local day number (days since 1970-01-01 in the zone's calendar) an instant falls on. */
export function localDay(zone: string, t: Instant): number {
  return Math.floor((t + zoneOffset(zone, t)) / MS_DAY);
}

/** The local `YYYY-MM-DD` of an instant. */
export function localDate(zone: string, t: Instant): string {
  return dateOfDay(localDay(zone, t));
}

/** The instant local day `day` starts (00:00 there). */
export function startOfLocalDay(zone: string, day: number): Instant {
  return localToInstant(zone, day * MS_DAY);
}

/** The end of local date `date` (= the start of the next day), for `--as-of D`. */
export function endOfLocalDate(zone: string, date: string): Instant {
  const day = dayNumber(date);
  if (day === null) throw new Error(`not a date: ${date}`);
  return startOfLocalDay(zone, day + 1);
}

/** ISO weekday (1 = Monday ... 7 = Sunday) of a day number. */
export function isoWeekday(day: number): number {
  // 1970-01-01 was a Thursday (4).
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** An instant as local `YYYY-MM-DD HH:MM` in the zone (for messages and tables). */
export function formatLocal(zone: string, t: Instant): string {
  return new Date(t + zoneOffset(zone, t)).toISOString().slice(0, 16).replace('T', ' ');
}
