// Stock position, alerts, cover, reorder suggestions, transfers, procurement plan, health and
// ABC classes, computed from the latest inventory snapshot of each warehouse. Pure: the as-of
// date is a parameter. Quantities are exact integer thousandths (see quantity.ts); values are
// integer cents, each quantity x unit cost rounded once, half-up. The rules are documented in
// README.md, "opsplan stock".
import { dayNumber, dayString, daysBetween } from '../model/date.js';
import { toCents } from '../model/money.js';
import type { Cents, Rounding } from '../model/money.js';
import type { InventoryItemDoc } from '../model/documents.js';
import type { Company, StockThresholds, Workspace } from '../model/workspace.js';
import type { MrpResult } from './mrp/types.js';
import { ceilToUnit, compareValueTo, formatMilli, fromMilli, roundUpToMultiple, toMilli, valueOf } from './quantity.js';
import type { Milli } from './quantity.js';

/** How serious a finding is; `--fail-on` compares against it. */
export type Severity = 'critical' | 'warn' | 'info';

/** Item alert codes. */
export type AlertCode = 'stockout' | 'below-safety' | 'reorder' | 'overstock' | 'count-discrepancy' | 'slow-moving' | 'order-overdue';

/** One alert on an item: which quantity was compared with which threshold. */
export interface StockAlert {
  code: AlertCode;
  severity: Severity;
  /** Name of the figure compared: onHand, projected, counted, lastMovement, orderBy. */
  compared: string;
  /** Its value (units, or a date). */
  actual: number | string;
  /** Name of the threshold: zero, safetyStock, reorderPoint, maxStock, countTolerance, slowMovingDays, asOf. */
  threshold: string;
  /** The threshold's value (units, percent, days or a date). */
  limit: number | string;
  message: string;
}

/** A non-blocking remark on an item's parameters. */
export interface StockHint {
  code: 'reorder-point-drift';
  severity: 'info';
  message: string;
}

/** Result of comparing a stock count with the book quantity. */
export interface CountCheck {
  counted: Milli;
  /** counted - onHand. */
  difference: Milli;
  /** difference / onHand x 100; null when the book quantity is 0. */
  differencePct: number | null;
  /** difference x unitCost, half-up to cents. */
  differenceValue: Cents;
  /** True when outside tolerance (or when the book quantity is 0). */
  flagged: boolean;
}

/** Days of cover and the dates that follow from it. */
export interface Cover {
  /** onHand / avgDailyUsage; null when usage is 0. */
  days: number | null;
  /** snapshot asOf + floor(days). */
  stockoutDate: string | null;
  /** stockoutDate - leadTimeDays. */
  orderBy: string | null;
  /** orderBy is before the report's as-of date. */
  overdue: boolean;
}

/** What happens about replenishing an item. */
export type SuggestionStatus = 'order' | 'covered-by-open-orders' | 'covered-by-transfer' | 'planned-by-mrp';

/** A replenishment suggestion for one item. */
export interface ReorderSuggestion {
  status: SuggestionStatus;
  /** Order-up-to level: maxStock, or reorderPoint + avgDailyUsage x leadTimeDays. */
  target: Milli;
  /** target - projected (before transfers). */
  need: Milli;
  /** Quantity coming from other warehouses' excess. */
  transferIn: Milli;
  /** need - transferIn. */
  buyNeed: Milli;
  /** Quantity to buy after moq and pack rounding; 0 when nothing is bought. */
  quantity: Milli;
  /** The moq raised the quantity. */
  moqApplied: boolean;
  /** Pack rounding raised the quantity. */
  packApplied: boolean;
  /** projected + transferIn + quantity > maxStock. */
  exceedsMax: boolean;
  value: Cents;
}

/** Under, over or healthy, for the health summary. */
export type HealthStatus = 'healthy' | 'under' | 'over';

/** ABC class by annual usage value. */
export type AbcClass = 'A' | 'B' | 'C';

