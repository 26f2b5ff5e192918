// Equipment results as report tables and JSON.
import type { DowntimeRow, EquipmentResult } from '../domain/equipment.js';
import type { Column, Report, Table } from './model.js';

const col = (key: string, header: string, type: Column['type']): Column => ({ key, header, type });
const h2 = (v: number | null): number | null => (v === null ? null : Math.round(v * 100) / 100);

function downtimeTable(id: string, title: string, rows: readonly DowntimeRow[], perMachine: boolean): Table {
  return {
    id,
    title,
    caption: perMachine
      ? 'MTTR = corrective downtime / failures; MTBF = (period hours - downtime) / failures; availability = (period hours - downtime) / period hours'
      : 'a line adds up its machines: period hours = calendar hours x machines',
    columns: [
      ...(perMachine ? [col('department', 'Department', 'text'), col('equipment', 'Equipment', 'text'), col('name', 'Name', 'text')] : []),
      col('productionLine', 'Line', 'text'),
      ...(perMachine ? [] : [col('machines', 'Machines', 'number')]),
      col('status', 'Status', 'text'),
      col('periodHours', 'Period hours', 'number'),
      col('downtimeHours', 'Downtime hours', 'number'),
      col('failures', 'Failures', 'number'),
      col('mttrHours', 'MTTR hours', 'number'),
      col('mtbfHours', 'MTBF hours', 'number'),
      col('availabilityPct', 'Availability %', 'percent'),
    ],
    rows: rows.map((r) => ({
      cells: { department: r.department, equipment: r.equipment, name: r.name, productionLine: r.line, machines: r.machines, status: r.status, periodHours: r.periodHours, downtimeHours: h2(r.downtimeHours), failures: r.failures, mttrHours: h2(r.mttrHours), mtbfHours: h2(r.mtbfHours), availabilityPct: r.availabilityPct },
      ...(r.status === 'missing' ? { tones: { status: 'warn' as const } } : {}),
    })),
  };
}

/** The preventive tasks table (also the CSV of `opsplan equipment`). */
export function equipmentTasksTable(r: EquipmentResult): Table {
  return {
    id: 'equipment-tasks',
    title: 'Preventive tasks: next due and overdue',
    caption: 'next due = last done + everyDays; last done = the latest preventive record of the task (early or late), else the ledger\'s lastDone',
    columns: [col('department', 'Department', 'text'), col('equipment', 'Equipment', 'text'), col('name', 'Name', 'text'), col('critical', 'Critical', 'text'), col('task', 'Task', 'text'), col('everyDays', 'Every (days)', 'number'), col('lastDone', 'Last done', 'date'), col('nextDue', 'Next due', 'date'), col('daysOverdue', 'Days overdue', 'number'), col('level', 'Level', 'text')],
    rows: r.tasks.map((t) => ({ cells: { ...t, critical: t.critical ? 'yes' : 'no', daysOverdue: t.daysOverdue === 0 ? null : t.daysOverdue }, ...(t.level ? { tones: { daysOverdue: t.level, level: t.level } } : {}) })),
  };
}

/** Every table of the equipment report. */
export function equipmentTables(r: EquipmentResult): Table[] {
  return [
    equipmentTasksTable(r),
    {
      id: 'equipment-compliance',
      title: 'PM compliance: tasks due in the period',
      caption: 'on-time: done within the tolerance of the due date; pending: not done, tolerance not yet passed (not counted)',
      columns: [col('department', 'Department', 'text'), col('equipment', 'Equipment', 'text'), col('task', 'Task', 'text'), col('due', 'Due', 'date'), col('doneOn', 'Done on', 'date'), col('deviationDays', 'Deviation (days)', 'number'), col('toleranceDays', 'Tolerance (days)', 'number'), col('state', 'State', 'text')],
      rows: r.compliance.map((c) => ({ cells: { ...c }, ...(c.state === 'on-time' || c.state === 'pending' ? {} : { tones: { state: 'warn' as const } }) })),
    },
    downtimeTable('equipment-downtime', 'Downtime, MTTR, MTBF and availability by machine', r.machines, true),
    downtimeTable('equipment-lines', 'Downtime by production line', r.lines, false),
    {
      id: 'equipment-causes',
      title: 'Top downtime causes',
      columns: [col('cause', 'Cause', 'text'), col('records', 'Records', 'number'), col('downtimeHours', 'Downtime hours', 'number')],
      rows: r.causes.map((c) => ({ cells: { ...c, downtimeHours: h2(c.downtimeHours) } })),
    },
  ];
}

/** The equipment report. */
export function buildEquipmentReport(r: EquipmentResult, currency: string, digits: number): Report {
  const overdue = r.tasks.filter((t) => t.level !== null);
  return {
    title: `Equipment ${r.months[0]}${r.months.length > 1 ? ` .. ${r.months[r.months.length - 1]}` : ''} (as of ${r.asOf})`,
    currency,
    digits,
    headline: [
      { label: 'PM compliance %', value: r.compliancePct, type: 'percent' },
      { label: 'Tasks due and judged', value: `${r.complianceMet} of ${r.complianceCounted} on time`, type: 'text' },
      { label: 'Overdue tasks', value: overdue.length, type: 'number', ...(r.flags.critical > 0 ? { tone: 'critical' as const } : overdue.length > 0 ? { tone: 'warn' as const } : {}) },
      { label: 'Critical equipment overdue', value: r.flags.critical, type: 'number', ...(r.flags.critical > 0 ? { tone: 'critical' as const } : {}) },
      { label: 'Missing department-months', value: r.missing.length === 0 ? 'none' : r.missing.map((m) => `${m.department} ${m.month} (${m.file})`).join(', '), type: 'text', ...(r.missing.length > 0 ? { tone: 'warn' as const } : {}) },
    ],
    tables: equipmentTables(r),
  };
}

/** JSON of `opsplan equipment --format json`. */
export function equipmentJson(r: EquipmentResult): unknown {
  return { version: 1, ...r };
}
