// The workbook is live: totals, subtotals, variances and the Summary's figures are formulas
// over the cells they add, each with its computed value cached. An independent formula engine
// (fast-formula-parser) recomputes every formula from the cells it names; the results must equal
// the cached values, and the Summary's totals must equal what `opsplan variance --format json`
// prints.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { disagreements, recomputeFormulas } from '../helpers/formula-check.js';
import type { FormulaCell } from '../helpers/formula-check.js';
import { ACME, runOpsplan, tempDir } from '../helpers/run-cli.js';

function report(args: string[]): Uint8Array {
  const out = path.join(tempDir('opsplan-formulas-'), 'r.xlsx');
  const r = runOpsplan(['report', ACME, '--as-of', '2026-11-30', '--no-charts', '--output', out, ...args]);
  expect(r.code, r.stderr).toBe(0);
  return readFileSync(out);
}

const on = (cells: readonly FormulaCell[], sheet: string): FormulaCell[] => cells.filter((c) => c.sheet === sheet);

describe('live formulas', () => {
  it('recompute to their cached values (acme 2026-11, en): Budget year totals, Variance lines and subtotals, Summary', async () => {
    const cells = await recomputeFormulas(report(['--period', '2026-11']));
    expect(disagreements(cells)).toEqual([]);
    // Budget: every row's year total adds up its twelve months; category totals add up departments.
    const yearTotals = on(cells, 'Budget').filter((c) => /^SUM\([A-Z]+(\d+):[A-Z]+\1\)$/.test(c.formula));
    expect(yearTotals.length).toBeGreaterThan(50);
    expect(yearTotals.every((c) => c.ref.endsWith(/\((?:[A-Z]+)(\d+):/.exec(c.formula)![1]!))).toBe(true);
    // Variance: each line's variance and %, each subtotal the SUM of its filed lines.
    const variance = on(cells, 'Variance');
    expect(variance.filter((c) => /^[A-Z]+\d+-[A-Z]+\d+$/.test(c.formula)).length).toBeGreaterThan(30);
    expect(variance.filter((c) => /\/ABS\(/.test(c.formula)).length).toBeGreaterThan(30);
    expect(variance.filter((c) => c.formula.startsWith('SUM(')).length).toBeGreaterThan(20);
    // Summary: its figures point at the Variance sheet.
    expect(on(cells, 'Summary').filter((c) => c.formula.startsWith("'Variance'!")).length).toBeGreaterThan(20);
  }, 60000);

  it('gives the Summary company totals variance --format json prints, recomputed', async () => {
    const bytes = report(['--period', '2026-11']);
    const cells = await recomputeFormulas(bytes);
    const json = JSON.parse(runOpsplan(['variance', ACME, '--period', '2026-11', '--as-of', '2026-11-30', '--format', 'json']).stdout) as { totals: { category: string; budget: number; actual: number | null; variance: number | null }[] };
    // The Summary's month totals: Department name in column B, Category C, Budget D, Actual E, Variance F (one row per category, in JSON order).
    const wbText = await (await JSZip.loadAsync(bytes)).file('xl/worksheets/sheet1.xml')!.async('string');
    const budgetCells = on(cells, 'Summary').filter((c) => /^D\d+$/.test(c.ref) && c.formula.startsWith("'Variance'!"));
    expect(budgetCells.length).toBe(json.totals.length);
    const rows = budgetCells.map((c) => Number(c.ref.slice(1))).sort((a, b) => a - b);
    json.totals.forEach((t, i) => {
      const at = (col: string): unknown => cells.find((c) => c.sheet === 'Summary' && c.ref === `${col}${rows[i]}`)?.computed;
      expect(at('D')).toBeCloseTo(t.budget, 2);
      if (t.actual !== null) expect(at('E')).toBeCloseTo(t.actual, 2);
      if (t.variance !== null) expect(at('F')).toBeCloseTo(t.variance, 2);
    });
    expect(wbText).toContain('<f>');
  }, 60000);

  it('recompute in zh-CN, for a quarter and a year', async () => {
    for (const args of [['--period', '2026-11', '--lang', 'zh-CN'], ['--period', 'FY2026-Q4'], ['--period', 'FY2026', '--lang', 'zh-CN']]) {
      const cells = await recomputeFormulas(report(args));
      expect(cells.length, args.join(' ')).toBeGreaterThan(200);
      expect(disagreements(cells), args.join(' ')).toEqual([]);
    }
  }, 120000);

  it('moves a subtotal when a line is corrected: a changed line budget makes the recomputed subtotal differ from the cached one', async () => {
    const bytes = report(['--period', '2026-11']);
    const zip = await JSZip.loadAsync(bytes);
    // Sheet parts are numbered in workbook order.
    const order = [...(await zip.file('xl/workbook.xml')!.async('string')).matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1]!);
    const sheet = `xl/worksheets/sheet${order.indexOf('Variance') + 1}.xml`;
    const xml = await zip.file(sheet)!.async('string');
    // The Variance sheet's first line budget (F5, after Department, Department name, Account, Name, Category) gets 1,000.00 more.
    const changed = xml.replace(/(<c r="F5"[^>]*><v>)([^<]+)(<\/v>)/, (_, a: string, v: string, b: string) => `${a}${Number(v) + 1000}${b}`);
    expect(changed).not.toBe(xml);
    zip.file(sheet, changed);
    const cells = await recomputeFormulas(await zip.generateAsync({ type: 'uint8array' }));
    const moved = disagreements(cells);
    // The line's variance and %, its subtotal, the company total, and the Summary cells that link to them.
    expect(moved.some((c) => c.sheet === 'Variance' && c.ref === 'H5')).toBe(true);
    expect(moved.some((c) => c.sheet === 'Variance' && c.formula.startsWith('SUM(') && c.formula.includes('F5'))).toBe(true);
    expect(moved.some((c) => c.sheet === 'Summary')).toBe(true);
  }, 60000);
});

describe('the Contents sheet', () => {
  it('links every other sheet by name, with its rows and the warnings Summary counts for it', async () => {
    const bytes = report(['--period', '2026-11']);
    const cells = await recomputeFormulas(bytes);
    const links = on(cells, 'Contents').filter((c) => c.formula.startsWith('HYPERLINK('));
    const zip = await JSZip.loadAsync(bytes);
    const names = [...(await zip.file('xl/workbook.xml')!.async('string')).matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1]!);
    expect(names[1]).toBe('Contents');
    // One link per other sheet, each to an existing sheet (a missing one recomputes to #REF!).
    expect(links.map((l) => l.cached)).toEqual(names.filter((n) => n !== 'Contents'));
    expect(disagreements(links)).toEqual([]);
    // Variance: warn + critical + unbudgeted lines, as Summary counts them.
    const summary = JSON.parse(runOpsplan(['report', ACME, '--period', '2026-11', '--as-of', '2026-11-30', '--no-charts', '--format', 'json', '--output', path.join(tempDir('opsplan-c-'), 'c.xlsx')]).stdout) as { flags: Record<string, number> };
    const sheet = await zip.file('xl/worksheets/sheet2.xml')!.async('string');
    const varianceRow = links.find((l) => l.cached === 'Variance')!.ref.slice(1);
    const warnings = Number(new RegExp(`<c r="D${varianceRow}"[^>]*><v>([^<]+)</v>`).exec(sheet)![1]);
    expect(warnings).toBe((summary.flags['variance.critical'] ?? 0) + (summary.flags['variance.warn'] ?? 0) + (summary.flags['variance.unbudgeted'] ?? 0));
    expect(warnings).toBeGreaterThan(0);
    // A link to a sheet that is not there is caught.
    zip.file('xl/worksheets/sheet2.xml', sheet.replace("#'Variance'!A1", "#'Varianc'!A1"));
    expect(disagreements(await recomputeFormulas(await zip.generateAsync({ type: 'uint8array' }))).map((c) => c.cached)).toEqual(['Variance']);
  }, 60000);
});
