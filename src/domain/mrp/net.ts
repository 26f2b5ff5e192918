// Netting of one sku: its scheduled receipts and gross requirements in date order (receipts
// first on a date), one projected available balance, and a planned order whenever a
// requirement would take that balance below safety stock. The order covers the shortfall
// (safety stock − projected after the requirement), raised to the minimum order quantity and
// rounded up to whole packs; its surplus stays in the balance for later requirements. So
// safety stock is restored once, never added per requirement, and a unit serves one
// requirement only, whichever plan it comes from.
//
// Pegging: stock above safety stock is kept as first-in-first-out layers (opening stock,
// scheduled receipts, planned-order surpluses). A requirement takes from the oldest layers
// first, and what it takes from an order's surplus is pegged to that order, so every order
// ends with Σ pegged + restored safety stock + lot surplus = quantity.
import { orderQuantity } from '../stock.js';
import type { Milli } from '../quantity.js';

/** The item parameters netting needs (thousandths). */
export interface NetParams {
  /** Projected available at the start: onHand − reserved. */
  start: Milli;
  safetyStock: Milli;
  moq: Milli | null;
  packSize: Milli | null;
}

/** A dated quantity (a scheduled receipt or a gross requirement). */
export interface Dated {
  date: string;
  qty: Milli;
}

/** A planned order as netting creates it (dated on the requirement that triggered it). */
export interface NetOrder {
  due: string;
  qty: Milli;
  /** safety stock − projected available after the triggering requirement. */
  shortfall: Milli;
  /** The part of the shortfall that refills safety stock (what was missing below it before the requirement). */
  restoredSafetyStock: Milli;
  /** quantity − shortfall, less what later requirements took from it (pegged to them). */
  lotSurplus: Milli;
  moqApplied: boolean;
  packApplied: boolean;
  /** Requirements covered, by index into the requirements given, with quantities. */
  pegs: { requirement: number; qty: Milli }[];
}

/** How one requirement was covered. */
export interface Coverage {
  fromStock: Milli;
  fromReceipts: Milli;
  /** Order index -> quantity, including the order the requirement itself triggered. */
  fromOrders: Map<number, Milli>;
}

/** One step of the projected balance. */
export interface NetEvent {
  date: string;
  type: 'receipt' | 'requirement' | 'planned-receipt';
  /** Index into receipts, requirements or orders. */
  index: number;
  qty: Milli;
  /** Projected available after this event. */
  projected: Milli;
  /** Below safety stock after this event (only possible before the first requirement is netted). */
  belowSafety: boolean;
}

/** The result of netting one sku. */
export interface NetResult {
  orders: NetOrder[];
  coverage: Coverage[];
  events: NetEvent[];
  end: Milli;
}

type Layer = { source: 'stock' | 'receipt' | 'order'; order: number; qty: Milli };

/** Nets one sku; requirements and receipts are taken in date order, receipts first on a date, ties in the order given. */
export function netSku(params: NetParams, receipts: readonly Dated[], requirements: readonly Dated[]): NetResult {
  const ss = params.safetyStock;
  let projected = params.start;
  let deficit = Math.max(0, ss - projected);
  const free: Layer[] = projected > ss ? [{ source: 'stock', order: -1, qty: projected - ss }] : [];
  const orders: NetOrder[] = [];
  const coverage: Coverage[] = requirements.map(() => ({ fromStock: 0, fromReceipts: 0, fromOrders: new Map() }));
  const events: NetEvent[] = [];
  const steps = [...receipts.map((r, index) => ({ r, index, receipt: true })), ...requirements.map((r, index) => ({ r, index, receipt: false }))];
  steps.sort((a, b) => (a.r.date < b.r.date ? -1 : a.r.date > b.r.date ? 1 : a.receipt !== b.receipt ? (a.receipt ? -1 : 1) : a.index - b.index));
  // Requirements of one date are netted together: one order covers all of them, so two
  // requirements on a day never pay the minimum order quantity twice.
  let pending: { requirement: number; qty: Milli }[] = [];
  steps.forEach(({ r, index, receipt }, at) => {
    if (receipt) {
      projected += r.qty;
      const fill = Math.min(r.qty, deficit);
      deficit -= fill;
      if (r.qty > fill) free.push({ source: 'receipt', order: -1, qty: r.qty - fill });
      events.push({ date: r.date, type: 'receipt', index, qty: r.qty, projected, belowSafety: projected < ss });
      return;
    }
    const cov = coverage[index]!;
    let left = r.qty;
    while (left > 0 && free.length > 0) {
      const layer = free[0]!;
      const take = Math.min(left, layer.qty);
      layer.qty -= take;
      left -= take;
      if (layer.source === 'stock') cov.fromStock += take;
      else if (layer.source === 'receipt') cov.fromReceipts += take;
      else {
        const o = orders[layer.order]!;
        o.lotSurplus -= take;
        o.pegs.push({ requirement: index, qty: take });
        cov.fromOrders.set(layer.order, (cov.fromOrders.get(layer.order) ?? 0) + take);
      }
      if (layer.qty === 0) free.shift();
    }
    if (left > 0) pending.push({ requirement: index, qty: left });
    projected -= r.qty;
    events.push({ date: r.date, type: 'requirement', index, qty: r.qty, projected, belowSafety: false });
    const next = steps[at + 1];
    if ((next && !next.receipt && next.r.date === r.date) || projected >= ss) return;
    const shortfall = ss - projected;
    const lot = orderQuantity(shortfall, params.moq, params.packSize);
    const o = orders.length;
    orders.push({ due: r.date, qty: lot.quantity, shortfall, restoredSafetyStock: deficit, lotSurplus: lot.quantity - shortfall, moqApplied: lot.moqApplied, packApplied: lot.packApplied, pegs: pending });
    for (const p of pending) coverage[p.requirement]!.fromOrders.set(o, p.qty);
    pending = [];
    deficit = 0;
    projected += lot.quantity;
    if (lot.quantity > shortfall) free.push({ source: 'order', order: o, qty: lot.quantity - shortfall });
    events.push({ date: r.date, type: 'planned-receipt', index: o, qty: lot.quantity, projected, belowSafety: false });
  });
  return { orders, coverage, events, end: projected };
}
