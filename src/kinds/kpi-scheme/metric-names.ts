// The names an indicator's `metric` may take: the metric catalogue's keys (its functions live
// in src/domain/kpi-metrics.ts, typed against this list so neither can drift) plus `manual`.

/** Every metric of the catalogue, in the order the README documents them. */
export const METRIC_NAMES = [
  'budget.revenue.variancePct',
  'budget.cost.variancePct',
  'budget.expense.variancePct',
  'plan.achievementPct',
  'plan.workItemsOnTimePct',
  'notices.answeredOnTimePct',
  'stock.stockouts',
  'stock.countAccuracyPct',
  'production.attainmentPct',
  'quality.firstPassYieldPct',
  'quality.incomingAcceptancePct',
  'equipment.availabilityPct',
  'equipment.pmCompliancePct',
  'safety.onTimeRectificationPct',
  'service.responseSlaPct',
  'service.satisfactionPct',
  'suppliers.averageScore',
] as const;

/** A catalogue metric. */
export type MetricName = (typeof METRIC_NAMES)[number];

/** The metric of an indicator whose value comes from the department's kpi-review. */
export const MANUAL = 'manual';
