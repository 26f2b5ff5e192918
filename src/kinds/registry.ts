// The registry of file kinds: one line per kind, in the order their cross-file checks run
// (a kind's checks may read the collections of the kinds above it). Everything that lists
// kinds derives from this array.
import { accountPlanKind } from './account-plan/kind.js';
import { actualsKind } from './actuals/kind.js';
import { budgetAdjustmentKind } from './budget-adjustment/kind.js';
import { bomKind } from './bom/kind.js';
import { budgetKind } from './budget/kind.js';
import { companyPlanKind } from './company-plan/kind.js';
import { companyKind } from './company/kind.js';
import { inventoryKind } from './inventory/kind.js';
import { kpiReviewKind } from './kpi-review/kind.js';
import { kpiSchemeKind } from './kpi-scheme/kind.js';
import { planProgressKind } from './plan-progress/kind.js';
import { planKind } from './plan/kind.js';
import { productionPlanKind } from './production-plan/kind.js';
import { productionReportKind } from './production-report/kind.js';
import { purchaseOrderKind } from './purchase-order/kind.js';
import { equipmentKind } from './equipment/kind.js';
import { maintenanceLogKind } from './maintenance-log/kind.js';
import { qualityLogKind } from './quality-log/kind.js';
import { safetyInspectionKind } from './safety-inspection/kind.js';
import { serviceLogKind } from './service-log/kind.js';
import { varianceResponseKind } from './variance-response/kind.js';

/** Every file kind opsplan reads. */
export const KINDS = [
  companyKind,
  planKind,
  budgetKind,
  budgetAdjustmentKind,
  actualsKind,
  inventoryKind,
  planProgressKind,
  varianceResponseKind,
  serviceLogKind,
  accountPlanKind,
  companyPlanKind,
  bomKind,
  productionPlanKind,
  productionReportKind,
  purchaseOrderKind,
  kpiSchemeKind,
  kpiReviewKind,
  qualityLogKind,
  equipmentKind,
  maintenanceLogKind,
  safetyInspectionKind,
] as const;

/** One of the registered kind ids. */
export type KindId = (typeof KINDS)[number]['id'];

/** The workspace collections derived from the registry: collection name -> models. */
export type KindCollections = {
  [D in (typeof KINDS)[number] as D['collection'] & string]: ReturnType<D['normalize']>[];
};

/** The ids of every kind, in registry order. */
export const KIND_IDS: readonly KindId[] = KINDS.map((k) => k.id);

