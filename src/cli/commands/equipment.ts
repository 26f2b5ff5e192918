// `opsplan equipment [WORKSPACE]`: next due and overdue maintenance, PM compliance, downtime,
// MTTR, MTBF and availability per machine and line, top downtime causes.
import type { Command } from 'commander';
import { computeEquipment } from '../../domain/equipment.js';
import { missingMonths } from '../../domain/left-out.js';
import { buildEquipmentReport, equipmentJson, equipmentTasksTable } from '../../report/equipment.js';
import { monthsOf, registerChapterCommand } from '../chapter-command.js';
import type { CliContext } from '../context.js';

/** Registers `equipment`. */
export function registerEquipment(program: Command, ctx: CliContext, setExit: (code: number) => void): void {
  registerChapterCommand(program, ctx, setExit, {
    name: 'equipment',
    description: 'maintenance due and overdue, PM compliance, downtime, MTTR, MTBF and availability by machine and line',
    monthsFound: (ws, load) => monthsOf(ws.maintenanceLogs, load.leftOut, 'maintenance-log'),
    compute: (ws, company, scope, load) =>
      computeEquipment(ws.equipmentLedgers, ws.maintenanceLogs, { months: scope.months, asOf: scope.asOf, toleranceDays: company.thresholds.maintenance.toleranceDays, missing: missingMonths(load.leftOut, 'maintenance-log') }),
    report: (r, c) => buildEquipmentReport(r, c.currency, c.currencyDigits),
    csv: equipmentTasksTable,
    json: equipmentJson,
    flags: (r) => r.flags,
  });
}
