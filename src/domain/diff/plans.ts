// Plans across two versions, matched by department x period: targets added, removed or
// changed (value and direction), work items whose dates moved, risks added, removed or
// rescored (score = likelihood x impact, high 3, medium 2, low 1, as in consolidate).
import type { Level3, PlanDoc } from '../../model/documents.js';
import type { Loaded } from '../../model/workspace.js';
import { daysBetween } from '../../model/date.js';
import { changedFields, fieldChange, indexBy, matchByKey, shownField } from './records.js';
import type { DiffItem, DiffSectionBuilder, FieldChange } from './types.js';

type Plan = Loaded<PlanDoc>;
type Target = PlanDoc['targets'][number];
type WorkItem = PlanDoc['workItems'][number];
type Risk = NonNullable<PlanDoc['risks']>[number];

const LEVEL: Record<Level3, number> = { low: 1, medium: 2, high: 3 };
const score = (r: Risk | undefined): number | null => (r ? LEVEL[r.likelihood] * LEVEL[r.impact] : null);

/** Items for the records of one list inside a plan (targets, work items, risks). */
function listItems<T extends { id: string }>(kind: string, idField: string, key: Record<string, string>, base: readonly T[], head: readonly T[], file: { base: string; head: string }, fields: (b: T | undefined, h: T | undefined) => FieldChange[], note?: (b: T, h: T) => string | undefined): DiffItem[] {
  const m = matchByKey(indexBy(base, (t) => t.id), indexBy(head, (t) => t.id));
  const items: DiffItem[] = [];
  for (const { key: id, head: h } of m.added) items.push({ kind, change: 'added', key: { ...key, [idField]: id }, fields: fields(undefined, h), file: file.head });
  for (const { key: id, base: b } of m.removed) items.push({ kind, change: 'removed', key: { ...key, [idField]: id }, fields: fields(b, undefined), file: file.base });
  for (const { key: id, base: b, head: h } of m.both) {
    const f = fields(b, h);
    if (f.length > 0) items.push({ kind, change: 'changed', key: { ...key, [idField]: id }, fields: f, file: file.head, note: note?.(b, h) });
  }
  return items;
}

const targetFields = (b: Target | undefined, h: Target | undefined): FieldChange[] =>
  changedFields(fieldChange('target', 'number', b?.target, h?.target), fieldChange('baseline', 'number', b?.baseline, h?.baseline), fieldChange('metric', 'text', b?.metric, h?.metric), fieldChange('unit', 'text', b?.unit, h?.unit));

/** "raised" or "lowered": the direction the target value moved. */
const targetNote = (b: Target, h: Target): string | undefined => (h.target > b.target ? 'raised' : h.target < b.target ? 'lowered' : undefined);

const workItemFields = (b: WorkItem | undefined, h: WorkItem | undefined): FieldChange[] =>
  changedFields(fieldChange('start', 'date', b?.start, h?.start), fieldChange('due', 'date', b?.due, h?.due), fieldChange('title', 'text', b?.title, h?.title), fieldChange('owner', 'text', b?.owner, h?.owner), fieldChange('targets', 'text', b?.targets?.join(', '), h?.targets?.join(', ')));

/** "due moved 14 days later", from the dates. */
function workItemNote(b: WorkItem, h: WorkItem): string | undefined {
  const moved = (what: string, from: string, to: string): string | null => {
    const d = daysBetween(from, to);
    return d === 0 ? null : `${what} moved ${Math.abs(d)} day${Math.abs(d) === 1 ? '' : 's'} ${d > 0 ? 'later' : 'earlier'}`;
  };
  const notes = [moved('start', b.start, h.start), moved('due', b.due, h.due)].filter((n): n is string => n !== null);
  return notes.length > 0 ? notes.join(', ') : undefined;
}

const riskFields = (b: Risk | undefined, h: Risk | undefined): FieldChange[] =>
  changedFields(fieldChange('score', 'number', score(b), score(h)), fieldChange('likelihood', 'text', b?.likelihood, h?.likelihood), fieldChange('impact', 'text', b?.impact, h?.impact), fieldChange('description', 'text', b?.description, h?.description), fieldChange('owner', 'text', b?.owner, h?.owner));

const riskNote = (b: Risk, h: Risk): string | undefined => (score(b) !== score(h) ? 'rescored' : undefined);

function planItems(base: Plan | undefined, head: Plan | undefined): DiffItem[] {
  const some = (head ?? base)!;
  const key = { period: some.doc.period, department: some.doc.department };
  if (!base || !head) {
    const p = (head ?? base)!.doc;
    return [{ kind: 'plan', change: base ? 'removed' : 'added', key, fields: [shownField('status', 'text', base?.doc.status ?? null, head?.doc.status ?? null), shownField('targets', 'number', base ? p.targets.length : null, head ? p.targets.length : null)], file: some.file }];
  }
  const files = { base: base.file, head: head.file };
  const items: DiffItem[] = [];
  const own = changedFields(fieldChange('status', 'text', base.doc.status, head.doc.status), fieldChange('headcount', 'number', base.doc.resources.headcount, head.doc.resources.headcount), fieldChange('budgetRequest', 'number', base.doc.resources.budgetRequest, head.doc.resources.budgetRequest));
  if (own.length > 0) items.push({ kind: 'plan', change: 'changed', key, fields: own, file: head.file });
  items.push(...listItems('target', 'target', key, base.doc.targets, head.doc.targets, files, targetFields, targetNote));
  items.push(...listItems('work-item', 'workItem', key, base.doc.workItems, head.doc.workItems, files, workItemFields, workItemNote));
  items.push(...listItems('risk', 'risk', key, base.doc.risks ?? [], head.doc.risks ?? [], files, riskFields, riskNote));
  return items;
}

/** The plans section. */
export const plansSection: DiffSectionBuilder = {
  id: 'plans',
  title: 'Plans',
  build: ({ base, head }) => {
    const key = (p: Plan): string => `${p.doc.period}\u0000${p.doc.department}`;
    const b = indexBy(base.workspace.plans, key);
    const h = indexBy(head.workspace.plans, key);
    const items = [...new Set([...b.keys(), ...h.keys()])].sort().flatMap((k) => planItems(b.get(k), h.get(k)));
    return { items };
  },
};
