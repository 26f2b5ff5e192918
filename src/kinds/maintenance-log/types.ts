// The maintenance-log document as written and its model (times as exact seconds).
import type { Source } from '../../model/workspace.js';

/** Kinds of maintenance work. */
export type MaintenanceType = 'preventive' | 'corrective' | 'inspection';

/** A maintenance-log file as written. */
export interface MaintenanceLogDoc {
  kind: 'maintenance-log';
  version: 1;
  department: string;
  month: string;
  records: {
    equipment: string;
    type: MaintenanceType;
    task?: string;
    start: string;
    end: string;
    downtimeHours?: number;
    cause?: string;
    by: string;
  }[];
}

/** One record; `*Sec` are seconds since 1970-01-01T00:00 read as plant-local wall time. */
export interface MaintenanceRecord {
  equipment: string;
  type: MaintenanceType;
  task?: string;
  start: string;
  end: string;
  startSec: number;
  endSec: number;
  /**
   * Downtime in whole seconds: `downtimeHours` when given, end - start for corrective work,
   * otherwise 0 (preventive and inspection work stops a machine only when said so).
   */
  downtimeSec: number;
  cause?: string;
  by: string;
  index: number;
}

/** A department's maintenance log of one month. */
export interface MaintenanceLog extends Source {
  department: string;
  month: string;
  records: MaintenanceRecord[];
}