/** One item of one warehouse's snapshot with everything computed. */
export interface StockItem {
  warehouse: string;
  file: string;
  sku: string;
  name: string;
  unit: string;
  supplier: string | null;
  onHand: Milli;
  onOrder: Milli;
  reserved: Milli;
  safetyStock: Milli;
  maxStock: Milli | null;
  avgDailyUsage: Milli;
  leadTimeDays: number;
  moq: Milli | null;
  packSize: Milli | null;
  unitCost: Cents;
  lastMovement: string | null;
  /** onHand + onOrder - reserved. */
  projected: Milli;
  /** Declared, else computed; null when neither is possible. */
  reorderPoint: Milli | null;
  reorderPointSource: 'declared' | 'computed' | null;
  /** ceil(avgDailyUsage x leadTimeDays + safetyStock); null without usage or lead time. */
  computedReorderPoint: Milli | null;
  /** (declared - computed) / computed x 100, when both exist and computed > 0. */
  reorderPointDriftPct: number | null;
  /** onHand x unitCost. */
  value: Cents;
  count: CountCheck | null;
  cover: Cover;
  /** Days from lastMovement to the snapshot date. */
  daysSinceMovement: number | null;
  /** Quantity above maxStock (0 when not over). */
  excess: Milli;
  excessValue: Cents;
  alerts: StockAlert[];
  hints: StockHint[];
  suggestion: ReorderSuggestion | null;
  health: HealthStatus;
  /** avgDailyUsage x 365 x unitCost. */
  annualUsageValue: Cents;
  /** Class within its warehouse. */
  abc: AbcClass;
  /** MRP plans this sku in the production warehouse: no reorder-point suggestion, no transfers. */
  plannedByMrp: boolean;
}

/** A warehouse-level finding. */
export interface WarehouseFinding {
  code: 'stale-snapshot' | 'no-snapshot';
  severity: 'warn';
  message: string;
}

/** A warehouse and the snapshot used for it. */
export interface WarehouseStatus {
  id: string;
  name: string;
  snapshot: { file: string; asOf: string; countedOn: string | null; ageDays: number } | null;
  findings: WarehouseFinding[];
}

/** Stock moved from one warehouse's excess to another's shortage before buying. */
export interface TransferSuggestion {
  sku: string;
  name: string;
  unit: string;
  from: string;
  to: string;
  quantity: Milli;
  value: Cents;
}

/** One line of the procurement plan: one per warehouse and sku, from the reorder point or from MRP. */
export interface ProcurementLine {
  warehouse: string;
  sku: string;
  name: string;
  unit: string;
  source: 'reorder-point' | 'mrp';
  quantity: Milli;
  /** null only for an MRP line whose item has no unit cost (missing, never zero). */
  value: Cents | null;
  /** Reorder point: the cover's order-by date; MRP: the earliest release of its planned orders. */
  orderBy: string | null;
  /** Reorder point only (MRP lines: false). */
  exceedsMax: boolean;
  /** The MRP planned buy orders summed in this line (empty for reorder-point lines). */
  orders: string[];
}

/** Suggestions of one supplier. */
export interface ProcurementGroup {
  /** Supplier code, or "(none)". */
  supplier: string;
  lines: ProcurementLine[];
  /** Σ line values; null when a line's value is missing. */
  totalValue: Cents | null;
  /** Σ of the line values that are known. */
  knownValue: Cents;
  earliestOrderBy: string | null;
}

/** Company totals of one SKU across warehouses. */
export interface SkuTotal {
  sku: string;
  name: string;
  unit: string;
  warehouses: string[];
  onHand: Milli;
  onOrder: Milli;
  reserved: Milli;
  projected: Milli;
  value: Cents;
  annualUsageValue: Cents;
  /** Class across the company. */
  abc: AbcClass;
}

/** Items and value by health status, and items by ABC class. */
export interface HealthSummary {
  /** A warehouse id, or "company". */
  scope: string;
  items: Record<HealthStatus, number> & { total: number };
  value: Record<HealthStatus, Cents> & { total: Cents };
  abc: Record<AbcClass, number>;
}

/** Options of computeStock. */
export interface StockOptions {
  /** YYYY-MM-DD. */
  asOf: string;
  /** Restricts the listed items, suggestions, plan, transfers and warehouse health to one warehouse. */
  warehouse?: string;
  /**
   * Material planning over the same workspace and as-of date: the skus it plans in its
   * (production) warehouse leave reorder-point replenishment, and its buy orders join the
   * procurement plan.
   */
  mrp?: MrpResult;
}

/** The whole stock result, rendered by every output format. */
export interface StockResult {
  asOf: string;
  currency: string;
  digits: number;
  warehouseFilter: string | null;
  thresholds: StockThresholds;
  warehouses: WarehouseStatus[];
  items: StockItem[];
  transfers: TransferSuggestion[];
  procurementPlan: ProcurementGroup[];
  skuTotals: SkuTotal[];
  health: { warehouses: HealthSummary[]; company: HealthSummary };
  /** Findings by severity over the listed items (alerts, hints) and warehouses. */
  counts: Record<Severity, number>;
}

