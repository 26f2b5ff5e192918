// Turns the paths and globs on the command line into a workspace root and a filter of the
// files whose findings are shown.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { listYamlFiles } from '../load/read-files.js';
import { usageError } from './context.js';

/** The workspace to load and which of its files the user asked about. */
export interface Targets {
  root: string;
  /** Workspace-relative files to report on; null = all. */
  only: Set<string> | null;
}

/** Converts a glob (`*`, `**`, `?`) to an anchored regular expression over forward-slash paths. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '*') {
      if (glob[i + 1] === '*') {
        re += glob[i + 2] === '/' ? '(?:[^/]*/)*' : '.*';
        i += glob[i + 2] === '/' ? 2 : 1;
      } else re += '[^/]*';
    } else if (ch === '?') re += '[^/]';
    else re += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function findRoot(start: string): string | null {
  let dir = start;
  for (;;) {
    if (existsSync(path.join(dir, 'opsplan.yaml'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

const toPosix = (p: string): string => p.split(path.sep).join('/');

/** Resolves `[PATHS...]`: folders, files or globs, all inside one workspace. */
export function resolveTargets(cwd: string, args: readonly string[]): Targets {
  const list = args.length > 0 ? args : ['.'];
  let root: string | null = null;
  let only: Set<string> | null = new Set();
  for (const arg of list) {
    if (/[*?]/.test(arg)) {
      const absPattern = toPosix(path.resolve(cwd, arg));
      const staticPart = absPattern.slice(0, absPattern.search(/[*?]/));
      const base = staticPart.endsWith('/') ? staticPart.slice(0, -1) : path.dirname(staticPart);
      if (!existsSync(base)) throw usageError(`${arg} matches no file (folder ${base} does not exist)`);
      const re = globToRegExp(absPattern);
      const matches = listYamlFiles(base).files.filter((f) => re.test(toPosix(f)));
      if (matches.length === 0) throw usageError(`${arg} matches no YAML file`);
      root ??= findRoot(base) ?? base;
      for (const m of matches) only?.add(toPosix(path.relative(root, m)));
      continue;
    }
    const abs = path.resolve(cwd, arg);
    if (!existsSync(abs)) throw usageError(`${arg}: no such file or folder`);
    const isDir = statSync(abs).isDirectory();
    const start = isDir ? abs : path.dirname(abs);
    const found = findRoot(start);
    root ??= found ?? start;
    if (isDir) {
      if (listYamlFiles(abs).files.length === 0) throw usageError(`${arg} holds no YAML file`);
      if (abs === root) only = null;
      else {
        for (const f of listYamlFiles(abs).files) only?.add(toPosix(path.relative(root, f)));
      }
    } else {
      if (!/\.ya?ml$/.test(abs)) throw usageError(`${arg} is not a YAML file (.yaml or .yml)`);
      only?.add(toPosix(path.relative(root, abs)));
    }
  }
  if (only) {
    for (const f of only) if (f.startsWith('..')) throw usageError(`${f} lies outside the workspace ${root}; give paths inside one workspace`);
  }
  return { root: root!, only };
}
