// Diff sections of the quality, equipment, maintenance and safety kinds: their records
// matched by id across the two versions, quantities in units and downtime in hours, so a
// reviewer sees "result: fail -> pass" or "rectifiedOn: - -> 2026-11-19" on the record.
import { fromMilli } from '../quantity.js';
import { recordsSection } from './records.js';
import type { DiffSectionBuilder } from './types.js';

/** Inspections by department/id. */
export const qualitySection: DiffSectionBuilder = recordsSection({
  id: 'quality-inspections',
  title: 'Quality inspections',
  kind: 'quality-log',
  idField: 'inspection',
  records: (ws) =>
    ws.qualityLogs.flatMap((log) =>
      log.inspections.map(({ index: _index, quantity, sampleSize, defects, ...rest }) => ({
        id: `${log.department}/${rest.id}`,
        file: log.file,
        record: { ...rest, quantity: fromMilli(quantity), sampleSize: fromMilli(sampleSize), defects: defects.map((d) => ({ code: d.code, qty: fromMilli(d.qty) })) },
      })),
    ),
});

/** Machines of the equipment ledgers by id. */
export const equipmentSection: DiffSectionBuilder = recordsSection({
  id: 'equipment',
  title: 'Equipment',
  kind: 'equipment',
  idField: 'equipment',
  records: (ws) => ws.equipmentLedgers.flatMap((l) => l.items.map(({ index: _index, ...m }) => ({ id: m.id, file: l.file, record: { department: l.department, ...m } }))),
});

/** Maintenance records by machine and start. */
export const maintenanceSection: DiffSectionBuilder = recordsSection({
  id: 'maintenance-records',
  title: 'Maintenance records',
  kind: 'maintenance-log',
  idField: 'record',
  records: (ws) =>
    ws.maintenanceLogs.flatMap((log) =>
      log.records.map((r) => ({
        id: `${r.equipment} ${r.start}`,
        file: log.file,
        record: { department: log.department, type: r.type, task: r.task, end: r.end, downtimeHours: r.downtimeSec / 3600, cause: r.cause, by: r.by },
      })),
    ),
});

/** Hazards by inspection/hazard id. */
export const safetySection: DiffSectionBuilder = recordsSection({
  id: 'safety-hazards',
  title: 'Safety hazards',
  kind: 'safety-inspection',
  idField: 'hazard',
  records: (ws) => ws.safetyInspections.flatMap((s) => s.hazards.map(({ index: _index, id, ...h }) => ({ id: `${s.id}/${id}`, file: s.file, record: { date: s.date, area: s.area, ...h } }))),
});