// ---- per item

const q = (v: number | undefined): Milli => (v === undefined ? 0 : toMilli(v));
const qn = (v: number | undefined): Milli | null => (v === undefined ? null : toMilli(v));
const fmt = formatMilli;

/** Compares |difference| x 100 with pct x book exactly (pct taken to 6 decimals): -1, 0, 1. */
function comparePct(difference: Milli, book: Milli, pct: number): -1 | 0 | 1 {
  const lhs = BigInt(Math.abs(difference)) * 100n * 1_000_000n;
  const rhs = BigInt(Math.round(pct * 1_000_000)) * BigInt(book);
  return lhs < rhs ? -1 : lhs > rhs ? 1 : 0;
}

/** Checks a count against the tolerances: outside means at or beyond a tolerance (>=). */
export function checkCount(onHand: Milli, counted: Milli, unitCost: Cents, t: Pick<StockThresholds, 'countTolerancePct' | 'countToleranceValue'>, rounding: Rounding = 'half-up'): CountCheck {
  const difference = counted - onHand;
  const differencePct = onHand === 0 ? null : (difference / onHand) * 100;
  const flagged =
    difference !== 0 &&
    (onHand === 0 || comparePct(difference, onHand, t.countTolerancePct) >= 0 || compareValueTo(difference, unitCost, t.countToleranceValue) >= 0);
  return { counted, difference, differencePct, differenceValue: valueOf(difference, unitCost, rounding), flagged };
}

/** Computes cover from on-hand stock, daily usage and lead time, anchored on the snapshot date. */
export function computeCover(onHand: Milli, usage: Milli, leadTimeDays: number, snapshotAsOf: string, reportAsOf: string): Cover {
  if (usage <= 0) return { days: null, stockoutDate: null, orderBy: null, overdue: false };
  const whole = Math.floor(Math.max(onHand, 0) / usage);
  const stockout = dayNumber(snapshotAsOf) + whole;
  const stockoutDate = dayString(stockout);
  const orderBy = dayString(stockout - leadTimeDays);
  return { days: onHand / usage, stockoutDate, orderBy, overdue: orderBy < reportAsOf };
}

/** Computes the buy quantity for a need: max(need, moq), rounded up to whole packs. */
export function orderQuantity(need: Milli, moq: Milli | null, packSize: Milli | null): { quantity: Milli; moqApplied: boolean; packApplied: boolean } {
  if (need <= 0) return { quantity: 0, moqApplied: false, packApplied: false };
  const moqApplied = moq !== null && moq > need;
  const raised = moqApplied ? moq : need;
  const quantity = packSize !== null ? roundUpToMultiple(raised, packSize) : raised;
  return { quantity, moqApplied, packApplied: quantity !== raised };
}

interface ItemContext {
  warehouse: string;
  file: string;
  snapshotAsOf: string;
  reportAsOf: string;
  thresholds: StockThresholds;
  digits: number;
  rounding: Rounding;
  /** The skus MRP plans when this is its (production) warehouse, else none. */
  mrpSkus: ReadonlySet<string> | null;
}

/** Under when an alert says short (stockout, below safety, reorder), else over when one says too much (overstock, slow-moving). */
function healthOf(alerts: readonly StockAlert[]): HealthStatus {
  let over = false;
  for (const a of alerts) {
    if (a.code === 'stockout' || a.code === 'below-safety' || a.code === 'reorder') return 'under';
    if (a.code === 'overstock' || a.code === 'slow-moving') over = true;
  }
  return over ? 'over' : 'healthy';
}

