// The V8 code cache of the precompiled validators (src/cli/code-cache.ts) may only change how
// fast a run starts: the same findings with a fresh cache, a warm one, a corrupt one, none,
// and a cache folder other users can write to is never read.
import { chmodSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACME, REPO, runOpsplan, tempDir } from '../helpers/run-cli.js';

const validateAcme = (env: Record<string, string>): { code: number | null; stdout: string } => {
  const r = runOpsplan(['validate', ACME, '-f', 'json'], { env });
  return { code: r.code, stdout: r.stdout };
};

describe('validator code cache', () => {
  it('writes a cache once and gives the same findings with it, without it and with a corrupt one', () => {
    const dir = path.join(tempDir('opsplan-code-cache-'), 'cache');
    const off = validateAcme({ OPSPLAN_CODE_CACHE: '0' });
    expect(off.code).toBe(0);
    expect(JSON.parse(off.stdout).diagnostics.length).toBeGreaterThan(0);

    const cold = validateAcme({ OPSPLAN_CODE_CACHE: dir });
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^validators\.cjs-[0-9a-f]{16}-[0-9a-f]{16}\.v8$/);
    const warm = validateAcme({ OPSPLAN_CODE_CACHE: dir });
    expect(cold).toEqual(off);
    expect(warm).toEqual(off);

    // V8 rejects bytes that are not its cache; the run compiles as without one and rewrites it.
    writeFileSync(path.join(dir, files[0]!), 'not a code cache');
    expect(validateAcme({ OPSPLAN_CODE_CACHE: dir })).toEqual(off);
    expect(readdirSync(dir)).toEqual(files);

    // A new build's cache replaces the old one of the same file; other files stay.
    const stale = files[0]!.replace(/-[0-9a-f]{16}\.v8$/, '-0000000000000000.v8');
    writeFileSync(path.join(dir, 'other.v8'), 'x');
    writeFileSync(path.join(dir, files[0]!), 'an earlier build');
    writeFileSync(path.join(dir, stale), 'an earlier build');
    expect(validateAcme({ OPSPLAN_CODE_CACHE: dir })).toEqual(off);
    expect(readdirSync(dir).sort()).toEqual([files[0]!, 'other.v8'].sort());
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
