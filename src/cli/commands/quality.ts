// `opsplan quality [WORKSPACE]`: acceptance, first-pass yield, ppm, Pareto, open nonconformances.
import type { Command } from 'commander';
import { buildQualityReport, qualityJson, qualityStageTable } from '../../report/quality.js';
import { monthsOf, registerChapterCommand } from '../chapter-command.js';
import { qualityResult } from '../../domain/chapter-results.js';
import type { CliContext } from '../context.js';

/** Registers `quality`. */
export function registerQuality(program: Command, ctx: CliContext, setExit: (code: number) => void): void {
  registerChapterCommand(program, ctx, setExit, {
    name: 'quality',
    description: 'inspection acceptance by stage and supplier, first-pass yield, defect ppm and Pareto, open nonconformances, trend',
    monthsFound: (ws, load) => monthsOf(ws.qualityLogs, load.rejected, 'quality-log'),
    compute: (ws, _company, scope, load) => qualityResult(ws, { ...scope, leftOut: load.rejected }),
    report: (r, c) => buildQualityReport(r, c.currency, c.currencyDigits),
    csv: qualityStageTable,
    json: qualityJson,
    flags: (r) => r.flags,
  });
}