/** Everything about one item except transfers, suggestion quantities and ABC (which need the other items). */
function assessItem(doc: InventoryItemDoc, c: ItemContext): StockItem {
  const onHand = toMilli(doc.onHand);
  const onOrder = q(doc.onOrder);
  const reserved = q(doc.reserved);
  const safetyStock = q(doc.safetyStock);
  const maxStock = qn(doc.maxStock);
  const usage = q(doc.avgDailyUsage);
  const lead = doc.leadTimeDays ?? 0;
  const unitCost = doc.unitCost === undefined ? 0 : toCents(doc.unitCost, c.digits);
  const projected = onHand + onOrder - reserved;
  const computed = doc.avgDailyUsage !== undefined && doc.leadTimeDays !== undefined ? ceilToUnit(usage * doc.leadTimeDays + safetyStock) : null;
  const declared = qn(doc.reorderPoint);
  const reorderPoint = declared ?? computed;
  const alerts: StockAlert[] = [];
  const hints: StockHint[] = [];
  let driftPct: number | null = null;
  if (declared !== null && computed !== null && computed > 0) {
    driftPct = ((declared - computed) / computed) * 100;
    // |declared - computed| / computed > 20%, kept in integers: |d - c| x 5 > c.
    if (Math.abs(declared - computed) * 5 > computed) {
      hints.push({ code: 'reorder-point-drift', severity: 'info', message: `declared reorder point ${fmt(declared)} is ${driftPct.toFixed(1)}% away from the computed ${fmt(computed)} (usage ${fmt(usage)} x ${lead} days + safety ${fmt(safetyStock)}, rounded up)` });
    }
  }
  const u = doc.unit;
  if (onHand <= 0) alerts.push({ code: 'stockout', severity: 'critical', compared: 'onHand', actual: fromMilli(onHand), threshold: 'zero', limit: 0, message: `nothing on hand (onHand ${fmt(onHand)} ${u})` });
  if (onHand < safetyStock) alerts.push({ code: 'below-safety', severity: 'critical', compared: 'onHand', actual: fromMilli(onHand), threshold: 'safetyStock', limit: fromMilli(safetyStock), message: `onHand ${fmt(onHand)} is below safety stock ${fmt(safetyStock)} ${u}` });
  if (reorderPoint !== null && projected <= reorderPoint) alerts.push({ code: 'reorder', severity: 'warn', compared: 'projected', actual: fromMilli(projected), threshold: 'reorderPoint', limit: fromMilli(reorderPoint), message: `projected ${fmt(projected)} (onHand ${fmt(onHand)} + onOrder ${fmt(onOrder)} - reserved ${fmt(reserved)}) is at or below the ${declared !== null ? '' : 'computed '}reorder point ${fmt(reorderPoint)} ${u}` });
  const excess = maxStock !== null && onHand > maxStock ? onHand - maxStock : 0;
  const excessValue = valueOf(excess, unitCost, c.rounding);
  if (excess > 0) alerts.push({ code: 'overstock', severity: 'warn', compared: 'onHand', actual: fromMilli(onHand), threshold: 'maxStock', limit: fromMilli(maxStock!), message: `onHand ${fmt(onHand)} is above max ${fmt(maxStock!)} ${u}: ${fmt(excess)} ${u} in excess` });
  let count: CountCheck | null = null;
  if (doc.counted !== undefined) {
    count = checkCount(onHand, toMilli(doc.counted), unitCost, c.thresholds, c.rounding);
    if (count.flagged) {
      const pct = count.differencePct === null ? 'book quantity 0' : `${count.differencePct.toFixed(2)}%`;
      alerts.push({ code: 'count-discrepancy', severity: 'warn', compared: 'counted', actual: fromMilli(count.counted), threshold: 'countTolerance', limit: c.thresholds.countTolerancePct, message: `counted ${fmt(count.counted)} vs book ${fmt(onHand)} ${u}: difference ${fmt(count.difference)} (${pct}), tolerance ${c.thresholds.countTolerancePct}% or value ${c.thresholds.countToleranceValue / 10 ** c.digits}` });
    }
  }
  const daysSinceMovement = doc.lastMovement === undefined ? null : daysBetween(doc.lastMovement, c.snapshotAsOf);
  if (daysSinceMovement !== null && daysSinceMovement > c.thresholds.slowMovingDays && onHand > 0) {
    alerts.push({ code: 'slow-moving', severity: 'warn', compared: 'lastMovement', actual: doc.lastMovement!, threshold: 'slowMovingDays', limit: c.thresholds.slowMovingDays, message: `no movement for ${daysSinceMovement} days (since ${doc.lastMovement!}), more than ${c.thresholds.slowMovingDays}` });
  }
  const cover = computeCover(onHand, usage, lead, c.snapshotAsOf, c.reportAsOf);
  if (cover.overdue) alerts.push({ code: 'order-overdue', severity: 'warn', compared: 'orderBy', actual: cover.orderBy!, threshold: 'asOf', limit: c.reportAsOf, message: `order-by date ${cover.orderBy!} (stock-out ${cover.stockoutDate!} - ${lead} days lead time) is before ${c.reportAsOf}` });
  const health = healthOf(alerts);
  return {
    warehouse: c.warehouse,
    file: c.file,
    sku: doc.sku,
    name: doc.name,
    unit: doc.unit,
    supplier: doc.supplier ?? null,
    onHand,
    onOrder,
    reserved,
    safetyStock,
    maxStock,
    avgDailyUsage: usage,
    leadTimeDays: lead,
    moq: qn(doc.moq),
    packSize: qn(doc.packSize),
    unitCost,
    lastMovement: doc.lastMovement ?? null,
    projected,
    reorderPoint,
    reorderPointSource: declared !== null ? 'declared' : computed !== null ? 'computed' : null,
    computedReorderPoint: computed,
    reorderPointDriftPct: driftPct,
    value: valueOf(onHand, unitCost, c.rounding),
    count,
    cover,
    daysSinceMovement,
    excess,
    excessValue,
    alerts,
    hints,
    suggestion: null,
    health,
    annualUsageValue: valueOf(usage * 365, unitCost, c.rounding),
    abc: 'C',
    plannedByMrp: c.mrpSkus?.has(doc.sku) ?? false,
  };
}

