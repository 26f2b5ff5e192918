// `opsplan consolidate [WORKSPACE] --period FY2026 | FY2026-Q4`: the company operating plan
// and budget from the departments' submissions, as terminal tables, JSON or YAML.
import path from 'node:path';
import type { Command } from 'commander';
import { stringify } from 'yaml';
import { computeConsolidation } from '../../domain/consolidate.js';
import type { ConsolidationPeriod } from '../../domain/consolidate.js';
import { buildConsolidationReport } from '../../report/consolidate.js';
import { consolidationToJson } from '../../report/consolidate-json.js';
import { addOutputOptions, requireCompany, resolveOutputs, writeOutputs } from '../command-shape.js';
import { addLangOption, renderTerminal, resolveLang } from '../lang-option.js';
import type { OutputFlags } from '../command-shape.js';
import type { Lang } from '../../report/i18n.js';
import { usageError, useColor } from '../context.js';
import type { CliContext } from '../context.js';
import { loadForCommand, reportLoadProblems, sharedLoadOptions } from '../load-for-command.js';
import type { SharedLoadFlags } from '../load-for-command.js';
import { parsePeriodOption, requirePeriodWithData } from '../period-option.js';

interface ConsolidateFlags extends SharedLoadFlags, OutputFlags {
  period?: string;
  requireApproved?: boolean;
  color?: boolean;
  lang?: Lang;
}

const FORMATS = ['table', 'json', 'yaml'] as const;

/** Long text cells wrap at this many characters so every table stays within 100 columns. */
const TERMINAL_WRAP = 40;

/** Parses --period: a fiscal year or quarter, else a usage error (exit 2). */
export function parseConsolidationPeriod(value: string | undefined): ConsolidationPeriod {
  if (value === undefined) throw usageError('consolidate needs --period, e.g. --period FY2026 or --period FY2026-Q4');
  return parsePeriodOption(value, ['year', 'quarter']) as ConsolidationPeriod;
}

/** Registers `consolidate`. */
export function registerConsolidate(program: Command, ctx: CliContext, setExit: (code: number) => void): void {
  const cmd = program
    .command('consolidate')
    .description('company operating plan and budget from the department submissions of a fiscal year or quarter')
    .argument('[workspace]', 'workspace folder (default: .)')
    .option('-p, --period <period>', 'fiscal year FY2026 or quarter FY2026-Q4')
    .option('--require-approved', 'missing or unapproved plans and budgets are errors (exit 1)');
  addOutputOptions(cmd, FORMATS);
  addLangOption(cmd);
  sharedLoadOptions(cmd);
  cmd.action((workspace: string | undefined, flags: ConsolidateFlags) => {
    const period = parseConsolidationPeriod(flags.period);
    const outputs = resolveOutputs(ctx, 'consolidate', FORMATS, flags);
    const lang = resolveLang(ctx, flags.lang);
    const load = loadForCommand(ctx, workspace === undefined ? [] : [workspace], flags);
    const ws = load.result.workspace;
    const inputErrors = reportLoadProblems(ctx, load);
    requirePeriodWithData(ws, requireCompany(load), period, load.displayRoot);
    const result = computeConsolidation(ws, { period, requireApproved: flags.requireApproved === true });
    // A committed company-plan is this command's own YAML output: it may be regenerated in
    // place. Every other input stays protected, and no other format may replace it.
    const generated = new Set(ws.files.filter((f) => f.kind === 'company-plan').map((f) => path.join(ws.root, f.file)));
    const regenerable = load.inputFiles.filter((f) => !generated.has(f));
    writeOutputs(ctx, outputs, ({ format, file }) => {
      if (format === 'json') return `${JSON.stringify(consolidationToJson(result, 'consolidate'), null, 2)}\n`;
      if (format === 'yaml') return stringify(consolidationToJson(result, 'company-plan'), { lineWidth: 0 });
      return renderTerminal(buildConsolidationReport(result, { wrap: TERMINAL_WRAP }), lang, { color: file === undefined && useColor(ctx, flags.color), width: 100 });
    }, ({ format }) => (format === 'yaml' ? regenerable : load.inputFiles));
    // Warnings about submissions also go to stderr when the output is a file or machine-readable,
    // so they are never silent.
    if (outputs.some((o) => o.format !== 'table' || o.file !== undefined)) {
      for (const w of result.warnings) ctx.stderr.write(`${w.severity}: ${w.message}\n`);
    }
    if (inputErrors || (flags.requireApproved === true && result.warnings.length > 0)) setExit(1);
  });
}
