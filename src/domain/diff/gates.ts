// The gates of `opsplan diff`. New errors (edited-after-approval included) always fail the run;
// `--fail-on` adds gates, and names the default ones for workflows that want them written out.
import type { WorkspaceDiff } from './types.js';

/** A gate that can fail the run. */
export type DiffGate = { kind: 'new-errors' } | { kind: 'edited-after-approval' } | { kind: 'budget-increase'; pct: number };

/** Parses `new-errors`, `edited-after-approval` or `budget-increase:PCT`; null when malformed. */
export function parseGate(text: string): DiffGate | null {
  if (text === 'new-errors' || text === 'edited-after-approval') return { kind: text };
  const m = /^budget-increase:(\d+(?:\.\d+)?)$/.exec(text);
  return m ? { kind: 'budget-increase', pct: Number(m[1]) } : null;
}

/** The written form of a gate. */
export function gateName(g: DiffGate): string {
  return g.kind === 'budget-increase' ? `budget-increase:${g.pct}` : g.kind;
}

/** A gate's outcome, with what reached it. */
export interface GateResult {
  gate: string;
  reached: boolean;
  /** What reached it, one line each. */
  reasons: string[];
}

/**
 * Evaluates a gate. `budget-increase:PCT` is reached when a department x category revised total
 * of a fiscal year rises by more than PCT % of its base total; a total that did not exist on
 * the base has no percentage and does not reach it (a new budget is reviewed as a submission).
 */
export function evaluateGate(diff: WorkspaceDiff, gate: DiffGate): GateResult {
  const errors = diff.findings.introduced.filter((d) => d.severity === 'error');
  const describe = (list: typeof errors): string[] => list.map((d) => `${d.file}${d.line > 0 ? `:${d.line}:${d.column}` : ''} ${d.code}`);
  switch (gate.kind) {
    case 'new-errors':
      return { gate: gateName(gate), reached: errors.length > 0, reasons: describe(errors) };
    case 'edited-after-approval': {
      const edited = errors.filter((d) => d.code === 'budget/edited-after-approval');
      return { gate: gateName(gate), reached: edited.length > 0, reasons: describe(edited) };
    }
    case 'budget-increase': {
      const reasons: string[] = [];
      for (const item of diff.sections.flatMap((s) => s.items)) {
        if (item.kind !== 'budget-total' || item.change !== 'changed') continue;
        const revised = item.fields.find((f) => f.field === 'revised');
        if (!revised || typeof revised.before !== 'number' || revised.delta === null || revised.before === 0) continue;
        // delta / |before| > pct / 100, compared without dividing cents.
        if (revised.delta * 100 > gate.pct * Math.abs(revised.before)) reasons.push(`${item.key.fiscalYear} ${item.key.department} ${item.key.category} revised +${(revised.deltaPct ?? 0).toFixed(1)}%`);
      }
      return { gate: gateName(gate), reached: reasons.length > 0, reasons };
    }
  }
}

/** Evaluates the default gate (new errors) plus every `--fail-on` gate, without repeats. */
export function evaluateGates(diff: WorkspaceDiff, failOn: readonly DiffGate[]): GateResult[] {
  const names = new Set<string>();
  const out: GateResult[] = [];
  for (const g of [{ kind: 'new-errors' } as DiffGate, ...failOn]) {
    if (names.has(gateName(g))) continue;
    names.add(gateName(g));
    out.push(evaluateGate(diff, g));
  }
  return out;
}
