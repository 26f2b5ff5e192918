// The repository a workspace lives in, for outputs whose paths must be relative to the
// repository root (GitHub annotations, SARIF): GITHUB_WORKSPACE when set and holding the
// workspace, else git's top level, else none.
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { isInside } from '../load/read-files.js';
import { ExitError } from './context.js';
import type { CliContext } from './context.js';
import { gitTopLevel } from './git-tree.js';

/** The repository root and the workspace's path inside it ('/' separators, '' at the top). */
export interface RepoLocation {
  root: string;
  path: string;
}

function inside(root: string, workspace: string): RepoLocation | null {
  if (!isInside(root, workspace)) return null;
  return { root, path: path.relative(root, workspace).split(path.sep).join('/') };
}

/** Finds the repository of `workspaceRoot`; null outside any (or when git is missing). */
export function findRepo(ctx: CliContext, workspaceRoot: string): RepoLocation | null {
  const workspace = realpathSync(workspaceRoot);
  const gw = ctx.env.GITHUB_WORKSPACE;
  if (gw) {
    try {
      const found = inside(realpathSync(path.resolve(ctx.cwd, gw)), workspace);
      if (found) return found;
    } catch {
      // A GITHUB_WORKSPACE that does not exist here: fall back to git.
    }
  }
  try {
    const top = gitTopLevel(workspace);
    return top === null ? null : inside(top, workspace);
  } catch (e) {
    // No git on PATH: paths stay relative to the current folder, as without a repository.
    if (e instanceof ExitError) return null;
    throw e;
  }
}
