// The workbook's charts are native DrawingML charts whose series read the cells of a table on
// their own sheet: every series' formula is resolved to the worksheet cells, which must equal
// the cached values, and those the figures of `variance`, `stock` and `kpi --format json`. A
// month nobody filed is an empty cell, absent from the cache, with the point count kept.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { posix } from 'node:path';
import JSZip from 'jszip';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSheets } from '../helpers/formula-check.js';
import type { RawCell } from '../helpers/formula-check.js';
import { ACME, copyAcme, runOpsplan, tempDir } from '../helpers/run-cli.js';

const AS_OF = ['--as-of', '2026-11-30'];

/** One range of a series: its sheet and cells (one column), the cached points and their count. */
interface Range {
  sheet: string;
  cells: RawCell[];
  count: number;
  points: Map<number, string>;
}

/** A chart part read back: its sheet (the one whose drawing shows it), title, and series. */
interface ChartRead {
  part: string;
  sheet: string;
  xml: string;
  series: { name: Range; categories: Range; values: Range }[];
}

const colNumber = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
const unescape = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Resolves `'Sheet'!$B$5:$B$9` (or one cell) against the workbook's cells, with the cache written beside it. */
function resolve(ref: string, cache: string, sheets: Map<string, Map<string, RawCell>>): Range {
  // opsplan always quotes the sheet name; LibreOffice, saving the workbook again, writes plain names unquoted.
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!\$([A-Z]+)\$(\d+)(?::\$([A-Z]+)\$(\d+))?$/.exec(unescape(ref));
  if (!m) throw new Error(`not an absolute reference: ${ref}`);
  const [, quoted, plain, firstCol, firstRow, lastCol, lastRow] = m;
  const sheet = quoted !== undefined ? quoted.replace(/''/g, "'") : plain!;
  const [col, first] = [colNumber(firstCol!), Number(firstRow)];
  expect(lastCol ?? firstCol, 'a series reads one column').toBe(firstCol);
  const last = lastRow ? Number(lastRow) : first;
  const cells: RawCell[] = [];
  for (let r = first; r <= last; r++) cells.push(sheets.get(sheet)?.get(`${col},${r}`) ?? { formula: null, value: null });
  const count = Number(/<c:ptCount val="(\d+)"\/>/.exec(cache)![1]);
  const points = new Map([...cache.matchAll(/<c:pt idx="(\d+)"><c:v>([\s\S]*?)<\/c:v><\/c:pt>/g)].map((p) => [Number(p[1]), unescape(p[2]!)]));
  return { sheet, cells, count, points };
}

