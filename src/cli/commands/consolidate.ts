// `opsplan consolidate [WORKSPACE] --period FY2026 | FY2026-Q4`: the company operating plan
// and budget from the departments' submissions, as terminal tables, JSON or YAML.
import type { Command } from 'commander';
import { stringify } from 'yaml';
import { computeConsolidation, knownPeriods, periodIsKnown } from '../../domain/consolidate.js';
import type { ConsolidationPeriod } from '../../domain/consolidate.js';
import { parsePeriod } from '../../model/period.js';
import { renderReport } from '../../render/table.js';
import { buildConsolidationReport } from '../../report/consolidate.js';
import { consolidationToJson } from '../../report/consolidate-json.js';
import { usageError, useColor } from '../context.js';
import type { CliContext } from '../context.js';
import { loadForCommand, reportLoadProblems, sharedLoadOptions } from '../load-for-command.js';
import type { SharedLoadFlags } from '../load-for-command.js';
import { writeFileAtomic } from '../write-output.js';

interface ConsolidateFlags extends SharedLoadFlags {
  period?: string;
  format: string;
  output?: string;
  requireApproved?: boolean;
  color?: boolean;
}

const FORMATS = ['table', 'json', 'yaml'] as const;

/** Long text cells wrap at this many characters so every table stays within 100 columns. */
const TERMINAL_WRAP = 40;

/** Parses --period: a fiscal year or quarter, else a usage error (exit 2). */
export function parseConsolidationPeriod(value: string | undefined): ConsolidationPeriod {
  if (value === undefined) throw usageError('consolidate needs --period, e.g. --period FY2026 or --period FY2026-Q4');
  const p = parsePeriod(value);
  if (!p || p.kind === 'month') throw usageError(`--period takes a fiscal year (FY2026) or quarter (FY2026-Q4), got "${value}"`);
  return p;
}

/** Registers `consolidate`. */
export function registerConsolidate(program: Command, ctx: CliContext, setExit: (code: number) => void): void {
  const cmd = program
    .command('consolidate')
    .description('company operating plan and budget from the department submissions of a fiscal year or quarter')
    .argument('[workspace]', 'workspace folder (default: .)')
    .option('-p, --period <period>', 'fiscal year FY2026 or quarter FY2026-Q4')
    .option('-f, --format <format>', `output format: ${FORMATS.join(' | ')}`, 'table')
    .option('-o, --output <file>', 'write the output to FILE instead of stdout')
    .option('--require-approved', 'missing or unapproved plans and budgets are errors (exit 1)');
  sharedLoadOptions(cmd);
  cmd.action((workspace: string | undefined, flags: ConsolidateFlags) => {
    const period = parseConsolidationPeriod(flags.period);
    if (!(FORMATS as readonly string[]).includes(flags.format)) throw usageError(`unknown format "${flags.format}"; use one of ${FORMATS.join(', ')}`);
    const load = loadForCommand(ctx, workspace === undefined ? [] : [workspace], flags);
    const ws = load.result.workspace;
    const inputErrors = reportLoadProblems(ctx, load);
    if (!ws.company) throw usageError(`${load.displayRoot} has no valid opsplan.yaml; run opsplan validate ${load.displayRoot}`);
    if (!periodIsKnown(ws, period)) {
      const known = knownPeriods(ws);
      throw usageError(`no plan or budget in ${load.displayRoot} belongs to ${period.id}${known.length ? `; periods found: ${known.join(', ')}` : ''}`);
    }
    const result = computeConsolidation(ws, { period, requireApproved: flags.requireApproved === true });
    let text: string;
    if (flags.format === 'json') text = `${JSON.stringify(consolidationToJson(result, 'consolidate'), null, 2)}\n`;
    else if (flags.format === 'yaml') text = stringify(consolidationToJson(result, 'company-plan'), { lineWidth: 0 });
    else {
      const color = flags.output === undefined && useColor(ctx, flags.color);
      text = renderReport(buildConsolidationReport(result, { wrap: TERMINAL_WRAP }), { color, width: 100 });
    }
    if (flags.output !== undefined) writeFileAtomic(flags.output, text, load.inputFiles);
    else ctx.stdout.write(text);
    // Warnings about submissions also go to stderr when the output is a file or machine-readable,
    // so they are never silent.
    if (flags.format !== 'table' || flags.output !== undefined) {
      for (const w of result.warnings) ctx.stderr.write(`${w.severity}: ${w.message}\n`);
    }
    if (inputErrors || (flags.requireApproved === true && result.warnings.length > 0)) setExit(1);
  });
}
