// Reading a version of the workspace out of git without a checkout: `git ls-tree` lists the
// YAML files of the workspace's folder at a commit, `git cat-file --batch` hands over their
// bytes in one process, and they are written into a temporary folder that the ordinary loader
// then reads. Only this file runs git.
import type * as ChildProcess from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { isInside } from '../load/read-files.js';
import { usageError } from './context.js';

const GIT_BUFFER = 1024 * 1024 * 1024;

// node:child_process is loaded on first use: it brings net, dgram and their streams along,
// about 8 ms of every run's start-up (`require` timed in a fresh process, 2026-12-01), and
// validate imports this file for `--format github|sarif` only.
let childProcess: typeof ChildProcess | undefined;

/** Runs git in `cwd`; a missing git is a usage error (exit 2), other failures are returned. */
function git(cwd: string, args: readonly string[], input?: Buffer): { status: number | null; stdout: Buffer; stderr: string } {
  // GIT_* variables of an enclosing hook or script would point git at another repository.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GIT_') || k === 'GIT_CONFIG_NOSYSTEM'));
  childProcess ??= createRequire(import.meta.url)('node:child_process') as typeof ChildProcess;
  const r = childProcess.spawnSync('git', [...args], { cwd, input, maxBuffer: GIT_BUFFER, env: { ...env, LC_ALL: 'C' } });
  if (r.error) {
    const code = (r.error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw usageError('git was not found on PATH; opsplan diff reads the versions to compare from git: install git or add it to PATH');
    throw r.error;
  }
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.toString('utf8').trim() };
}

/** The top folder of the git work tree holding `dir`, or null when it is not in one. */
export function gitTopLevel(dir: string): string | null {
  const r = git(dir, ['rev-parse', '--show-toplevel']);
  if (r.status !== 0) return null;
  return realpathSync(r.stdout.toString('utf8').trim());
}

/** The commit a ref names; a ref that does not exist is a usage error. */
export function resolveCommit(top: string, ref: string, option: string): string {
  if (ref === '' || ref.startsWith('-')) throw usageError(`${option} takes a git ref (branch, tag or commit), got "${ref}"`);
  const r = git(top, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  if (r.status !== 0) {
    throw usageError(`${option} ${ref}: no such commit, branch or tag in ${top}; in GitHub Actions fetch it first (actions/checkout with fetch-depth: 0, or git fetch origin ${ref})`);
  }
  return r.stdout.toString('utf8').trim();
}

/** A version of the workspace written out into a temporary folder. */
export interface MaterializedTree {
  /** The folder holding the workspace as it was at the commit. */
  root: string;
  files: number;
  /** Removes the temporary folder. */
  dispose: () => void;
}

interface TreeEntry {
  mode: string;
  object: string;
  /** Relative to the workspace folder. */
  file: string;
}

/** Lists the YAML files (and symbolic links, which the loader reports) below `prefix` at `commit`. */
function listTree(top: string, commit: string, prefix: string): TreeEntry[] {
  // `:(literal)` keeps a folder name with `*` or `?` from being read as a pattern.
  const r = git(top, ['ls-tree', '-r', '-z', '--full-tree', commit, ...(prefix ? ['--', `:(literal)${prefix}/`] : [])]);
  if (r.status !== 0) throw usageError(`git ls-tree ${commit} failed: ${r.stderr}`);
  const entries: TreeEntry[] = [];
  for (const record of r.stdout.toString('utf8').split('\0')) {
    if (record === '') continue;
    const tab = record.indexOf('\t');
    const [mode, type, object] = record.slice(0, tab).split(' ') as [string, string, string];
    const full = record.slice(tab + 1);
    if (prefix && !full.startsWith(`${prefix}/`)) continue;
    const file = prefix ? full.slice(prefix.length + 1) : full;
    // Blobs only (submodules are commits); the loader reads only .yaml/.yml files.
    if (type !== 'blob' || !(mode === '120000' || /\.ya?ml$/.test(file))) continue;
    entries.push({ mode, object, file });
  }
  return entries;
}

/** Reads every object in one `git cat-file --batch` process. */
function readBlobs(top: string, objects: readonly string[]): Buffer[] {
  if (objects.length === 0) return [];
  const r = git(top, ['cat-file', '--batch'], Buffer.from(objects.join('\n') + '\n'));
  if (r.status !== 0) throw new Error(`git cat-file --batch failed: ${r.stderr}`);
  const out = r.stdout;
  const blobs: Buffer[] = [];
  let at = 0;
  for (const object of objects) {
    const eol = out.indexOf(10, at);
    const header = out.subarray(at, eol).toString('utf8').split(' ');
    if (header[0] !== object || header[1] !== 'blob') throw new Error(`git cat-file --batch: unexpected answer "${header.join(' ')}" for ${object}`);
    const size = Number(header[2]);
    blobs.push(out.subarray(eol + 1, eol + 1 + size));
    at = eol + 1 + size + 1;
  }
  return blobs;
}

/**
 * Writes the workspace folder `prefix` (relative to the repository top, '' for the top) as it
 * is at `commit` into a new temporary folder.
 */
export function materializeTree(top: string, commit: string, prefix: string): MaterializedTree {
  const entries = listTree(top, commit, prefix);
  const blobs = readBlobs(top, entries.map((e) => e.object));
  const root = mkdtempSync(path.join(os.tmpdir(), 'opsplan-diff-'));
  const dispose = (): void => rmSync(root, { recursive: true, force: true });
  try {
    entries.forEach((e, i) => {
      const abs = path.join(root, e.file);
      // git never stores `..` or absolute paths, but the tree is input: stay inside the folder.
      if (!isInside(root, abs)) return;
      mkdirSync(path.dirname(abs), { recursive: true });
      // A link is recreated as a link (never followed), so the loader reports it as it does
      // in the working tree.
      if (e.mode === '120000') symlinkSync(blobs[i]!.toString('utf8'), abs);
      else writeFileSync(abs, blobs[i]!);
    });
  } catch (err) {
    dispose();
    throw err;
  }
  return { root, files: entries.length, dispose };
}

/** The workspace folder relative to the repository top ('' for the top); a usage error outside it. */
export function workspacePrefix(top: string, workspaceRoot: string): string {
  const real = realpathSync(workspaceRoot);
  if (!isInside(top, real)) throw usageError(`the workspace ${workspaceRoot} is not inside the git repository ${top}`);
  return path.relative(top, real).split(path.sep).join('/');
}
