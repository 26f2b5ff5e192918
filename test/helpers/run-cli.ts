// Runs the real executable (bin/opsplan -> dist) as a child process, the way users and CI do.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The executable under test. */
export const BIN = path.join(REPO, 'bin', 'opsplan');
/** The bundled example workspace. */
export const ACME = path.join(REPO, 'examples', 'acme');

/** What a run printed and returned. */
export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Spawns `opsplan args...` in `cwd` with a clean, colourless environment. */
export function runOpsplan(args: string[], options: { cwd?: string; env?: Record<string, string>; timeout?: number } = {}): RunResult {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NO_COLOR: '1', TZ: 'UTC' };
  Object.assign(env, options.env ?? {});
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? REPO, env, encoding: 'utf8', timeout: options.timeout ?? 60000, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** The YAML files below a folder, counted independently of opsplan's own walk (the examples grow with every chapter). */
export function countYamlFiles(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.ya?ml$/.test(f)).length;
}

/** A fresh temporary folder. */
export function tempDir(prefix = 'opsplan-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** The number of YAML files in examples/acme (chapters add files; tests count them rather than pin a number). */
export function acmeFileCount(): number {
  return (readdirSync(ACME, { recursive: true }) as string[]).filter((f) => /\.ya?ml$/.test(f)).length;
}

/** Copies the acme example to a temp folder so a test can change it. */
export function copyAcme(): string {
  const dir = tempDir('opsplan-acme-');
  cpSync(ACME, dir, { recursive: true });
  return dir;
}

/** Writes a workspace from a map of relative path -> content into a temp folder. */
export function makeWorkspace(files: Record<string, string>, base?: string): string {
  const dir = base ?? tempDir();
  for (const [rel, text] of Object.entries(files)) {
    const abs = path.join(dir, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, text);
  }
  return dir;
}

/** A minimal valid company file for fixtures. */
export const COMPANY_YAML = `kind: company
version: 1
company: Test Co.
currency: CNY
departments:
  - id: marketing
    name: Marketing
    function: marketing
  - id: production
    name: Production
    function: production
warehouses:
  - id: wh1
    name: Main
`;

/** A text sink that collects what was written, or fails every write with `fail`. */
export function memorySink(fail?: () => Error): { write(chunk: string): boolean; text: () => string } {
  const chunks: string[] = [];
  return {
    write(chunk: string): boolean {
      if (fail) throw fail();
      chunks.push(chunk);
      return true;
    },
    text: () => chunks.join(''),
  };
}

/** An fs-style error, as Node raises it (`ENOSPC: no space left on device, write`). */
export function errnoError(code: string, syscall: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: failed, ${syscall}`), { code, syscall, errno: -1 });
}

/**
 * Runs `main(args, world)` in this process, as the spawned binary would but with the world
 * handed in (markdownlint-cli2's pattern): same exit code, same output.
 */
export async function runInProcess(args: string[], options: { cwd?: string; env?: Record<string, string>; stdout?: ReturnType<typeof memorySink>; now?: Date } = {}): Promise<RunResult> {
  const { main } = await import('../../src/cli/main.js');
  const stdout = options.stdout ?? memorySink();
  const stderr = memorySink();
  const code = await main(args, { stdout, stderr, env: { NO_COLOR: '1', ...(options.env ?? {}) }, cwd: options.cwd ?? REPO, now: options.now ?? new Date() });
  return { code, signal: null, stdout: stdout.text(), stderr: stderr.text() };
}
