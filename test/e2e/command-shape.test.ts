// One command shape: -f/--format checked one way on every command, at most one format to
// stdout, --output resolved against the folder the command runs in, one missing-company
// error, and one error for a --period the workspace has no data for.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPANY_YAML, copyAcme, makeWorkspace, runInProcess, runOpsplan, tempDir } from '../helpers/run-cli.js';

const ACME = 'examples/acme';
const AS_OF = ['--as-of', '2026-11-30'];

/** Each command with the arguments it needs besides its formats. */
const COMMANDS: { name: string; args: string[]; formats: string[] }[] = [
  { name: 'validate', args: ['validate', ACME], formats: ['stylish', 'json', 'github', 'junit', 'sarif'] },
  { name: 'stock', args: ['stock', ACME, ...AS_OF], formats: ['table', 'json', 'csv'] },
  { name: 'variance', args: ['variance', ACME, ...AS_OF], formats: ['table', 'json', 'csv'] },
  { name: 'consolidate', args: ['consolidate', ACME, '--period', 'FY2026'], formats: ['table', 'json', 'yaml'] },
];

describe('--format is parsed and checked one way on every command', () => {
  it.each(COMMANDS)('$name: -f takes the short form and an unknown format is exit 2 naming the table', ({ name, args, formats }) => {
    const bad = runOpsplan([...args, '-f', 'xml']);
    expect(bad.stderr).toContain(`opsplan: unknown format "xml" for ${name}; use one of ${formats.join(', ')}`);
    expect(bad.code).toBe(2);
  });

  it.each(COMMANDS)('$name: two formats to stdout are a usage error, nothing is printed', ({ args, formats }) => {
    const r = runOpsplan([...args, '-f', formats[1]!, '-f', formats[2]!]);
    expect(r.stderr).toContain(`several formats to standard output (${formats[1]}, ${formats[2]})`);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(2);
  });

  it.each(COMMANDS)('$name: name=FILE writes each format to its own file, one may still go to stdout', ({ args, formats }) => {
    const dir = tempDir();
    const r = runOpsplan([...args, '-f', `${formats[1]}=${path.join(dir, 'a')}`, '-f', `${formats[2]}=${path.join(dir, 'b')}`, '-f', formats[0]!]);
    expect(r.code === 0 || r.code === 1).toBe(true);
    expect(r.stdout).not.toBe('');
    expect(readFileSync(path.join(dir, 'a'), 'utf8')).not.toBe('');
    expect(readFileSync(path.join(dir, 'b'), 'utf8')).not.toBe('');
    if (formats[1] === 'json') expect(() => JSON.parse(readFileSync(path.join(dir, 'a'), 'utf8'))).not.toThrow();
  });

  it('two formats to one file are a usage error', () => {
    const file = path.join(tempDir(), 'out');
    const r = runOpsplan(['stock', ACME, ...AS_OF, '-f', `json=${file}`, '-f', `csv=${file}`]);
    expect(r.stderr).toContain('two formats would be written to');
    expect(r.code).toBe(2);
    expect(existsSync(file)).toBe(false);
  });

  it('report takes -f for what it prints about the workbook', () => {
    const out = path.join(tempDir(), 'r.xlsx');
    const r = runOpsplan(['report', ACME, '--period', '2026-11', ...AS_OF, '--no-charts', '-o', out, '-f', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).kind).toBe('report');
    const bad = runOpsplan(['report', ACME, '-f', 'csv']);
    expect(bad.stderr).toContain('unknown format "csv" for report; use one of text, json');
    expect(bad.code).toBe(2);
  });
});

describe('--output is resolved against the folder the command runs in', () => {
  it.each([
    ['validate', ['validate', path.resolve(ACME), '-f', 'json', '-o', 'out.json']],
    ['validate name=FILE', ['validate', path.resolve(ACME), '-f', 'json=out.json']],
    ['stock', ['stock', path.resolve(ACME), ...AS_OF, '-o', 'out.json']],
    ['variance', ['variance', path.resolve(ACME), ...AS_OF, '-o', 'out.json']],
    ['consolidate', ['consolidate', path.resolve(ACME), '-p', 'FY2026', '-o', 'out.json']],
  ])('%s (in process, world cwd differs from the process cwd)', async (_name, args) => {
    const cwd = tempDir();
    const r = await runInProcess(args, { cwd });
    expect(r.stderr).not.toContain('cannot write');
    expect(existsSync(path.join(cwd, 'out.json'))).toBe(true);
    expect(existsSync(path.resolve('out.json'))).toBe(false);
  });
});

