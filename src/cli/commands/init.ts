// `opsplan init [DIR]`: a new workspace with one file of each kind and the editor mapping.
import { cpSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { schemasDir } from '../../load/validate-schema.js';
import { usageError } from '../context.js';
import type { CliContext } from '../context.js';
import { ensureDir, writeFileAtomic } from '../write-output.js';
import { INIT_FILES, SCHEMA_COPY_DIR } from './init-templates.js';


/** Registers `init`. */
export function registerInit(program: Command, ctx: CliContext, setExit: (code: number) => void): void {
  program
    .command('init')
    .description('create a workspace: opsplan.yaml, one example file of each kind, editor schema mapping')
    .argument('[dir]', 'folder to create the workspace in', '.')
    .option('--force', 'overwrite files that already exist')
    .action((dir: string, flags: { force?: boolean }) => {
      const root = path.resolve(ctx.cwd, dir);
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
