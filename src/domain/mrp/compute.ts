// Material requirements planning over the workspace: the approved production plans due in the
// horizon are netted against the production warehouse's stock and the open purchase orders,
// level by level, so a finished good's own stock is used before its components are exploded,
// and each planned make order becomes its components' requirements on its release date.
// Pure: the as-of date and the horizon are parameters.
import { productionWarehouseId } from '../../kinds/company/kind.js';
import type { Bom } from '../../kinds/bom/types.js';
import type { InventoryItemDoc } from '../../model/documents.js';
import { toCents } from '../../model/money.js';
import type { Rounding } from '../../model/money.js';
import type { Workspace } from '../../model/workspace.js';
import { addDays, compactDate, daysBetween } from '../../model/calendar.js';
import { applicablePlanLines } from '../production-plans.js';
import { allotReceipts } from '../purchase-orders.js';
import { toMilli, valueOf } from '../quantity.js';
import type { Milli } from '../quantity.js';
import { netSku } from './net.js';
import type { MrpPlannedOrder, MrpRequirement, MrpResult, MrpScheduledReceipt, MrpSku, MrpUnplanned, RequirementSource } from './types.js';
import { supplierTotals, weekBuckets } from './summaries.js';

/** What material planning is asked for. */
export interface MrpOptions {
  asOf: string;
  horizonWeeks: number;
  rounding?: Rounding;
  /** Minor-unit digits of the currency (default 2). */
  digits?: number;
  /** Approved (or unreadable) BOMs left out of the model for their errors: their skus are never planned. */
  brokenBoms?: readonly { file: string; sku: string }[];
}

/** The component requirement of one parent order: qty × componentQty ÷ output × (1 + scrapPct ÷ 100), rounded up to 0.001. */
export function componentQuantity(parentQty: Milli, componentQty: Milli, output: Milli, scrapPct: number): Milli {
  const scrap = BigInt(Math.round(scrapPct * 1000));
  const num = BigInt(parentQty) * BigInt(componentQty) * (100_000n + scrap);
  const den = BigInt(output) * 100_000n;
  const q = num / den;
  return Number(q * den === num ? q : q + 1n);
}

interface Structure {
  /** Plannable skus (an item, and a usable BOM or none), with the chain that first reached them. */
  plannable: Map<string, string[]>;
  unplanned: MrpUnplanned[];
  level: Map<string, number>;
}

/** Walks the BOMs down from the planned products: which skus can be planned, and their levels. */
function discover(roots: readonly string[], items: ReadonlyMap<string, InventoryItemDoc> | null, boms: ReadonlyMap<string, Bom>, broken: ReadonlyMap<string, string[]>): Structure {
  const plannable = new Map<string, string[]>();
  const unplanned = new Map<string, MrpUnplanned>();
  const queue: string[][] = roots.map((r) => [r]);
  const seen = new Set<string>(roots);
  const fail = (sku: string, code: MrpUnplanned['code'], message: string, chain: string[], files: string[]): void => {
    if (!unplanned.has(sku)) unplanned.set(sku, { sku, code, message, chain, files });
  };
  for (let at = 0; at < queue.length; at++) {
    const chain = queue[at]!;
    const sku = chain[chain.length - 1]!;
    const brokenFiles = broken.get(sku);
    if (brokenFiles) {
      fail(sku, 'mrp/bom-invalid', `the approved BOM of ${sku} (${brokenFiles.join(', ')}) has errors and is left out; ${sku} is not planned (neither made nor bought) until it is fixed`, chain, brokenFiles);
      continue;
    }
    if (!items) {
      fail(sku, 'mrp/no-snapshot', `no stock snapshot of the production warehouse on or before the as-of date; ${sku} cannot be netted`, chain, []);
      continue;
    }
    const item = items.get(sku);
    if (!item) {
      fail(sku, 'mrp/no-item', `${sku} has no item in the production warehouse's snapshot, so it has no stock, lead time or lot sizes; add it to the snapshot (needed by ${chain.join(' -> ')})`, chain, []);
      continue;
    }
    const bom = boms.get(sku);
    if (bom) {
      const wrong = [bom.unit !== item.unit ? `${sku} is counted in ${bom.unit} in the BOM but in ${item.unit} in the inventory` : '', ...bom.components.map((c) => {
        const ci = items.get(c.sku);
        return ci && ci.unit !== c.unit ? `component ${c.sku} is in ${c.unit} in the BOM but in ${ci.unit} in the inventory` : '';
      })].filter((s) => s !== '');
      if (wrong.length > 0) {
        fail(sku, 'mrp/unit-mismatch', `${wrong.join('; ')}: fix the unit in ${bom.file}; ${sku} is not planned until then`, chain, [bom.file]);
        continue;
      }
      for (const c of bom.components) {
        if (seen.has(c.sku)) continue;
        seen.add(c.sku);
        queue.push([...chain, c.sku]);
      }
    }
    plannable.set(sku, chain);
  }
  return { plannable, unplanned: [...unplanned.values()], level: levels(plannable, boms) };
}

