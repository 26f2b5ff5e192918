import { describe, expect, it } from 'vitest';
import { addMonths, fiscalMonthIndex, fiscalMonths, fiscalYearOf, lastDayOfMonth, parsePeriod, periodMonths } from '../../src/model/period.js';

describe('periods', () => {
  it('parses the three period forms and nothing else', () => {
    expect(parsePeriod('FY2026')).toEqual({ kind: 'year', id: 'FY2026', fiscalYear: 2026 });
    expect(parsePeriod('FY2026-Q4')).toMatchObject({ kind: 'quarter', quarter: 4 });
    expect(parsePeriod('2026-11')).toMatchObject({ kind: 'month', month: '2026-11' });
    expect(parsePeriod('2026-13')).toBeNull();
    expect(parsePeriod('FY26')).toBeNull();
  });

  it('maps fiscal years that start in April', () => {
    expect(fiscalMonths(2026, 4)[0]).toBe('2026-04');
    expect(fiscalMonths(2026, 4)[11]).toBe('2027-03');
    expect(fiscalYearOf('2027-02', 4)).toBe(2026);
    expect(fiscalMonthIndex('2027-03', 4)).toBe(11);
    expect(periodMonths(parsePeriod('FY2026-Q4')!, 4)).toEqual(['2027-01', '2027-02', '2027-03']);
  });

  it('adds months across years and knows month ends', () => {
    expect(addMonths('2026-11', 3)).toBe('2027-02');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(lastDayOfMonth('2028-02')).toBe('2028-02-29');
    expect(lastDayOfMonth('2026-11')).toBe('2026-11-30');
    expect(lastDayOfMonth('2026-12')).toBe('2026-12-31');
    expect(lastDayOfMonth('2100-02')).toBe('2100-02-28');
  });
});