/** Need of an item at or below its reorder point (before transfers), or null when it is not. */
function shortage(it: StockItem): { target: Milli; need: Milli } | null {
  if (it.plannedByMrp || it.reorderPoint === null || it.projected > it.reorderPoint) return null;
  const target = it.maxStock ?? it.reorderPoint + it.avgDailyUsage * it.leadTimeDays;
  return { target, need: target - it.projected };
}

/**
 * What a warehouse can give away without falling short itself: onHand above maxStock, or,
 * without a max, projected above reorderPoint + one lead time of usage; never more than the
 * free stock (onHand - reserved). Items at or below their own reorder point give nothing.
 */
export function transferableExcess(it: StockItem): Milli {
  // MRP has netted all of it against the production plans.
  if (it.plannedByMrp) return 0;
  if (it.reorderPoint !== null && it.projected <= it.reorderPoint) return 0;
  let excess: Milli;
  if (it.maxStock !== null) excess = it.onHand - it.maxStock;
  else if (it.reorderPoint !== null) excess = it.projected - (it.reorderPoint + it.avgDailyUsage * it.leadTimeDays);
  else return 0;
  return Math.max(0, Math.min(excess, it.onHand - it.reserved));
}

/**
 * ABC classes by annual usage value, in the order of `entries`: sorted descending, an entry is
 * A while the cumulative value before it is below 80% of the total, B below 95%, else C. Equal
 * values share the class of the first of them; zero-value entries are always C.
 *
 * A class therefore depends only on the value (the sum of the larger values decides it), and
 * a larger value never gets a lower class: the classes are two value thresholds, found on the
 * values sorted natively. At L (200,000 items and as many SKUs) this took 1.3 s of the main
 * thread with a comparator sort of the entries, a BigInt per entry and a Map, and ~0.1 s now.
 */
export function classifyAbc<T>(entries: readonly T[], value: (e: T) => Cents): AbcClass[] {
  const values = new Float64Array(entries.length);
  for (let i = 0; i < entries.length; i++) values[i] = value(entries[i]!);
  const ascending = values.slice().sort();
  // Summed largest first, as the cumulative shares are taken.
  let sum = 0;
  for (let i = ascending.length - 1; i >= 0; i--) sum += ascending[i]!;
  const total = BigInt(sum);
  // The smallest values still classed A and B (none: Infinity).
  let minA = Infinity;
  let minB = Infinity;
  let before = 0n;
  for (let i = ascending.length - 1; i >= 0 && total !== 0n; ) {
    const v = ascending[i]!;
    if (v <= 0) break;
    if (before * 100n < total * 80n) minA = v;
    else if (before * 100n < total * 95n) minB = v;
    else break;
    for (; i >= 0 && ascending[i] === v; i--) before += BigInt(v);
  }
  const classes = new Array<AbcClass>(values.length);
  for (let i = 0; i < values.length; i++) classes[i] = values[i]! >= minA ? 'A' : values[i]! >= minB ? 'B' : 'C';
  return classes;
}

function summarize(scope: string, items: readonly StockItem[], classes: readonly AbcClass[]): HealthSummary {
  const s: HealthSummary = {
    scope,
    items: { healthy: 0, under: 0, over: 0, total: 0 },
    value: { healthy: 0, under: 0, over: 0, total: 0 },
    abc: { A: 0, B: 0, C: 0 },
  };
  for (const it of items) {
    s.items[it.health] += 1;
    s.items.total += 1;
    s.value[it.health] += it.value;
    s.value.total += it.value;
  }
  for (const c of classes) s.abc[c] += 1;
  return s;
}

