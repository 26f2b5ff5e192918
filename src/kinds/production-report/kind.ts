// Production reports (四.一 execution tracking): good and scrapped output per day and product.
import { toMilli } from '../../domain/quantity.js';
import { monthOrWeekRange } from '../../model/calendar.js';
import { defineKind } from '../kind.js';
import type { CheckContext, NormalizeContext } from '../kind.js';
import { checkPeriodExists } from '../production-plan/kind.js';
import type { ProductionOutput, ProductionReport, ProductionReportDoc } from './types.js';

function normalizeReport(raw: unknown, ctx: NormalizeContext): ProductionReport {
  const r = raw as ProductionReportDoc;
  const range = monthOrWeekRange(r.period);
  return {
    file: ctx.file,
    department: r.department,
    period: r.period,
    from: range?.from ?? '',
    to: range?.to ?? '',
    lines: r.lines.map((l, index) => ({ date: l.date, sku: l.sku, good: toMilli(l.good), scrap: toMilli(l.scrap ?? 0), line: l.line, index })),
  };
}

function checkReports(ctx: CheckContext): void {
  const { ws, report, knownDepartment, duplicates } = ctx;
  for (const r of ws.productionReports) {
    knownDepartment(r.department, r.file, ['department']);
    if (!checkPeriodExists(ctx, r.file, r.period, r.from)) continue;
    for (const l of r.lines) {
      if (l.date < r.from || l.date > r.to) report('error', 'production-report/date-outside-period', `line ${l.index + 1} (${l.sku}) is dated ${l.date}, outside ${r.period} (${r.from} .. ${r.to}); report it in the file of its period or fix the date`, r.file, ['lines', l.index, 'date']);
    }
  }
  // The same output reported twice would be counted twice: one date, sku and line is one entry.
  const all = ws.productionReports.flatMap((r) => r.lines.map((l): [ProductionReport, ProductionOutput] => [r, l]));
  duplicates(all, ([, l]) => `${l.date}|${l.sku}|${l.line ?? ''}`, ([r, l], [firstFile, firstLine]) =>
    report('error', 'production-report/duplicate', `${l.sku} on ${l.date}${l.line ? ` (line ${l.line})` : ''} is already reported in ${firstFile.file} (line ${firstLine.index + 1}); report each date, sku and line once`, r.file, ['lines', l.index, 'sku']),
  );
}

/** Production reports. */
export const productionReportKind = defineKind({
  id: 'production-report',
  collection: 'productionReports',
  title: 'a production report: good and scrapped output per day, product and line',
  globs: ['production/reports/**/*.yaml'],
  template: {
    path: 'production/reports/2026-12.yaml',
    text: `kind: production-report
version: 1
department: operations
period: 2026-12
lines:
  - date: 2026-12-07
    sku: "FG-1001"
    good: 36
    scrap: 1
    line: LINE-A
`,
  },
  normalize: (doc, ctx): ProductionReport => normalizeReport(doc, ctx),
  check: checkReports,
});
