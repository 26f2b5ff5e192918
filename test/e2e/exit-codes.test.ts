// Exit codes that cannot escape: every file-system and stream failure of every command ends in
// the one mapping (3 with the reason in words), never a stack trace. One case table, run
// in-process through main(args, world) and as a spawned bin/opsplan. The unwritable targets
// are a path below a regular file and /proc, which stay unwritable for root too, so these
// tests fail in CI if the mapping breaks.
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, errnoError, memorySink, runInProcess, runOpsplan, tempDir } from '../helpers/run-cli.js';
import type { RunResult } from '../helpers/run-cli.js';

/** A path whose parent is a regular file: no user, root included, can create it. */
function belowAFile(name: string): string {
  const file = path.join(tempDir(), 'a-file');
  writeFileSync(file, 'not a folder\n');
  return path.join(file, name);
}

const ACME = 'examples/acme';

interface Case {
  name: string;
  args: () => string[];
  stderr: RegExp;
}

const UNWRITABLE: Case[] = [
  { name: 'init below a regular file', args: () => ['init', belowAFile('ws')], stderr: /cannot create .*a-file\/ws: .*a-file is not a folder/ },
  { name: 'init under /proc', args: () => ['init', '/proc/opsplan-ws'], stderr: /cannot create \/proc\/opsplan-ws: the file or folder does not exist \(ENOENT\)/ },
  { name: 'validate --format json=FILE under /proc', args: () => ['validate', ACME, '--format', 'json=/proc/opsplan.json'], stderr: /cannot write \/proc\/opsplan\.json: the file or folder does not exist \(ENOENT\)/ },
  { name: 'validate --output below a regular file', args: () => ['validate', ACME, '-o', belowAFile('out.txt')], stderr: /cannot write .*a-file\/out\.txt: a part of the path is a file, not a folder \(ENOTDIR\)/ },
  { name: 'stock --output under /proc', args: () => ['stock', ACME, '--as-of', '2026-11-30', '-o', '/proc/stock.csv'], stderr: /cannot write \/proc\/stock\.csv/ },
  { name: 'variance --output below a regular file', args: () => ['variance', ACME, '-o', belowAFile('v.json')], stderr: /cannot write .*a-file\/v\.json: a part of the path is a file/ },
  { name: 'consolidate --output under /proc', args: () => ['consolidate', ACME, '--period', 'FY2026', '-o', '/proc/plan.yaml'], stderr: /cannot write \/proc\/plan\.yaml/ },
  { name: 'report --output below a regular file', args: () => ['report', ACME, '--no-charts', '--as-of', '2026-11-30', '-o', belowAFile('r.xlsx')], stderr: /cannot create .*a-file: .*a-file is not a folder/ },
];

function expectCleanExit3(r: RunResult, stderr: RegExp): void {
  expect(r.stderr).toMatch(stderr);
  expect(r.stderr).not.toContain('internal error');
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.code).toBe(3);
}

describe('an unwritable output is exit 3 with the reason in words', () => {
  describe.each([
    ['spawned', (args: string[]) => Promise.resolve(runOpsplan(args))],
    ['in process', (args: string[]) => runInProcess(args)],
  ])('%s', (_how, run) => {
    it.each(UNWRITABLE.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
      expectCleanExit3(await run(c.args()), c.stderr);
    });
  });
});

/** Every command that prints to stdout, with arguments that make it print. */
const PRINTING: [string, string[]][] = [
  ['validate', ['validate', ACME]],
  ['validate --format json', ['validate', ACME, '--format', 'json']],
  ['stock', ['stock', ACME, '--as-of', '2026-11-30']],
  ['stock --format json', ['stock', ACME, '--as-of', '2026-11-30', '--format', 'json']],
  ['variance', ['variance', ACME, '--as-of', '2026-11-30']],
  ['consolidate', ['consolidate', ACME, '--period', 'FY2026']],
];

describe('a full disk behind standard output is exit 3, not a stack trace', () => {
  it.each(PRINTING)('%s > /dev/full (spawned)', (_name, args) => {
    const full = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', TZ: 'UTC' }, stdio: ['ignore', full, 'pipe'], encoding: 'utf8', timeout: 60000 });
      expectCleanExit3({ code: r.status, signal: r.signal, stdout: '', stderr: r.stderr }, /^opsplan: cannot write standard output: no space left on the device \(ENOSPC\)\n$/);
    } finally {
      closeSync(full);
    }
  });

  it.each(PRINTING)('%s to a failing sink (in process)', async (_name, args) => {
    const r = await runInProcess(args, { stdout: memorySink(() => errnoError('ENOSPC', 'write')) });
    expectCleanExit3(r, /^opsplan: cannot write standard output: no space left on the device \(ENOSPC\)\n$/);
  });

  it('init > /dev/full still creates the workspace and exits 3', async () => {
    const dir = path.join(tempDir(), 'ws');
    const r = await runInProcess(['init', dir], { stdout: memorySink(() => errnoError('EIO', 'write')) });
    expectCleanExit3(r, /cannot write standard output: an input\/output error of the device \(EIO\)/);
  });
});
