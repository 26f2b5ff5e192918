// Monthly maintenance logs (四.三): preventive tasks, repairs after breakdowns, inspections.
import { defineKind } from '../kind.js';
import type { CheckContext } from '../kind.js';
import type { MaintenanceLog, MaintenanceLogDoc } from './types.js';

/**
 * Seconds since the epoch of a local `YYYY-MM-DDTHH:MM[:SS]`, read as if UTC: plant times carry
 * no zone, and differences of wall-clock times are what a maintenance log means (a DST shift
 * would otherwise add or lose an hour of downtime). NaN when the day does not exist.
 */
export function wallSeconds(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (!m) return Number.NaN;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
  return new Date(ms).toISOString().slice(0, 10) === text.slice(0, 10) ? ms / 1000 : Number.NaN;
}

function checkMaintenanceLogs(ctx: CheckContext): void {
  const { ws, report, knownDepartment, duplicates } = ctx;
  duplicates(ws.maintenanceLogs, (l) => `${l.department}|${l.month}`, (l, first) =>
    report('error', 'submission/duplicate', `a second ${l.month} maintenance log for "${l.department}" (the first is ${first.file}); keep one per department and month`, l.file, ['month']),
  );
  const machines = new Map(ws.equipmentLedgers.flatMap((l) => l.items.map((m) => [m.id, m] as const)));
  for (const log of ws.maintenanceLogs) {
    knownDepartment(log.department, log.file, ['department']);
    for (const r of log.records) {
      const at = (field: string): (string | number)[] => ['records', r.index, field];
      const machine = machines.get(r.equipment);
      if (!machine) {
        const broken = ctx.rejected('equipment', (d) => Array.isArray(d.items) && d.items.some((m: unknown) => (m as { id?: unknown })?.id === r.equipment));
        const why = broken ? `its ledger ${broken.file} is left out for its own errors; fix that file` : 'add it to an equipment ledger or fix the id';
        report('error', 'maintenance/unknown-equipment', `equipment "${r.equipment}" is not in any equipment ledger; ${why}`, log.file, at('equipment'));
      } else if (r.task !== undefined && !(machine.maintenance ?? []).some((t) => t.task === r.task)) {
        report('error', 'maintenance/unknown-task', `task "${r.task}" is not in the maintenance plan of "${r.equipment}" (plan: ${(machine.maintenance ?? []).map((t) => t.task).join(', ') || 'empty'}); use a planned task code`, log.file, at('task'));
      }
      if (r.task !== undefined && r.type !== 'preventive') report('error', 'maintenance/task-not-preventive', `a ${r.type} record names task "${r.task}"; only preventive work completes a planned task: set type: preventive or drop task`, log.file, at('task'));
      const badTime = Number.isNaN(r.startSec) ? 'start' : Number.isNaN(r.endSec) ? 'end' : null;
      if (badTime !== null) {
        report('error', 'maintenance/invalid-date-time', `${badTime} ${r[badTime]} is not a date of the calendar; fix the day`, log.file, at(badTime));
        continue;
      }
      if (r.start.slice(0, 7) !== log.month) report('error', 'maintenance/date-outside-month', `record on "${r.equipment}" starts ${r.start}, outside the log's month ${log.month}; move it to the ${r.start.slice(0, 7)} log or fix the date`, log.file, at('start'));
      if (r.endSec < r.startSec) report('error', 'maintenance/end-before-start', `record on "${r.equipment}" ends (${r.end}) before it starts (${r.start}); swap or fix the times`, log.file, at('end'));
    }
  }
}

/** Monthly maintenance logs. */
export const maintenanceLogKind = defineKind({
  id: 'maintenance-log',
  collection: 'maintenanceLogs',
  title: 'a department\'s maintenance work of one month: preventive, corrective and inspection records',
  globs: ['maintenance/**/*.yaml'],
  template: {
    path: 'maintenance/2026-01/operations.yaml',
    text: `kind: maintenance-log
version: 1
department: operations
month: 2026-01
records:
  - equipment: EQ-CNC-01
    type: corrective
    start: 2026-01-14T10:00
    end: 2026-01-14T14:30
    cause: spindle bearing worn
    by: Maintenance team
  - equipment: EQ-CNC-01
    type: preventive
    task: PM-LUBE
    start: 2026-01-30T07:00
    end: 2026-01-30T08:00
    by: Maintenance team
`,
  },
  normalize: (raw, ctx): MaintenanceLog => {
    const d = raw as MaintenanceLogDoc;
    return {
      file: ctx.file,
      department: d.department,
      month: d.month,
      records: d.records.map((r, index) => {
        const startSec = wallSeconds(r.start);
        const endSec = wallSeconds(r.end);
        // Hours have at most 2 decimals, so hours x 3600 is a whole number of seconds.
        const given = r.downtimeHours === undefined ? undefined : Math.round(r.downtimeHours * 3600);
        const downtimeSec = given ?? (r.type === 'corrective' && endSec >= startSec ? endSec - startSec : 0);
        return { ...r, startSec, endSec, downtimeSec, index };
      }),
    };
  },
  check: checkMaintenanceLogs,
});
