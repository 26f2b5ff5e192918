// Native workbook charts: one DrawingML chart part (`xl/charts/chartN.xml`, c:chartSpace) per
// chart, whose series point at the cells of a table on the same sheet (`'Summary'!$C$40:$C$45`)
// and carry a cached copy of those cells' values, so a reader that does not recalculate draws
// the same chart and correcting a cell in Excel or LibreOffice moves it. The reader draws the
// chart with its own fonts: Chinese titles and labels need nothing from opsplan.
import type { Cell, Chart, ColumnType, Table } from '../report/model.js';
import { quotedSheet } from './xlsx-formulas.js';
import type { TablePlace } from './xlsx-formulas.js';
import { escapeXml } from './xml-escape.js';

/** A range of cells and the values cached beside its formula (null: an empty cell, left out of the cache). */
export interface ChartRange {
  /** An absolute A1 range with its sheet: `'Summary'!$C$40:$C$45`. */
  ref: string;
  points: (string | null)[];
}

/** A chart's data resolved to worksheet cells. */
export interface ChartCells {
  categories: ChartRange;
  /** Per series: its name (the column's header cell) and its values. */
  series: { name: ChartRange; values: ChartRange }[];
}

/** How a number cell is written in `<v>` (the same text the worksheet cell holds), or null for an empty cell. */
export type NumberText = (value: Cell, type: ColumnType) => string | null;

const NS_C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/**
 * The cells a chart reads: categories and series are columns of `table`, whose data rows start
 * at `place.firstData` on sheet `place.sheet` (its header row just above). Null when the chart
 * cannot be placed: the table is empty, elsewhere, or lacks a column (no chart then, never one
 * pointing at the wrong cells).
 */
export function chartCells(chart: Chart, table: Table, place: TablePlace | null | undefined, sheet: string, numberText: NumberText): ChartCells | null {
  if (!place || place.sheet !== sheet || table.rows.length === 0) return null;
  const first = place.firstData;
  const last = first + table.rows.length - 1;
  const q = quotedSheet(sheet);
  const column = (key: string): { letter: string; type: ColumnType; header: string } | null => {
    const c = table.columns.find((x) => x.key === key);
    const letter = place.columns.get(key);
    return c && letter ? { letter, type: c.type, header: c.header } : null;
  };
  const cat = column(chart.category);
  if (!cat) return null;
  const series: ChartCells['series'] = [];
  for (const key of chart.series) {
    const col = column(key);
    if (!col) return null;
    series.push({
      name: { ref: `${q}!$${col.letter}$${first - 1}`, points: [col.header] },
      values: { ref: `${q}!$${col.letter}$${first}:$${col.letter}$${last}`, points: table.rows.map((r) => numberText(r.cells[key] ?? null, col.type)) },
    });
  }
  const catText = (v: Cell | undefined): string | null => (v === null || v === undefined || v === '' ? null : String(v));
  return { categories: { ref: `${q}!$${cat.letter}$${first}:$${cat.letter}$${last}`, points: table.rows.map((r) => catText(r.cells[chart.category])) }, series };
}

/** What a chart shows, in words (the drawing's alternative text): title, categories along x, the y axis. */
export function chartDescription(chart: Chart, cells: ChartCells): string {
  const xs = cells.categories.points.filter((p): p is string => p !== null);
  return `${chart.title}. ${chart.axes.x}: ${xs.join(', ')}. ${chart.axes.y}.`;
}

/** A cache of texts (c:strCache) or numbers (c:numCache); empty cells are left out, the count kept. */
function cacheXml(range: ChartRange, kind: 'str' | 'num'): string {
  const pts = range.points.map((p, i) => (p === null ? '' : `<c:pt idx="${i}"><c:v>${escapeXml(p)}</c:v></c:pt>`)).join('');
  const head = kind === 'num' ? '<c:formatCode>General</c:formatCode>' : '';
  return `<c:${kind}Cache>${head}<c:ptCount val="${range.points.length}"/>${pts}</c:${kind}Cache>`;
}

function refXml(range: ChartRange, kind: 'str' | 'num'): string {
  return `<c:${kind}Ref><c:f>${escapeXml(range.ref)}</c:f>${cacheXml(range, kind)}</c:${kind}Ref>`;
}

