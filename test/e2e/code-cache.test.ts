// The V8 code caches of the CLI bundle and the precompiled validators (src/cli/code-cache.ts,
// src/cli/boot.ts) may only change how fast a run starts: the same findings with fresh
// caches, warm ones, corrupt ones, none, and a cache folder other users can write to is
// never read.
import { chmodSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACME, REPO, runOpsplan, tempDir } from '../helpers/run-cli.js';

const validateAcme = (env: Record<string, string>): { code: number | null; stdout: string } => {
  const r = runOpsplan(['validate', ACME, '-f', 'json'], { env });
  return { code: r.code, stdout: r.stdout };
};

const HASH = '[0-9a-f]{16}';

describe('code cache', () => {
  it('writes the caches once and gives the same findings with them, without them and with corrupt ones', () => {
    const dir = path.join(tempDir('opsplan-code-cache-'), 'cache');
    const off = validateAcme({ OPSPLAN_CODE_CACHE: '0' });
    expect(off.code).toBe(0);
    expect(JSON.parse(off.stdout).diagnostics.length).toBeGreaterThan(0);

    const cold = validateAcme({ OPSPLAN_CODE_CACHE: dir });
    const files = readdirSync(dir).sort();
    // The bundle's cache of the validate command and the validators' cache.
    expect(files).toHaveLength(2);
    expect(files[0]).toMatch(new RegExp(`^opsplan\\.cjs-${HASH}-validate-${HASH}\\.v8$`));
    expect(files[1]).toMatch(new RegExp(`^validators\\.cjs-${HASH}-${HASH}\\.v8$`));
    const warm = validateAcme({ OPSPLAN_CODE_CACHE: dir });
    expect(cold).toEqual(off);
    expect(warm).toEqual(off);
    expect(readdirSync(dir).sort()).toEqual(files);

    // V8 rejects bytes that are not its cache; the run compiles as without one and rewrites it.
    for (const f of files) writeFileSync(path.join(dir, f), 'not a code cache');
    expect(validateAcme({ OPSPLAN_CODE_CACHE: dir })).toEqual(off);
    expect(readdirSync(dir).sort()).toEqual(files);
    for (const f of files) expect(readFileSync(path.join(dir, f), 'latin1')).not.toBe('not a code cache');

    // A new build's cache replaces the old one of the same file and command; other files stay.
    const stale = files.map((f) => f.replace(new RegExp(`-${HASH}\\.v8$`), '-0000000000000000.v8'));
    writeFileSync(path.join(dir, 'other.v8'), 'x');
    for (const f of [...files, ...stale]) writeFileSync(path.join(dir, f), 'an earlier build');
    expect(validateAcme({ OPSPLAN_CODE_CACHE: dir })).toEqual(off);
    expect(readdirSync(dir).sort()).toEqual([...files, 'other.v8'].sort());
  });

  it('keeps one bundle cache per command, and none for a bare --version', () => {
    const dir = path.join(tempDir('opsplan-code-cache-'), 'cache');
    const version = runOpsplan(['--version'], { env: { OPSPLAN_CODE_CACHE: dir } });
    expect(version.stdout).toBe(`${JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')).version}\n`);
    expect(version.code).toBe(0);
    expect(runOpsplan(['--help'], { env: { OPSPLAN_CODE_CACHE: dir } }).code).toBe(0);
    expect(runOpsplan(['valdate'], { env: { OPSPLAN_CODE_CACHE: dir } }).code).toBe(2);
    expect(runOpsplan(['accounts', ACME], { env: { OPSPLAN_CODE_CACHE: dir } }).code).toBe(0);
    const variants = readdirSync(dir).filter((f) => f.startsWith('opsplan.cjs-')).map((f) => new RegExp(`^opsplan\\.cjs-${HASH}-([a-z]+)-${HASH}\\.v8$`).exec(f)?.[1]);
    expect(variants.sort()).toEqual(['accounts', 'other']);
  });

  it('reads precompiled validators written in ASCII (a one-byte string in V8)', () => {
    const code = readFileSync(path.join(REPO, 'dist', 'validators.cjs'), 'latin1');
    expect(code.length).toBeGreaterThan(100000);
    expect(/[^\t\n\r\x20-\x7e]/.test(code)).toBe(false);
    // The CJK words of the descriptions are there, as escapes.
    expect(code).toContain('\\u516d');
  });

  it('never uses a cache folder that other users can write to', () => {
    const dir = path.join(tempDir('opsplan-code-cache-'), 'shared');
    mkdirSync(dir);
    chmodSync(dir, 0o777);
    expect(validateAcme({ OPSPLAN_CODE_CACHE: dir }).code).toBe(0);
    expect(readdirSync(dir)).toEqual([]);
  });
});
