// Equipment figures (四.三): next due date of every preventive task (moving with the actual
// completion, early or late), overdue tasks, PM compliance, and per machine and line the
// downtime, failures, MTTR, MTBF and availability, with the top downtime causes. Pure.
import type { EquipmentLedger, Machine } from '../kinds/equipment/types.js';
import type { MaintenanceLog, MaintenanceRecord } from '../kinds/maintenance-log/types.js';
import { lastDayOfMonth } from '../model/period.js';
import type { MonthId } from '../model/period.js';
import { missingIn } from './left-out.js';
import type { MissingMonth } from './left-out.js';
import { addDaysTo, daysBetween } from '../model/date.js';

/** What to compute. */
export interface EquipmentOptions {
  months: readonly MonthId[];
  asOf: string;
  /** Days either side of a due date; null = 10% of each task's interval. */
  toleranceDays: number | null;
  missing: readonly MissingMonth[];
}

/** Where a machine's figures stand. */
export type Level = 'critical' | 'warn';

/** One preventive task of one machine as of the date. */
export interface TaskRow {
  department: string;
  equipment: string;
  name: string;
  critical: boolean;
  task: string;
  everyDays: number;
  /** The latest completion: a preventive record of the task, or the ledger's lastDone. */
  lastDone: string | null;
  nextDue: string;
  /** as-of - next due, when positive. */
  daysOverdue: number;
  level: Level | null;
}

/** One due occurrence of a task in the period and how it was met. */
export interface ComplianceRow {
  department: string;
  equipment: string;
  task: string;
  due: string;
  doneOn: string | null;
  /** done - due in days (negative = early). */
  deviationDays: number | null;
  toleranceDays: number;
  /** on-time: within tolerance; early/late: outside it; not-done: window closed; pending: window still open; missing: the department's log is left out. */
  state: 'on-time' | 'early' | 'late' | 'not-done' | 'pending' | 'missing';
}

/** Downtime figures of one machine or one line. */
export interface DowntimeRow {
  department: string | null;
  equipment: string | null;
  name: string | null;
  line: string | null;
  machines: number;
  status: 'ok' | 'missing';
  periodHours: number;
  downtimeHours: number | null;
  failures: number | null;
  /** corrective downtime / failures; null without failures. */
  mttrHours: number | null;
  /** (period hours - downtime) / failures; null without failures. */
  mtbfHours: number | null;
  /** (period hours - downtime) / period hours x 100. */
  availabilityPct: number | null;
}

/** A cause of downtime. */
export interface CauseRow {
  cause: string;
  records: number;
  downtimeHours: number;
}

/** Everything `opsplan equipment` shows. */
export interface EquipmentResult {
  months: MonthId[];
  asOf: string;
  periodHours: number;
  tasks: TaskRow[];
  compliance: ComplianceRow[];
  /** compliant / counted occurrences x 100; null when none was due. */
  compliancePct: number | null;
  complianceCounted: number;
  complianceMet: number;
  machines: DowntimeRow[];
  lines: DowntimeRow[];
  causes: CauseRow[];
  missing: MissingMonth[];
  flags: { critical: number; warn: number };
}

const HOUR = 3600;

interface Occurrence {
  due: string;
  doneOn: string | null;
}

/**
 * The chain of a task: each completion answers the occurrence due `everyDays` after the
 * previous completion, so a task done early (or late) moves every later due date with it.
 * Completions on or before the ledger's lastDone are already in it and are skipped.
 */
export function taskChain(start: string, lastDone: string | undefined, everyDays: number, completions: readonly string[]): { occurrences: Occurrence[]; lastDone: string | null; nextDue: string } {
  let prev = lastDone ?? start;
  let last: string | null = lastDone ?? null;
  const occurrences: Occurrence[] = [];
  for (const d of [...completions].sort()) {
    if (lastDone !== undefined && d <= lastDone) continue;
    occurrences.push({ due: addDaysTo(prev, everyDays), doneOn: d });
    prev = d;
    last = d;
  }
  const nextDue = addDaysTo(prev, everyDays);
  occurrences.push({ due: nextDue, doneOn: null });
  return { occurrences, lastDone: last, nextDue };
}

/** How one occurrence was met, judged as of the date with a tolerance in days. */
export function judgeOccurrence(o: Occurrence, toleranceDays: number, asOf: string): ComplianceRow['state'] {
  if (o.doneOn === null) return daysBetween(o.due, asOf) > toleranceDays ? 'not-done' : 'pending';
  const dev = daysBetween(o.due, o.doneOn);
  return Math.abs(dev) <= toleranceDays ? 'on-time' : dev < 0 ? 'early' : 'late';
}

function downtimeRow(base: Pick<DowntimeRow, 'department' | 'equipment' | 'name' | 'line'>, machines: number, periodHours: number, records: readonly MaintenanceRecord[] | null): DowntimeRow {
  const hours = periodHours * machines;
  if (records === null) return { ...base, machines, status: 'missing', periodHours: hours, downtimeHours: null, failures: null, mttrHours: null, mtbfHours: null, availabilityPct: null };
  const downSec = records.reduce((a, r) => a + r.downtimeSec, 0);
  const corrective = records.filter((r) => r.type === 'corrective');
  const failures = corrective.length;
  const repairSec = corrective.reduce((a, r) => a + r.downtimeSec, 0);
  const upSec = hours * HOUR - downSec;
  return {
    ...base,
    machines,
    status: 'ok',
    periodHours: hours,
    downtimeHours: downSec / HOUR,
    failures,
    mttrHours: failures === 0 ? null : repairSec / HOUR / failures,
    mtbfHours: failures === 0 ? null : upSec / HOUR / failures,
    availabilityPct: hours === 0 ? null : (upSec / (hours * HOUR)) * 100,
  };
}

