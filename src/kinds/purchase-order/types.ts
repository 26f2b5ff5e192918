// The purchase-order document and its model (quantities in thousandths, prices in minor units).
import type { Milli } from '../../domain/quantity.js';
import type { Cents } from '../../model/money.js';
import type { Source } from '../../model/workspace.js';

/** open: goods still expected; closed: finished (nothing more comes); cancelled: void. */
export type PurchaseOrderStatus = 'open' | 'closed' | 'cancelled';

/** A `kind: purchase-order` file as written. */
export interface PurchaseOrderDoc {
  kind: 'purchase-order';
  version: 1;
  id: string;
  supplier: string;
  orderedOn: string;
  status: PurchaseOrderStatus;
  lines: { sku: string; qty: number; unitPrice: number; due: string }[];
  receipts?: { date: string; sku: string; qty: number }[];
}

/** One ordered line. */
export interface PurchaseOrderLine {
  sku: string;
  qty: Milli;
  /** Price per unit in minor units. */
  unitPrice: Cents;
  due: string;
  /** Index in the file's `lines` list. */
  index: number;
}

/** One goods receipt. */
export interface PurchaseReceipt {
  date: string;
  sku: string;
  qty: Milli;
  /** Index in the file's `receipts` list. */
  index: number;
}

/** A purchase order with its receipts. */
export interface PurchaseOrder extends Source {
  id: string;
  supplier: string;
  orderedOn: string;
  status: PurchaseOrderStatus;
  lines: PurchaseOrderLine[];
  receipts: PurchaseReceipt[];
}
