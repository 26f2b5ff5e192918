// `opsplan equipment [WORKSPACE]`: next due and overdue maintenance, PM compliance, downtime,
// MTTR, MTBF and availability per machine and line, top downtime causes.
import type { Command } from 'commander';
import { buildEquipmentReport, equipmentJson, equipmentTasksTable } from '../../report/equipment.js';
import { monthsOf, registerChapterCommand } from '../chapter-command.js';
import { equipmentResult } from '../../domain/chapter-results.js';
import type { CliContext } from '../context.js';

/** Registers `equipment`. */
export function registerEquipment(program: Command, ctx: CliContext, setExit: (code: number) => void): void {
  registerChapterCommand(program, ctx, setExit, {
    name: 'equipment',
    description: 'maintenance due and overdue, PM compliance, downtime, MTTR, MTBF and availability by machine and line',
    monthsFound: (ws, load) => monthsOf(ws.maintenanceLogs, load.rejected, 'maintenance-log'),
    compute: (ws, company, scope, load) => equipmentResult(ws, company, { ...scope, leftOut: load.rejected }),
    report: (r, c) => buildEquipmentReport(r, c.currency, c.currencyDigits),
    csv: equipmentTasksTable,
    json: equipmentJson,
    flags: (r) => r.flags,
  });
}
