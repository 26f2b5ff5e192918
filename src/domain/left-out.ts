// Department-months whose monthly log was left out for errors. Such a month is *missing*: no
// figure may treat it as zero or as perfect (issue 15).
import type { RejectedFile } from '../kinds/kind.js';

/** A department-month left out of the figures, and the file to fix. */
export interface MissingMonth {
  department: string;
  month: string;
  file: string;
}

/**
 * The department-months of the left-out files of `kind` whose data still names a department
 * and a month (a file too broken to say which month it is cannot be placed, and is only
 * reported by its findings).
 */
export function missingMonths(leftOut: readonly RejectedFile[], kind: string): MissingMonth[] {
  const out: MissingMonth[] = [];
  for (const r of leftOut) {
    if (r.kind !== kind || r.data === null || typeof r.data !== 'object') continue;
    const { department, month } = r.data as { department?: unknown; month?: unknown };
    if (typeof department === 'string' && typeof month === 'string' && /^\d{4}-\d{2}$/.test(month)) out.push({ department, month, file: r.file });
  }
  return out.sort((a, b) => a.department.localeCompare(b.department) || a.month.localeCompare(b.month) || a.file.localeCompare(b.file));
}

/** Departments with a missing month among `months`, each with the files to fix. */
export function missingIn(missing: readonly MissingMonth[], months: readonly string[]): Map<string, MissingMonth[]> {
  const set = new Set(months);
  const out = new Map<string, MissingMonth[]>();
  for (const m of missing) if (set.has(m.month)) out.set(m.department, [...(out.get(m.department) ?? []), m]);
  return out;
}
