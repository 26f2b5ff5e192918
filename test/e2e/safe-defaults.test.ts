// Safe defaults: init --schemas refreshes only the schemas, init --force keeps a changed file
// as a backup, init's "next" line works as printed, and JSON rates are percentages named
// ...Pct rounded to 2 decimals on output.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runOpsplan, tempDir } from '../helpers/run-cli.js';

const SCHEMA = path.join('.opsplan', 'schemas', 'budget.schema.json');

describe('init --schemas', () => {
  it('refreshes .opsplan/schemas and touches no other file', () => {
    const ws = path.join(tempDir(), 'ws');
    expect(runOpsplan(['init', ws]).code).toBe(0);
    const company = path.join(ws, 'opsplan.yaml');
    writeFileSync(company, readFileSync(company, 'utf8').replace(/^company: .*$/m, 'company: My Own Co.'));
    const pristine = readFileSync(path.join(ws, SCHEMA), 'utf8');
    writeFileSync(path.join(ws, SCHEMA), '{}\n');
    const r = runOpsplan(['init', ws, '--schemas']);
    expect(r.stdout).toMatch(/^refreshed \d+ schemas in .*\.opsplan\/schemas\/; no other file was touched\n$/);
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(ws, SCHEMA), 'utf8')).toBe(pristine);
    expect(readFileSync(company, 'utf8')).toContain('company: My Own Co.');
    expect(existsSync(`${company}.bak`)).toBe(false);
  });

  it('is exit 2 outside a workspace', () => {
    const r = runOpsplan(['init', tempDir(), '--schemas']);
    expect(r.stderr).toContain('has no opsplan.yaml; init --schemas refreshes an existing workspace');
    expect(r.code).toBe(2);
  });
});

describe('init --force', () => {
  it('keeps a file the user changed as FILE.bak, and leaves no backup of an unchanged one', () => {
    const ws = path.join(tempDir(), 'ws');
    expect(runOpsplan(['init', ws]).code).toBe(0);
    const company = path.join(ws, 'opsplan.yaml');
    const mine = readFileSync(company, 'utf8').replace(/^company: .*$/m, 'company: My Own Co.');
    writeFileSync(company, mine);
    const r = runOpsplan(['init', ws, '--force']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('kept your versions: opsplan.yaml -> opsplan.yaml.bak');
    expect(readFileSync(`${company}.bak`, 'utf8')).toBe(mine);
    expect(readFileSync(company, 'utf8')).not.toContain('My Own Co.');
    expect(existsSync(path.join(ws, 'budgets', 'FY2026', 'marketing.yaml.bak'))).toBe(false);
    // A second backup never replaces the first.
    writeFileSync(company, mine.replace('My Own Co.', 'Second Co.'));
    expect(runOpsplan(['init', ws, '--force']).code).toBe(0);
    expect(readFileSync(`${company}.bak`, 'utf8')).toBe(mine);
    expect(readFileSync(`${company}.bak.1`, 'utf8')).toContain('Second Co.');
    // The backups are not YAML files of the workspace: it still validates clean.
    expect(runOpsplan(['validate', ws]).code).toBe(0);
  });
});

describe("init's next line works as printed", () => {
  const nextLine = (stdout: string): string => /^next: (.*)$/m.exec(stdout)![1]!;
  const sh = (line: string, cwd: string, PATH: string): number | null => spawnSync('sh', ['-c', line], { cwd, env: { PATH, NO_COLOR: '1' }, encoding: 'utf8' }).status;
  const nodeDir = path.dirname(process.execPath);

  it('without opsplan on PATH it names this installation, and a folder with a space is quoted', () => {
    const cwd = tempDir();
    const r = runOpsplan(['init', 'my plans'], { cwd, env: { PATH: `${nodeDir}:/usr/bin:/bin` } });
    expect(r.code).toBe(0);
    const line = nextLine(r.stdout);
    expect(line).toBe(`${BIN} validate 'my plans'`);
    expect(sh(line, cwd, `${nodeDir}:/usr/bin:/bin`)).toBe(0);
  });

  it('with opsplan on PATH (npm link, npm install -g) it says opsplan', () => {
    const cwd = tempDir();
    const binDir = path.join(tempDir(), 'bin');
    mkdirSync(binDir);
    symlinkSync(BIN, path.join(binDir, 'opsplan'));
    const PATH = `${binDir}:${nodeDir}:/usr/bin:/bin`;
    const r = runOpsplan(['init', 'ws'], { cwd, env: { PATH } });
    const line = nextLine(r.stdout);
    expect(line).toBe('opsplan validate ws');
    expect(sh(line, cwd, PATH)).toBe(0);
  });
});

describe('JSON rates: percentages named ...Pct, 2 decimals', () => {
  const pctValues = (text: string): number[] => [...text.matchAll(/"(\w+)": (-?[\d.e+-]+)/g)].filter((m) => m[1]!.endsWith('Pct')).map((m) => Number(m[2]));
  it.each([
    ['variance', ['variance', 'examples/acme', '--as-of', '2026-11-30', '-f', 'json']],
    ['consolidate', ['consolidate', 'examples/acme', '-p', 'FY2026', '-f', 'json']],
    ['stock', ['stock', 'examples/acme', '--as-of', '2026-11-30', '-f', 'json']],
  ])('%s', (_name, args) => {
    const r = runOpsplan(args);
    const values = pctValues(r.stdout);
    expect(values.length).toBeGreaterThan(5);
    expect(values.filter((v) => Math.round(v * 100) / 100 !== v)).toEqual([]);
    expect(r.stdout).not.toMatch(/"elapsedShare"|"pctOfPace"/);
  });

  it('consolidate reports elapsed time as elapsedPct (0-100) and the pace ratio as ofPacePct', () => {
    const doc = JSON.parse(runOpsplan(['consolidate', 'examples/acme', '-p', 'FY2026', '-f', 'json']).stdout) as { progress: { targets: { id: string; elapsedPct: number; ofPacePct: number | null }[] } };
    const t = doc.progress.targets.find((x) => x.id === 'MKT-T1')!;
    // As of 2026-11-30: 334 of 365 days; 7,900 achieved of a pace of 10,980.82.
    expect(t.elapsedPct).toBe(91.51);
    expect(t.ofPacePct).toBe(71.94);
  });
});
