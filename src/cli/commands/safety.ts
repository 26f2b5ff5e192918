// `opsplan safety [WORKSPACE]`: open hazards, on-time rectification, major hazards, repeats.
import type { Command } from 'commander';
import { buildSafetyReport, safetyJson, safetyOpenTable } from '../../report/safety.js';
import { registerChapterCommand } from '../chapter-command.js';
import { safetyResult } from '../../domain/chapter-results.js';
import type { CliContext } from '../context.js';

/** Registers `safety`. */
export function registerSafety(program: Command, ctx: CliContext, setExit: (code: number) => void): void {
  registerChapterCommand(program, ctx, setExit, {
    name: 'safety',
    description: 'open hazards and their deadlines, on-time rectification rate, major hazards open or unverified, repeat hazards',
    monthsFound: (ws) => [...new Set(ws.safetyInspections.map((s) => s.date.slice(0, 7)))].sort(),
    compute: (ws, _company, scope, load) => safetyResult(ws, { ...scope, leftOut: load.rejected }),
    report: (r, c) => buildSafetyReport(r, c.currency, c.currencyDigits),
    csv: safetyOpenTable,
    json: safetyJson,
    flags: (r) => r.flags,
  });
}
