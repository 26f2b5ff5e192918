// `opsplan init [DIR]`: a new workspace with one file of each kind and the editor mapping.
import { cpSync, existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { schemasDir } from '../../load/validate-schema.js';
import { ExitError, usageError } from '../context.js';
import type { CliContext } from '../context.js';
import { gitTopLevel } from '../git-tree.js';
import { ensureDir, writeFileAtomic } from '../write-output.js';
import { INIT_FILES, SCHEMA_COPY_DIR } from './init-templates.js';
import { GITHUB_WORKFLOW_FILE, githubWorkflow } from './init-ci.js';

/** Writes the GitHub workflow at the repository root (the folder itself outside git). */
function writeWorkflow(ctx: CliContext, root: string, force: boolean): void {
  ensureDir(root);
  let top = root;
  try {
    top = gitTopLevel(root) ?? root;
  } catch (e) {
    // Without git the folder itself is taken as the repository root.
    if (!(e instanceof ExitError)) throw e;
  }
  const file = path.join(top, GITHUB_WORKFLOW_FILE);
  if (existsSync(file) && !force) throw usageError(`${path.relative(ctx.cwd, file) || file} already exists; use --force to overwrite`);
  const workspace = path.relative(top, realpathSync(root)).split(path.sep).join('/');
  ensureDir(path.dirname(file));
  writeFileAtomic(file, githubWorkflow(workspace, ctx.version));
  ctx.stdout.write(`wrote ${path.relative(ctx.cwd, file) || file}: validate and diff on pull requests, the monthly report on a schedule\n`);
}

/** Registers `init`. */
export function registerInit(program: Command, ctx: CliContext, setExit: (code: number) => void): void {
  program
    .command('init')
    .description('create a workspace: opsplan.yaml, one example file of each kind, editor schema mapping')
    .argument('[dir]', 'folder to create the workspace in', '.')
    .option('--force', 'overwrite files that already exist')
    .option('--ci <provider>', 'also write a CI workflow: github (.github/workflows/opsplan.yml at the repository root)')
    .action((dir: string, flags: { force?: boolean; ci?: string }) => {
      const root = path.resolve(ctx.cwd, dir);
      if (flags.ci !== undefined) {
        if (flags.ci !== 'github') throw usageError(`--ci takes github, got "${flags.ci}"`);
        writeWorkflow(ctx, root, flags.force === true);
        // In an existing workspace, --ci adds the workflow and leaves the files alone.
        if (existsSync(path.join(root, 'opsplan.yaml'))) return;
      }
      const clashes = Object.keys(INIT_FILES).filter((f) => existsSync(path.join(root, f)));
      if (clashes.length > 0 && !flags.force) throw usageError(`${dir} already has ${clashes.join(', ')}; use --force to overwrite`);
      // ensureDir, not a recursive mkdir: that loops forever under /proc (Node 20).
      ensureDir(root);
      // The schemas travel with the workspace so editors work without opsplan installed.
      cpSync(schemasDir(), path.join(root, SCHEMA_COPY_DIR), { recursive: true });
      for (const [file, text] of Object.entries(INIT_FILES)) {
        ensureDir(path.dirname(path.join(root, file)));
        writeFileAtomic(path.join(root, file), text);
      }
      ctx.stdout.write(`created workspace in ${dir}: ${Object.keys(INIT_FILES).length} files, schemas in ${SCHEMA_COPY_DIR}/\nnext: opsplan validate ${dir}\n`);
      setExit(0);
    });
}
