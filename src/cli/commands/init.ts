// `opsplan init [DIR]`: a new workspace with one file of each kind and the editor mapping;
// `init --schemas` refreshes only the schema copy of an existing workspace.
import { copyFileSync, existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { schemasDir } from '../../load/validate-schema.js';
import { ExitError, usageError } from '../context.js';
import type { CliContext } from '../context.js';
import { gitTopLevel } from '../git-tree.js';
import { packageRoot } from '../version.js';
import { ensureDir, writeFileAtomic } from '../write-output.js';
import { INIT_FILES, SCHEMA_COPY_DIR } from './init-templates.js';
import { GITHUB_WORKFLOW_FILE, githubWorkflow } from './init-ci.js';

interface InitFlags {
  force?: boolean;
  schemas?: boolean;
  ci?: string;
}

/** A free backup name beside `file`: file.bak, then file.bak.1, file.bak.2, ... */
function backupName(file: string): string {
  if (!existsSync(`${file}.bak`)) return `${file}.bak`;
  let n = 1;
  while (existsSync(`${file}.bak.${n}`)) n++;
  return `${file}.bak.${n}`;
}

/**
 * Writes `text` to `file`; an existing file that differs (the user's own version) is copied to a
 * free FILE.bak name first, so --force never loses it. Returns the backup path, if one was made.
 */
function writeKeepingBackup(file: string, text: string): string | undefined {
  ensureDir(path.dirname(file));
  let backup: string | undefined;
  if (existsSync(file)) {
    if (readFileSync(file, 'utf8') === text) return undefined;
    backup = backupName(file);
    copyFileSync(file, backup);
  }
  writeFileAtomic(file, text);
  return backup;
}

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
  const shown = path.relative(ctx.cwd, file) || file;
  if (existsSync(file) && !force) throw usageError(`${shown} already exists; use --force to write it again (a changed file is kept as .bak)`);
  const workspace = path.relative(top, realpathSync(root)).split(path.sep).join('/');
  const backup = writeKeepingBackup(file, githubWorkflow(workspace, ctx.version));
  if (backup !== undefined) ctx.stdout.write(`kept your version: ${shown} -> ${path.relative(ctx.cwd, backup) || backup}\n`);
  ctx.stdout.write(`wrote ${shown}: validate and diff on pull requests, the monthly report on a schedule\n`);
}

/** Copies every schema into the workspace (editors find them without opsplan installed). */
function writeSchemas(root: string): number {
  const target = path.join(root, SCHEMA_COPY_DIR);
  ensureDir(target);
  const names = readdirSync(schemasDir()).filter((f) => f.endsWith('.json'));
  for (const name of names) writeFileAtomic(path.join(target, name), readFileSync(path.join(schemasDir(), name)));
  return names.length;
}

/** Quotes a path for a POSIX shell when it needs it. */
function shellWord(text: string): string {
  return /^[\w./:@%+=,-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * The command to print as the next step, one that works as printed: `opsplan` when the
 * command is on PATH, else this installation's own bin/opsplan.
 */
function opsplanCommand(ctx: CliContext): string {
  const onPath = (ctx.env.PATH ?? '').split(path.delimiter).some((d) => d !== '' && existsSync(path.join(d, 'opsplan')));
  if (onPath) return 'opsplan';
  const bin = path.join(packageRoot(), 'bin', 'opsplan');
  return shellWord(path.relative(ctx.cwd, bin).startsWith('..') ? bin : path.relative(ctx.cwd, bin) || bin);
}

/** Writes the example files and the schemas; the user's changed files are kept as .bak. */
function writeWorkspace(ctx: CliContext, root: string, dir: string, force: boolean): void {
  const clashes = Object.keys(INIT_FILES).filter((f) => existsSync(path.join(root, f)));
  if (clashes.length > 0 && !force) throw usageError(`${dir} already has ${clashes.join(', ')}; use --force to write the examples over them (changed files are kept as .bak), or --schemas to refresh only the schemas`);
  // ensureDir, not a recursive mkdir: that loops forever under /proc (Node 20).
  ensureDir(root);
  writeSchemas(root);
  const backups: string[] = [];
  for (const [file, text] of Object.entries(INIT_FILES)) {
    const backup = writeKeepingBackup(path.join(root, file), text);
    if (backup !== undefined) backups.push(`${file} -> ${path.relative(root, backup)}`);
  }
  if (backups.length > 0) ctx.stdout.write(`kept your versions: ${backups.join(', ')}\n`);
  ctx.stdout.write(`created workspace in ${dir}: ${Object.keys(INIT_FILES).length} files, schemas in ${SCHEMA_COPY_DIR}/\nnext: ${opsplanCommand(ctx)} validate ${shellWord(dir)}\n`);
}

/** Registers `init`. */
export function registerInit(program: Command, ctx: CliContext, setExit: (code: number) => void): void {
  program
    .command('init')
    .description('create a workspace: opsplan.yaml, one example file of each kind, editor schema mapping')
    .argument('[dir]', 'folder to create the workspace in', '.')
    .option('--force', 'write the example files over existing ones; a file you changed is kept as FILE.bak first')
    .option('--schemas', `only refresh the schema copy in ${SCHEMA_COPY_DIR}/ of an existing workspace`)
    .option('--ci <provider>', 'also write a CI workflow: github (.github/workflows/opsplan.yml at the repository root)')
    .action((dir: string, flags: InitFlags) => {
      const root = path.resolve(ctx.cwd, dir);
      if (flags.schemas) {
        if (!existsSync(path.join(root, 'opsplan.yaml'))) throw usageError(`${dir} has no opsplan.yaml; init --schemas refreshes an existing workspace (run opsplan init ${shellWord(dir)} to create one)`);
        const count = writeSchemas(root);
        ctx.stdout.write(`refreshed ${count} schemas in ${path.join(dir, SCHEMA_COPY_DIR)}/; no other file was touched\n`);
        setExit(0);
        return;
      }
      if (flags.ci !== undefined) {
        if (flags.ci !== 'github') throw usageError(`--ci takes github, got "${flags.ci}"`);
        writeWorkflow(ctx, root, flags.force === true);
        // In an existing workspace, --ci adds the workflow and leaves the files alone.
        if (existsSync(path.join(root, 'opsplan.yaml'))) {
          setExit(0);
          return;
        }
      }
      writeWorkspace(ctx, root, dir, flags.force === true);
      setExit(0);
    });
}
