// Generic pieces of the diff: matching records by key across the versions, field changes with
// exact deltas, and a whole section for any kind whose records have an id. A kind registered
// later gets its section from `recordsSection` without code of its own.
import type { Workspace } from '../../model/workspace.js';
import type { DiffItem, DiffSectionBuilder, FieldChange, ValueType } from './types.js';

const NUMERIC: ReadonlySet<ValueType> = new Set(['money', 'quantity', 'number', 'percent']);

/** A field's change, or null when the value is the same on both sides. */
export function fieldChange(field: string, type: ValueType, before: string | number | null | undefined, after: string | number | null | undefined): FieldChange | null {
  const b = before ?? null;
  const a = after ?? null;
  if (a === b) return null;
  return shownField(field, type, b, a);
}

/** A field shown whatever its values (the totals of an added record, a Δ of zero). */
export function shownField(field: string, type: ValueType, before: string | number | null, after: string | number | null): FieldChange {
  const numeric = NUMERIC.has(type) && typeof before === 'number' && typeof after === 'number';
  const delta = numeric ? (after as number) - (before as number) : null;
  // Money and quantities are integers (cents, thousandths), so the delta is exact.
  const deltaPct = delta !== null && before !== 0 ? (delta / Math.abs(before as number)) * 100 : null;
  return { field, type, before, after, delta, deltaPct };
}

/** Keeps the non-null changes. */
export function changedFields(...changes: (FieldChange | null)[]): FieldChange[] {
  return changes.filter((c): c is FieldChange => c !== null);
}

/** Records of both versions matched by key, in key order. */
export interface Matched<T> {
  added: { key: string; head: T }[];
  removed: { key: string; base: T }[];
  both: { key: string; base: T; head: T }[];
}

/** Matches two keyed collections. */
export function matchByKey<T>(base: ReadonlyMap<string, T>, head: ReadonlyMap<string, T>): Matched<T> {
  const keys = [...new Set([...base.keys(), ...head.keys()])].sort();
  const out: Matched<T> = { added: [], removed: [], both: [] };
  for (const key of keys) {
    const b = base.get(key);
    const h = head.get(key);
    if (b !== undefined && h !== undefined) out.both.push({ key, base: b, head: h });
    else if (h !== undefined) out.added.push({ key, head: h });
    else if (b !== undefined) out.removed.push({ key, base: b });
  }
  return out;
}

/** Indexes a list by a key; the first record of a key wins (duplicates are validation errors). */
export function indexBy<T>(list: Iterable<T>, key: (t: T) => string): Map<string, T> {
  const m = new Map<string, T>();
  for (const t of list) {
    const k = key(t);
    if (!m.has(k)) m.set(k, t);
  }
  return m;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Flattens a record to dotted fields; lists become their JSON text, so any change shows. */
export function flattenRecord(value: unknown, prefix = '', out: Map<string, string | number> = new Map()): Map<string, string | number> {
  if (value === null || value === undefined) return out;
  if (typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) flattenRecord(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (typeof value === 'number' || typeof value === 'string') {
    out.set(prefix, value);
  } else {
    out.set(prefix, JSON.stringify(value));
  }
  return out;
}

function typeOf(v: string | number | null): ValueType {
  if (typeof v === 'number') return 'number';
  return typeof v === 'string' && DATE.test(v) ? 'date' : 'text';
}

/** Field-by-field changes of two flat records (fields in sorted order). */
export function diffFlat(base: ReadonlyMap<string, string | number>, head: ReadonlyMap<string, string | number>, skip: ReadonlySet<string> = new Set()): FieldChange[] {
  const fields = [...new Set([...base.keys(), ...head.keys()])].filter((f) => !skip.has(f)).sort();
  return changedFields(
    ...fields.map((f) => {
      const b = base.get(f) ?? null;
      const a = head.get(f) ?? null;
      const type = typeOf(b ?? a);
      return fieldChange(f, type === 'number' && typeof (a ?? b) !== 'number' ? 'text' : type, b, a);
    }),
  );
}

/** One record of a kind, as `recordsSection` sees it. */
export interface KeyedRecord {
  /** The record's id within its kind (what identifies it across versions). */
  id: string;
  file: string;
  record: unknown;
}

/**
 * A whole section for a kind whose records have an id: records added, removed and changed,
 * each changed field before -> after. `kind`, `version` and the id's own field are skipped.
 */
export function recordsSection(options: { id: string; title: string; kind: string; idField: string; records: (ws: Workspace) => Iterable<KeyedRecord> }): DiffSectionBuilder {
  const skip = new Set(['kind', 'version', options.idField]);
  return {
    id: options.id,
    title: options.title,
    build: ({ base, head }) => {
      const m = matchByKey(indexBy(options.records(base.workspace), (r) => r.id), indexBy(options.records(head.workspace), (r) => r.id));
      const items: DiffItem[] = [];
      const key = (id: string): Record<string, string> => ({ [options.idField]: id });
      for (const { key: id, head: h } of m.added) items.push({ kind: options.kind, change: 'added', key: key(id), fields: [], file: h.file });
      for (const { key: id, base: b } of m.removed) items.push({ kind: options.kind, change: 'removed', key: key(id), fields: [], file: b.file });
      for (const { key: id, base: b, head: h } of m.both) {
        const fields = diffFlat(flattenRecord(b.record), flattenRecord(h.record), skip);
        if (fields.length > 0) items.push({ kind: options.kind, change: 'changed', key: key(id), fields, file: h.file });
      }
      return { items };
    },
  };
}
