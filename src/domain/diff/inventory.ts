// Inventory parameters across two versions (safety stock, reorder point, lead time, moq,
// pack, with max stock and usage, which also move the order quantity), matched by warehouse x
// snapshot date x SKU, and their effect on the reorder suggestions as of the diff's date:
// `opsplan stock`'s own computation with each version's material plan, so a sku MRP plans in
// the production warehouse shows as planned by MRP, never as a reorder-point buy.
import type { InventoryItemDoc } from '../../model/documents.js';
import type { Workspace } from '../../model/workspace.js';
import type { MrpResult } from '../mrp/types.js';
import { toMilli } from '../quantity.js';
import { computeStock } from '../stock.js';
import type { StockItem } from '../stock.js';
import { changedFields, fieldChange, matchByKey, shownField } from './records.js';
import type { DiffItem, DiffSectionBuilder, DiffSide, FieldChange } from './types.js';

/** The reorder parameters compared, in the order shown. */
export const REORDER_PARAMETERS = ['safetyStock', 'reorderPoint', 'leadTimeDays', 'moq', 'packSize', 'maxStock', 'avgDailyUsage'] as const;

interface ItemAt {
  file: string;
  item: InventoryItemDoc;
}

function itemsOf(ws: Workspace): Map<string, ItemAt> {
  const out = new Map<string, ItemAt>();
  for (const inv of ws.inventories) {
    for (const item of inv.doc.items) {
      const k = `${inv.doc.warehouse}\u0000${inv.doc.asOf}\u0000${item.sku}`;
      if (!out.has(k)) out.set(k, { file: inv.file, item });
    }
  }
  return out;
}

function parameterFields(b: InventoryItemDoc | undefined, h: InventoryItemDoc | undefined): FieldChange[] {
  // Quantities as thousandths (exact deltas); lead time in whole days.
  const q = (v: number | undefined): number | undefined => (v === undefined ? undefined : toMilli(v));
  return changedFields(...REORDER_PARAMETERS.map((p) => (p === 'leadTimeDays' ? fieldChange(p, 'number', b?.[p], h?.[p]) : fieldChange(p, 'quantity', q(b?.[p]), q(h?.[p])))));
}

function parameterItems(base: Workspace, head: Workspace): DiffItem[] {
  const m = matchByKey(itemsOf(base), itemsOf(head));
  const key = (k: string): Record<string, string> => {
    const [warehouse, asOf, sku] = k.split('\u0000') as [string, string, string];
    return { warehouse, asOf, sku };
  };
  const items: DiffItem[] = [];
  // Items of a snapshot that is new on the head are the snapshot's data, not parameter
  // changes: only items added to or removed from a snapshot present on both sides are listed.
  const snapshots = (ws: Workspace): Set<string> => new Set(ws.inventories.map((i) => `${i.doc.warehouse}\u0000${i.doc.asOf}`));
  const onBoth = new Set([...snapshots(base)].filter((s) => snapshots(head).has(s)));
  const snapshotOf = (k: string): string => k.slice(0, k.lastIndexOf('\u0000'));
  for (const { key: k, head: h } of m.added) if (onBoth.has(snapshotOf(k))) items.push({ kind: 'inventory-item', change: 'added', key: key(k), fields: parameterFields(undefined, h.item), file: h.file });
  for (const { key: k, base: b } of m.removed) if (onBoth.has(snapshotOf(k))) items.push({ kind: 'inventory-item', change: 'removed', key: key(k), fields: parameterFields(b.item, undefined), file: b.file });
  for (const { key: k, base: b, head: h } of m.both) {
    const fields = parameterFields(b.item, h.item);
    if (fields.length > 0) items.push({ kind: 'inventory-item', change: 'changed', key: key(k), fields, file: h.file });
  }
  for (const s of [...snapshots(head)].filter((x) => !snapshots(base).has(x)).sort()) {
    const [warehouse, asOf] = s.split('\u0000') as [string, string];
    const inv = head.inventories.find((i) => i.doc.warehouse === warehouse && i.doc.asOf === asOf)!;
    items.push({ kind: 'inventory', change: 'added', key: { warehouse, asOf }, fields: [shownField('items', 'number', null, inv.doc.items.length)], file: inv.file });
  }
  for (const s of [...snapshots(base)].filter((x) => !snapshots(head).has(x)).sort()) {
    const [warehouse, asOf] = s.split('\u0000') as [string, string];
    const inv = base.inventories.find((i) => i.doc.warehouse === warehouse && i.doc.asOf === asOf)!;
    items.push({ kind: 'inventory', change: 'removed', key: { warehouse, asOf }, fields: [shownField('items', 'number', inv.doc.items.length, null)], file: inv.file });
  }
  return items;
}