/** Every chart of the workbook with its series resolved, in drawing order. */
async function readCharts(file: string): Promise<ChartRead[]> {
  const bytes = readFileSync(file);
  const zip = await JSZip.loadAsync(bytes);
  const sheets = await readSheets(bytes);
  const text = async (p: string): Promise<string> => (await zip.file(p)?.async('string')) ?? '';
  const targets = (rels: string): string[] => [...rels.matchAll(/Target="([^"]+)"/g)].map((m) => m[1]!);
  const sheetRels = new Map([...(await text('xl/_rels/workbook.xml.rels')).matchAll(/Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]));
  const out: ChartRead[] = [];
  for (const s of (await text('xl/workbook.xml')).matchAll(/<sheet name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const sheetPart = posix.join('xl', sheetRels.get(s[2]!)!);
    for (const drawing of targets(await text(posix.join(posix.dirname(sheetPart), '_rels', `${posix.basename(sheetPart)}.rels`)))) {
      const drawingPart = posix.normalize(posix.join(posix.dirname(sheetPart), drawing));
      for (const chart of targets(await text(posix.join(posix.dirname(drawingPart), '_rels', `${posix.basename(drawingPart)}.rels`)))) {
        const part = posix.normalize(posix.join(posix.dirname(drawingPart), chart));
        const xml = await text(part);
        const series = [...xml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map((ser) => {
          const block = (tag: string): Range => {
            const b = new RegExp(`<c:${tag}><c:(?:str|num)Ref><c:f>([^<]+)</c:f>([\\s\\S]*?)</c:(?:str|num)Ref></c:${tag}>`).exec(ser[1]!)!;
            return resolve(b[1]!, b[2]!, sheets);
          };
          return { name: block('tx'), categories: block('cat'), values: block('val') };
        });
        out.push({ part, sheet: unescape(s[1]!), xml, series });
      }
    }
  }
  return out;
}

/** The numbers a series draws, by category, read from the cells (null: an empty cell). */
function plotted(chart: ChartRead, series: number): Map<string, number | null> {
  const s = chart.series[series]!;
  return new Map(s.categories.cells.map((c, i) => [String(c.value), s.values.cells[i]!.value as number | null]));
}

const cents = (x: number): number => Math.round(x * 100);

/** Every series reads cells of its own sheet, and each cache holds exactly those cells' values. */
function expectCachesMatchCells(charts: ChartRead[]): void {
  for (const chart of charts) {
    expect(chart.series.length, chart.part).toBeGreaterThan(0);
    for (const s of chart.series) {
      for (const r of [s.name, s.categories, s.values]) {
        expect(r.sheet, `${chart.part} reads its own sheet`).toBe(chart.sheet);
        expect(r.count, chart.part).toBe(r.cells.length);
      }
      expect(s.name.points.get(0)).toBe(s.name.cells[0]!.value);
      s.categories.cells.forEach((c, i) => expect(s.categories.points.get(i)).toBe(String(c.value)));
      expect(s.values.cells.length).toBe(s.categories.cells.length);
      s.values.cells.forEach((c, i) => {
        if (c.value === null) expect(s.values.points.has(i), `${chart.part}: an empty cell is not cached`).toBe(false);
        else expect(Number(s.values.points.get(i))).toBe(c.value);
      });
    }
  }
}

describe('native charts of the acme workbook (en)', () => {
  let charts: ChartRead[];
  let ws: string;

  beforeAll(async () => {
    ws = copyAcme();
    const file = path.join(tempDir('opsplan-charts-'), 'r.xlsx');
    const r = runOpsplan(['report', ws, '--period', '2026-11', ...AS_OF, '-o', file, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { sheets: { charts: number; images: number }[] }).sheets[0]).toMatchObject({ charts: 3, images: 3 });
    charts = await readCharts(file);
  }, 60000);

  it('are chart parts whose series formulas resolve to cells equal to their caches', () => {
    expect(charts.map((c) => c.sheet)).toEqual(['Summary', 'Summary', 'Summary', 'Performance']);
    expect(charts.map((c) => /<c:(barChart|lineChart)>/.exec(c.xml)![1])).toEqual(['barChart', 'lineChart', 'barChart', 'barChart']);
    expect(charts[2]!.xml).toContain('<c:grouping val="stacked"/>');
    for (const c of charts) expect(c.xml).toContain('<c:dispBlanksAs val="gap"/>');
    expectCachesMatchCells(charts);
  });

  it('budget vs actual: department names on the axis, cost + expense of variance --format json', () => {
    const v = JSON.parse(runOpsplan(['variance', ws, '--period', '2026-11', ...AS_OF, '--format', 'json']).stdout) as { subtotals: { department: string; category: string; budget: number; actual: number | null }[] };
    const company = parse(readFileSync(path.join(ws, 'opsplan.yaml'), 'utf8')) as { departments: { id: string; name: string }[] };
    const name = (id: string): string => company.departments.find((d) => d.id === id)?.name ?? id;
    const expected = new Map<string, { budget: number; actual: number | null }>();
    for (const s of v.subtotals.filter((x) => x.category === 'cost' || x.category === 'expense')) {
      const e = expected.get(name(s.department)) ?? { budget: 0, actual: null };
      e.budget += cents(s.budget);
      if (s.actual !== null) e.actual = (e.actual ?? 0) + cents(s.actual);
      expected.set(name(s.department), e);
    }
    const [budget, actual] = [plotted(charts[0]!, 0), plotted(charts[0]!, 1)];
    expect([...budget.keys()].sort()).toEqual([...expected.keys()].sort());
    expect([...budget.keys()].filter((k) => company.departments.some((d) => d.id === k && d.name !== k))).toEqual([]);
    for (const [dept, e] of expected) {
      expect(cents(budget.get(dept)!)).toBe(e.budget);
      expect(actual.get(dept) === null ? null : cents(actual.get(dept)!)).toBe(e.actual);
    }
    // customer-service filed nothing in November: no actual bar, never zero.
    expect(actual.get(name('customer-service'))).toBeNull();
    // Live: each figure is the SUM of the department's cost and expense subtotals on the Variance sheet.
    for (const c of charts[0]!.series[0]!.values.cells) expect(c.formula).toMatch(/^SUM\('Variance'![A-Z]+\d+(:[A-Z]+\d+)?(,'Variance'![A-Z]+\d+(:[A-Z]+\d+)?)*\)$/);
    expect(charts[0]!.series.map((s) => s.name.cells[0]!.value)).toEqual(['Budget', 'Actual']);
    expect(charts[0]!.xml).toContain('<a:t>Budget / actual (CNY)</a:t>');
    expect(charts[0]!.xml).toContain('<a:t>Department</a:t>');
  });

  it('variance by month: one line per category, each month equal to variance --format json of that month', () => {
    const trend = charts[1]!;
    expect(trend.series.map((s) => s.name.cells[0]!.value)).toEqual(['revenue', 'cost', 'expense', 'cash-in', 'cash-out']);
    expect(trend.series[0]!.categories.cells.map((c) => c.value)).toEqual(Array.from({ length: 11 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`));
    for (const month of ['2026-01', '2026-06', '2026-11']) {
      const v = JSON.parse(runOpsplan(['variance', ws, '--period', month, ...AS_OF, '--format', 'json']).stdout) as { totals: { category: string; variance: number | null }[] };
      trend.series.forEach((s, i) => expect(plotted(trend, i).get(month), `${month} ${String(s.name.cells[0]!.value)}`).toBe(v.totals.find((t) => t.category === s.name.cells[0]!.value)?.variance ?? null));
    }
  });

  it('stock health: items by warehouse and status, stacked, as stock --format json', () => {
    const s = JSON.parse(runOpsplan(['stock', ws, ...AS_OF, '--format', 'json']).stdout) as { health: { warehouses: { scope: string; items: Record<string, number> }[] } };
    const health = charts[2]!;
    expect(health.series.map((x) => x.name.cells[0]!.value)).toEqual(['healthy', 'under', 'over']);
    ['healthy', 'under', 'over'].forEach((status, i) => {
      expect(Object.fromEntries(plotted(health, i))).toEqual(Object.fromEntries(s.health.warehouses.map((w) => [w.scope, w.items[status]])));
    });
  });

  it('KPI scores: the scored departments by name, as kpi --format json', () => {
    const k = JSON.parse(runOpsplan(['kpi', ws, '--period', '2026-11', ...AS_OF, '--format', 'json']).stdout) as { departments: { department: string; name: string; score: number | null }[] };
    expect(Object.fromEntries(plotted(charts[3]!, 0))).toEqual(Object.fromEntries(k.departments.filter((d) => d.score !== null).map((d) => [d.name || d.department, d.score])));
  });
});

describe('native charts in zh-CN', () => {
  it('titles, axes, legends and sheet references in Chinese; caches still equal the cells', async () => {
    const file = path.join(tempDir('opsplan-charts-zh-'), 'r.xlsx');
    const r = runOpsplan(['report', ACME, '--period', '2026-11', ...AS_OF, '--lang', 'zh-CN', '-o', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const charts = await readCharts(file);
    expect(charts.map((c) => c.sheet)).toEqual(['汇总', '汇总', '汇总', '经营绩效']);
    expectCachesMatchCells(charts);
    expect(charts[0]!.xml).toContain("<c:f>'汇总'!$");
    expect(charts[0]!.xml).toContain('<a:t>预算 / 实际（CNY）</a:t>');
    expect(charts[1]!.series.map((s) => s.name.cells[0]!.value)).toEqual(['收入', '成本', '费用', '现金流入', '现金流出']);
    expect(charts[2]!.series.map((s) => s.name.cells[0]!.value)).toEqual(['正常', '不足', '过量']);
    for (const c of charts) for (const t of c.xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)) expect(t[1]).toMatch(/[\u3400-\u9fff]/);
  });

  it('--cjk-font is accepted and ignored (deprecated): no warning, exit 0', () => {
    const dir = tempDir('opsplan-charts-cjk-');
    const r = runOpsplan(['report', ACME, '--period', '2026-11', ...AS_OF, '--lang', 'zh-CN', '--cjk-font', '/nonexistent/font.ttc', '-o', path.join(dir, 'r.xlsx'), '--format', 'json'], { cwd: dir });
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect((JSON.parse(r.stdout) as { sheets: { charts: number }[] }).sheets[0]!.charts).toBe(3);
  });
});

const SOFFICE = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).stdout.trim();

describe('LibreOffice reads the charts from the cells', () => {
  it.skipIf(!SOFFICE)(`a corrected cell moves the chart: saved again by LibreOffice, the chart's cache holds the new value${SOFFICE ? '' : ' (skipped: soffice not installed, e.g. apt-get install libreoffice-calc-nogui)'}`, async () => {
    const dir = tempDir('opsplan-charts-lo-');
    const file = path.join(dir, 'r.xlsx');
    expect(runOpsplan(['report', ACME, '--period', '2026-11', ...AS_OF, '--lang', 'zh-CN', '-o', file]).code).toBe(0);
    // Correct the first point of the trend's first series in the sheet, leaving the chart's cache as written.
    const trend = (await readCharts(file))[1]!;
    const at = /!\$([A-Z]+)\$(\d+):/.exec(/<c:val><c:numRef><c:f>([^<]+)<\/c:f>/.exec(trend.xml)![1]!)!;
    const zip = await JSZip.loadAsync(readFileSync(file));
    const sheetXml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const corrected = sheetXml.replace(new RegExp(`(<c r="${at[1]}${at[2]}"[^>]*>)<v>[^<]*</v>`), '$1<v>12345.67</v>');
    expect(corrected).not.toBe(sheetXml);
    zip.file('xl/worksheets/sheet1.xml', corrected);
    const edited = path.join(dir, 'edited.xlsx');
    writeFileSync(edited, await zip.generateAsync({ type: 'uint8array' }));
    const out = path.join(dir, 'lo');
    const r = spawnSync(SOFFICE, ['--headless', `-env:UserInstallation=file://${dir}/lo-profile`, '--convert-to', 'xlsx', '--outdir', out, edited], { encoding: 'utf8', timeout: 120000 });
    expect(r.status, r.stderr).toBe(0);
    const again = await readCharts(path.join(out, 'edited.xlsx'));
    // The same four charts on the same sheets, reading the same cells, their caches taken from the cells.
    expect(again.map((c) => [c.sheet, c.series.length])).toEqual((await readCharts(file)).map((c) => [c.sheet, c.series.length]));
    expectCachesMatchCells(again);
    expect(again[1]!.series[0]!.values.points.get(0)).toBe('12345.67');
  }, 150000);
});

describe('--no-charts', () => {
  it('leaves the chart parts out and keeps the chart-data tables', async () => {
    const file = path.join(tempDir('opsplan-charts-none-'), 'r.xlsx');
    const r = runOpsplan(['report', ACME, '--period', '2026-11', ...AS_OF, '--no-charts', '-o', file, '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { sheets: { charts: number }[] }).sheets.every((s) => s.charts === 0)).toBe(true);
    const zip = await JSZip.loadAsync(readFileSync(file));
    expect(Object.keys(zip.files).filter((n) => n.includes('chart') || n.includes('drawing'))).toEqual([]);
    expect(await zip.file('xl/sharedStrings.xml')!.async('string')).toContain('Chart data: variance by month');
  });
});

describe('a month nobody filed', () => {
  it('is a gap in the trend: an empty cell, left out of the cache, the point count kept', async () => {
    const ws = copyAcme();
    rmSync(path.join(ws, 'actuals', '2026-03'), { recursive: true });
    const file = path.join(tempDir('opsplan-charts-gap-'), 'r.xlsx');
    const r = runOpsplan(['report', ws, '--period', '2026-11', ...AS_OF, '-o', file]);
    expect([0, 1]).toContain(r.code);
    const charts = await readCharts(file);
    expectCachesMatchCells(charts);
    const trend = charts.find((c) => c.xml.includes('<c:lineChart>'))!;
    for (const [i, s] of trend.series.entries()) {
      const at = s.categories.cells.findIndex((c) => c.value === '2026-03');
      expect(at).toBe(2);
      expect(s.values.cells[at]!.value, `${String(s.name.cells[0]!.value)} in 2026-03`).toBeNull();
      expect(s.values.points.has(at)).toBe(false);
      expect(s.values.count).toBe(11);
      // The months around it are drawn.
      expect(plotted(trend, i).get('2026-04')).not.toBeNull();
    }
  }, 60000);
});
