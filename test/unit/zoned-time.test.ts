// The fixed-offset table of zoned-time.ts against Intl (the ICU data Node ships): the same
// offset for every day of 2000-2060 (at an hour that moves through the day), and the same
// wall-clock conversions either way.
import { describe, expect, it } from 'vitest';
import { FIXED_OFFSETS, FIXED_SINCE, MS_DAY, isTimeZone, localToInstant, parseDateTime, zoneOffset } from '../../src/model/zoned-time.js';

function intlOffset(format: Intl.DateTimeFormat, t: number): number {
  const p: Record<string, number> = {};
  for (const x of format.formatToParts(new Date(t))) if (x.type !== 'literal') p[x.type] = Number(x.value);
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - t;
}

describe('zoned-time fixed offsets', () => {
  it('equal Intl for every day of 2000-2060 in every zone of the table', () => {
    const end = Date.UTC(2061, 0, 1);
    expect(FIXED_SINCE).toBe(Date.UTC(2000, 0, 1));
    for (const [zone, minutes] of FIXED_OFFSETS) {
      const format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
      let mismatches = 0;
      for (let day = FIXED_SINCE / MS_DAY; day * MS_DAY < end; day++) {
        // 00:00, 01:15, 02:30 ... UTC: every quarter of the day is met over the span.
        const t = day * MS_DAY + ((day * 75) % 1440) * 60_000;
        if (intlOffset(format, t) !== minutes * 60_000) mismatches++;
      }
      expect(mismatches, zone).toBe(0);
      expect(isTimeZone(zone)).toBe(true);
    }
  });

  it('reads wall-clock times in a table zone as Intl does, before and after 2000', () => {
    // 1991-07-01: Shanghai's daylight saving (UTC+9) comes from Intl, not from the table.
    expect(parseDateTime('1991-07-01 12:00', 'Asia/Shanghai')).toBe(Date.UTC(1991, 6, 1, 3));
    expect(parseDateTime('1991-12-01 12:00', 'Asia/Shanghai')).toBe(Date.UTC(1991, 11, 1, 4));
    expect(parseDateTime('2026-11-30 09:30', 'Asia/Shanghai')).toBe(Date.UTC(2026, 10, 30, 1, 30));
    expect(parseDateTime('2026-11-30 09:30', 'Asia/Kolkata')).toBe(Date.UTC(2026, 10, 30, 4));
    expect(zoneOffset('Asia/Shanghai', FIXED_SINCE - 1)).toBe(8 * 3_600_000);
    expect(localToInstant('UTC', Date.UTC(2030, 0, 1))).toBe(Date.UTC(2030, 0, 1));
    // Names the table does not hold exactly still ask Intl.
    expect(isTimeZone('asia/shanghai')).toBe(true);
    expect(isTimeZone('Asia/Nowhere')).toBe(false);
  });
});

describe('parseDateTime', () => {
  // The syntax as a regular expression, the way parseDateTime read it before it scanned characters.
  const SYNTAX = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})?$/;
  const reference = (text: string, zone: string): number | null => {
    const m = SYNTAX.exec(text);
    if (!m) return null;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
    if (y < 100 || mo < 1 || mo > 12 || d < 1 || d > last) return null;
    const local = Date.UTC(y, mo - 1, d, Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
    if (Math.floor(local / MS_DAY) !== Date.UTC(y, mo - 1, d) / MS_DAY) return null;
    const z = m[7];
    if (z === undefined) return localToInstant(zone, local);
    if (z === 'Z') return local;
    return local - (z[0] === '-' ? -1 : 1) * (Number(z.slice(1, 3)) * 3_600_000 + Number(z.slice(4, 6)) * 60_000);
  };

  it('reads what the syntax allows and nothing else (random edits of valid times)', () => {
    const valid = ['2026-11-30T09:30', '2026-11-30 09:30:15', '2024-02-29T23:59Z', '2026-03-29T02:30+05:30', '1999-12-31T00:00:00-08:00', '2026-11-30T24:00', '2026-11-30T23:60'];
    const alphabet = '0123456789-:T Z+x٣';
    let seed = 11;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    let parsed = 0;
    for (let i = 0; i < 20_000; i++) {
      let text = valid[next(valid.length)]!;
      for (let e = next(3); e > 0; e--) {
        const at = next(text.length + 1);
        const op = next(3);
        const ch = alphabet[next(alphabet.length)]!;
        text = op === 0 ? text.slice(0, at) + ch + text.slice(at) : op === 1 ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + ch + text.slice(at + 1);
      }
      for (const zone of ['Asia/Shanghai', 'Europe/Berlin']) {
        const got = parseDateTime(text, zone);
        expect(got, `${text} in ${zone}`).toBe(reference(text, zone));
        if (got !== null) parsed++;
      }
    }
    // Both kinds were met: times that parse and texts that do not.
    expect(parsed).toBeGreaterThan(5_000);
    expect(parsed).toBeLessThan(35_000);
  });
});
