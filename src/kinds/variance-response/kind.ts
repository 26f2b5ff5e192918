// A department's answer to a variance warning notice: cause, measures, owner and deadline.
import type { VarianceResponseDoc } from '../../model/documents.js';
import type { Loaded } from '../../model/workspace.js';
import { defineKind } from '../kind.js';
import type { CheckContext } from '../kind.js';

function checkResponses({ ws, report, knownDepartment, duplicates }: CheckContext): void {
  duplicates(ws.responses, (r) => r.doc.notice, (r, first) =>
    report('error', 'response/duplicate', `notice "${r.doc.notice}" is already answered by ${first.file}; update that file instead`, r.file, ['notice']),
  );
  for (const r of ws.responses) {
    if (!knownDepartment(r.doc.department, r.file, ['department'])) continue;
    if (!r.doc.notice.endsWith(`-${r.doc.department}`)) {
      report('error', 'response/department-mismatch', `notice "${r.doc.notice}" is addressed to another department than "${r.doc.department}"; notice ids end with the department id`, r.file, ['notice']);
    }
  }
}

/** Answers to variance notices. */
export const varianceResponseKind = defineKind({
  id: 'variance-response',
  collection: 'responses',
  title: 'a department\'s answer to a variance warning notice',
  globs: ['responses/**/*.yaml'],
  template: {
    path: 'responses/VN-2026-01-marketing.yaml',
    text: `kind: variance-response
version: 1
notice: VN-2026-01-marketing
department: marketing
cause: Campaign invoices for December arrived in January
measures: Accrue invoices at month end from February on
owner: Zhang Min
due: 2026-02-28
respondedOn: 2026-02-05
status: submitted
`,
  },
  normalize: (doc, ctx): Loaded<VarianceResponseDoc> => ({ file: ctx.file, doc: doc as VarianceResponseDoc }),
  check: checkResponses,
});
