// `opsplan diff [WORKSPACE] --base REF [--head REF]`: what a change does to the plans, budgets
// and stock parameters, for pull-request review. Both versions are read from git objects (the
// head from the working tree unless --head is given), loaded and checked as usual, compared by
// domain/diff, and drawn as a table, JSON or Markdown; under GitHub Actions the Markdown also
// goes to the step summary.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { InvalidArgumentError, Option } from 'commander';
import type { Command } from 'commander';
import { computeDiff } from '../../domain/diff/compute-diff.js';
import { evaluateGates, parseGate } from '../../domain/diff/gates.js';
import type { DiffGate } from '../../domain/diff/gates.js';
import type { DiffSide } from '../../domain/diff/types.js';
import { renderMarkdown } from '../../render/markdown.js';
import { renderReport } from '../../render/table.js';
import { buildDiffReport } from '../../report/diff.js';
import { diffJson } from '../../report/diff-json.js';
import type { DiffSideInfo } from '../../report/diff-json.js';
import { addOutputOptions, resolveOutputs, writeOutputs } from '../command-shape.js';
import type { OutputFlags } from '../command-shape.js';
import { usageError, useColor } from '../context.js';
import type { CliContext } from '../context.js';
import { gitTopLevel, materializeTree, resolveCommit, workspacePrefix } from '../git-tree.js';
import { loadForCommand, resolveAsOf, sharedLoadOptions } from '../load-for-command.js';
import type { CommandLoad, SharedLoadFlags } from '../load-for-command.js';
import { planMaterialsForStock } from '../material-plan.js';
import { appendStepSummary } from '../step-summary.js';

const FORMATS = ['table', 'json', 'markdown'] as const;

interface DiffFlags extends SharedLoadFlags, OutputFlags {
  base: string;
  head?: string;
  failOn: DiffGate[];
  asOf?: string;
  color?: boolean;
}

function parseFailOn(v: string, prev: DiffGate[]): DiffGate[] {
  const gate = parseGate(v);
  if (!gate) throw new InvalidArgumentError(`--fail-on takes new-errors, edited-after-approval or budget-increase:PCT (e.g. budget-increase:10), got "${v}"`);
  return [...prev, gate];
}

/** Loads one side: the working tree, or a commit written out into a temporary folder. */
function loadSide(ctx: CliContext, flags: DiffFlags, asOf: string, where: { root: string; top: string; prefix: string; displayRoot: string }, ref: string | undefined, option: string): { side: DiffSide; info: DiffSideInfo; inputFiles: string[] } {
  if (ref === undefined) {
    const load = loadForCommand(ctx, [where.root], flags);
    return { side: sideOf(load, asOf, where.root, where.displayRoot), info: { ref: null, commit: null }, inputFiles: load.inputFiles };
  }
  const commit = resolveCommit(where.top, ref, option);
  const tree = materializeTree(where.top, commit, where.prefix);
  try {
    if (tree.files === 0) throw usageError(`${option} ${ref}: the commit has no YAML file in ${where.prefix || 'the repository top'}; is that the workspace folder?`);
    const load = loadForCommand(ctx, [tree.root], flags);
    return { side: sideOf(load, asOf, tree.root, where.displayRoot), info: { ref, commit }, inputFiles: [] };
  } finally {
    tree.dispose();
  }
}

/**
 * A side for the domain; messages name the workspace as the user did, never a temp folder.
 * Its material plan is `stock`'s, so the reorder suggestions compared are the ones `stock` gives.
 */
function sideOf(load: CommandLoad, asOf: string, root: string, displayRoot: string): DiffSide {
  const { result } = load;
  const abs = path.resolve(root);
  const diagnostics = result.diagnostics.map((d) => (d.message.includes(abs) ? { ...d, message: d.message.split(abs).join(displayRoot) } : d));
  const company = result.workspace.company;
  const mrp = company ? planMaterialsForStock(load, company, asOf) : undefined;
  return { workspace: result.workspace, diagnostics, locate: (file, p) => result.locate(file, p), ...(mrp ? { mrp } : {}) };
}

/** Registers `diff`. */
export function registerDiff(program: Command, ctx: CliContext, setExit: (code: number) => void): void {
  const cmd = program
    .command('diff')
    .description('what a change does to budgets, adjustments, plans and stock parameters, between two git versions')
    .argument('[workspace]', 'workspace folder inside a git repository (default: .)')
    .requiredOption('--base <ref>', 'git ref of the version before (branch, tag or commit)')
    .option('--head <ref>', 'git ref of the version after (default: the working tree)')
    .addOption(new Option('--fail-on <gate>', 'also exit 1 when: new-errors | edited-after-approval | budget-increase:PCT (repeatable)').argParser(parseFailOn).default([] as DiffGate[], 'none'))
    .option('--as-of <date>', "date of the reorder suggestions compared (default: today)");
  addOutputOptions(cmd, FORMATS);
  sharedLoadOptions(cmd);
  cmd.action((workspace: string | undefined, flags: DiffFlags) => {
    const outputs = resolveOutputs(ctx, 'diff', FORMATS, flags);
    const asOf = resolveAsOf(flags.asOf, ctx.now);
    const root = path.resolve(ctx.cwd, workspace ?? '.');
    if (!existsSync(root) || !statSync(root).isDirectory()) throw usageError(`${workspace ?? '.'}: no such folder; give the workspace folder`);
    const top = gitTopLevel(root);
    if (top === null) throw usageError(`${workspace ?? '.'} is not inside a git repository; opsplan diff compares git versions`);
    const rel = path.relative(ctx.cwd, root);
    const where = { root, top, prefix: workspacePrefix(top, root), displayRoot: rel === '' ? '.' : rel.startsWith('..') ? root : rel };
    const base = loadSide(ctx, flags, asOf, where, flags.base, '--base');
    const head = loadSide(ctx, flags, asOf, where, flags.head, '--head');
    const diff = computeDiff({ base: base.side, head: head.side, asOf });
    const gates = evaluateGates(diff, flags.failOn);
    const labels = { base: flags.base, head: flags.head ?? 'working tree' };
    const report = buildDiffReport(diff, labels, gates);
    writeOutputs(ctx, outputs, ({ format, file }) => {
      if (format === 'json') return diffJson(diff, { toolVersion: ctx.version, workspace: where.prefix || '.', base: base.info, head: head.info }, gates);
      if (format === 'markdown') return renderMarkdown(report);
      return renderReport(report, { color: file === undefined && useColor(ctx, flags.color) });
    }, head.inputFiles);
    appendStepSummary(ctx, renderMarkdown(report));
    if (gates.some((g) => g.reached)) setExit(1);
  });
}
