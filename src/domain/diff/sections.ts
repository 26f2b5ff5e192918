// The sections of `opsplan diff`, in the order shown. A family of kinds adds its changes by
// adding one entry here: a DiffSectionBuilder of its own, or `recordsSection` for records
// matched by id (records added, removed, and changed field by field).
import { adjustmentsSection } from './adjustments.js';
import { budgetsSection } from './budgets.js';
import { inventorySection } from './inventory.js';
import { kpiReviewsSection, kpiSchemesSection } from './kpi.js';
import { plansSection } from './plans.js';
import { productionSections } from './production.js';
import { equipmentSection, maintenanceSection, qualitySection, safetySection } from './quality.js';
import { recordsSection } from './records.js';
import type { DiffSectionBuilder } from './types.js';

/** Every section, in display order. */
export const DIFF_SECTIONS: readonly DiffSectionBuilder[] = [
  budgetsSection,
  adjustmentsSection,
  plansSection,
  inventorySection,
  ...productionSections,
  recordsSection({ id: 'variance-responses', title: 'Variance responses', kind: 'variance-response', idField: 'notice', records: (ws) => ws.responses.map((r) => ({ id: r.doc.notice, file: r.file, record: r.doc })) }),
  kpiSchemesSection,
  kpiReviewsSection,
  qualitySection,
  equipmentSection,
  maintenanceSection,
  safetySection,
  // A case edited after the fact (a resolved time moved, a pause added) changes its SLA: each case is a record.
  recordsSection({ id: 'service-cases', title: 'Service cases', kind: 'service-log', idField: 'case', records: (ws) => ws.serviceLogs.flatMap((l) => l.cases.map((c) => ({ id: `${l.department}/${l.month}/${c.id}`, file: l.file, record: c }))) }),
  recordsSection({ id: 'account-plans', title: 'Key-account plans', kind: 'account-plan', idField: 'account', records: (ws) => ws.accountPlans.map((a) => ({ id: `${a.customer} FY${a.fiscalYear}`, file: a.file, record: { tier: a.tier, owner: a.owner, visits: a.visits } })) }),
];
