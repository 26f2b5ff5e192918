// Safety figures (四.四): open hazards with days to or past their deadline, the on-time
// rectification rate, major hazards open or unverified, and repeat hazards by area. A hazard
// is closed only when its rectification is verified. Pure.
import type { SafetyInspection } from '../kinds/safety-inspection/types.js';
import { lastDayOfMonth } from '../model/period.js';
import type { MonthId } from '../model/period.js';
import { daysBetween } from '../model/date.js';

/** One hazard not closed as of the date. */
export interface OpenHazard {
  inspection: string;
  date: string;
  area: string;
  hazard: string;
  description: string;
  level: 'general' | 'major';
  owner: string;
  deadline: string;
  /** deadline - as-of: positive = days left, negative = days past the deadline. */
  daysToDeadline: number;
  /** open: not rectified; unverified: rectified, awaiting verification. */
  state: 'open' | 'unverified';
  rectifiedOn: string | null;
  flag: 'critical' | 'warn' | null;
  file: string;
}

/** A hazard found again in the same area. */
export interface RepeatHazard {
  area: string;
  description: string;
  occurrences: number;
  inspections: string[];
}

/** Everything `opsplan safety` shows. */
export interface SafetyResult {
  months: MonthId[];
  asOf: string;
  inspections: number;
  hazardsFound: number;
  open: OpenHazard[];
  /** Hazards whose deadline fell in the period (up to the as-of date). */
  dueInPeriod: number;
  rectifiedOnTime: number;
  /** rectified on time / due in period x 100; null when none was due. */
  onTimePct: number | null;
  majorOpen: OpenHazard[];
  repeats: RepeatHazard[];
  flags: { critical: number; warn: number };
}

const norm = (s: string): string => s.trim().replace(/\s+/g, ' ').toLowerCase();

/** Computes the safety figures of the period from the valid inspections. */
export function computeSafety(inspections: readonly SafetyInspection[], options: { months: readonly MonthId[]; asOf: string }): SafetyResult {
  const { months, asOf } = options;
  const first = `${months[0]!}-01`;
  const last = lastDayOfMonth(months[months.length - 1]!);
  const known = inspections.filter((s) => s.date <= asOf).sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  const open: OpenHazard[] = [];
  let dueInPeriod = 0;
  let rectifiedOnTime = 0;
  let hazardsFound = 0;
  for (const s of known) {
    for (const h of s.hazards) {
      if (s.date >= first && s.date <= last) hazardsFound += 1;
      const rectified = h.rectifiedOn !== undefined && h.rectifiedOn <= asOf ? h.rectifiedOn : undefined;
      const verified = rectified !== undefined && h.verifiedOn !== undefined && h.verifiedOn <= asOf;
      // A deadline still ahead of the as-of date is not yet due, even inside the period.
      if (h.deadline >= first && h.deadline <= last && h.deadline <= asOf) {
        dueInPeriod += 1;
        if (verified && rectified! <= h.deadline) rectifiedOnTime += 1;
      }
      if (verified) continue;
      const daysToDeadline = daysBetween(asOf, h.deadline);
      const past = daysToDeadline < 0;
      open.push({
        inspection: s.id,
        date: s.date,
        area: s.area,
        hazard: h.id,
        description: h.description,
        level: h.level,
        owner: h.owner,
        deadline: h.deadline,
        daysToDeadline,
        state: rectified === undefined ? 'open' : 'unverified',
        rectifiedOn: rectified ?? null,
        // Critical: a major hazard open past its deadline. Everything else open is a warning
        // when past its deadline, major, or rectified without verification.
        flag: past && h.level === 'major' ? 'critical' : past || h.level === 'major' || rectified !== undefined ? 'warn' : null,
        file: s.file,
      });
    }
  }
  open.sort((a, b) => a.daysToDeadline - b.daysToDeadline || a.inspection.localeCompare(b.inspection) || a.hazard.localeCompare(b.hazard));
  const groups = new Map<string, { area: string; description: string; inspections: string[]; inPeriod: boolean }>();
  for (const s of known) {
    for (const h of s.hazards) {
      const key = `${norm(s.area)}\u0000${norm(h.description)}`;
      const g = groups.get(key) ?? { area: s.area, description: h.description, inspections: [], inPeriod: false };
      groups.set(key, g);
      g.inspections.push(s.id);
      if (s.date >= first && s.date <= last) g.inPeriod = true;
    }
  }
  const repeats = [...groups.values()]
    .filter((g) => g.inspections.length > 1 && g.inPeriod)
    .map((g) => ({ area: g.area, description: g.description, occurrences: g.inspections.length, inspections: g.inspections }))
    .sort((a, b) => b.occurrences - a.occurrences || a.area.localeCompare(b.area) || a.description.localeCompare(b.description));
  return {
    months: [...months],
    asOf,
    inspections: known.filter((s) => s.date >= first && s.date <= last).length,
    hazardsFound,
    open,
    dueInPeriod,
    rectifiedOnTime,
    onTimePct: dueInPeriod === 0 ? null : (rectifiedOnTime / dueInPeriod) * 100,
    majorOpen: open.filter((o) => o.level === 'major'),
    repeats,
    flags: { critical: open.filter((o) => o.flag === 'critical').length, warn: open.filter((o) => o.flag === 'warn').length },
  };
}
