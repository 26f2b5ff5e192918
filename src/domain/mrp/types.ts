// The result of material planning, as the report model and renderers read it.
import type { Cents } from '../../model/money.js';
import type { Milli } from '../quantity.js';

/** What a gross requirement comes from: a production-plan line, or a parent's planned make order. */
export type RequirementSource =
  | { type: 'plan'; file: string; /** 0-based index in the plan's `lines`. */ index: number; department: string; period: string; ref: string | null }
  | { type: 'order'; orderId: string; parentSku: string };

/** One gross requirement of a sku. */
export interface MrpRequirement {
  sku: string;
  date: string;
  qty: Milli;
  source: RequirementSource;
  /** The skus from the plan line down to this one (FG-2040 -> FG-3100 -> RM-PCB-CTL). */
  chain: string[];
  /** How it was covered: stock above safety stock, scheduled receipts, planned orders (id -> qty). */
  fromStock: Milli;
  fromReceipts: Milli;
  fromOrders: { orderId: string; qty: Milli }[];
}

/** An open purchase-order quantity expected on a date. */
export interface MrpScheduledReceipt {
  sku: string;
  purchaseOrder: string;
  file: string;
  /** 0-based index of the order line. */
  lineIndex: number;
  supplier: string;
  /** The promised date. */
  due: string;
  /** When netting counts it: the due date, or as-of for a late one. */
  date: string;
  qty: Milli;
  late: boolean;
  daysLate: number;
}

/** One planned order, with why it exists. */
export interface MrpPlannedOrder {
  id: string;
  sku: string;
  name: string;
  unit: string;
  type: 'make' | 'buy';
  qty: Milli;
  /** Needed on (the date of the requirement that triggered it). */
  due: string;
  /** due − leadTimeDays. */
  plannedRelease: string;
  /** When to release: the planned release, or as-of when that has passed. */
  release: string;
  expedite: boolean;
  /** as-of − planned release, when expedited; else 0. */
  daysLate: number;
  leadTimeDays: number;
  supplier: string | null;
  unitCost: Cents | null;
  /** qty × unitCost for buy orders (null for make orders and when unitCost is missing). */
  value: Cents | null;
  shortfall: Milli;
  restoredSafetyStock: Milli;
  lotSurplus: Milli;
  moqApplied: boolean;
  packApplied: boolean;
  /** The requirements it covers; Σ qty + restoredSafetyStock + lotSurplus = qty. */
  pegging: { source: RequirementSource; date: string; qty: Milli }[];
  /** For make orders: the BOM used (file). */
  bom: string | null;
}

/** One ISO week of a sku's time-phased plan. */
export interface MrpWeek {
  week: string;
  from: string;
  to: string;
  gross: Milli;
  scheduledReceipts: Milli;
  plannedReceipts: Milli;
  plannedReleases: Milli;
  /** Projected available at the end of the week, after planned receipts. */
  projected: Milli;
}

/** Everything planned for one sku. */
export interface MrpSku {
  sku: string;
  name: string;
  unit: string;
  type: 'make' | 'buy';
  /** Low-level code: 0 for plan items, their components 1, and so on (the deepest use counts). */
  level: number;
  onHand: Milli;
  reserved: Milli;
  /** onHand − reserved. */
  startAvailable: Milli;
  safetyStock: Milli;
  leadTimeDays: number;
  moq: Milli | null;
  packSize: Milli | null;
  supplier: string | null;
  requirements: MrpRequirement[];
  receipts: MrpScheduledReceipt[];
  orders: string[];
  weeks: MrpWeek[];
  endAvailable: Milli;
  /** Projected available is below safety stock before the first requirement restores it. */
  belowSafetyUntil: string | null;
}

/** A sku that is needed but could not be planned, and why. */
export interface MrpUnplanned {
  sku: string;
  code: 'mrp/no-item' | 'mrp/unit-mismatch' | 'mrp/bom-invalid' | 'mrp/no-snapshot';
  message: string;
  chain: string[];
  files: string[];
}

/** Buy orders totalled per supplier. */
export interface MrpSupplierTotal {
  supplier: string | null;
  orders: number;
  /** Σ value; null when an order lacks a unit cost (missing is never zero). */
  value: Cents | null;
  /** Σ of the orders that have a value. */
  knownValue: Cents;
  missingCost: number;
  earliestRelease: string;
}

/** The whole plan. */
export interface MrpResult {
  asOf: string;
  horizonWeeks: number;
  /** Last day a requirement may be due (asOf + 7 × weeks − 1). */
  horizonEnd: string;
  warehouse: string | null;
  snapshot: { file: string; asOf: string } | null;
  skus: MrpSku[];
  orders: MrpPlannedOrder[];
  unplanned: MrpUnplanned[];
  suppliers: MrpSupplierTotal[];
  totals: { orders: number; make: number; buy: number; expedite: number; lateReceipts: number; buyValue: Cents | null; knownBuyValue: Cents };
}
