// The production-chapter results (quality, equipment, safety, suppliers) computed once from a
// workspace for a period and an as-of date: the commands, the monthly report and the KPI metric
// catalogue use the same calls, so the workbook and the scorecards show the figures the commands
// print. Pure (it lives in domain/ so kpi-metrics can call it).
import { computeEquipment } from './equipment.js';
import type { EquipmentResult } from './equipment.js';
import { missingIn, missingMonths } from './left-out.js';
import { computeQuality } from './quality.js';
import type { QualityResult } from './quality.js';
import { computeSafety } from './safety.js';
import type { SafetyResult } from './safety.js';
import { computeSuppliers, unitCostsAsOf } from './suppliers.js';
import type { SupplierQuality, SupplierResult } from './suppliers.js';
import type { RejectedFile } from '../kinds/kind.js';
import type { MonthId } from '../model/period.js';
import type { Company, Workspace } from '../model/workspace.js';

/** The period and date the chapter is computed for, and the files left out for errors. */
export interface ChapterInput {
  months: readonly MonthId[];
  asOf: string;
  leftOut: readonly RejectedFile[];
}

/** Quality figures of the period. */
export function qualityResult(ws: Workspace, input: ChapterInput): QualityResult {
  return computeQuality(ws.qualityLogs, { months: input.months, asOf: input.asOf, missing: missingMonths(input.leftOut, 'quality-log') });
}

/** Equipment figures of the period. */
export function equipmentResult(ws: Workspace, company: Company, input: ChapterInput): EquipmentResult {
  return computeEquipment(ws.equipmentLedgers, ws.maintenanceLogs, { months: input.months, asOf: input.asOf, toleranceDays: company.thresholds.maintenance.toleranceDays, missing: missingMonths(input.leftOut, 'maintenance-log') });
}

/** Safety figures of the period. */
export function safetyResult(ws: Workspace, input: ChapterInput): SafetyResult {
  return computeSafety(ws.safetyInspections, { months: input.months, asOf: input.asOf });
}

/** All four, with the quality figures computed once (the monthly report's sheets). */
export function chapterResults(ws: Workspace, company: Company, input: ChapterInput): { quality: QualityResult; equipment: EquipmentResult; safety: SafetyResult; suppliers: SupplierResult } {
  const quality = qualityResult(ws, input);
  return { quality, equipment: equipmentResult(ws, company, input), safety: safetyResult(ws, input), suppliers: supplierResult(ws, company, input, quality) };
}

/** Supplier evaluation of the period (incoming acceptance from the same quality figures). */
export function supplierResult(ws: Workspace, company: Company, input: ChapterInput, quality: QualityResult = qualityResult(ws, input)): SupplierResult {
  const bySupplier = new Map<string, SupplierQuality>();
  for (const row of quality.bySupplier) {
    const prev = bySupplier.get(row.supplier!) ?? { quantity: 0, accepted: 0 };
    bySupplier.set(row.supplier!, { quantity: prev.quantity + (row.quantity ?? 0), accepted: prev.accepted + (row.acceptedQuantity ?? 0) });
  }
  return computeSuppliers(ws.purchaseOrders, {
    months: input.months,
    asOf: input.asOf,
    thresholds: company.thresholds.suppliers,
    unitCosts: unitCostsAsOf(ws.inventories, input.asOf, company.currencyDigits),
    quality: bySupplier,
    qualityMissing: missingIn(quality.missing, input.months).size > 0,
  });
}
