// The terminal grid in Chinese: CJK characters take two columns, and every line of a zh-CN
// table must be exactly as wide as the others, measured by string-width (an independent
// implementation of Unicode's East Asian Width), with colours on and with wrapped cells.
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { renderTerminal } from '../../src/cli/lang-option.js';
import { visibleWidth } from '../../src/render/table.js';
import { translateReport, wrapWide } from '../../src/report/i18n.js';
import type { Report } from '../../src/report/model.js';
import { ZH_TERMINAL_TEXTS, ZH_TEXTS } from '../../src/report/zh-cn.js';

/** A report as the commands build it, in English, with the user's names beside opsplan's words. */
const REPORT: Report = {
  title: 'Variance 2026-11',
  currency: 'CNY',
  digits: 2,
  headline: [{ label: 'Critical lines', value: 2, type: 'number', tone: 'critical' }],
  tables: [
    {
      id: 'variance',
      title: 'Budget vs actual by line',
      columns: [
        { key: 'department', header: 'Department', type: 'text' },
        { key: 'name', header: 'Name', type: 'text' },
        { key: 'category', header: 'Category', type: 'text' },
        { key: 'budget', header: 'Budget', type: 'money' },
        { key: 'level', header: 'Level', type: 'text' },
        { key: 'flags', header: 'Flags', type: 'text' },
      ],
      rows: [
        { cells: { department: 'marketing', name: 'Advertising', category: 'expense', budget: 33000000, level: 'critical', flags: '' }, tones: { level: 'critical' } },
        { cells: { department: '市场部', name: '广告费 (线上)', category: 'cost', budget: -120050, level: 'warn', flags: 'unbudgeted' }, tones: { level: 'warn' } },
        { cells: { department: 'customer-service', name: 'Call centre', category: 'cash-in', budget: null, level: '', flags: 'not-filed' } },
        { kind: 'total', cells: { department: 'company', name: '', category: 'revenue', budget: 0, level: '', flags: '' } },
      ],
    },
    {
      id: 'submission-warnings',
      title: 'Submission warnings',
      columns: [{ key: 'severity', header: 'Severity', type: 'text' }, { key: 'message', header: 'Message', type: 'text' }],
      // Wrapped for the terminal in English, as the consolidate report does (40 characters).
      rows: [{ cells: { severity: 'warning', message: "marketing-online's FY2026 budget is\nsubmitted, not approved; it is left out\nof the company budget\n(budgets/FY2026/marketing-online.yaml)" } }],
    },
  ],
};

/** The grids of a printout: runs of lines from a top rule to a bottom rule. */
function grids(out: string): string[][] {
  const found: string[][] = [];
  let grid: string[] | null = null;
  // eslint-disable-next-line no-control-regex -- colour codes are what is stripped
  for (const line of out.split('\n').map((l) => l.replace(/\u001b\[[0-9;]*m/g, ''))) {
    if (line.startsWith('┌')) grid = [];
    if (grid) grid.push(line);
    if (line.startsWith('└') && grid) {
      found.push(grid);
      grid = null;
    }
  }
  return found;
}

describe('zh-CN terminal tables', () => {
  it.each([true, false])('every line of a grid has the same display width (colour %s)', (color) => {
    const out = renderTerminal(REPORT, 'zh-CN', { color });
    const all = grids(out);
    expect(all).toHaveLength(2);
    for (const g of all) {
      const widths = new Set(g.map((l) => stringWidth(l)));
      expect([...widths], g.join('\n')).toHaveLength(1);
    }
    // The cells really are Chinese (else the test would measure ASCII only).
    expect(out).toContain('预算执行差异 2026-11');
    expect(out).toContain('│ 市场部');
    expect(out).toMatch(/未计入公司预算/);
  });

  it('translates the wrapped sentence whole and wraps it again by display width', () => {
    const zh = translateReport(REPORT, 'zh-CN').tables[1]!.rows[0]!.cells.message as string;
    expect(zh.split('\n').length).toBeGreaterThan(1);
    expect(zh.replace(/\n/g, '')).toBe('marketing-online 的 FY2026 预算为已提交，未批准；未计入公司预算（budgets/FY2026/marketing-online.yaml）');
  });

  it('counts every Chinese text of the catalogue as string-width does', () => {
    const texts = [...Object.values(ZH_TEXTS), ...Object.values(ZH_TERMINAL_TEXTS)];
    expect(texts.length).toBeGreaterThan(500);
    expect(texts.filter((t) => visibleWidth(t) !== stringWidth(t))).toEqual([]);
  });

  it('keeps the terminal block and the workbook block of the catalogue apart (no key twice)', () => {
    expect(Object.keys(ZH_TERMINAL_TEXTS).filter((k) => k in ZH_TEXTS)).toEqual([]);
  });
});

describe('wrapWide', () => {
  const text = '市场线上部 FY2026 预算为已提交，未批准；未计入公司预算（budgets/FY2026/marketing-online.yaml）';
  it.each([10, 16, 24, 40])('breaks at %i columns, keeps words whole and punctuation on the right line', (width) => {
    const lines = wrapWide(text, width).split('\n');
    for (const l of lines) {
      // One closing punctuation mark may hang over the width; a word longer than it stays whole.
      const over = stringWidth(l) - width;
      if (over > 0) expect(/[，；）]$/.test(l) && over <= 2 || !/\s/.test(l.trim()) && !/[\u4e00-\u9fff]/.test(l), l).toBe(true);
      expect(l).not.toMatch(/^[，。、；：）]/);
      expect(l).not.toMatch(/[（]$/);
    }
    expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
  });
});
