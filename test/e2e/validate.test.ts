// `opsplan validate` through the real executable: formats, options, exit codes.
import { existsSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACME, COMPANY_YAML, REPO, acmeFileCount, makeWorkspace, runOpsplan, tempDir } from '../helpers/run-cli.js';
import { INIT_FILES } from '../../src/cli/commands/init-templates.js';

const INVALID = path.join(REPO, 'examples', 'invalid');
const UNQUOTED = path.join(INVALID, 'schema', 'unquoted-code.yaml');
const ESC = '\u001b';

describe('validate on the example workspace', () => {
  it('passes examples/acme with exit 0 and one known warning', () => {
    const r = runOpsplan(['validate', 'examples/acme']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('actuals/2026-11/supply-chain.yaml');
    expect(r.stdout).toContain(`${acmeFileCount()} files checked: 0 errors, 1 warning`);
    expect(r.stderr).toBe('');
  });

  it('fails on warnings with --max-warnings 0', () => {
    const over = runOpsplan(['validate', 'examples/acme', '--max-warnings', '0']);
    expect(over.code).toBe(1);
    // It says which limit failed (the summary alone reads "0 errors").
    expect(over.stderr).toBe('opsplan: 1 warning, more than --max-warnings 0 allows\n');
    const within = runOpsplan(['validate', 'examples/acme', '--max-warnings', '1']);
    expect(within.code).toBe(0);
    expect(within.stderr).toBe('');
  });

  it('defaults to the current folder', () => {
    const r = runOpsplan(['validate'], { cwd: ACME });
    expect(r.code).toBe(0);
  });
});

describe('output formats', () => {
  it('stylish shows file, position, code and a code frame', () => {
    const r = runOpsplan(['validate', UNQUOTED]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('schema/unquoted-code.yaml\n  6:14     error  lines[0].account must be a string');
    expect(r.stdout).toContain('  > 6 |   - account: 00123\n      |              ^');
    expect(r.stdout).toContain('1 file checked: 1 error, 0 warnings');
    expect(r.stdout).not.toContain(ESC);
  });

  it('colours only when asked and NO_COLOR is unset', () => {
    const r = runOpsplan(['validate', UNQUOTED], { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(r.stdout).toContain(`${ESC}[31merror`);
    const plain = runOpsplan(['validate', UNQUOTED, '--no-color'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(plain.stdout).not.toContain(ESC);
  });

  it('github prints workflow annotations with escaped properties', () => {
    const r = runOpsplan(['validate', UNQUOTED, '--format', 'github']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      '::error file=examples/invalid/schema/unquoted-code.yaml,line=6,col=14,endLine=6,title=schema/unquoted-code::lines[0].account must be a string, but YAML read the unquoted 00123 as the number 123; quote it: "00123"\n',
    );
  });

  it('adds GitHub annotations automatically under GitHub Actions', () => {
    const r = runOpsplan(['validate', UNQUOTED], { env: { GITHUB_ACTIONS: 'true' } });
    expect(r.stdout).toContain('6:14     error');
    expect(r.stdout).toContain('::error file=examples/invalid/schema/unquoted-code.yaml,line=6,col=14');
  });

  it('junit reports one failing test case for the file', () => {
    const r = runOpsplan(['validate', UNQUOTED, '--format', 'junit']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('<testsuites name="opsplan validate" tests="1" failures="1" errors="0">');
    expect(r.stdout).toContain('<failure type="opsplan" message="1 error, 0 warnings">error schema/unquoted-code.yaml:6:14 schema/unquoted-code: lines[0].account must be a string, but YAML read the unquoted 00123 as the number 123; quote it: &quot;00123&quot;</failure>');
  });

  it('sarif has 1-based regions and rule ids', () => {
    const r = runOpsplan(['validate', UNQUOTED, '--format', 'sarif']);
    const sarif = JSON.parse(r.stdout);
    expect(sarif.version).toBe('2.1.0');
    const result = sarif.runs[0].results[0];
    expect(result.ruleId).toBe('schema/unquoted-code');
    // Relative to the repository root (this checkout), declared as SRCROOT.
    expect(result.locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'examples/invalid/schema/unquoted-code.yaml', uriBaseId: 'SRCROOT' });
    expect(result.locations[0].physicalLocation.region).toMatchObject({ startLine: 6, startColumn: 14 });
  });

  it('json on a clean workspace has no diagnostics', () => {
    const r = runOpsplan(['validate', 'examples/acme', '--format', 'json']);
    const body = JSON.parse(r.stdout);
    expect(r.code).toBe(0);
    expect(body.summary).toEqual({ files: acmeFileCount(), errors: 0, warnings: 1, omitted: 0 });
    expect(body.tool.name).toBe('opsplan');
  });

  it('writes several formats at once, each to its own file', () => {
    const dir = tempDir();
    const junit = path.join(dir, 'junit.xml');
    const sarif = path.join(dir, 'out.sarif');
    const r = runOpsplan(['validate', UNQUOTED, '--format', 'stylish', '--format', `junit=${junit}`, '--format', `sarif=${sarif}`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('6:14');
    expect(readFileSync(junit, 'utf8')).toContain('<failure');
    expect(JSON.parse(readFileSync(sarif, 'utf8')).runs[0].results).toHaveLength(1);
    const json = path.join(dir, 'out.json');
    expect(runOpsplan(['validate', UNQUOTED, '--format', 'json', '--output', json]).code).toBe(1);
    expect(JSON.parse(readFileSync(json, 'utf8')).summary.errors).toBe(1);
    const ambiguous = runOpsplan(['validate', UNQUOTED, '--format', 'json', '--format', 'sarif', '--output', json]);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain('--output is ambiguous');
  });

  it('caps the printed findings with --max-findings but counts them all', () => {
    const r = runOpsplan(['validate', INVALID, '--max-findings', '3']);
    expect(r.code).toBe(1);
    expect(r.stdout.match(/^ {2}\d+:\d+ +(error|warning) /gm)).toHaveLength(3);
    expect(r.stdout).toMatch(/43 files checked: 62 errors, 8 warnings \(67 more not shown; raise --max-findings to see them\)/);
  });
});

describe('targets and usage errors', () => {
  it('validates files matched by a glob, reporting only those', () => {
    const r = runOpsplan(['validate', 'examples/invalid/schema/*.yaml', '--format', 'json']);
    const body = JSON.parse(r.stdout);
    expect(r.code).toBe(1);
    expect(body.summary.files).toBe(6);
    expect(new Set(body.diagnostics.map((d: { file: string }) => d.file.split('/')[0]))).toEqual(new Set(['schema']));
  });

  it('exits 2 when a glob or path matches nothing', () => {
    const g = runOpsplan(['validate', 'examples/acme/nothing-*.yaml']);
    expect(g.code).toBe(2);
    expect(g.stderr).toContain('matches no YAML file');
    const p = runOpsplan(['validate', 'examples/no-such-dir']);
    expect(p.code).toBe(2);
    expect(p.stderr).toContain('no such file or folder');
    expect(p.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('exits 2 on an unknown format or option', () => {
    const f = runOpsplan(['validate', 'examples/acme', '--format', 'xml']);
    expect(f.code).toBe(2);
    expect(f.stderr).toContain('unknown format "xml"');
    expect(runOpsplan(['validate', '--bogus']).code).toBe(2);
    expect(runOpsplan(['validate', 'examples/acme', '--max-warnings', 'many']).code).toBe(2);
  });

  it('exits 3 when the output cannot be written, 2 when it is an input', () => {
    const r = runOpsplan(['validate', 'examples/acme', '--format', 'json', '--output', '/dev/full']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('cannot write /dev/full');
    const company = path.join(ACME, 'opsplan.yaml');
    const before = readFileSync(company);
    const same = runOpsplan(['validate', 'examples/acme', '--format', 'json', '--output', company]);
    expect(same.code).toBe(2);
    expect(readFileSync(company)).toEqual(before);
  });

  it('reports a missing company file', () => {
    const dir = makeWorkspace({ 'a.yaml': 'kind: actuals\nversion: 1\ndepartment: x\nmonth: 2026-01\nlines: []\n' });
    const r = runOpsplan(['validate', dir, '--format', 'json']);
    expect(r.code).toBe(1);
    // Without a company file, departments cannot be checked; the budget check still runs.
    expect(JSON.parse(r.stdout).diagnostics.map((d: { code: string }) => d.code)).toEqual(['actuals/no-budget', 'workspace/missing-company']);
  });

  it('refuses files over --max-file-size before reading them', () => {
    const dir = makeWorkspace({ 'opsplan.yaml': COMPANY_YAML });
    const r = runOpsplan(['validate', dir, '--max-file-size', '100', '--format', 'json']);
    const d = JSON.parse(r.stdout).diagnostics;
    expect(r.code).toBe(1);
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ file: 'opsplan.yaml', code: 'file/too-large' });
  });

  it('skips symbolic links (loops and links out of the workspace) with a warning', () => {
    const outside = makeWorkspace({ 'secret.yaml': 'kind: actuals\nversion: 1\n' });
    const dir = makeWorkspace({ 'opsplan.yaml': COMPANY_YAML, 'sub/a.yaml': 'kind: actuals\nversion: 1\ndepartment: marketing\nmonth: 2026-01\nlines: []\n' });
    symlinkSync('..', path.join(dir, 'sub', 'loop'));
    symlinkSync(outside, path.join(dir, 'outside'));
    symlinkSync(path.join(outside, 'secret.yaml'), path.join(dir, 'secret-link.yaml'));
    const r = runOpsplan(['validate', dir, '--format', 'json']);
    const body = JSON.parse(r.stdout);
    expect(r.code).toBe(0);
    expect(body.summary.files).toBe(2);
    expect(body.diagnostics.map((d: { file: string; code: string }) => [d.file, d.code])).toEqual([
      ['outside', 'workspace/symlink-skipped'],
      ['secret-link.yaml', 'workspace/symlink-skipped'],
      ['sub/a.yaml', 'actuals/no-budget'],
      ['sub/loop', 'workspace/symlink-skipped'],
    ]);
  });

  it('prints help and version', () => {
    const h = runOpsplan(['--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('validate');
    const v = runOpsplan(['--version']);
    expect(v.stdout.trim()).toBe(JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')).version);
  });
});

describe('init', () => {
  it('creates a workspace that validates clean, with editor schema mapping', () => {
    const dir = tempDir();
    const r = runOpsplan(['init', dir]);
    expect(r.code).toBe(0);
    expect(existsSync(path.join(dir, '.opsplan', 'schemas', 'budget.schema.json'))).toBe(true);
    const settings = JSON.parse(readFileSync(path.join(dir, '.vscode', 'settings.json'), 'utf8'));
    expect(settings['yaml.schemas']['./.opsplan/schemas/budget.schema.json']).toBe('budgets/**/*.yaml');
    expect(readFileSync(path.join(dir, 'budgets', 'FY2026', 'marketing.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=\.\.\/\.\.\/\.opsplan\/schemas\/budget\.schema\.json/);
    const v = runOpsplan(['validate', dir, '--format', 'json']);
    expect(JSON.parse(v.stdout).diagnostics).toEqual([]);
    expect(v.code).toBe(0);
    // One folder per kind's init file (derived from the registry), plus the editor folders.
    const tops = new Set(Object.keys(INIT_FILES).map((f) => f.split('/')[0]!));
    expect(readdirSync(dir).sort()).toEqual([...new Set(['.opsplan', '.vscode', ...tops])].sort());
    expect([...tops]).toEqual(expect.arrayContaining(['actuals', 'budgets', 'kpi', 'opsplan.yaml', 'plans']));
  });

  it('refuses to overwrite an existing workspace without --force', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'opsplan.yaml'), 'kind: company\n');
    const r = runOpsplan(['init', dir]);
    expect(r.code).toBe(2);
    expect(readFileSync(path.join(dir, 'opsplan.yaml'), 'utf8')).toBe('kind: company\n');
    expect(runOpsplan(['init', dir, '--force']).code).toBe(0);
  });

  it('exits 3 when the folder cannot be written, for root too', () => {
    // A path below a regular file cannot be created by anyone, root included (chmod 0500
    // does not stop root, so a test built on it could not fail in CI).
    const file = path.join(tempDir(), 'a-file');
    writeFileSync(file, '');
    const r = runOpsplan(['init', path.join(file, 'ws')]);
    expect(r.stderr).toContain('is not a folder');
    expect(r.code).toBe(3);
  });
});
