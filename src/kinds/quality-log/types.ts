// The quality-log document as written and its model (quantities in exact thousandths).
import type { Milli } from '../../domain/quantity.js';
import type { Source } from '../../model/workspace.js';

/** Inspection stages of the regime (四.二): incoming, in-process, final. */
export const INSPECTION_STAGES = ['incoming', 'in-process', 'final'] as const;
/** One of INSPECTION_STAGES. */
export type InspectionStage = (typeof INSPECTION_STAGES)[number];
/** What happens to a failed lot. */
export type Disposition = 'rework' | 'scrap' | 'return' | 'concession';

/** One inspection as written. */
export interface InspectionDoc {
  id: string;
  stage: InspectionStage;
  date: string;
  sku: string;
  lot: string;
  supplier?: string;
  purchaseOrder?: string;
  quantity: number;
  sampleSize: number;
  defects?: { code: string; qty: number }[];
  result: 'pass' | 'fail';
  disposition?: Disposition;
  dispositionBy?: string;
  releasedOn?: string;
  reinspectionOf?: string;
}

/** A quality-log file as written. */
export interface QualityLogDoc {
  kind: 'quality-log';
  version: 1;
  department: string;
  month: string;
  inspections: InspectionDoc[];
}

/** One inspection with quantities in thousandths (defects always present). */
export interface Inspection extends Omit<InspectionDoc, 'quantity' | 'sampleSize' | 'defects'> {
  quantity: Milli;
  sampleSize: Milli;
  defects: { code: string; qty: Milli }[];
  /** Index in the file, for locating findings. */
  index: number;
}

/** A department's quality log of one month. */
export interface QualityLog extends Source {
  department: string;
  month: string;
  inspections: Inspection[];
}
