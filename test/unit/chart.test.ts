// The native chart builder: series read the cells of a table (quoted sheet name, absolute
// ranges, the header cell as the series name), cache the very texts the cells hold, leave an
// empty cell out of the cache as a gap, and every chart type validates against dml-chart.xsd.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { chartCells, chartDescription, chartSpaceXml } from '../../src/render/chart.js';
import type { NumberText } from '../../src/render/chart.js';
import type { TablePlace } from '../../src/render/xlsx-formulas.js';
import type { Chart, Table } from '../../src/report/model.js';
import { departmentLabel } from '../../src/report/monthly-report.js';

const TABLE: Table = {
  id: 'chart-budget-vs-actual',
  title: 'Chart data',
  columns: [
    { key: 'department', header: 'Department', type: 'text' },
    { key: 'name', header: '名称', type: 'text' },
    { key: 'budget', header: '预算', type: 'money' },
    { key: 'actual', header: '实际', type: 'money' },
  ],
  rows: [
    { cells: { department: 'ops', name: 'Operations Management', budget: 10000000, actual: 12000050 } },
    { cells: { department: 'cs', name: '客户服务部', budget: 5000000, actual: null } },
  ],
};
const PLACE: TablePlace = { sheet: "Tom's 汇总", firstData: 41, columns: new Map([['department', 'A'], ['name', 'B'], ['budget', 'C'], ['actual', 'D']]) };
const CHART: Chart = { id: 'budget-vs-actual', type: 'bar', title: '各部门预算与实际 2026-11', axes: { x: '部门', y: '预算 / 实际（CNY）' }, table: TABLE.id, category: 'name', series: ['budget', 'actual'], colors: ['9FB6D9', '1F4E9C'] };
/** Amounts as the worksheet writes them (cents / 100); anything else is an empty cell. */
const TEXT: NumberText = (v, type) => (typeof v !== 'number' ? null : type === 'money' ? String(v / 100) : String(v));

const XSD_DIR = fileURLToPath(new URL('../fixtures/ooxml-xsd/', import.meta.url));
const SCHEMAS = readdirSync(XSD_DIR).filter((f) => f.endsWith('.xsd')).map((f) => ({ fileName: f, contents: readFileSync(XSD_DIR + f, 'utf8') }));

async function schemaErrors(xml: string): Promise<string[]> {
  const r = await validateXML({ xml: [{ fileName: 'chart.xml', contents: xml }], schema: SCHEMAS.find((s) => s.fileName === 'dml-chart.xsd')!, preload: SCHEMAS });
  return r.errors.map((e) => e.message);
}

describe('native charts', () => {
  it('reads the categories, series names and values from the table cells, with the sheet name quoted', () => {
    const cells = chartCells(CHART, TABLE, PLACE, "Tom's 汇总", TEXT)!;
    expect(cells.categories).toEqual({ ref: "'Tom''s 汇总'!$B$41:$B$42", points: ['Operations Management', '客户服务部'] });
    expect(cells.series).toEqual([
      { name: { ref: "'Tom''s 汇总'!$C$40", points: ['预算'] }, values: { ref: "'Tom''s 汇总'!$C$41:$C$42", points: ['100000', '50000'] } },
      { name: { ref: "'Tom''s 汇总'!$D$40", points: ['实际'] }, values: { ref: "'Tom''s 汇总'!$D$41:$D$42", points: ['120000.5', null] } },
    ]);
    expect(chartDescription(CHART, cells)).toBe('各部门预算与实际 2026-11. 部门: Operations Management, 客户服务部. 预算 / 实际（CNY）.');
  });

  it('places no chart over an empty table, a table of another sheet or a missing column', () => {
    expect(chartCells(CHART, { ...TABLE, rows: [] }, PLACE, "Tom's 汇总", TEXT)).toBeNull();
    expect(chartCells(CHART, TABLE, PLACE, 'Summary', TEXT)).toBeNull();
    expect(chartCells(CHART, TABLE, null, "Tom's 汇总", TEXT)).toBeNull();
    expect(chartCells({ ...CHART, series: ['nope'] }, TABLE, PLACE, "Tom's 汇总", TEXT)).toBeNull();
  });

  it('writes a gap for an empty cell: counted in ptCount, absent from the cache, dispBlanksAs gap', () => {
    const xml = chartSpaceXml(CHART, chartCells(CHART, TABLE, PLACE, "Tom's 汇总", TEXT)!, 'zh-CN');
    expect(xml).toContain("<c:val><c:numRef><c:f>'Tom''s 汇总'!$D$41:$D$42</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val=\"2\"/><c:pt idx=\"0\"><c:v>120000.5</c:v></c:pt></c:numCache></c:numRef></c:val>");
    expect(xml).toContain('<c:dispBlanksAs val="gap"/>');
    expect(xml).toContain('<a:t>各部门预算与实际 2026-11</a:t>');
    expect(xml).toContain('<a:t>预算 / 实际（CNY）</a:t>');
    expect(xml).toContain('<c:lang val="zh-CN"/>');
  });

  it.each([
    ['bar', '<c:grouping val="clustered"/>'],
    ['stacked-bar', '<c:grouping val="stacked"/>'],
    ['line', '<c:lineChart><c:grouping val="standard"/>'],
  ] as const)('a %s chart validates against dml-chart.xsd', async (type, marker) => {
    const chart = { ...CHART, type };
    const xml = chartSpaceXml(chart, chartCells(chart, TABLE, PLACE, "Tom's 汇总", TEXT)!, 'en-US');
    expect(xml).toContain(marker);
    expect(await schemaErrors(xml)).toEqual([]);
  });

  it('the schema check catches a misplaced element', async () => {
    const xml = chartSpaceXml(CHART, chartCells(CHART, TABLE, PLACE, "Tom's 汇总", TEXT)!, 'en-US').replace('<c:autoTitleDeleted val="0"/>', '').replace('<c:plotVisOnly val="1"/>', '<c:plotVisOnly val="1"/><c:autoTitleDeleted val="0"/>');
    expect((await schemaErrors(xml)).length).toBeGreaterThan(0);
  });

  it('labels a department by its name from the company file, else by its id', () => {
    const names = { ops: 'Operations Management', cs: '客户服务部' };
    expect(departmentLabel('ops', names)).toBe('Operations Management');
    expect(departmentLabel('cs', names)).toBe('客户服务部');
    expect(departmentLabel('x', names)).toBe('x');
    expect(departmentLabel('x', undefined)).toBe('x');
  });
});
