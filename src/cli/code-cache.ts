// A V8 code cache for the CLI bundle (dist/cli/opsplan.cjs, see src/cli/boot.ts) and the
// precompiled schema validators (dist/validators.cjs, about 1 MB of ajv standalone code).
// Node 20 has no `module.enableCompileCache()` (added in 22.1), so these CommonJS files are
// compiled through `vm.Script` with `cachedData`, the mechanism v8-compile-cache and Node 22's
// compile cache use. It caches V8's bytecode of the functions, not results: every run still
// validates every file. Measured on acme (quiet machine, 2026-11-30): running the validators
// over its 145 files took 24 ms compiling them lazily without the cache and 6 ms with it;
// see README "Start-up".
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import vm from 'node:vm';

/** Scripts compiled without an accepted cache: written back by `saveCodeCache`. */
const pending: { script: vm.Script; cache: string; prefix: string }[] = [];

/**
 * The cache folder: OPSPLAN_CODE_CACHE names one, `0` (or `off`) turns the cache off, and by
 * default it is `opsplan-code-cache-<uid>` in the system's temporary folder (as Node 22's
 * compile cache uses `os.tmpdir()`).
 */
export function codeCacheDir(env: NodeJS.ProcessEnv): string | null {
  const setting = env.OPSPLAN_CODE_CACHE;
  if (setting === '0' || setting === 'off') return null;
  if (setting) return path.resolve(setting);
  return path.join(os.tmpdir(), `opsplan-code-cache-${process.getuid?.() ?? 'user'}`);
}

/**
 * Whether `dir` is a folder only this user can write: bytecode read from a folder another
 * user can write to would run as ours. A missing folder is created private.
 */
function privateDir(dir: string, create: boolean): boolean {
  try {
    if (create) mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = lstatSync(dir);
    const uid = process.getuid?.();
    return st.isDirectory() && (uid === undefined || st.uid === uid) && (st.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

/**
 * The cache file of a source: `<name>-<path hash>-[<variant>-]<content hash>.v8`. The content
 * hash covers this Node too (V8 itself checks only the source's length); the path is in the
 * name because V8 keeps the file name it compiled under (for stack traces and profiles), so
 * two checkouts with the same file would otherwise name each other's cache, and so that a new
 * build's cache can replace the old one (`saveCodeCache`).
 */
function cacheFile(dir: string, file: string, bytes: Buffer, variant: string | undefined): string {
  // Hashed as bytes: hashing the decoded string re-encodes it first (1 MB: 2 ms against 1).
  const hash = createHash('sha256').update(bytes).update(`\0${process.version}\0${process.arch}`).digest('hex').slice(0, 16);
  return path.join(dir, `${cachePrefix(file, variant)}${hash}.v8`);
}

function cachePrefix(file: string, variant: string | undefined): string {
  return `${path.basename(file)}-${createHash('sha256').update(file).digest('hex').slice(0, 16)}-${variant === undefined ? '' : `${variant}-`}`;
}

/**
 * Loads a CommonJS file as `require` would, through V8's code cache in `dir`. Any problem
 * with the cache (missing, rejected, unreadable) only costs the compilation it would save.
 * A `variant` keeps a cache of its own (the bundle keeps one per command: a cache holds the
 * functions compiled by the run that wrote it, and `--version` compiles few of validate's).
 */
export function requireWithCodeCache(file: string, dir: string, variant?: string): unknown {
  const bytes = readFileSync(file);
  const source = bytes.toString('utf8');
  const target = cacheFile(dir, file, bytes, variant);
  let cachedData: Buffer | undefined;
  if (privateDir(dir, false)) {
    try {
      cachedData = readFileSync(target);
    } catch {
      cachedData = undefined;
    }
  }
  const wrapper = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new vm.Script(wrapper, { filename: file, cachedData });
  if (cachedData === undefined || script.cachedDataRejected === true) pending.push({ script, cache: target, prefix: cachePrefix(file, variant) });
  const compiled = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: { exports: object }, filename: string, dirname: string) => void;
  const mod = { exports: {} };
  compiled.call(mod.exports, mod.exports, createRequire(file), mod, file, path.dirname(file));
  return mod.exports;
}

/**
 * Writes the caches of the scripts loaded without one, after the run: the functions V8
 * compiled while validating are then in it too. Atomic (temporary file and rename), so runs
 * side by side never read half a cache; failures are ignored (the cache is an optimisation).
 */
export function saveCodeCache(dir: string): void {
  if (pending.length === 0 || !privateDir(dir, true)) return;
  for (const { script, cache, prefix } of pending.splice(0)) {
    const tmp = `${cache}.${process.pid}.tmp`;
    try {
      writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
      renameSync(tmp, cache);
      // The caches of earlier builds of the same file (and variant) are of no use any more.
      for (const old of readdirSync(dir)) if (old.startsWith(prefix) && /^[0-9a-f]{16}\.v8$/.test(old.slice(prefix.length)) && path.join(dir, old) !== cache) rmSync(path.join(dir, old), { force: true });
    } catch {
      rmSync(tmp, { force: true });
    }
  }
}
