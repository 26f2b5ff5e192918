// Behaviour every command shares: files with errors never feed a figure, the same exit
// codes for the same mistakes, outputs that cannot be written.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPANY_YAML, acmeFileCount, copyAcme, makeWorkspace, runOpsplan, tempDir } from '../helpers/run-cli.js';

const ASOF = ['--as-of', '2026-11-30'];

describe('files with cross-file errors are left out of every figure', () => {
  const ws = copyAcme();
  copyFileSync(path.join(ws, 'actuals', '2026-11', 'marketing.yaml'), path.join(ws, 'actuals', '2026-11', 'marketing-copy.yaml'));

  it('a second actuals file for a month is an error and is not added in', () => {
    const r = runOpsplan(['variance', ws, '--period', '2026-11', ...ASOF, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('actuals/2026-11/marketing.yaml');
    expect(r.stderr).toContain('submission/duplicate');
    const row = JSON.parse(r.stdout).rows.find((x: { department: string; account: string }) => x.department === 'marketing' && x.account === '6601');
    // The figures of examples/acme: 462,350.80 against the revised 330,000.00, not twice that.
    expect(row).toMatchObject({ budget: 330000, actual: 462350.8 });
  });

  it('an adjustment to a month outside its fiscal year is not applied', () => {
    const dir = copyAcme();
    makeWorkspace(
      {
        'adjustments/ADJ-BAD.yaml':
          'kind: budget-adjustment\nversion: 1\nid: ADJ-BAD\ndepartment: marketing\nfiscalYear: FY2026\nreason: other\njustification: wrong year\nstatus: approved\napprovedBy: Wang Fang\napprovedOn: 2026-09-01\nchanges:\n  - account: "6601"\n    month: 2027-11\n    delta: 99999\n',
      },
      dir,
    );
    const r = runOpsplan(['variance', dir, '--period', '2026-11', ...ASOF, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('adjustment/month-outside-year');
    const row = JSON.parse(r.stdout).rows.find((x: { department: string; account: string }) => x.department === 'marketing' && x.account === '6601');
    expect(row.budget).toBe(330000);
  });
});

describe('the same mistake gives the same exit code in every command', () => {
  const noCompany = makeWorkspace({ 'plans/p.yaml': 'kind: plan\nversion: 1\n' });
  const empty = tempDir();

  it.each([
    ['consolidate', ['--period', 'FY2026']],
    ['variance', ['--period', '2026-11', ...ASOF]],
    ['stock', ASOF],
    ['report', ['--period', '2026-11', ...ASOF, '--output', path.join(tempDir(), 'r.xlsx')]],
  ])('%s without a company file exits 2', (command, args) => {
    const r = runOpsplan([command, noCompany, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/opsplan\.yaml/);
  });

  it.each(['validate', 'consolidate', 'variance', 'stock', 'report'])('%s on a folder without YAML files exits 2', (command) => {
    const extra = command === 'consolidate' ? ['--period', 'FY2026'] : command === 'report' ? ['--period', '2026-11'] : [];
    const r = runOpsplan([command, empty, ...extra]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('holds no YAML file');
  });
});

describe('outputs that cannot be written', () => {
  it('report into a folder that cannot be created exits 3 at once', () => {
    const r = runOpsplan(['report', 'examples/acme', '--period', '2026-11', ...ASOF, '--output', '/proc/opsplan-nope/x.xlsx', '--no-charts'], { timeout: 30000 });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('cannot create /proc/opsplan-nope');
  });

  it('an empty --output is a usage error', () => {
    const r = runOpsplan(['report', 'examples/acme', '--period', '2026-11', ...ASOF, '--output', '', '--no-charts']);
    expect(r.code).toBe(2);
  });

  it('report creates missing folders', () => {
    const dir = tempDir();
    const target = path.join(dir, 'a', 'b', 'r.xlsx');
    const r = runOpsplan(['report', 'examples/acme', '--period', '2026-11', ...ASOF, '--output', target, '--no-charts']);
    expect(r.code).toBe(0);
    expect(existsSync(target)).toBe(true);
  });

  it('a consolidated company plan kept in the workspace validates and feeds no figure', () => {
    const dir = copyAcme();
    const target = path.join(dir, 'consolidated', 'company-plan-FY2026.yaml');
    mkdirSync(path.dirname(target));
    expect(runOpsplan(['consolidate', dir, '--period', 'FY2026', '--format', 'yaml', '--output', target]).code).toBe(0);
    const v = runOpsplan(['validate', dir, '--format', 'json']);
    expect(v.code).toBe(0);
    expect(JSON.parse(v.stdout).summary).toMatchObject({ files: acmeFileCount() + 1, errors: 0 });
    const before = JSON.parse(runOpsplan(['consolidate', 'examples/acme', '--period', 'FY2026', '--format', 'json']).stdout);
    const after = JSON.parse(runOpsplan(['consolidate', dir, '--period', 'FY2026', '--format', 'json']).stdout);
    expect(before.budget.lines.length).toBeGreaterThan(0);
    expect(after.budget).toEqual(before.budget);
  });

  it('a workspace with only a company file runs every command', () => {
    const dir = makeWorkspace({ 'opsplan.yaml': COMPANY_YAML });
    mkdirSync(path.join(dir, 'empty'));
    expect(runOpsplan(['validate', dir]).code).toBe(0);
    expect(runOpsplan(['stock', dir, ...ASOF]).code).toBe(0);
  });
});

describe('rounding rule', () => {
  it('rounds values half-up by default and half-even when the company file says so', () => {
    // RM-STL-304: a count difference of -25.3 kg at 18.65 CNY/kg is exactly -471.845.
    const valueOf = (dir: string): number => {
      const r = runOpsplan(['stock', dir, ...ASOF, '--format', 'json']);
      expect(r.code).toBe(0);
      return JSON.parse(r.stdout).items.find((i: { sku: string }) => i.sku === 'RM-STL-304').count.differenceValue;
    };
    const ws = copyAcme();
    expect(valueOf(ws)).toBe(-471.85);
    const company = path.join(ws, 'opsplan.yaml');
    writeFileSync(company, readFileSync(company, 'utf8').replace(/^fiscalYearStartMonth: 1$/m, 'fiscalYearStartMonth: 1\nrounding: half-even'));
    expect(readFileSync(company, 'utf8')).toContain('rounding: half-even');
    expect(valueOf(ws)).toBe(-471.84);
  });
});

describe('a reader that stops early', () => {
  it('ends opsplan quietly (no EPIPE crash) when stdout is closed after the first bytes', async () => {
    const { spawn } = await import('node:child_process');
    const { BIN } = await import('../helpers/run-cli.js');
    // 3,000 items: megabytes of JSON, far more than a pipe buffer holds.
    const items = Array.from({ length: 3000 }, (_, i) => `  - sku: "SKU-${i}"\n    name: Item ${i}\n    unit: pcs\n    onHand: ${i % 50}\n    safetyStock: 10\n    reorderPoint: 20\n    unitCost: 1.5\n`).join('');
    const ws = makeWorkspace({ 'opsplan.yaml': COMPANY_YAML, 'inventory/wh1/2026-11-28.yaml': `kind: inventory\nversion: 1\nwarehouse: wh1\nasOf: 2026-11-28\nitems:\n${items}` });
    const child = spawn(process.execPath, [BIN, 'stock', ws, '--as-of', '2026-11-30', '--format', 'json', '--fail-on', 'critical'], { env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', TZ: 'UTC' } });
    let stderr = '';
    let seen = 0;
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    // Read a little, then close our end of the pipe, as `| head -c 100` does.
    child.stdout.once('data', (c: Buffer) => {
      seen = c.length;
      child.stdout.destroy();
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(seen).toBeGreaterThan(0);
    expect(stderr).not.toMatch(/EPIPE|internal error|Unhandled/);
    // The exit code of the same command read to the end: add --fail-on critical so it is 1.
    expect(code).toBe(runOpsplan(['stock', ws, '--as-of', '2026-11-30', '--format', 'json', '--fail-on', 'critical']).code);
    expect(code).toBe(1);
  });
});
