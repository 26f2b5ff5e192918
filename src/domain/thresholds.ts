// Variance thresholds of one budget line. The company file gives defaults and a list of
// overrides; each override selects lines by category, department and/or account (all given
// selectors must match). Each of warnPct / criticalPct / minAmount is resolved on its own, so
// an account override that only sets minAmount keeps the percentages of its category.
import type { Category } from '../model/documents.js';
import type { Cents } from '../model/money.js';
import type { VarianceThresholds } from '../model/workspace.js';

/** The thresholds that apply to one line, with where each came from. */
export interface ResolvedThresholds {
  warnPct: number;
  criticalPct: number;
  /** Integer minor units. */
  minAmount: Cents;
}

/** The line a threshold is looked up for. */
export interface ThresholdSubject {
  department: string;
  account: string;
  category: Category;
}

type Override = VarianceThresholds['overrides'][number];

// Binary weights make any override naming the account beat any without it, then the
// department, then the category; an override naming two selectors beats one naming only the
// stronger of them.
function specificity(o: Override): number {
  return (o.account !== undefined ? 4 : 0) + (o.department !== undefined ? 2 : 0) + (o.category !== undefined ? 1 : 0);
}

function matches(o: Override, s: ThresholdSubject): boolean {
  if (o.account === undefined && o.department === undefined && o.category === undefined) return false;
  return (o.account === undefined || o.account === s.account) && (o.department === undefined || o.department === s.department) && (o.category === undefined || o.category === s.category);
}

/**
 * Resolves warnPct, criticalPct and minAmount for a line: for each field, the most specific
 * matching override that sets it (account > department > category; on a tie the override
 * listed first), else the company default.
 */
export function resolveThresholds(t: VarianceThresholds, s: ThresholdSubject): ResolvedThresholds {
  const candidates = t.overrides
    .map((o, i) => ({ o, i, w: specificity(o) }))
    .filter((c) => matches(c.o, s))
    .sort((a, b) => b.w - a.w || a.i - b.i);
  const pick = <K extends 'warnPct' | 'criticalPct' | 'minAmount'>(key: K, fallback: number): number => {
    for (const c of candidates) {
      const v = c.o[key];
      if (v !== undefined) return v;
    }
    return fallback;
  };
  return { warnPct: pick('warnPct', t.warnPct), criticalPct: pick('criticalPct', t.criticalPct), minAmount: pick('minAmount', t.minAmount) };
}
