// Smoke test of the benchmark tooling (issue 7): the generator writes valid, deterministic
// workspaces and plants its errors where it says; the harness's pure pieces compute right.
// The benchmark itself is not run here: its numbers are noisy and it takes minutes.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatTable, median, parseTimeVerbose, rateRows, ratio, summarizeRounds } from '../../scripts/bench-lib.js';
import type { BenchRow } from '../../scripts/bench-lib.js';
import { centsText, generateWorkspace, mulberry32, parseGenArgs } from '../../scripts/gen.js';
import { runOpsplan, tempDir } from '../helpers/run-cli.js';

function hashes(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!f.isFile()) continue;
    const abs = path.join(f.parentPath, f.name);
    out.set(path.relative(dir, abs), createHash('sha256').update(readFileSync(abs)).digest('hex'));
  }
  return out;
}

describe('gen', () => {
  it('writes a workspace that validates clean, the same bytes on every run', { timeout: 60000 }, () => {
    const a = path.join(tempDir('opsplan-gen-'), 'ws');
    const b = path.join(tempDir('opsplan-gen-'), 'ws');
    const sa = generateWorkspace({ size: 'XS', out: a });
    generateWorkspace({ size: 'XS', out: b });
    // 1 company + 3 x (plan + progress + budget + 11 actuals) + 1 adjustment + 1 inventory
    // + 3 departments x 2 months of service logs + 8 BOMs + 3 production plans (dept-0001 is
    // the one production department) + one purchase order per supplier with an ordered part.
    const orders = readdirSync(path.join(a, 'purchase-orders')).length;
    expect(orders).toBeGreaterThan(0);
    expect(readdirSync(path.join(a, 'boms'))).toHaveLength(8);
    expect(sa.files).toBe(1 + 3 * 14 + 1 + 1 + 3 * 2 + 8 + 3 + orders);
    const ha = hashes(a);
    expect(ha.size).toBe(sa.files + 1); // + the .opsplan-gen marker
    expect(ha).toEqual(hashes(b));
    const r = runOpsplan(['validate', a, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).summary).toMatchObject({ files: sa.files, errors: 0, warnings: 0 });
    // MRP plans two levels on it: make orders for the products and sub-assemblies, buys for the parts.
    const m = runOpsplan(['mrp', a, '--as-of', '2026-11-30', '--format', 'json']);
    expect(m.code).toBe(0);
    const plan = JSON.parse(m.stdout) as { unplanned: unknown[]; orders: { type: string }[]; skus: { level: number; receipts: unknown[] }[] };
    expect(plan.unplanned).toEqual([]);
    expect(new Set(plan.orders.map((o) => o.type))).toEqual(new Set(['make', 'buy']));
    expect(Math.max(...plan.skus.map((x) => x.level))).toBe(2);
    expect(plan.skus.some((x) => x.receipts.length > 0)).toBe(true);
  });

  it('gives other files for another seed', () => {
    const a = path.join(tempDir('opsplan-gen-'), 'ws');
    const b = path.join(tempDir('opsplan-gen-'), 'ws');
    generateWorkspace({ size: 'XS', out: a, seed: 1 });
    generateWorkspace({ size: 'XS', out: b, seed: 2 });
    expect(hashes(a).get('budgets/FY2026/dept-0001.yaml')).not.toBe(hashes(b).get('budgets/FY2026/dept-0001.yaml'));
  });

  it('plants the known errors and the bulk errors where expected-findings.json says', { timeout: 60000 }, () => {
    const dir = path.join(tempDir('opsplan-gen-'), 'ws');
    const s = generateWorkspace({ size: 'XS', out: dir, withErrors: true, errors: 40 });
    expect(s.expectedCount).toBe(4 + 40);
    const expected = JSON.parse(readFileSync(path.join(dir, 'expected-findings.json'), 'utf8'));
    expect(expected.count).toBe(44);
    const r = runOpsplan(['validate', dir, '--format', 'json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.summary.errors).toBe(44);
    const found = new Set(out.diagnostics.map((d: { file: string; line: number; code: string }) => `${d.file}:${d.line}:${d.code}`));
    for (const f of expected.findings) expect(found).toContain(`${f.file}:${f.line}:${f.code}`);
    const codes = new Set(out.diagnostics.map((d: { code: string }) => d.code));
    expect([...codes].sort()).toEqual(['schema/additional-properties', 'schema/format', 'schema/max-decimals', 'schema/unquoted-code']);
  });

  it('refuses to overwrite a folder it did not write', () => {
    const dir = tempDir('opsplan-gen-');
    writeFileSync(path.join(dir, 'notes.txt'), 'mine\n');
    expect(() => generateWorkspace({ size: 'XS', out: dir })).toThrow(/not written by gen/);
    expect(readFileSync(path.join(dir, 'notes.txt'), 'utf8')).toBe('mine\n');
  });

  it('parses its arguments and formats cents exactly', () => {
    expect(parseGenArgs(['--size', 'm', '--out', 'x', '--errors', '10000'])).toEqual({ size: 'M', out: 'x', errors: 10000 });
    expect(() => parseGenArgs(['--size', 'XL', '--out', 'x'])).toThrow(/--size/);
    expect(() => parseGenArgs(['--out', 'x'])).toThrow(/usage/);
    expect(centsText(12345)).toBe('123.45');
    expect(centsText(-5)).toBe('-0.05');
    expect(centsText(100)).toBe('1.00');
    const r1 = mulberry32(7);
    const r2 = mulberry32(7);
    const seq = [r1(), r1(), r1()];
    expect([r2(), r2(), r2()]).toEqual(seq);
    for (const v of seq) expect(v >= 0 && v < 1).toBe(true);
  });
});

describe('bench harness pieces', () => {
  it('reads the peak RSS and exit status from GNU time -v ', () => {
    const timeV = ['\tCommand being timed: "node x"', '\tMaximum resident set size (kbytes): 123456', '\tExit status: 1', ''].join('\n');
    expect(parseTimeVerbose(timeV)).toEqual({ maxRssKiB: 123456, exitStatus: 1 });
    expect(parseTimeVerbose('Command terminated by signal 9')).toEqual({ maxRssKiB: null, exitStatus: null });
  });

  it('computes ratios to the floor, null without a usable base', () => {
    expect(ratio(3, 2)).toBe(1.5);
    expect(ratio(null, 2)).toBeNull();
    expect(ratio(3, 0)).toBeNull();
    const rows: BenchRow[] = [
      { name: 'floor', command: 'node floor.js', wallSeconds: 2, peakRssMiB: 100, exitCode: 0, note: '' },
      { name: 'validate', command: 'opsplan validate', wallSeconds: 2.5, peakRssMiB: 150, exitCode: 0, note: '' },
      { name: 'report', command: '', wallSeconds: null, peakRssMiB: null, exitCode: null, note: 'n/a: no "report" command yet' },
    ];
    const rated = rateRows(rows, 'floor');
    expect(rated.map((r) => [r.timeRatio, r.rssRatio])).toEqual([[1, 1], [1.25, 1.5], [null, null]]);
    expect(rateRows(rows, 'missing')[1]!.timeRatio).toBeNull();
  });

  it('formats an aligned Markdown table with n/a for missing numbers', () => {
    const table = formatTable(
      rateRows(
        [
          { name: 'floor', command: '', wallSeconds: 2, peakRssMiB: 100.4, exitCode: 0, note: '' },
          { name: 'report', command: '', wallSeconds: null, peakRssMiB: null, exitCode: null, note: 'n/a' },
        ],
        'floor',
      ),
    );
    const lines = table.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
    expect(lines[0]).toMatch(/^\| command \| wall s \| peak RSS MiB \| time \/ base \| spread \| RSS \/ base \| base +\| exit \| note \|$/);
    expect(lines[1]).toMatch(/^\|-+\|-+:\|/);
    expect(lines[2]!.split('|').map((c) => c.trim())).toEqual(['', 'floor', '2.00', '100', '1.00x', 'n/a', '1.00x', 'floor', '0', '', '']);
    expect(lines[3]!.split('|').map((c) => c.trim())).toEqual(['', 'report', 'n/a', 'n/a', 'n/a', 'n/a', 'n/a', 'floor', '-', 'n/a', '']);
  });

  it('takes the median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('rates each round against its own base, then takes the median ratio and its spread', () => {
    const row = (name: string, wall: number, rss = 100): BenchRow => ({ name, command: '', wallSeconds: wall, peakRssMiB: rss, exitCode: 0, note: '' });
    // The machine slows down in round 2: both the base and the contender double.
    const rounds = [
      [row('node -e 0', 0.1), row('--version', 0.12), row('floor', 2), row('validate', 3)],
      [row('node -e 0', 0.2), row('--version', 0.3), row('floor', 4), row('validate', 6)],
      [row('node -e 0', 0.1), row('--version', 0.13), row('floor', 2), row('validate', 2.8)],
    ];
    const out = summarizeRounds(rounds, (n) => (n === '--version' || n === 'node -e 0' ? 'node -e 0' : 'floor'));
    const v = out.find((r) => r.name === '--version')!;
    expect(v.timeRatio).toBeCloseTo(1.3, 10);
    expect(v.ratioSpread![0]).toBeCloseTo(1.2, 10);
    expect(v.ratioSpread![1]).toBeCloseTo(1.5, 10);
    expect(v.wallSeconds).toBe(0.13);
    expect(v.rounds).toBe(3);
    const val = out.find((r) => r.name === 'validate')!;
    expect(val.timeRatio).toBe(1.5);
    expect(val.ratioSpread).toEqual([1.4, 1.5]);
    expect(val.base).toBe('floor');
  });
});
