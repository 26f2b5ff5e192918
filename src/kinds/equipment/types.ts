// The equipment ledger (设备台账) as written; the model keeps its shape.
import type { Source } from '../../model/workspace.js';

/** One machine of a ledger. */
export interface Machine {
  id: string;
  name: string;
  category: string;
  location: string;
  line?: string;
  commissioned: string;
  status: 'in-service' | 'standby' | 'retired';
  critical: boolean;
  maintenance?: { task: string; everyDays: number; lastDone?: string }[];
}

/** An equipment file as written. */
export interface EquipmentDoc {
  kind: 'equipment';
  version: 1;
  department: string;
  site?: string;
  items: Machine[];
}

/** A ledger of one department or site. */
export interface EquipmentLedger extends Source {
  department: string;
  site?: string;
  items: (Machine & { index: number })[];
}
