// Warehouse snapshots (七.三): on hand, counted, on order, levels and costs per SKU.
import type { InventoryDoc } from '../../model/documents.js';
import type { Loaded } from '../../model/workspace.js';
import { defineKind } from '../kind.js';
import type { CheckContext } from '../kind.js';

function checkInventories({ ws, report, duplicates, company, warehouses }: CheckContext): void {
  duplicates(ws.inventories, (i) => `${i.doc.warehouse}|${i.doc.asOf}`, (i, first) =>
    report('error', 'submission/duplicate', `a second snapshot of "${i.doc.warehouse}" as of ${i.doc.asOf} (the first is ${first.file})`, i.file, ['asOf']),
  );
  for (const inv of ws.inventories) {
    if (company && !warehouses.has(inv.doc.warehouse)) {
      report('error', 'ref/unknown-warehouse', `warehouse "${inv.doc.warehouse}" is not declared in opsplan.yaml; declare it under warehouses: (known: ${[...warehouses].join(', ') || 'none'})`, inv.file, ['warehouse']);
    }
    const seen = new Set<string>();
    inv.doc.items.forEach((it, i) => {
      if (seen.has(it.sku)) report('error', 'inventory/duplicate-sku', `SKU "${it.sku}" appears twice in this snapshot; merge the two entries`, inv.file, ['items', i, 'sku']);
      seen.add(it.sku);
      const { safetyStock: s, reorderPoint: r, maxStock: m } = it;
      if (s !== undefined && r !== undefined && s > r) report('warning', 'inventory/level-order', `SKU "${it.sku}": safetyStock ${s} is above reorderPoint ${r}; expected safetyStock <= reorderPoint <= maxStock`, inv.file, ['items', i, 'reorderPoint']);
      if (r !== undefined && m !== undefined && r > m) report('warning', 'inventory/level-order', `SKU "${it.sku}": reorderPoint ${r} is above maxStock ${m}; expected safetyStock <= reorderPoint <= maxStock`, inv.file, ['items', i, 'maxStock']);
      else if (r === undefined && s !== undefined && m !== undefined && s > m) report('warning', 'inventory/level-order', `SKU "${it.sku}": safetyStock ${s} is above maxStock ${m}`, inv.file, ['items', i, 'maxStock']);
    });
  }
}

/** Warehouse snapshots. */
export const inventoryKind = defineKind({
  id: 'inventory',
  collection: 'inventories',
  title: 'a warehouse snapshot: stock, counts, orders, levels and costs per SKU',
  globs: ['inventory/**/*.yaml'],
  template: {
    path: 'inventory/wh-main/2026-01-31.yaml',
    text: `kind: inventory
version: 1
warehouse: wh-main
asOf: 2026-01-31
items:
  - sku: "RM-0001"
    name: Steel sheet 2mm
    unit: kg
    onHand: 1250.5
    counted: 1248
    onOrder: 500
    reserved: 200
    safetyStock: 300
    reorderPoint: 800
    maxStock: 3000
    avgDailyUsage: 40
    leadTimeDays: 10
    unitCost: 6.85
    moq: 500
    packSize: 250
    supplier: SUP-STEEL
    lastMovement: 2026-01-30
`,
  },
  normalize: (doc, ctx): Loaded<InventoryDoc> => ({ file: ctx.file, doc: doc as InventoryDoc }),
  check: checkInventories,
});
