// Equipment ledgers (四.三): every machine, its status, criticality and maintenance plan.
import { defineKind } from '../kind.js';
import type { CheckContext } from '../kind.js';
import type { EquipmentDoc, EquipmentLedger } from './types.js';

function checkEquipment(ctx: CheckContext): void {
  const { ws, report, knownDepartment } = ctx;
  // Ids are unique across ledgers: maintenance records name a machine by id alone.
  const seen = new Map<string, string>();
  for (const ledger of ws.equipmentLedgers) {
    knownDepartment(ledger.department, ledger.file, ['department']);
    for (const m of ledger.items) {
      const first = seen.get(m.id);
      if (first !== undefined) report('error', 'equipment/duplicate-id', `equipment id "${m.id}" is also used in ${first}; asset codes must be unique across ledgers`, ledger.file, ['items', m.index, 'id']);
      else seen.set(m.id, ledger.file);
      const tasks = new Set<string>();
      (m.maintenance ?? []).forEach((t, i) => {
        if (tasks.has(t.task)) report('error', 'equipment/duplicate-task', `task "${t.task}" appears twice in the plan of "${m.id}"; merge them or give each its own code`, ledger.file, ['items', m.index, 'maintenance', i, 'task']);
        tasks.add(t.task);
        if (t.lastDone !== undefined && t.lastDone < m.commissioned) report('error', 'equipment/done-before-commissioned', `task "${t.task}" of "${m.id}" was last done ${t.lastDone}, before the machine was commissioned (${m.commissioned}); fix one of the dates`, ledger.file, ['items', m.index, 'maintenance', i, 'lastDone']);
      });
    }
  }
}

/** Equipment ledgers. */
export const equipmentKind = defineKind({
  id: 'equipment',
  collection: 'equipmentLedgers',
  title: 'an equipment ledger: machines, status, criticality and preventive maintenance plan',
  globs: ['equipment/**/*.yaml'],
  template: {
    path: 'equipment/operations.yaml',
    text: `kind: equipment
version: 1
department: operations
items:
  - id: EQ-CNC-01
    name: CNC machining centre
    category: machining
    location: Hall A
    line: LINE-1
    commissioned: 2021-03-15
    status: in-service
    critical: true
    maintenance:
      - task: PM-LUBE
        everyDays: 30
        lastDone: 2026-01-05
`,
  },
  normalize: (raw, ctx): EquipmentLedger => {
    const d = raw as EquipmentDoc;
    return { file: ctx.file, department: d.department, ...(d.site === undefined ? {} : { site: d.site }), items: d.items.map((m, index) => ({ ...m, index })) };
  },
  check: checkEquipment,
});
