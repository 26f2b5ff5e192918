// How bin/opsplan starts. bin/opsplan is CommonJS (bin/package.json) and requires this module
// as dist/cli/boot.cjs, a bundle of it written by scripts/build-bundle.mjs, so a run never
// starts Node's ES module loader. The CLI itself comes from one CommonJS bundle of src/
// (dist/cli/opsplan.cjs), compiled through a V8 code cache (code-cache.ts), not from the ~80
// ES modules tsc writes to dist/, each of which the module loader resolves, reads, compiles
// and links at every run. Measured on acme, 2026-12-01 (README "Start-up"): validate used
// about 80 ms less CPU than with tsc's modules, 40 of them from the bundle, the rest from the
// code cache (which Node 20 offers only to scripts compiled through `vm`) and the CommonJS start.
import { createRequire } from 'node:module';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { COMMAND_NAMES } from './command-names.js';
import type { runCli } from './main.js';
import { EXIT, watchProcessStreams } from './process-streams.js';
import { readVersion } from './version.js';

/** The bundle, beside this module in dist/cli. */
export const BUNDLE_FILE = fileURLToPath(new URL('./opsplan.cjs', import.meta.url));

/**
 * The code cache a run of `args` uses: one per command, as a cache holds the functions the
 * run that wrote it compiled (`validate` compiles the loader, `--help` next to nothing); help
 * and mistyped commands share `other`.
 */
export function cacheVariant(args: readonly string[]): string {
  const first = args[0];
  return (COMMAND_NAMES as readonly string[]).includes(first!) ? first! : 'other';
}

/** Whether `args` only ask for the version (`opsplan --version`, `opsplan -V`). */
export function isBareVersion(args: readonly string[]): boolean {
  return args.length === 1 && (args[0] === '--version' || args[0] === '-V');
}

/**
 * Runs opsplan in this process with `args` and returns the exit code. A bare `--version`
 * prints the version as commander would (`main` still answers it the same way in process)
 * without loading the bundle: scripts ask for it often and expect an answer as fast as Node
 * starts (issue 12: at most 1.5 times `node -e 0`).
 */
export async function boot(args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  if (isBareVersion(args)) {
    const finalCode = watchProcessStreams();
    process.stdout.write(`${readVersion()}\n`);
    return finalCode(EXIT.ok);
  }
  // Imported here, not above: a bare --version needs neither it nor node:crypto.
  const { codeCacheDir, requireWithCodeCache, saveCodeCache } = await import('./code-cache.js');
  const dir = codeCacheDir(env);
  const load = (file: string, variant?: string): unknown => (dir === null ? createRequire(import.meta.url)(file) : requireWithCodeCache(file, dir, variant));
  const cli = load(BUNDLE_FILE, cacheVariant(args)) as { runCli: typeof runCli };
  const code = await cli.runCli((file) => load(file));
  // After the run: the caches then hold every function it compiled.
  if (dir !== null) saveCodeCache(dir);
  return code;
}
