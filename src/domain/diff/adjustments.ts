// Budget adjustments across two versions, matched by id: added, removed, status changes, and
// what each does to the revised budget (approved adjustments are applied, others are not).
import { sumCents } from '../../model/money.js';
import type { Adjustment, Workspace } from '../../model/workspace.js';
import { changedFields, fieldChange, indexBy, matchByKey, shownField } from './records.js';
import type { DiffItem, DiffSectionBuilder } from './types.js';

/**
 * What an adjustment adds to the revised budget of its workspace: its deltas when it is
 * approved and its department has a budget for the year (as in computeBudgetRows), else 0.
 */
export function appliedAmount(ws: Workspace, a: Adjustment | undefined): number {
  if (!a || a.status !== 'approved') return 0;
  if (!ws.budgets.some((b) => b.department === a.department && b.fiscalYear === a.fiscalYear)) return 0;
  return sumCents(a.changes.map((c) => c.delta));
}

/** The adjustments section. */
export const adjustmentsSection: DiffSectionBuilder = {
  id: 'adjustments',
  title: 'Budget adjustments',
  build: ({ base, head }) => {
    const m = matchByKey(indexBy(base.workspace.adjustments, (a) => a.id), indexBy(head.workspace.adjustments, (a) => a.id));
    const items: DiffItem[] = [];
    const effect = (b: Adjustment | undefined, h: Adjustment | undefined) => shownField('revisedEffect', 'money', appliedAmount(base.workspace, b), appliedAmount(head.workspace, h));
    const requested = (a: Adjustment | undefined): number | null => (a ? sumCents(a.changes.map((c) => c.delta)) : null);
    for (const { key: id, head: h } of m.added) {
      items.push({ kind: 'adjustment', change: 'added', key: { id }, fields: [shownField('status', 'text', null, h.status), shownField('requested', 'money', null, requested(h)), effect(undefined, h)], file: h.file, note: `${h.department} FY${h.fiscalYear}` });
    }
    for (const { key: id, base: b } of m.removed) {
      items.push({ kind: 'adjustment', change: 'removed', key: { id }, fields: [shownField('status', 'text', b.status, null), shownField('requested', 'money', requested(b), null), effect(b, undefined)], file: b.file, note: `${b.department} FY${b.fiscalYear}` });
    }
    for (const { key: id, base: b, head: h } of m.both) {
      const fields = changedFields(
        fieldChange('status', 'text', b.status, h.status),
        fieldChange('department', 'text', b.department, h.department),
        fieldChange('fiscalYear', 'text', `FY${b.fiscalYear}`, `FY${h.fiscalYear}`),
        fieldChange('requested', 'money', requested(b), requested(h)),
        fieldChange('changes', 'number', b.changes.length, h.changes.length),
        fieldChange('approvedBy', 'text', b.approvedBy, h.approvedBy),
        fieldChange('approvedOn', 'date', b.approvedOn, h.approvedOn),
        fieldChange('reason', 'text', b.reason, h.reason),
      );
      const e = effect(b, h);
      if (e.delta !== 0) fields.push(e);
      if (fields.length > 0) items.push({ kind: 'adjustment', change: 'changed', key: { id }, fields, file: h.file, note: b.status !== h.status ? `${b.status} → ${h.status}` : undefined });
    }
    return { items };
  },
};
