// ISO weeks and day arithmetic, checked against dates read off a calendar.
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isoWeekOf, isoWeekStart, monthOrWeekRange } from '../../src/model/calendar.js';

describe('ISO weeks', () => {
  it('numbers weeks from the week holding the first Thursday', () => {
    expect(isoWeekOf('2026-11-30')).toBe('2026-W49'); // a Monday
    expect(isoWeekOf('2026-12-06')).toBe('2026-W49'); // the Sunday after
    expect(isoWeekOf('2026-12-31')).toBe('2026-W53'); // 2026 has 53 weeks (it starts on a Thursday)
    expect(isoWeekOf('2027-01-03')).toBe('2026-W53');
    expect(isoWeekOf('2027-01-04')).toBe('2027-W01');
    expect(isoWeekOf('2024-12-30')).toBe('2025-W01'); // a Monday that belongs to the next year
    expect(isoWeekOf('2021-01-03')).toBe('2020-W53');
  });

  it('starts a week on its Monday, and knows which years lack week 53', () => {
    expect(isoWeekStart('2026-W49')).toBe('2026-11-30');
    expect(isoWeekStart('2025-W01')).toBe('2024-12-30');
    expect(isoWeekStart('2026-W53')).toBe('2026-12-28');
    expect(isoWeekStart('2025-W53')).toBeNull();
    expect(monthOrWeekRange('2026-W48')).toEqual({ kind: 'week', from: '2026-11-23', to: '2026-11-29' });
    expect(monthOrWeekRange('2028-02')).toEqual({ kind: 'month', from: '2028-02-01', to: '2028-02-29' });
    expect(monthOrWeekRange('2026-13')).toBeNull();
  });

  it('counts calendar days across month and year ends', () => {
    expect(addDays('2026-12-03', -12)).toBe('2026-11-21');
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
    expect(daysBetween('2026-11-30', '2027-03-01')).toBe(91);
  });
});