/** Said of a sku MRP plans, in place of a buy quantity. */
export const PLANNED_BY_MRP_NOTE = 'planned by MRP; reorder point not used';

/**
 * Today's suggestion per warehouse x SKU (the latest snapshot on or before the date), as
 * `opsplan stock` gives it with the side's material plan. MRP's skus are kept even when their
 * reorder point is not reached, so a reorder point moved on one of them says it is not used.
 */
function suggestions(ws: Workspace, asOf: string, mrp: MrpResult | undefined): Map<string, StockItem> {
  if (!ws.company) return new Map();
  const out = new Map<string, StockItem>();
  for (const it of computeStock(ws, { asOf, mrp }).items) if (it.suggestion || it.plannedByMrp) out.set(`${it.warehouse}\u0000${it.sku}`, it);
  return out;
}

function suggestionFields(b: StockItem | undefined, h: StockItem | undefined): FieldChange[] {
  // MRP's skus buy nothing by the reorder point: their quantity and value are absent, not zero.
  const bought = (it: StockItem | undefined): StockItem['suggestion'] | undefined => (it?.plannedByMrp ? undefined : it?.suggestion);
  return changedFields(
    fieldChange('status', 'text', b?.suggestion?.status, h?.suggestion?.status),
    fieldChange('quantity', 'quantity', bought(b)?.quantity, bought(h)?.quantity),
    fieldChange('value', 'money', bought(b)?.value, bought(h)?.value),
    fieldChange('reorderPoint', 'quantity', b?.reorderPoint, h?.reorderPoint),
  );
}

function suggestionItems(base: DiffSide, head: DiffSide, asOf: string): DiffItem[] {
  const m = matchByKey(suggestions(base.workspace, asOf, base.mrp), suggestions(head.workspace, asOf, head.mrp));
  const key = (k: string): Record<string, string> => {
    const [warehouse, sku] = k.split('\u0000') as [string, string];
    return { warehouse, sku };
  };
  const items: DiffItem[] = [];
  // The note speaks of the version shown: the head, or the base for a removed suggestion.
  const note = (it: StockItem): { note?: string } => (it.plannedByMrp ? { note: PLANNED_BY_MRP_NOTE } : {});
  for (const { key: k, head: h } of m.added) items.push({ kind: 'reorder-suggestion', change: 'added', key: key(k), fields: suggestionFields(undefined, h), file: h.file, ...note(h) });
  for (const { key: k, base: b } of m.removed) items.push({ kind: 'reorder-suggestion', change: 'removed', key: key(k), fields: suggestionFields(b, undefined), file: b.file, ...note(b) });
  for (const { key: k, base: b, head: h } of m.both) {
    const fields = suggestionFields(b, h);
    if (fields.length > 0) items.push({ kind: 'reorder-suggestion', change: 'changed', key: key(k), fields, file: h.file, ...note(h) });
  }
  return items;
}

/** The inventory section: parameters, then today's reorder suggestions they move. */
export const inventorySection: DiffSectionBuilder = {
  id: 'inventory',
  title: 'Inventory parameters and reorder suggestions',
  build: ({ base, head, asOf }) => ({ items: [...parameterItems(base.workspace, head.workspace), ...suggestionItems(base, head, asOf)] }),
};
