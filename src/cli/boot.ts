// How bin/opsplan starts: the CLI comes from one CommonJS bundle of src/ (dist/cli/opsplan.cjs,
// written by scripts/build-bundle.mjs) compiled through a V8 code cache (code-cache.ts), not
// from the ~80 ES modules tsc writes to dist/, each of which Node's module loader resolves,
// reads, compiles and links at every run. Measured on acme, 2026-12-01 (README "Start-up"):
// validate used about 65 ms less CPU than with tsc's modules, 40 of them from the bundle and
// the rest from the code cache, which Node 20 offers only to scripts compiled through `vm`.
import { createRequire } from 'node:module';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import type { runCli } from './main.js';
import { EXIT, watchProcessStreams } from './process-streams.js';
import { readVersion } from './version.js';

/** The bundle, beside this module in dist/cli. */
export const BUNDLE_FILE = fileURLToPath(new URL('./opsplan.cjs', import.meta.url));

/**
 * The code cache a run of `args` uses: one per command (`commands`: their names), as a cache
 * holds the functions the run that wrote it compiled (`validate` compiles the loader, `--help`
 * next to nothing); help and mistyped commands share `other`.
 */
export function cacheVariant(args: readonly string[], commands: readonly { name: string }[]): string {
  const first = args[0];
  return commands.some((c) => c.name === first) ? first! : 'other';
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
  // Imported here, not above: a bare --version needs neither.
  const [{ codeCacheDir, requireWithCodeCache, saveCodeCache }, { COMMANDS }] = await Promise.all([import('./code-cache.js'), import('./commands/index.js')]);
  const dir = codeCacheDir(env);
  const load = (file: string, variant?: string): unknown => (dir === null ? createRequire(import.meta.url)(file) : requireWithCodeCache(file, dir, variant));
  const cli = load(BUNDLE_FILE, cacheVariant(args, COMMANDS)) as { runCli: typeof runCli };
  const code = await cli.runCli((file) => load(file));
  // After the run: the caches then hold every function it compiled.
  if (dir !== null) saveCodeCache(dir);
  return code;
}