function taskFigures(machines: readonly (Machine & { department: string })[], records: readonly MaintenanceRecord[], options: EquipmentOptions, missingDepts: Map<string, unknown>): { tasks: TaskRow[]; compliance: ComplianceRow[] } {
  const { months, asOf } = options;
  const first = `${months[0]!}-01`;
  const last = lastDayOfMonth(months[months.length - 1]!);
  const tasks: TaskRow[] = [];
  const compliance: ComplianceRow[] = [];
  for (const m of machines) {
    if (m.status === 'retired') continue;
    for (const t of m.maintenance ?? []) {
      const done = records.filter((r) => r.equipment === m.id && r.type === 'preventive' && r.task === t.task && r.end.slice(0, 10) <= asOf).map((r) => r.end.slice(0, 10));
      const chain = taskChain(m.commissioned, t.lastDone, t.everyDays, done);
      const tolerance = options.toleranceDays ?? t.everyDays / 10;
      const daysOverdue = Math.max(0, daysBetween(chain.nextDue, asOf));
      tasks.push({ department: m.department, equipment: m.id, name: m.name, critical: m.critical, task: t.task, everyDays: t.everyDays, lastDone: chain.lastDone, nextDue: chain.nextDue, daysOverdue, level: daysOverdue > 0 ? (m.critical ? 'critical' : 'warn') : null });
      for (const o of chain.occurrences) {
        if (o.due < first || o.due > last) continue;
        const state = missingDepts.has(m.department) ? 'missing' : judgeOccurrence(o, tolerance, asOf);
        // A task due after the as-of date and not yet done is not due yet: not listed.
        if (state === 'pending' && o.due > asOf) continue;
        compliance.push({ department: m.department, equipment: m.id, task: t.task, due: o.due, doneOn: o.doneOn, deviationDays: o.doneOn === null ? null : daysBetween(o.due, o.doneOn), toleranceDays: tolerance, state });
      }
    }
  }
  tasks.sort((a, b) => b.daysOverdue - a.daysOverdue || a.nextDue.localeCompare(b.nextDue) || a.equipment.localeCompare(b.equipment) || a.task.localeCompare(b.task));
  compliance.sort((a, b) => a.due.localeCompare(b.due) || a.equipment.localeCompare(b.equipment) || a.task.localeCompare(b.task));
  return { tasks, compliance };
}

/** Computes the equipment figures of the period. */
export function computeEquipment(ledgers: readonly EquipmentLedger[], logs: readonly MaintenanceLog[], options: EquipmentOptions): EquipmentResult {
  const { months, asOf } = options;
  const monthSet = new Set(months);
  const missingDepts = missingIn(options.missing, months);
  const machines = ledgers.flatMap((l) => l.items.map((m) => ({ ...m, department: l.department }))).sort((a, b) => a.department.localeCompare(b.department) || a.id.localeCompare(b.id));
  const records = logs.flatMap((l) => l.records);
  const { tasks, compliance } = taskFigures(machines, records, options, missingDepts);
  const counted = compliance.filter((c) => c.state !== 'pending' && c.state !== 'missing');
  const met = counted.filter((c) => c.state === 'on-time').length;
  const days = daysBetween(`${months[0]!}-01`, lastDayOfMonth(months[months.length - 1]!)) + 1;
  const periodHours = days * 24;
  // Downtime of a record counts in the month it starts (its log's month).
  const inPeriod = records.filter((r) => monthSet.has(r.start.slice(0, 7)) && r.start.slice(0, 10) <= asOf);
  const active = machines.filter((m) => m.status !== 'retired');
  const machineRows = active.map((m) => downtimeRow({ department: m.department, equipment: m.id, name: m.name, line: m.line ?? null }, 1, periodHours, missingDepts.has(m.department) ? null : inPeriod.filter((r) => r.equipment === m.id)));
  const lineIds = [...new Set(active.flatMap((m) => (m.line === undefined ? [] : [m.line])))].sort();
  const lines = lineIds.map((line) => {
    const on = active.filter((m) => m.line === line);
    const anyMissing = on.some((m) => missingDepts.has(m.department));
    const ids = new Set(on.map((m) => m.id));
    return downtimeRow({ department: null, equipment: null, name: null, line }, on.length, periodHours, anyMissing ? null : inPeriod.filter((r) => ids.has(r.equipment)));
  });
  const complete = new Set(active.filter((m) => !missingDepts.has(m.department)).map((m) => m.id));
  const causes = new Map<string, CauseRow>();
  for (const r of inPeriod) {
    if (r.downtimeSec === 0 || !complete.has(r.equipment)) continue;
    const cause = r.cause ?? `(${r.type}${r.task === undefined ? '' : ` ${r.task}`})`;
    const c = causes.get(cause) ?? { cause, records: 0, downtimeHours: 0 };
    causes.set(cause, c);
    c.records += 1;
    c.downtimeHours += r.downtimeSec / HOUR;
  }
  const warnCompliance = compliance.filter((c) => c.state === 'early' || c.state === 'late' || c.state === 'not-done').length;
  return {
    months: [...months],
    asOf,
    periodHours,
    tasks,
    compliance,
    compliancePct: counted.length === 0 ? null : (met / counted.length) * 100,
    complianceCounted: counted.length,
    complianceMet: met,
    machines: machineRows,
    lines,
    causes: [...causes.values()].sort((a, b) => b.downtimeHours - a.downtimeHours || a.cause.localeCompare(b.cause)),
    missing: [...options.missing],
    flags: { critical: tasks.filter((t) => t.level === 'critical').length, warn: tasks.filter((t) => t.level === 'warn').length + warnCompliance },
  };
}
