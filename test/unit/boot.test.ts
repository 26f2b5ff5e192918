// bin/opsplan's start (src/cli/boot.ts): which runs skip the bundle, which code cache a run uses.
import { describe, expect, it } from 'vitest';
import { cacheVariant, isBareVersion } from '../../src/cli/boot.js';
import { COMMANDS } from '../../src/cli/commands/index.js';

describe('boot', () => {
  it('answers only a bare --version or -V itself', () => {
    expect(isBareVersion(['--version'])).toBe(true);
    expect(isBareVersion(['-V'])).toBe(true);
    expect(isBareVersion([])).toBe(false);
    expect(isBareVersion(['--version', 'validate'])).toBe(false);
    expect(isBareVersion(['validate', '--version'])).toBe(false);
    expect(isBareVersion(['-v'])).toBe(false);
  });

  it('keeps a code cache per command and one for everything else', () => {
    expect(COMMANDS.length).toBeGreaterThan(10);
    for (const c of COMMANDS) expect(cacheVariant([c.name, 'x'])).toBe(c.name);
    expect(cacheVariant([])).toBe('other');
    expect(cacheVariant(['--help'])).toBe('other');
    expect(cacheVariant(['valdate'])).toBe('other');
    expect(cacheVariant(['../../etc'])).toBe('other');
    expect(cacheVariant(['toString'])).toBe('other');
  });
});