/** Picks, per company warehouse, the latest snapshot on or before `asOf`. */
function pickSnapshots(ws: Workspace, company: Company, asOf: string): WarehouseStatus[] {
  return company.warehouses.map((w) => {
    const candidates = ws.inventories.filter((i) => i.doc.warehouse === w.id && i.doc.asOf <= asOf).sort((a, b) => (a.doc.asOf < b.doc.asOf ? -1 : a.doc.asOf > b.doc.asOf ? 1 : a.file < b.file ? -1 : 1));
    const latest = candidates[candidates.length - 1];
    const findings: WarehouseFinding[] = [];
    if (!latest) {
      findings.push({ code: 'no-snapshot', severity: 'warn', message: `no inventory snapshot of ${w.id} on or before ${asOf}` });
      return { id: w.id, name: w.name, snapshot: null, findings };
    }
    const ageDays = daysBetween(latest.doc.asOf, asOf);
    if (ageDays > company.thresholds.stock.staleSnapshotDays) {
      findings.push({ code: 'stale-snapshot', severity: 'warn', message: `the latest snapshot of ${w.id} is from ${latest.doc.asOf}, ${ageDays} days before ${asOf} (more than ${company.thresholds.stock.staleSnapshotDays})` });
    }
    return { id: w.id, name: w.name, snapshot: { file: latest.file, asOf: latest.doc.asOf, countedOn: latest.doc.countedOn ?? null, ageDays }, findings };
  });
}

/** Groups the items by sku, in item order. */
function groupBySku(all: readonly StockItem[]): Map<string, StockItem[]> {
  const bySku = new Map<string, StockItem[]>();
  for (const it of all) {
    const list = bySku.get(it.sku);
    if (list) list.push(it);
    else bySku.set(it.sku, [it]);
  }
  return bySku;
}

/**
 * Transfers before buying: per SKU, shortages in company warehouse order take from the
 * largest excess first. Returns the transfers and what each item receives.
 */
function planTransfers(bySku: ReadonlyMap<string, StockItem[]>, rounding: Rounding): { transfers: TransferSuggestion[]; transferIn: Map<StockItem, Milli> } {
  const transfers: TransferSuggestion[] = [];
  const transferIn = new Map<StockItem, Milli>();
  for (const [, items] of bySku) {
    if (items.length < 2) continue;
    const sources = items.map((it) => ({ it, left: transferableExcess(it) })).filter((s) => s.left > 0);
    if (sources.length === 0) continue;
    for (const target of items) {
      const short = shortage(target);
      if (!short || short.need <= 0) continue;
      let need = short.need;
      sources.sort((a, b) => b.left - a.left);
      for (const s of sources) {
        if (need <= 0) break;
        if (s.left <= 0 || s.it === target) continue;
        const moved = Math.min(s.left, need);
        s.left -= moved;
        need -= moved;
        transferIn.set(target, (transferIn.get(target) ?? 0) + moved);
        transfers.push({ sku: target.sku, name: target.name, unit: target.unit, from: s.it.warehouse, to: target.warehouse, quantity: moved, value: valueOf(moved, s.it.unitCost, rounding) });
      }
    }
  }
  return { transfers, transferIn };
}

/** Sets each item's replenishment suggestion, after the transfers it receives. */
function suggestReplenishment(all: readonly StockItem[], transferIn: ReadonlyMap<StockItem, Milli>, rounding: Rounding): void {
  for (const it of all) {
    const short = shortage(it);
    if (it.plannedByMrp) {
      // What the reorder point would have asked, shown beside the status; MRP's orders are in the plan.
      const rp = shortage({ ...it, plannedByMrp: false });
      if (rp) it.suggestion = { status: 'planned-by-mrp', target: rp.target, need: rp.need, transferIn: 0, buyNeed: 0, quantity: 0, moqApplied: false, packApplied: false, exceedsMax: false, value: 0 };
    } else if (short) {
      const tin = transferIn.get(it) ?? 0;
      const buyNeed = short.need - tin;
      const status: SuggestionStatus = short.need <= 0 ? 'covered-by-open-orders' : buyNeed <= 0 ? 'covered-by-transfer' : 'order';
      const oq = status === 'order' ? orderQuantity(buyNeed, it.moq, it.packSize) : { quantity: 0, moqApplied: false, packApplied: false };
      it.suggestion = {
        status,
        target: short.target,
        need: short.need,
        transferIn: tin,
        buyNeed,
        ...oq,
        exceedsMax: it.maxStock !== null && it.projected + tin + oq.quantity > it.maxStock,
        value: valueOf(oq.quantity, it.unitCost, rounding),
      };
    } else if (it.reorderPoint !== null && it.onOrder > 0 && it.onHand - it.reserved <= it.reorderPoint) {
      // Without its open orders the item would be at or below the reorder point.
      it.suggestion = { status: 'covered-by-open-orders', target: it.maxStock ?? it.reorderPoint + it.avgDailyUsage * it.leadTimeDays, need: 0, transferIn: 0, buyNeed: 0, quantity: 0, moqApplied: false, packApplied: false, exceedsMax: false, value: 0 };
    }
  }
}

