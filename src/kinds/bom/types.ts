// The bill-of-materials document as written and as the model keeps it (quantities in thousandths).
import type { Milli } from '../../domain/quantity.js';
import type { Source } from '../../model/workspace.js';

/** A `kind: bom` file as written. */
export interface BomDoc {
  kind: 'bom';
  version: 1;
  sku: string;
  name: string;
  unit: string;
  output?: number;
  status: BomStatus;
  line?: string;
  hoursPerUnit?: number;
  components: { sku: string; qty: number; unit: string; scrapPct?: number }[];
}

/** Only approved BOMs are used by planning. */
export type BomStatus = 'draft' | 'approved';

/** One component of a BOM. */
export interface BomComponent {
  sku: string;
  /** Quantity per `output` units of the product, in thousandths. */
  qty: Milli;
  unit: string;
  /** Scrap allowance in percent (0 when not written). */
  scrapPct: number;
  /** Index in the file's `components` list. */
  index: number;
}

/** A bill of materials. */
export interface Bom extends Source {
  sku: string;
  name: string;
  unit: string;
  /** Units of product the components make, in thousandths (default 1 unit = 1000). */
  output: Milli;
  status: BomStatus;
  line?: string;
  hoursPerUnit?: number;
  components: BomComponent[];
}
