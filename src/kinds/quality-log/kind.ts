// Monthly quality logs (四.二): incoming, in-process and final inspection; nonconforming product
// is never released except under an approved concession.
import { toMilli } from '../../domain/quantity.js';
import { defineKind } from '../kind.js';
import type { CheckContext } from '../kind.js';
import type { QualityLog, QualityLogDoc } from './types.js';

function checkQualityLogs(ctx: CheckContext): void {
  const { ws, report, knownDepartment, duplicates } = ctx;
  duplicates(ws.qualityLogs, (l) => `${l.department}|${l.month}`, (l, first) =>
    report('error', 'submission/duplicate', `a second ${l.month} quality log for "${l.department}" (the first is ${first.file}); keep one per department and month`, l.file, ['month']),
  );
  // Ids are unique per department across its logs, because a re-inspection may name an
  // inspection of an earlier month.
  const byDept = new Map<string, Map<string, string>>();
  for (const log of ws.qualityLogs) {
    const ids = byDept.get(log.department) ?? new Map<string, string>();
    byDept.set(log.department, ids);
    for (const i of log.inspections) {
      const first = ids.get(i.id);
      if (first !== undefined) report('error', 'quality/duplicate-id', `inspection id "${i.id}" is also used in ${first}; ids must be unique within the department's quality logs`, log.file, ['inspections', i.index, 'id']);
      else ids.set(i.id, log.file);
    }
  }
  for (const log of ws.qualityLogs) {
    knownDepartment(log.department, log.file, ['department']);
    const ids = byDept.get(log.department)!;
    for (const i of log.inspections) {
      const at = (field: string): (string | number)[] => ['inspections', i.index, field];
      if (i.date.slice(0, 7) !== log.month) report('error', 'quality/date-outside-month', `inspection "${i.id}" is dated ${i.date}, outside the log's month ${log.month}; move it to the ${i.date.slice(0, 7)} log or fix the date`, log.file, at('date'));
      if (i.sampleSize > i.quantity) report('error', 'quality/sample-exceeds-quantity', `inspection "${i.id}": sampleSize ${i.sampleSize / 1000} is more than the lot quantity ${i.quantity / 1000}; the sample is part of the lot`, log.file, at('sampleSize'));
      if (i.reinspectionOf !== undefined && !ids.has(i.reinspectionOf)) report('error', 'quality/unknown-inspection', `reinspectionOf "${i.reinspectionOf}" is not an inspection id in the quality logs of "${log.department}"; name the inspection this one repeats`, log.file, at('reinspectionOf'));
      if (i.result === 'pass' && i.disposition !== undefined) report('error', 'quality/disposition-on-pass', `inspection "${i.id}" passed but has a disposition (${i.disposition}); a disposition is only for a failed lot: set result: fail or remove it`, log.file, at('disposition'));
      if (i.disposition === 'concession' && i.dispositionBy === undefined) report('error', 'quality/concession-unapproved', `inspection "${i.id}": a concession releases nonconforming product and needs its approver; add dispositionBy`, log.file, at('disposition'));
      const approvedConcession = i.disposition === 'concession' && i.dispositionBy !== undefined;
      if (i.result === 'fail' && i.releasedOn !== undefined && !approvedConcession) {
        report('error', 'quality/nonconforming-released', `lot "${i.lot}" failed inspection "${i.id}" but was released on ${i.releasedOn} without an approved concession; nonconforming product must not be released (recall it, or record disposition: concession with dispositionBy)`, log.file, at('releasedOn'));
      }
    }
  }
}

/** Monthly quality logs. */
export const qualityLogKind = defineKind({
  id: 'quality-log',
  collection: 'qualityLogs',
  title: 'a department\'s inspections of one month: lots, samples, defects, results and dispositions',
  globs: ['quality/**/*.yaml'],
  template: {
    path: 'quality/2026-01/operations.yaml',
    text: `kind: quality-log
version: 1
department: operations
month: 2026-01
inspections:
  - id: QI-2601-001
    stage: incoming
    date: 2026-01-12
    sku: "RM-0001"
    lot: L2601-01
    supplier: SUP-STEEL
    quantity: 500
    sampleSize: 50
    defects:
      - code: D-RUST
        qty: 1
    result: pass
`,
  },
  normalize: (raw, ctx): QualityLog => {
    const d = raw as QualityLogDoc;
    return {
      file: ctx.file,
      department: d.department,
      month: d.month,
      inspections: d.inspections.map((i, index) => ({
        ...i,
        quantity: toMilli(i.quantity),
        sampleSize: toMilli(i.sampleSize),
        defects: (i.defects ?? []).map((x) => ({ code: x.code, qty: toMilli(x.qty) })),
        index,
      })),
    };
  },
  check: checkQualityLogs,
});