/** The company totals of one SKU (ABC still to be classed), summed in one pass over its items. */
function skuTotal(sku: string, items: readonly StockItem[]): SkuTotal {
  const first = items[0]!;
  const t: SkuTotal = { sku, name: first.name, unit: first.unit, warehouses: [], onHand: 0, onOrder: 0, reserved: 0, projected: 0, value: 0, annualUsageValue: 0, abc: 'C' };
  for (const it of items) {
    t.warehouses.push(it.warehouse);
    t.onHand += it.onHand;
    t.onOrder += it.onOrder;
    t.reserved += it.reserved;
    t.projected += it.projected;
    t.value += it.value;
    t.annualUsageValue += it.annualUsageValue;
  }
  return t;
}

/** ABC within each warehouse (set on the items), and per SKU across the company (the returned totals). */
function classifyStock(warehouses: readonly WarehouseStatus[], all: readonly StockItem[], bySku: ReadonlyMap<string, StockItem[]>): { byWarehouse: Map<string, StockItem[]>; skuTotals: SkuTotal[] } {
  const byWarehouse = new Map<string, StockItem[]>(warehouses.map((w) => [w.id, []]));
  for (const it of all) byWarehouse.get(it.warehouse)!.push(it);
  for (const w of warehouses) {
    const items = byWarehouse.get(w.id)!;
    const classes = classifyAbc(items, (it) => it.annualUsageValue);
    items.forEach((it, i) => (it.abc = classes[i]!));
  }
  const skuTotals: SkuTotal[] = [];
  for (const [sku, items] of bySku) skuTotals.push(skuTotal(sku, items));
  skuTotals.sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
  const skuClasses = classifyAbc(skuTotals, (t) => t.annualUsageValue);
  skuTotals.forEach((t, i) => (t.abc = skuClasses[i]!));
  return { byWarehouse, skuTotals };
}

