// `opsplan validate [PATHS...]`: schema and cross-file checks, reported in the chosen formats.
import type { Command } from 'commander';
import { compareDiagnostics, countBySeverity } from '../../model/diagnostic.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import { DIAGNOSTIC_FORMATS, DIAGNOSTIC_FORMATTERS } from '../../render/diagnostics/index.js';
import type { FileTally } from '../../render/diagnostics/types.js';
import { addOutputOptions, resolveOutputs, writeOutputs } from '../command-shape.js';
import type { OutputFlags } from '../command-shape.js';
import { useColor } from '../context.js';
import type { CliContext } from '../context.js';
import { loadForCommand, parseIntOption, sharedLoadOptions } from '../load-for-command.js';
import type { SharedLoadFlags } from '../load-for-command.js';
import { findRepo } from '../repo-root.js';
import { appendStepSummary, stepSummaryFile } from '../step-summary.js';

interface ValidateFlags extends SharedLoadFlags, OutputFlags {
  maxWarnings?: number;
  maxFindings: number;
  color?: boolean;
}

/** Every file checked with its counts over all findings (files of run-level findings too). */
function tallyFiles(files: readonly string[], all: readonly Diagnostic[]): FileTally[] {
  const tallies = new Map<string, FileTally>(files.map((file) => [file, { file, errors: 0, warnings: 0 }]));
  for (const d of all) {
    const t = tallies.get(d.file) ?? { file: d.file, errors: 0, warnings: 0 };
    if (d.severity === 'error') t.errors++;
    else t.warnings++;
    tallies.set(d.file, t);
  }
  return [...tallies.values()];
}

/** Decides the exit code of validate: 1 on errors or too many warnings, else 0. */
export function validateExitCode(diagnostics: readonly Diagnostic[], maxWarnings: number | undefined): 0 | 1 {
  const { errors, warnings } = countBySeverity(diagnostics);
  if (errors > 0) return 1;
  if (maxWarnings !== undefined && warnings > maxWarnings) return 1;
  return 0;
}

/** Registers `validate`. */
export function registerValidate(program: Command, ctx: CliContext, setExit: (code: number) => void): void {
  const cmd = program
    .command('validate')
    .description('check files against the schemas and across files; exit 1 on errors')
    .argument('[paths...]', 'workspace folder, files or globs inside one workspace (default: .)')
    .option('--max-warnings <n>', 'exit 1 when there are more than N warnings', parseIntOption('--max-warnings'))
    .option('--max-findings <n>', 'show at most N findings (all are counted)', parseIntOption('--max-findings'), 1000);
  addOutputOptions(cmd, DIAGNOSTIC_FORMATS);
  sharedLoadOptions(cmd);
  cmd.action((paths: string[], flags: ValidateFlags) => {
    // In GitHub Actions, annotate the pull request as well, without being asked.
    const outputs = resolveOutputs(ctx, 'validate', DIAGNOSTIC_FORMATS, flags, { defaults: ctx.env.GITHUB_ACTIONS === 'true' ? ['stylish', 'github'] : ['stylish'] });
    // Findings of files on the fast path come without positions; only the files whose
    // findings are shown are parsed again for them (a run with 10,000 findings prints 1,000).
    const loaded = loadForCommand(ctx, paths, flags, { deferPositions: true });
    let all = loaded.diagnostics.slice().sort(compareDiagnostics);
    const pending = [...new Set(all.slice(0, flags.maxFindings).map((d) => d.file))].filter((f) => loaded.result.provisionalFiles.has(f));
    if (pending.length > 0) {
      // Per-file counts do not change, so the shown window still spans the same files.
      const resolved = new Set(pending);
      all = [...all.filter((d) => !resolved.has(d.file)), ...pending.flatMap((f) => loaded.result.resolvePositions(f))].sort(compareDiagnostics);
    }
    const shown = all.slice(0, flags.maxFindings);
    const sources = new Map<string, string>();
    for (const d of shown) {
      const text = loaded.result.sourceText(d.file);
      if (text !== undefined) sources.set(d.file, text);
    }
    const fileCount = loaded.fileCount;
    const files = tallyFiles(loaded.files, all);
    // Only the formats whose paths are relative to the repository ask git where that is.
    const repo = outputs.some((o) => o.format === 'github' || o.format === 'sarif') ? findRepo(ctx, loaded.result.workspace.root) : null;
    const input = { diagnostics: shown, fileCount, sources, root: loaded.displayRoot, toolVersion: ctx.version, color: false, omitted: all.length - shown.length, totals: countBySeverity(all), files, repo };
    writeOutputs(ctx, outputs, ({ format, file }) => DIAGNOSTIC_FORMATTERS[format]({ ...input, color: file === undefined && useColor(ctx, flags.color) }), loaded.inputFiles);
    if (stepSummaryFile(ctx) !== null) appendStepSummary(ctx, DIAGNOSTIC_FORMATTERS.markdown(input));
    // Counting uses every finding, not just those shown.
    const code = validateExitCode(all, flags.maxWarnings);
    const { errors, warnings } = countBySeverity(all);
    // Errors speak for themselves; a warning limit must say that it is what failed.
    if (code === 1 && errors === 0) ctx.stderr.write(`opsplan: ${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${flags.maxWarnings} allows\n`);
    setExit(code);
  });
}
