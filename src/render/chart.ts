// Charts as PNG pictures (native Excel charts would need DrawingML chart parts per kind): a Vega-Lite spec is
// compiled to Vega, drawn to SVG by vega's headless view (no canvas), and rasterised by resvg
// with one explicit font file and no system fonts, so the PNG bytes are the same everywhere.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fromCents } from '../model/money.js';
import type { ChartData } from '../report/monthly-report.js';

/** A rendered chart. */
export interface ChartImage {
  png: Uint8Array;
  width: number;
  height: number;
  /** What the chart shows (title, x categories, y axis), written as the picture's alternative text. */
  title: string;
}

/** Options of the chart renderer. */
export interface ChartOptions {
  digits: number;
  /**
   * A font file for Chinese characters (e.g. Noto Sans CJK). Without one (none given and none
   * at a known system location) the caller draws the charts with English labels.
   */
  cjkFont?: string;
}

const WIDTH = 560;
const HEIGHT = 300;
const require = createRequire(import.meta.url);

/** The bundled Latin font (npm package dejavu-fonts-ttf): always available, same bytes everywhere. */
export function bundledFontFile(): string {
  return require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
}

/** Common CJK font locations on Debian/Ubuntu (fonts-noto-cjk, fonts-wqy-zenhei). */
const CJK_CANDIDATES = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
];

/** The CJK font to use: the given file, else a known system location, else none. */
export function findCjkFont(explicit: string | undefined): string | undefined {
  if (explicit) return existsSync(explicit) ? explicit : undefined;
  return CJK_CANDIDATES.find((f) => existsSync(f));
}

/** What a chart shows, in words: its title, the categories along its x axis, its y axis (the picture's alternative text). */
export function chartDescription(chart: ChartData): string {
  const xs: string[] = [];
  for (const r of chart.rows) {
    const x = 'department' in r ? r.department : 'month' in r ? r.month : r.warehouse;
    if (!xs.includes(x)) xs.push(x);
  }
  return `${chart.title}. ${chart.axes.x}: ${xs.join(', ')}. ${chart.axes.y}.`;
}

/** The chart drawn as SVG (text as text: axis titles and labels can be read back). */
export async function chartSvg(chart: ChartData, digits: number): Promise<string> {
  const [vega, vl] = await Promise.all([import('vega'), import('vega-lite')]);
  const view = new vega.View(vega.parse(vl.compile(specOf(chart, digits, 'DejaVu Sans') as never).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}

function specOf(chart: ChartData, digits: number, font: string): Record<string, unknown> {
  const base = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: WIDTH - 160,
    height: HEIGHT - 90,
    background: 'white',
    title: { text: chart.title, font, fontSize: 13 },
    config: { font, axis: { labelFont: font, titleFont: font }, legend: { labelFont: font, titleFont: font } },
  };
  switch (chart.kind) {
    case 'budget-vs-actual':
      return {
        ...base,
        data: { values: chart.rows.flatMap((r) => [
          { department: r.department, measure: chart.labels.budget, amount: fromCents(r.budget, digits) },
          // A department that filed nothing has no actual bar (missing, not zero).
          ...(r.actual === null ? [] : [{ department: r.department, measure: chart.labels.actual, amount: fromCents(r.actual, digits) }]),
        ]) },
        mark: 'bar',
        encoding: {
          x: { field: 'department', type: 'nominal', title: chart.axes.x, axis: { labelAngle: -30 } },
          xOffset: { field: 'measure', sort: [chart.labels.budget, chart.labels.actual] },
          y: { field: 'amount', type: 'quantitative', title: chart.axes.y, axis: { format: ',.0f' } },
          color: { field: 'measure', type: 'nominal', title: null, sort: [chart.labels.budget, chart.labels.actual], scale: { range: ['#9fb6d9', '#1f4e9c'] } },
        },
      };
    case 'variance-trend':
      return {
        ...base,
        // A month without any filed actuals of a category is null: the line breaks there
        // instead of dropping to -budget.
        data: { values: chart.rows.map((r) => ({ month: r.month, category: r.category, variance: r.variance === null ? null : fromCents(r.variance, digits) })) },
        mark: { type: 'line', point: true, invalid: 'break-paths-show-domains' },
        encoding: {
          x: { field: 'month', type: 'ordinal', title: chart.axes.x, axis: { labelAngle: -45 } },
          y: { field: 'variance', type: 'quantitative', title: chart.axes.y, axis: { format: ',.0f' } },
          color: { field: 'category', type: 'nominal', title: null },
        },
      };
    case 'stock-health':
      return {
        ...base,
        data: { values: chart.rows },
        mark: 'bar',
        encoding: {
          x: { field: 'warehouse', type: 'nominal', title: chart.axes.x, axis: { labelAngle: 0 } },
          y: { field: 'items', type: 'quantitative', title: chart.axes.y, stack: 'zero' },
          color: { field: 'status', type: 'nominal', title: null, sort: chart.statuses, scale: { domain: chart.statuses, range: ['#63be7b', '#e06666', '#f6b26b'] } },
          order: { field: 'status', sort: 'ascending' },
        },
      };
    case 'kpi-scores':
      // Coloured by grade; a department without a grade (more than half of its KPI weight missing) shows as "-".
      return {
        ...base,
        data: { values: chart.rows },
        mark: 'bar',
        encoding: {
          x: { field: 'department', type: 'nominal', title: chart.axes.x, sort: '-y', axis: { labelAngle: -30 } },
          y: { field: 'score', type: 'quantitative', title: chart.axes.y },
          color: { field: 'grade', type: 'nominal', title: null, sort: 'ascending', scale: { scheme: 'tableau10' } },
        },
      };
  }
}

/** Renders charts to PNG. vega is loaded only here (it is large and ESM-only). */
export async function renderCharts(charts: readonly ChartData[], options: ChartOptions): Promise<ChartImage[]> {
  if (charts.length === 0) return [];
  const { Resvg } = await import('@resvg/resvg-js');
  const latin = bundledFontFile();
  const cjk = findCjkFont(options.cjkFont);
  const out: ChartImage[] = [];
  // DejaVu Sans is named everywhere; characters it lacks (CJK) fall back to the next font
  // file given, which resvg searches glyph by glyph.
  const fontFiles = cjk ? [latin, cjk] : [latin];
  for (const chart of charts) {
    const svg = await chartSvg(chart, options.digits);
    const resvg = new Resvg(svg, {
      font: { fontFiles, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
      fitTo: { mode: 'width', value: WIDTH * 2 },
      background: 'white',
    });
    const img = resvg.render();
    out.push({ png: new Uint8Array(img.asPng()), width: Math.round(img.width / 2), height: Math.round(img.height / 2), title: chartDescription(chart) });
  }
  return out;
}

