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