/** Rich text of a title: one run in the report's language. */
function titleXml(text: string, lang: string, size: number, rot?: number): string {
  const body = rot === undefined ? '<a:bodyPr/>' : `<a:bodyPr rot="${rot}" vert="horz"/>`;
  return (
    `<c:title><c:tx><c:rich>${body}<a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="${lang}" sz="${size}" b="1"/><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`
  );
}

/** Text properties of axis labels: size, and a slant for long category names. */
function labelsXml(lang: string, rot = 0): string {
  return `<c:txPr><a:bodyPr rot="${rot}" vert="horz"/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"/></a:pPr><a:endParaRPr lang="${lang}"/></a:p></c:txPr>`;
}

function fillXml(chart: Chart, i: number): string {
  const color = chart.colors?.[i];
  if (!color) return '';
  return chart.type === 'line'
    ? `<c:spPr><a:ln w="22225" cap="rnd"><a:solidFill><a:srgbClr val="${color}"/></a:solidFill><a:round/></a:ln></c:spPr>`
    : `<c:spPr><a:solidFill><a:srgbClr val="${color}"/></a:solidFill></c:spPr>`;
}

function seriesXml(chart: Chart, cells: ChartCells): string {
  return cells.series
    .map((s, i) => {
      const head = `<c:idx val="${i}"/><c:order val="${i}"/><c:tx>${refXml(s.name, 'str')}</c:tx>${fillXml(chart, i)}`;
      const data = `<c:cat>${refXml(cells.categories, 'str')}</c:cat><c:val>${refXml(s.values, 'num')}</c:val>`;
      if (chart.type === 'line') {
        const marker = chart.colors?.[i] ? `<c:spPr><a:solidFill><a:srgbClr val="${chart.colors[i]}"/></a:solidFill></c:spPr>` : '';
        return `<c:ser>${head}<c:marker><c:symbol val="circle"/><c:size val="5"/>${marker}</c:marker>${data}<c:smooth val="0"/></c:ser>`;
      }
      return `<c:ser>${head}<c:invertIfNegative val="0"/>${data}</c:ser>`;
    })
    .join('');
}

/** The plot: bars (clustered or stacked) or lines, on category axis 1 and value axis 2. */
function plotXml(chart: Chart, cells: ChartCells): string {
  const axes = '<c:axId val="1"/><c:axId val="2"/>';
  if (chart.type === 'line') return `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${seriesXml(chart, cells)}<c:marker val="1"/>${axes}</c:lineChart>`;
  const stacked = chart.type === 'stacked-bar';
  return (
    `<c:barChart><c:barDir val="col"/><c:grouping val="${stacked ? 'stacked' : 'clustered'}"/><c:varyColors val="0"/>${seriesXml(chart, cells)}` +
    `<c:gapWidth val="${stacked ? 60 : 80}"/>${stacked ? '<c:overlap val="100"/>' : ''}${axes}</c:barChart>`
  );
}

/** Category axis at the bottom (labels below the plot even under negative values), value axis on the left with gridlines. */
function axesXml(chart: Chart, lang: string, slant: boolean): string {
  const cat =
    `<c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>${titleXml(chart.axes.x, lang, 1000)}` +
    `<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>${labelsXml(lang, slant ? -2700000 : 0)}` +
    '<c:crossAx val="2"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="1"/></c:catAx>';
  const val =
    `<c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/>${titleXml(chart.axes.y, lang, 1000, -5400000)}` +
    `<c:numFmt formatCode="#,##0" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${labelsXml(lang)}` +
    `<c:crossAx val="1"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`;
  return cat + val;
}

/**
 * The chart part (c:chartSpace): title, plot, axes with their titles, legend at the bottom.
 * Empty cells are gaps (`dispBlanksAs gap`): a month nobody filed breaks the line, never drops
 * it to zero. `lang` is the report's language tag of the texts (en-US, zh-CN).
 */
export function chartSpaceXml(chart: Chart, cells: ChartCells, lang: string): string {
  // Long category names (departments) are slanted; months and warehouse codes stay level.
  const slant = cells.categories.points.some((p) => p !== null && p.length > 12) && cells.categories.points.length > 3;
  return (
    `${XML_DECL}<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}"><c:date1904 val="0"/><c:lang val="${lang}"/><c:roundedCorners val="0"/>` +
    `<c:chart>${titleXml(chart.title, lang, 1300)}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plotXml(chart, cells)}${axesXml(chart, lang, slant)}</c:plotArea>` +
    '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>' +
    '<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr></c:chartSpace>'
  );
}