/** Low-level codes: each sku's deepest position under a planned product (Kahn's order over the BOM graph). */
function levels(plannable: ReadonlyMap<string, string[]>, boms: ReadonlyMap<string, Bom>): Map<string, number> {
  const children = (sku: string): string[] => (boms.get(sku)?.components ?? []).map((c) => c.sku).filter((c) => plannable.has(c));
  const indegree = new Map<string, number>([...plannable.keys()].map((s) => [s, 0]));
  for (const s of plannable.keys()) for (const c of children(s)) indegree.set(c, indegree.get(c)! + 1);
  const level = new Map<string, number>([...plannable.keys()].map((s) => [s, 0]));
  const ready = [...plannable.keys()].filter((s) => indegree.get(s) === 0);
  for (let at = 0; at < ready.length; at++) {
    const s = ready[at]!;
    for (const c of children(s)) {
      level.set(c, Math.max(level.get(c)!, level.get(s)! + 1));
      indegree.set(c, indegree.get(c)! - 1);
      if (indegree.get(c) === 0) ready.push(c);
    }
  }
  return level;
}

/** Open purchase-order quantities per sku, dated at their due date (as-of when late), up to the horizon end. */
function scheduledReceipts(ws: Workspace, asOf: string, end: string): Map<string, MrpScheduledReceipt[]> {
  const out = new Map<string, MrpScheduledReceipt[]>();
  for (const po of ws.purchaseOrders) {
    if (po.status !== 'open' || po.orderedOn > asOf) continue;
    for (const l of allotReceipts(po, asOf).lines) {
      if (l.open <= 0) continue;
      const late = l.line.due < asOf;
      const date = late ? asOf : l.line.due;
      if (date > end) continue;
      const r: MrpScheduledReceipt = { sku: l.line.sku, purchaseOrder: po.id, file: po.file, lineIndex: l.line.index, supplier: po.supplier, due: l.line.due, date, qty: l.open, late, daysLate: late ? daysBetween(l.line.due, asOf) : 0 };
      out.set(r.sku, [...(out.get(r.sku) ?? []), r]);
    }
  }
  for (const list of out.values()) list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.purchaseOrder < b.purchaseOrder ? -1 : a.purchaseOrder > b.purchaseOrder ? 1 : a.lineIndex - b.lineIndex));
  return out;
}

const milli = (v: number | undefined): Milli => (v === undefined ? 0 : toMilli(v));

/** Plans every sku the approved production plans need within the horizon. */
export function computeMrp(ws: Workspace, options: MrpOptions): MrpResult {
  const { asOf, horizonWeeks } = options;
  const horizonEnd = addDays(asOf, horizonWeeks * 7 - 1);
  const warehouse = ws.company ? productionWarehouseId(ws.company) : null;
  const snapshot = warehouse === null ? undefined : ws.inventories.filter((i) => i.doc.warehouse === warehouse && i.doc.asOf <= asOf).sort((a, b) => (a.doc.asOf < b.doc.asOf ? -1 : a.doc.asOf > b.doc.asOf ? 1 : a.file < b.file ? -1 : 1)).pop();
  const items = snapshot ? new Map(snapshot.doc.items.map((it) => [it.sku, it])) : null;
  const boms = new Map(ws.boms.filter((b) => b.status === 'approved').map((b) => [b.sku, b]));
  const broken = new Map<string, string[]>();
  for (const b of options.brokenBoms ?? []) broken.set(b.sku, [...(broken.get(b.sku) ?? []), b.file]);

  const demand = applicablePlanLines(ws.productionPlans, asOf, horizonEnd);
  const requirements = new Map<string, MrpRequirement[]>();
  const addRequirement = (r: MrpRequirement): void => {
    requirements.set(r.sku, [...(requirements.get(r.sku) ?? []), r]);
  };
  for (const { plan, line } of demand) {
    const source: RequirementSource = { type: 'plan', file: plan.file, index: line.index, department: plan.department, period: plan.period, ref: line.ref ?? null };
    addRequirement({ sku: line.sku, date: line.due, qty: line.quantity, source, chain: [line.sku], fromStock: 0, fromReceipts: 0, fromOrders: [] });
  }
  const roots = [...new Set(demand.map((d) => d.line.sku))].sort();
  const structure = discover(roots, items ?? null, boms, broken);
  const receipts = scheduledReceipts(ws, asOf, horizonEnd);
  const order = [...structure.plannable.keys()].sort((a, b) => structure.level.get(a)! - structure.level.get(b)! || (a < b ? -1 : a > b ? 1 : 0));

  const skus: MrpSku[] = [];
  const orders: MrpPlannedOrder[] = [];
  for (const sku of order) {
    const item = items!.get(sku)!;
    const planned = planSku(sku, item, structure, boms.get(sku) ?? null, requirements.get(sku) ?? [], receipts.get(sku) ?? [], options, horizonEnd);
    skus.push(planned.sku);
    orders.push(...planned.orders);
    for (const r of planned.exploded) if (structure.plannable.has(r.sku)) addRequirement(r);
  }
  const lateReceipts = skus.reduce((n, s) => n + s.receipts.filter((r) => r.late).length, 0);
  const suppliers = supplierTotals(orders);
  const buy = orders.filter((o) => o.type === 'buy');
  const knownBuyValue = buy.reduce((s, o) => s + (o.value ?? 0), 0);
  return {
    asOf,
    horizonWeeks,
    horizonEnd,
    warehouse,
    snapshot: snapshot ? { file: snapshot.file, asOf: snapshot.doc.asOf } : null,
    skus,
    orders,
    unplanned: structure.unplanned,
    suppliers,
    totals: {
      orders: orders.length,
      make: orders.length - buy.length,
      buy: buy.length,
      expedite: orders.filter((o) => o.expedite).length,
      lateReceipts,
      buyValue: buy.some((o) => o.value === null) ? null : knownBuyValue,
      knownBuyValue,
    },
  };
}

