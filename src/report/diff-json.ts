// `opsplan diff --format json`: version 1 of the shape documented in the README ("JSON output
// of diff"). Money in major units, quantities in units, as the other commands' JSON.
import { roundPct } from './json-rates.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { fromCents } from '../model/money.js';
import { fromMilli } from '../domain/quantity.js';
import type { GateResult } from '../domain/diff/gates.js';
import type { FieldChange, WorkspaceDiff } from '../domain/diff/types.js';
import { revisedDeltas } from './diff.js';

/** Version of the JSON shape; bumped on any breaking change. */
export const DIFF_JSON_VERSION = 1;

/** One side as the user named it, with the commit it resolved to (null for the working tree). */
export interface DiffSideInfo {
  ref: string | null;
  commit: string | null;
}

function jsonValue(v: string | number | null, type: FieldChange['type'], digits: number): string | number | null {
  if (typeof v !== 'number') return v;
  if (type === 'money') return fromCents(v, digits);
  if (type === 'quantity') return fromMilli(v);
  return v;
}

function jsonDiagnostic(d: Diagnostic): Record<string, unknown> {
  return { file: d.file, line: d.line, column: d.column, severity: d.severity, code: d.code, message: d.message, path: d.path };
}

/** The JSON document of a diff. */
export function diffJson(diff: WorkspaceDiff, info: { toolVersion: string; workspace: string; base: DiffSideInfo; head: DiffSideInfo }, gates: readonly GateResult[]): string {
  const errors = (l: readonly Diagnostic[]): number => l.filter((d) => d.severity === 'error').length;
  const body = {
    version: DIFF_JSON_VERSION,
    kind: 'diff',
    tool: { name: 'opsplan', version: info.toolVersion },
    workspace: info.workspace,
    base: info.base,
    head: info.head,
    asOf: diff.asOf,
    currency: diff.currency,
    summary: {
      newErrors: errors(diff.findings.introduced),
      newWarnings: diff.findings.introduced.length - errors(diff.findings.introduced),
      existingErrors: errors(diff.findings.existing),
      existingWarnings: diff.findings.existing.length - errors(diff.findings.existing),
      resolved: diff.findings.resolved.length,
      revised: revisedDeltas(diff).map((d) => ({ fiscalYear: d.fiscalYear, category: d.category, delta: fromCents(d.delta, diff.digits) })),
      sections: Object.fromEntries(diff.sections.map((s) => [s.id, { added: s.items.filter((i) => i.change === 'added').length, removed: s.items.filter((i) => i.change === 'removed').length, changed: s.items.filter((i) => i.change === 'changed').length }])),
    },
    gates: gates.map((g) => ({ gate: g.gate, reached: g.reached, reasons: g.reasons })),
    sections: diff.sections.map((s) => ({
      id: s.id,
      title: s.title,
      items: s.items.map((i) => ({
        kind: i.kind,
        change: i.change,
        key: i.key,
        file: i.file,
        note: i.note ?? null,
        fields: i.fields.map((f) => ({ field: f.field, type: f.type, before: jsonValue(f.before, f.type, diff.digits), after: jsonValue(f.after, f.type, diff.digits), delta: jsonValue(f.delta, f.type, diff.digits), deltaPct: f.deltaPct === null ? null : roundPct(f.deltaPct) })),
      })),
    })),
    findings: { introduced: diff.findings.introduced.map(jsonDiagnostic), existing: diff.findings.existing.map(jsonDiagnostic), resolved: diff.findings.resolved.map(jsonDiagnostic) },
  };
  return JSON.stringify(body, null, 2) + '\n';
}
