// Which validation findings a change introduces. Findings are matched by file, code and
// message, not by line: an edit above a finding moves its line without making it new.
import { compareDiagnostics } from '../../model/diagnostic.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import type { FindingsDiff } from './types.js';

const identity = (d: Diagnostic): string => `${d.file}\u0000${d.code}\u0000${d.message}`;

/** Splits the head's findings into introduced and existing; base findings gone are resolved. */
export function diffFindings(base: readonly Diagnostic[], head: readonly Diagnostic[]): FindingsDiff {
  // Counted as multisets: a second identical finding on the head is a new one.
  const left = new Map<string, Diagnostic[]>();
  for (const d of base) left.set(identity(d), [...(left.get(identity(d)) ?? []), d]);
  const introduced: Diagnostic[] = [];
  const existing: Diagnostic[] = [];
  for (const d of [...head].sort(compareDiagnostics)) {
    const same = left.get(identity(d));
    if (same && same.length > 0) {
      same.shift();
      existing.push(d);
    } else introduced.push(d);
  }
  const resolved = [...left.values()].flat().sort(compareDiagnostics);
  return { introduced, existing, resolved };
}
