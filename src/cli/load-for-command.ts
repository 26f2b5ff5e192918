// Shared by every command that reads a workspace: flags for limits, loading, and the filter
// of files the user asked about.
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { InvalidArgumentError } from 'commander';
import type { Command } from 'commander';
import type { Diagnostic } from '../model/diagnostic.js';
import { loadWorkspace } from '../load/load-workspace.js';
import type { LoadResult } from '../load/load-workspace.js';
import { DEFAULT_MAX_FILE_BYTES, absolutePaths } from '../load/read-files.js';
import { usageError } from './context.js';
import type { CliContext, ExitError } from './context.js';
import { resolveTargets } from './resolve-targets.js';

/** Flags every workspace command accepts. */
export interface SharedLoadFlags {
  maxFileSize: number;
}

/** Parses a non-negative integer option or reports a usage error (exit 2). */
export function parseIntOption(name: string): (v: string) => number {
  return (v) => {
    if (!/^\d+$/.test(v)) throw new InvalidArgumentError(`${name} takes a whole number, got "${v}"`);
    return Number(v);
  };
}

/** Adds the options shared by all workspace commands. */
export function sharedLoadOptions(cmd: Command): Command {
  return cmd
    .option('--max-file-size <bytes>', 'refuse files larger than this', parseIntOption('--max-file-size'), DEFAULT_MAX_FILE_BYTES)
    .option('--no-color', 'plain output without colours (NO_COLOR is honoured too)');
}

/** A loaded workspace as a command sees it. */
export interface CommandLoad {
  result: LoadResult;
  /** Diagnostics restricted to the files asked about (plus run-level ones). */
  diagnostics: Diagnostic[];
  fileCount: number;
  /** The files checked (those asked about, or all), workspace-relative. */
  files: string[];
  /** Root as the user would write it (relative to cwd when inside it). */
  displayRoot: string;
  /** Absolute paths of every input, so outputs never overwrite one. */
  inputFiles: string[];
}

/** Loads the workspace named by `paths` (folder, files or globs). */
export function loadForCommand(ctx: CliContext, paths: readonly string[], flags: SharedLoadFlags, options: { deferPositions?: boolean; keepSources?: boolean } = {}): CommandLoad {
  const targets = resolveTargets(ctx.cwd, paths);
  // OPSPLAN_THREADS=1 turns parallel parsing off (for measurements and tiny machines).
  const threads = /^\d+$/.test(ctx.env.OPSPLAN_THREADS ?? '') ? Math.max(1, Number(ctx.env.OPSPLAN_THREADS)) : availableParallelism();
  const result = loadWorkspace(targets.root, { maxFileBytes: flags.maxFileSize, deferPositions: options.deferPositions === true, threads, ...(options.keepSources === false ? { keepSources: false } : {}) });
  const only = targets.only;
  const diagnostics = only ? result.diagnostics.filter((d) => d.file === '' || only.has(d.file)) : result.diagnostics;
  const fileCount = only ? only.size : result.workspace.files.length;
  const rel = path.relative(ctx.cwd, targets.root);
  return {
    result,
    diagnostics,
    fileCount,
    files: only ? [...only].sort() : result.workspace.files.map((f) => f.file),
    displayRoot: rel === '' ? '.' : rel.startsWith('..') ? targets.root : rel,
    inputFiles: absolutePaths(targets.root, result.workspace.files.map((f) => f.file)),
  };
}

/**
 * For commands that compute from a workspace: prints the input's findings to stderr (errors
 * first, at most `limit`) and says whether any is an error. Files with errors are left out
 * of the computation, so the caller should exit 1 after printing its result.
 */
export function reportLoadProblems(ctx: CliContext, load: CommandLoad, limit = 20): boolean {
  // Without any opsplan.yaml nothing can be computed, and the loader's lines about the other
  // files would only bury the one line that says what to do: that line alone (exit 2).
  if (load.result.diagnostics.some((d) => d.code === 'workspace/missing-company')) throw noCompanyError(load.displayRoot);
  const errors = load.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length === 0) return false;
  const shown = errors.slice(0, limit);
  for (const d of shown) ctx.stderr.write(`${d.file}${d.line > 0 ? `:${d.line}:${d.column}` : ''} ${d.code}: ${d.message}\n`);
  if (errors.length > shown.length) ctx.stderr.write(`... and ${errors.length - shown.length} more errors\n`);
  ctx.stderr.write(`opsplan: ${errors.length} input error${errors.length === 1 ? '' : 's'}; files with errors were left out of the result (run opsplan validate ${load.displayRoot} for details)\n`);
  return true;
}

/** The usage error (exit 2) of a computing command on a workspace without a usable company file. */
export function noCompanyError(displayRoot: string): ExitError {
  return usageError(`${displayRoot} has no valid opsplan.yaml (the company file with departments, warehouses and thresholds); run opsplan validate ${displayRoot}, or opsplan init to start one`);
}

/** Parses --as-of (YYYY-MM-DD, a real date) or returns today's UTC date from `now`. */
export function resolveAsOf(value: string | undefined, now: Date): string {
  if (value === undefined) return now.toISOString().slice(0, 10);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !d || d.toISOString().slice(0, 10) !== value) throw usageError(`--as-of takes a date YYYY-MM-DD, got "${value}"`);
  return value;
}