describe('one missing-company error for every computing command', () => {
  // A file the loader refuses (no kind) beside the actuals: without opsplan.yaml its finding is
  // not printed either, only the one line that says what to do.
  const ws = makeWorkspace({ 'actuals/2026-11/marketing.yaml': 'kind: actuals\nversion: 1\ndepartment: marketing\nmonth: "2026-11"\nlines: []\n', 'notes.yaml': 'x: 1\n' });
  it.each([
    ['stock', ['stock', ws]],
    ['variance', ['variance', ws]],
    ['consolidate', ['consolidate', ws, '--period', 'FY2026']],
    ['report', ['report', ws, '--period', '2026-11']],
    ['mrp', ['mrp', ws]],
    ['production', ['production', ws, '--period', '2026-11']],
    ['quality', ['quality', ws, '--period', '2026-11']],
    ['equipment', ['equipment', ws]],
    ['safety', ['safety', ws]],
    ['suppliers', ['suppliers', ws]],
    ['service', ['service', ws, '--period', '2026-11']],
    ['accounts', ['accounts', ws]],
    ['kpi', ['kpi', ws, '--period', '2026-11']],
  ])('%s prints only that error, exit 2', (_name, args) => {
    const r = runOpsplan(args);
    expect(r.stderr).toBe(`opsplan: ${ws} has no valid opsplan.yaml (the company file with departments, warehouses and thresholds); run opsplan validate ${ws}, or opsplan init to start one\n`);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(2);
  });

  it('keeps the findings that say why an opsplan.yaml that is there is not valid', () => {
    const bad = makeWorkspace({ 'opsplan.yaml': 'kind: company\nversion: 1\nname: 7\n' });
    const r = runOpsplan(['variance', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^opsplan\.yaml:\d+:\d+ /);
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe(`opsplan: ${bad} has no valid opsplan.yaml (the company file with departments, warehouses and thresholds); run opsplan validate ${bad}, or opsplan init to start one`);
  });
});

describe('a --period with no data in the workspace is exit 2 listing the periods found', () => {
  const found = 'periods found: FY2026, FY2026-Q4, 2026-01 to 2026-11 (actuals)';
  it.each([
    ['variance month', ['variance', ACME, '--period', '2025-11']],
    ['variance quarter', ['variance', ACME, '--period', 'FY2025-Q4']],
    ['variance year', ['variance', ACME, '--period', 'FY2025', '--ytd']],
    ['report', ['report', ACME, '--period', '2025-11', '--no-charts', '-o', path.join(tempDir(), 'r.xlsx')]],
    ['consolidate', ['consolidate', ACME, '--period', 'FY2025']],
  ])('%s', (_name, args) => {
    const r = runOpsplan(args);
    expect(r.stderr).toContain(`no budget, plan or actuals in examples/acme fall in ${args[3]}; ${found}`);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(2);
  });

  it('a month of a budgeted year without actuals yet is still a period with data (once it is due)', () => {
    // As of its last day December is due: a period with data, its actuals missing.
    const r = runOpsplan(['variance', ACME, '--period', '2026-12', '--as-of', '2026-12-31', '-f', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).period.id).toBe('2026-12');
    // As of 2026-11-30 it is not due yet and nothing is filed: refused, not printed as budget beside "missing".
    const early = runOpsplan(['variance', ACME, '--period', '2026-12', ...AS_OF, '-f', 'json']);
    expect(early.stderr).toContain('2026-12 is not due at as-of 2026-11-30');
    expect(early.code).toBe(2);
  });

  it('CSV actuals count as data for variance', () => {
    const ws = makeWorkspace({ 'opsplan.yaml': COMPANY_YAML });
    const csv = path.join(ws, 'erp.csv');
    writeFileSync(csv, 'department,account,month,amount\nmarketing,6601,2024-03,100.00\n');
    expect(runOpsplan(['variance', ws, '--period', '2024-03', '--actuals', csv, ...AS_OF]).code).not.toBe(2);
    const none = runOpsplan(['variance', ws, '--period', '2024-04', '--actuals', csv, ...AS_OF]);
    expect(none.stderr).toContain('fall in 2024-04; periods found: 2024-03 (actuals)');
    expect(none.code).toBe(2);
  });
});

describe('a committed company-plan is regenerated in place', () => {
  it('consolidate -f yaml -o over its own earlier output; other inputs and formats stay refused', () => {
    const ws = copyAcme();
    const plan = path.join(ws, 'company-plan-FY2026.yaml');
    expect(runOpsplan(['consolidate', ws, '-p', 'FY2026', '-f', 'yaml', '-o', plan]).code).toBe(0);
    writeFileSync(plan, readFileSync(plan, 'utf8').replace(/^company: .*$/m, 'company: Stale Co.'));
    const again = runOpsplan(['consolidate', ws, '-p', 'FY2026', '-f', 'yaml', '-o', plan]);
    expect(again.stderr).not.toContain('refusing');
    expect(again.code).toBe(0);
    expect(readFileSync(plan, 'utf8')).not.toContain('Stale Co.');
    const json = runOpsplan(['consolidate', ws, '-p', 'FY2026', '-f', 'json', '-o', plan]);
    expect(json.stderr).toContain('it is an input file');
    expect(json.code).toBe(2);
    const company = runOpsplan(['consolidate', ws, '-p', 'FY2026', '-f', 'yaml', '-o', path.join(ws, 'opsplan.yaml')]);
    expect(company.code).toBe(2);
  });
});

describe("commander's usage errors and help read like opsplan's own", () => {
  it.each(COMMANDS)('$name --help names the default format once, without the empty list collected into', ({ args, formats }) => {
    const r = runOpsplan([args[0]!, '--help']);
    expect(r.code).toBe(0);
    // Help wraps to the terminal's width: compare with the line breaks folded.
    const help = r.stdout.replace(/\s+/g, ' ');
    expect(help).toContain(`(default: ${formats[0]})`);
    expect(help).not.toContain('(default: [])');
  });

  it('no command shows the empty list a repeatable option collects into as its default', () => {
    for (const name of ['variance', 'diff', 'stock', 'report', 'mrp', 'service', 'kpi']) {
      const r = runOpsplan([name, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Usage: opsplan ' + name);
      expect(r.stdout.replace(/\s+/g, ' ')).not.toContain('(default: [])');
    }
  });

  it('a missing required option says opsplan and points at the command help, exit 2', () => {
    const r = runOpsplan(['production', ACME]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("opsplan: required option '--period <period>' not specified\n(run opsplan production --help for usage)\n");
  });

  it('a bad choice names the choices once', () => {
    const r = runOpsplan(['report', ACME, '--lang', 'fr']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("opsplan: option '--lang <lang>' argument 'fr' is invalid. Use one of en, zh-CN.\n(run opsplan report --help for usage)\n");
  });
});