/** Alerts, hints and warehouse findings by severity. */
function countSeverities(items: readonly StockItem[], warehouses: readonly WarehouseStatus[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { critical: 0, warn: 0, info: 0 };
  for (const it of items) {
    for (const a of it.alerts) counts[a.severity] += 1;
    for (const h of it.hints) counts[h.severity] += 1;
  }
  for (const w of warehouses) for (const f of w.findings) counts[f.severity] += 1;
  return counts;
}

/** Computes the stock result for a workspace that has a company file. */
export function computeStock(ws: Workspace, options: StockOptions): StockResult {
  const company = ws.company;
  if (!company) throw new Error('computeStock needs the company file');
  const { asOf } = options;
  const digits = company.currencyDigits;
  const thresholds = company.thresholds.stock;
  const warehouses = pickSnapshots(ws, company, asOf);
  const mrp = options.mrp;
  const all: StockItem[] = [];
  for (const w of warehouses) {
    if (!w.snapshot) continue;
    const doc = ws.inventories.find((i) => i.file === w.snapshot!.file)!.doc;
    const mrpSkus = w.id === mrp?.warehouse ? new Set(mrp.skus.map((s) => s.sku)) : null;
    const ctx: ItemContext = { warehouse: w.id, file: w.snapshot.file, snapshotAsOf: w.snapshot.asOf, reportAsOf: asOf, thresholds, digits, rounding: company.rounding, mrpSkus };
    for (const item of doc.items) all.push(assessItem(item, ctx));
  }

  const bySku = groupBySku(all);
  const { transfers, transferIn } = planTransfers(bySku, company.rounding);
  suggestReplenishment(all, transferIn, company.rounding);
  const { byWarehouse, skuTotals } = classifyStock(warehouses, all, bySku);

  // The view: one warehouse or all.
  const filter = options.warehouse ?? null;
  const shownWarehouses = filter === null ? warehouses : warehouses.filter((w) => w.id === filter);
  const items = filter === null ? all : all.filter((it) => it.warehouse === filter);
  const shownTransfers = filter === null ? transfers : transfers.filter((t) => t.from === filter || t.to === filter);

  return {
    asOf,
    currency: company.currency,
    digits,
    warehouseFilter: filter,
    thresholds,
    warehouses: shownWarehouses,
    items,
    transfers: shownTransfers,
    procurementPlan: buildProcurementPlan(items, mrp ?? null),
    skuTotals,
    health: {
      warehouses: shownWarehouses.map((w) => {
        const own = byWarehouse.get(w.id)!;
        return summarize(w.id, own, own.map((it) => it.abc));
      }),
      // Company ABC counts SKUs (classed on their company-wide usage value), not warehouse items.
      company: summarize('company', all, skuTotals.map((t) => t.abc)),
    },
    counts: countSeverities(items, shownWarehouses),
  };
}

/** The reorder-point lines of the listed items and MRP's buy orders (one line per sku) grouped by supplier. */
function buildProcurementPlan(items: readonly StockItem[], mrp: MrpResult | null): ProcurementGroup[] {
  // known: Σ of the values that exist (an MRP line sums several orders, some may lack a cost).
  const lines: { supplier: string; line: ProcurementLine; known: Cents }[] = [];
  const mrpItems = new Map(items.filter((it) => it.plannedByMrp).map((it) => [it.sku, it]));
  for (const it of items) {
    const s = it.suggestion;
    if (!s || s.status !== 'order' || s.quantity <= 0) continue;
    lines.push({ supplier: it.supplier ?? '(none)', line: { warehouse: it.warehouse, sku: it.sku, name: it.name, unit: it.unit, source: 'reorder-point', quantity: s.quantity, value: s.value, orderBy: it.cover.orderBy, exceedsMax: s.exceedsMax, orders: [] }, known: s.value });
  }
  const bySku = new Map<string, (typeof lines)[number]>();
  for (const o of mrp?.orders ?? []) {
    const it = mrpItems.get(o.sku);
    // Only the listed warehouse's items (a --warehouse filter may hide the production warehouse).
    if (o.type !== 'buy' || !it) continue;
    const entry = bySku.get(o.sku);
    if (!entry) {
      const line: ProcurementLine = { warehouse: it.warehouse, sku: o.sku, name: o.name, unit: o.unit, source: 'mrp', quantity: o.qty, value: o.value, orderBy: o.release, exceedsMax: false, orders: [o.id] };
      bySku.set(o.sku, { supplier: o.supplier ?? '(none)', line, known: o.value ?? 0 });
      lines.push(bySku.get(o.sku)!);
      continue;
    }
    const l = entry.line;
    entry.known += o.value ?? 0;
    l.quantity += o.qty;
    l.value = l.value === null || o.value === null ? null : l.value + o.value;
    if (o.release < l.orderBy!) l.orderBy = o.release;
    l.orders.push(o.id);
  }
  const groups = new Map<string, ProcurementGroup>();
  for (const { supplier, line, known } of lines) {
    const g = groups.get(supplier) ?? { supplier, lines: [], totalValue: 0, knownValue: 0, earliestOrderBy: null };
    g.lines.push(line);
    g.knownValue += known;
    g.totalValue = g.totalValue === null || line.value === null ? null : g.totalValue + line.value;
    if (line.orderBy !== null && (g.earliestOrderBy === null || line.orderBy < g.earliestOrderBy)) g.earliestOrderBy = line.orderBy;
    groups.set(supplier, g);
  }
  return [...groups.values()].sort((a, b) => (a.supplier === '(none)' ? 1 : b.supplier === '(none)' ? -1 : a.supplier < b.supplier ? -1 : 1));
}

/** Σ of the procurement plan's values; null when any is missing. */
export function procurementPlanValue(plan: readonly ProcurementGroup[]): Cents | null {
  return plan.reduce<Cents | null>((s, g) => (s === null || g.totalValue === null ? null : s + g.totalValue), 0);
}

/** Whether the result reaches a --fail-on level. */
export function reachesLevel(result: StockResult, level: 'warn' | 'critical'): boolean {
  return level === 'critical' ? result.counts.critical > 0 : result.counts.critical + result.counts.warn > 0;
}
