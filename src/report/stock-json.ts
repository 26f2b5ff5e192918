// The stock result as JSON (documented field by field in README.md, "opsplan stock"): quantities in units,
// money in major units, percentages (`...Pct`) rounded to 2 decimals or null.
import type { HealthSummary, StockResult } from '../domain/stock.js';
import { fromMilli } from '../domain/quantity.js';
import type { Milli } from '../domain/quantity.js';
import { fromCents } from '../model/money.js';
import type { Cents } from '../model/money.js';
import { roundPct, roundRates } from './json-rates.js';

/** Renders the stock result as a JSON document (with a trailing newline). */
export function renderStockJson(result: StockResult): string {
  return [...stockJsonChunks(result)].join('');
}

/** Stands in for the item list while the rest of the document is stringified. */
const ITEMS_SLOT = '\u0000items\u0000';

/**
 * The same text as renderStockJson, in pieces: the document around the item list, then one
 * item at a time. On 200,000 items the whole document as one string (and the object copy
 * behind it) needed about a gigabyte; written piece by piece it never exists at once.
 */
export function* stockJsonChunks(result: StockResult): Generator<string> {
  const m = (c: Cents): number => fromCents(c, result.digits);
  const mOrNull = (c: Cents | null): number | null => (c === null ? null : m(c));
  const qty = (v: Milli): number => fromMilli(v);
  const qtyOrNull = (v: Milli | null): number | null => (v === null ? null : fromMilli(v));
  const health = (h: HealthSummary): unknown => ({
    scope: h.scope,
    items: h.items,
    value: { healthy: m(h.value.healthy), under: m(h.value.under), over: m(h.value.over), total: m(h.value.total) },
    abc: h.abc,
  });
  const pct = (v: number | null): number | null => (v === null ? null : roundPct(v));
  const doc = roundRates({
    version: 1,
    kind: 'stock',
    currency: result.currency,
    asOf: result.asOf,
    warehouse: result.warehouseFilter,
    thresholds: { ...result.thresholds, countToleranceValue: m(result.thresholds.countToleranceValue) },
    counts: result.counts,
    warehouses: result.warehouses,
    items: ITEMS_SLOT as unknown,
  });
  const item = (it: StockResult['items'][number]): unknown => ({
      warehouse: it.warehouse,
      file: it.file,
      sku: it.sku,
      name: it.name,
      unit: it.unit,
      supplier: it.supplier,
      onHand: qty(it.onHand),
      onOrder: qty(it.onOrder),
      reserved: qty(it.reserved),
      projected: qty(it.projected),
      safetyStock: qty(it.safetyStock),
      reorderPoint: qtyOrNull(it.reorderPoint),
      reorderPointSource: it.reorderPointSource,
      computedReorderPoint: qtyOrNull(it.computedReorderPoint),
      reorderPointDriftPct: pct(it.reorderPointDriftPct),
      maxStock: qtyOrNull(it.maxStock),
      avgDailyUsage: qty(it.avgDailyUsage),
      leadTimeDays: it.leadTimeDays,
      moq: qtyOrNull(it.moq),
      packSize: qtyOrNull(it.packSize),
      unitCost: m(it.unitCost),
      value: m(it.value),
      excess: qty(it.excess),
      excessValue: m(it.excessValue),
      lastMovement: it.lastMovement,
      daysSinceMovement: it.daysSinceMovement,
      count:
        it.count === null
          ? null
          : { counted: qty(it.count.counted), difference: qty(it.count.difference), differencePct: pct(it.count.differencePct), differenceValue: m(it.count.differenceValue), flagged: it.count.flagged },
      cover: it.cover,
      health: it.health,
      annualUsageValue: m(it.annualUsageValue),
      abc: it.abc,
      plannedByMrp: it.plannedByMrp,
      alerts: it.alerts,
      hints: it.hints,
      suggestion:
        it.suggestion === null
          ? null
          : {
              status: it.suggestion.status,
              target: qty(it.suggestion.target),
              need: qty(it.suggestion.need),
              transferIn: qty(it.suggestion.transferIn),
              buyNeed: qty(it.suggestion.buyNeed),
              quantity: qty(it.suggestion.quantity),
              moqApplied: it.suggestion.moqApplied,
              packApplied: it.suggestion.packApplied,
              exceedsMax: it.suggestion.exceedsMax,
              value: m(it.suggestion.value),
            },
  });
  const rest = {
    transfers: result.transfers.map((t) => ({ ...t, quantity: qty(t.quantity), value: m(t.value) })),
    procurementPlan: result.procurementPlan.map((g) => ({
      supplier: g.supplier,
      lines: g.lines.map((l) => ({ ...l, quantity: qty(l.quantity), value: mOrNull(l.value) })),
      totalValue: mOrNull(g.totalValue),
      knownValue: m(g.knownValue),
      earliestOrderBy: g.earliestOrderBy,
    })),
    skuTotals: result.skuTotals.map((t) => ({
      ...t,
      onHand: qty(t.onHand),
      onOrder: qty(t.onOrder),
      reserved: qty(t.reserved),
      projected: qty(t.projected),
      value: m(t.value),
      annualUsageValue: m(t.annualUsageValue),
    })),
    health: { warehouses: result.health.warehouses.map(health), company: health(result.health.company) },
  };
  // JSON.stringify(doc, null, 2) with the items spliced in at their place and indentation.
  // The slot is found as the top-level key, on its own line at two spaces: no string value
  // can contain a line break inside JSON, so no user text can look like it.
  const whole = JSON.stringify({ ...doc, ...rest }, null, 2);
  const marker = `\n  "items": ${JSON.stringify(ITEMS_SLOT)}`;
  const at = whole.indexOf(marker);
  const head = whole.slice(0, at + marker.length - JSON.stringify(ITEMS_SLOT).length);
  const tail = whole.slice(at + marker.length);
  yield head;
  if (result.items.length === 0) yield '[]';
  else {
    yield '[\n';
    for (let i = 0; i < result.items.length; i++) {
      yield `    ${JSON.stringify(item(result.items[i]!), null, 2).replace(/\n/g, '\n    ')}${i < result.items.length - 1 ? ',\n' : '\n  ]'}`;
    }
  }
  yield `${tail}\n`;
}
