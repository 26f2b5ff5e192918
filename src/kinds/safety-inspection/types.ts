// The safety-inspection document as written; the model keeps its shape.
import type { Source } from '../../model/workspace.js';

/** One hazard (隐患) found by an inspection. */
export interface Hazard {
  id: string;
  description: string;
  level: 'general' | 'major';
  owner: string;
  deadline: string;
  rectifiedOn?: string;
  verifiedBy?: string;
  verifiedOn?: string;
}

/** A safety-inspection file as written. */
export interface SafetyInspectionDoc {
  kind: 'safety-inspection';
  version: 1;
  id: string;
  date: string;
  area: string;
  inspector: string;
  hazards: Hazard[];
}

/** One inspection and its hazards. */
export interface SafetyInspection extends Source {
  id: string;
  date: string;
  area: string;
  inspector: string;
  hazards: (Hazard & { index: number })[];
}