/** Nets one sku, names and dates its orders, and explodes make orders into component requirements. */
function planSku(sku: string, item: InventoryItemDoc, structure: Structure, bom: Bom | null, reqs: MrpRequirement[], recs: MrpScheduledReceipt[], options: MrpOptions, horizonEnd: string): { sku: MrpSku; orders: MrpPlannedOrder[]; exploded: MrpRequirement[] } {
  const { asOf } = options;
  // Stable order: by date, plan lines before parent orders, then by their own keys.
  const key = (r: MrpRequirement): string => (r.source.type === 'plan' ? `0|${r.source.file}|${String(r.source.index).padStart(6, '0')}` : `1|${r.source.orderId}`);
  reqs.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const onHand = milli(item.onHand);
  const reserved = milli(item.reserved);
  const safetyStock = milli(item.safetyStock);
  const moq = item.moq === undefined ? null : toMilli(item.moq);
  const packSize = item.packSize === undefined ? null : toMilli(item.packSize);
  const lead = item.leadTimeDays ?? 0;
  // Written in major units, schema-checked against the currency's digits: conversion is exact.
  const unitCost = item.unitCost === undefined ? null : toCents(item.unitCost, options.digits ?? 2);
  const net = netSku({ start: onHand - reserved, safetyStock, moq, packSize }, recs, reqs);
  const type = bom ? 'make' : 'buy';
  const perDay = new Map<string, number>();
  const planned: MrpPlannedOrder[] = net.orders.map((o) => {
    const n = (perDay.get(o.due) ?? 0) + 1;
    perDay.set(o.due, n);
    const plannedRelease = addDays(o.due, -lead);
    const expedite = plannedRelease < asOf;
    return {
      id: `PO-PLAN-${sku}-${compactDate(o.due)}-${n}`,
      sku,
      name: item.name,
      unit: item.unit,
      type,
      qty: o.qty,
      due: o.due,
      plannedRelease,
      release: expedite ? asOf : plannedRelease,
      expedite,
      daysLate: expedite ? daysBetween(plannedRelease, asOf) : 0,
      leadTimeDays: lead,
      supplier: type === 'buy' ? (item.supplier ?? null) : null,
      unitCost: type === 'buy' ? unitCost : null,
      value: type === 'buy' && unitCost !== null ? valueOf(o.qty, unitCost, options.rounding) : null,
      shortfall: o.shortfall,
      restoredSafetyStock: o.restoredSafetyStock,
      lotSurplus: o.lotSurplus,
      moqApplied: o.moqApplied,
      packApplied: o.packApplied,
      pegging: o.pegs.map((p) => ({ source: reqs[p.requirement]!.source, date: reqs[p.requirement]!.date, qty: p.qty })),
      bom: bom?.file ?? null,
    };
  });
  reqs.forEach((r, i) => {
    const c = net.coverage[i]!;
    r.fromStock = c.fromStock;
    r.fromReceipts = c.fromReceipts;
    r.fromOrders = [...c.fromOrders].map(([o, qty]) => ({ orderId: planned[o]!.id, qty }));
  });
  const exploded: MrpRequirement[] = [];
  if (bom) {
    const chain = structure.plannable.get(sku)!;
    for (const o of planned) {
      for (const c of bom.components) {
        exploded.push({ sku: c.sku, date: o.release, qty: componentQuantity(o.qty, c.qty, bom.output, c.scrapPct), source: { type: 'order', orderId: o.id, parentSku: sku }, chain: [...chain, c.sku], fromStock: 0, fromReceipts: 0, fromOrders: [] });
      }
    }
  }
  const firstReq = reqs[0]?.date ?? null;
  const below = net.events.some((e) => e.belowSafety) || (onHand - reserved < safetyStock);
  const result: MrpSku = {
    sku,
    name: item.name,
    unit: item.unit,
    type,
    level: structure.level.get(sku) ?? 0,
    onHand,
    reserved,
    startAvailable: onHand - reserved,
    safetyStock,
    leadTimeDays: lead,
    moq,
    packSize,
    supplier: item.supplier ?? null,
    requirements: reqs,
    receipts: recs,
    orders: planned.map((o) => o.id),
    weeks: weekBuckets(asOf, horizonEnd, onHand - reserved, reqs, recs, planned),
    endAvailable: net.end,
    belowSafetyUntil: below ? (firstReq ?? horizonEnd) : null,
  };
  return { sku: result, orders: planned, exploded };
}
