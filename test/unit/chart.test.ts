// The chart pictures: axis titles with their unit and the categories along the axis are drawn
// (read back from the SVG the PNG is rasterised from), and a department is shown by its name.
import { describe, expect, it } from 'vitest';
import { chartDescription, chartSvg } from '../../src/render/chart.js';
import { departmentLabel } from '../../src/report/monthly-report.js';
import type { ChartData } from '../../src/report/monthly-report.js';

const BUDGET: ChartData = {
  kind: 'budget-vs-actual',
  title: 'Budget vs actual by department (cost + expense) 2026-11',
  axes: { x: 'Department', y: 'Budget / actual (CNY)' },
  labels: { budget: 'Budget', actual: 'Actual' },
  rows: [
    { department: 'Operations Management', budget: 100000, actual: 120000 },
    { department: 'Customer Service', budget: 50000, actual: null },
  ],
};

describe('charts', () => {
  it('draws the axis titles, the unit and the department names', async () => {
    const svg = await chartSvg(BUDGET, 2);
    for (const t of ['Department', 'Budget / actual (CNY)', 'Operations Management', 'Customer Service']) expect(svg).toContain(`>${t}<`);
  }, 30000);

  it('describes a chart for its alternative text', () => {
    expect(chartDescription(BUDGET)).toBe('Budget vs actual by department (cost + expense) 2026-11. Department: Operations Management, Customer Service. Budget / actual (CNY).');
  });

  it('labels a department by its name, its id without one, and keeps Chinese names off an English chart', () => {
    const names = { ops: 'Operations Management', cs: '客户服务部' };
    expect(departmentLabel('ops', names, 'en')).toBe('Operations Management');
    expect(departmentLabel('x', names, 'en')).toBe('x');
    expect(departmentLabel('cs', names, 'en')).toBe('cs');
    expect(departmentLabel('cs', names, 'zh-CN')).toBe('客户服务部');
  });
});
