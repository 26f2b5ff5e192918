// Compares two loaded versions of a workspace: runs every section builder, then sorts the
// validation findings (with the comparison's own) into introduced, existing and resolved.
import { compareDiagnostics } from '../../model/diagnostic.js';
import { diffFindings } from './findings.js';
import { DIFF_SECTIONS } from './sections.js';
import type { DiffContext, DiffSectionBuilder, WorkspaceDiff } from './types.js';

/** Computes the diff of `ctx.base` -> `ctx.head`. */
export function computeDiff(ctx: DiffContext, sections: readonly DiffSectionBuilder[] = DIFF_SECTIONS): WorkspaceDiff {
  const company = ctx.head.workspace.company ?? ctx.base.workspace.company;
  const built = sections.map((s) => {
    const { items, findings } = s.build(ctx);
    return { id: s.id, title: s.title, items, findings: (findings ?? []).slice().sort(compareDiagnostics) };
  });
  // The comparison's findings (edited-after-approval) exist only on the head by nature.
  const own = built.flatMap((s) => s.findings);
  const findings = diffFindings(ctx.base.diagnostics, [...ctx.head.diagnostics, ...own]);
  return { asOf: ctx.asOf, currency: company?.currency ?? '', digits: company?.currencyDigits ?? 2, sections: built, findings };
}
