// The time-phased view of one sku by ISO week, and buy orders totalled per supplier.
import { addDays, isoWeekOf, isoWeekStart } from '../../model/calendar.js';
import type { Milli } from '../quantity.js';
import type { MrpPlannedOrder, MrpRequirement, MrpScheduledReceipt, MrpSupplierTotal, MrpWeek } from './types.js';

/**
 * One bucket per ISO week from the week of as-of to the week of the horizon's end: gross
 * requirements, scheduled receipts, planned receipts (orders due) and planned releases, and
 * the projected available at the week's end after all of them.
 */
export function weekBuckets(asOf: string, end: string, start: Milli, reqs: readonly MrpRequirement[], recs: readonly MrpScheduledReceipt[], orders: readonly MrpPlannedOrder[]): MrpWeek[] {
  const weeks: MrpWeek[] = [];
  let projected = start;
  for (let monday = isoWeekStart(isoWeekOf(asOf))!; monday <= end; monday = addDays(monday, 7)) {
    const from = monday;
    const to = addDays(monday, 6);
    const inWeek = (d: string): boolean => d >= from && d <= to;
    const sum = <T>(list: readonly T[], date: (t: T) => string, qty: (t: T) => Milli): Milli => list.reduce((s, t) => (inWeek(date(t)) ? s + qty(t) : s), 0);
    const gross = sum(reqs, (r) => r.date, (r) => r.qty);
    const scheduledReceipts = sum(recs, (r) => r.date, (r) => r.qty);
    const plannedReceipts = sum(orders, (o) => o.due, (o) => o.qty);
    const plannedReleases = sum(orders, (o) => o.release, (o) => o.qty);
    projected += scheduledReceipts + plannedReceipts - gross;
    weeks.push({ week: isoWeekOf(from), from, to, gross, scheduledReceipts, plannedReceipts, plannedReleases, projected });
  }
  return weeks;
}

/** Buy orders per supplier (no supplier last), each with its value, or null when a unit cost is missing. */
export function supplierTotals(orders: readonly MrpPlannedOrder[]): MrpSupplierTotal[] {
  const by = new Map<string | null, MrpPlannedOrder[]>();
  for (const o of orders) if (o.type === 'buy') by.set(o.supplier, [...(by.get(o.supplier) ?? []), o]);
  return [...by.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0))
    .map(([supplier, list]) => {
      const knownValue = list.reduce((s, o) => s + (o.value ?? 0), 0);
      const missingCost = list.filter((o) => o.value === null).length;
      return { supplier, orders: list.length, value: missingCost > 0 ? null : knownValue, knownValue, missingCost, earliestRelease: list.map((o) => o.release).sort()[0]! };
    });
}
