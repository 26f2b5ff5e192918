// The zh-CN workbook is Chinese throughout: every text of the workbook that does not come
// from the input files must be Chinese, apart from an allow-list of codes (SKU, SHA-256,
// diagnostic codes, notice ids, the hidden tone helper values the colour rules compare). A
// text left out of the catalogue (src/report/zh-cn.ts) fails here.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { inputTexts } from '../helpers/input-texts.js';
import { ACME, runOpsplan, tempDir } from '../helpers/run-cli.js';

/** Codes and machine values that are the same in every language. */
const ALLOWED = [
  /^$/,
  /^(SKU|SHA-256|CNY|zh-CN|#)$/,
  /^[0-9a-f]{64}$/, // file hashes
  /^VN-[\w-]+$/, // notice ids
  /^PO-PLAN-[\w-]+-\d{8}-\d+$/, // MRP's planned order ids
  /^\d{4}-W\d{2}$/, // ISO weeks
  /^[a-z]+[./][a-z.-]+$/, // diagnostic and warning codes (actuals/unbudgeted-account, stock.reorder)
  /^(favourable|unfavourable|warn|critical)$/, // hidden tone helper cells: the colour rules compare these
  /^\d+\.\d+\.\d+$/, // opsplan version
  /^opsplan report /, // the command line as typed
];

const CJK = /[\u3400-\u9fff\uff00-\uffef]/;

describe('the zh-CN workbook', () => {
  let strings: string[];
  let wb: ExcelJS.Workbook;
  let input: string[];

  beforeAll(async () => {
    const out = path.join(tempDir('opsplan-zh-'), 'zh.xlsx');
    const r = runOpsplan(['report', ACME, '--period', '2026-11', '--as-of', '2026-11-30', '--lang', 'zh-CN', '--output', out]);
    expect(r.code, r.stderr).toBe(0);
    const bytes = readFileSync(out);
    const zip = await JSZip.loadAsync(bytes);
    const sst = await zip.file('xl/sharedStrings.xml')!.async('string');
    const unescape = (s: string): string => s.replace(/_x([0-9A-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    strings = [...sst.matchAll(/<t>([\s\S]*?)<\/t>/g)].map((m) => unescape(m[1]!));
    // The native charts' texts too: titles, axis titles (a:t) and the cached series names and categories (c:v).
    const chartParts = Object.keys(zip.files).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
    expect(chartParts.length).toBe(4);
    for (const n of chartParts) for (const m of (await zip.file(n)!.async('string')).matchAll(/<(a:t|c:v)>([^<]*)<\/\1>/g)) strings.push(unescape(m[2]!));
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    input = inputTexts(ACME);
  }, 60000);

  it('has no English text that does not come from the input', () => {
    const fromInput = (s: string): boolean => {
      let rest = s;
      for (const i of input) if (rest.includes(i)) rest = rest.split(i).join(' ');
      // What is left of a composite of input texts is punctuation, digits and white space.
      return /^[\s\d.,:;()%\-+>x/]*$/.test(rest);
    };
    const english = strings.filter((s) => !CJK.test(s) && !ALLOWED.some((re) => re.test(s)) && !fromInput(s));
    expect(english).toEqual([]);
    expect(strings.length).toBeGreaterThan(300);
  });

  it('names sheets, headers, categories, statuses and alerts in the regime\'s terms', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '目录', '经营计划', '预算', '预算执行差异', '预警通知', '库存预警', '采购计划', '调拨建议', '盘点差异', '生产计划执行', '物料需求计划', '质量', '设备', '安全', '供应商评价', '经营绩效', '客户服务', '重点客户', '数据校验', '关于']);
    expect(strings).toEqual(expect.arrayContaining(['偏差', '整改期限', '逾期', '费用', '未报送', '无预算支出', '低于安全库存', '盘点差异', '采购计划']));
    // The mistranslations of the first edition: About's "Value" is text, not an amount;
    // the reorder "Buy" is the quantity to buy.
    const about = wb.getWorksheet('关于')!;
    const aboutHeader = about.getRow(3).values as unknown[];
    expect(aboutHeader).toContain('内容');
    expect(aboutHeader).not.toContain('金额');
    expect(strings).toContain('采购量');
    expect(strings.some((s) => s.startsWith('现存量 ') && s.includes('低于安全库存'))).toBe(true);
  });

  it('reads an ambiguous word by its column, and the chapter and performance sheets in Chinese', () => {
    // The header row of a sheet's table that has the column `marker`.
    const header = (sheet: string, marker: string): unknown[] => {
      let found: unknown[] = [];
      wb.getWorksheet(sheet)!.eachRow((r) => { if ((r.values as unknown[]).includes(marker)) found = r.values as unknown[]; });
      return found;
    };
    // The equipment line table says 产线, the findings table's line number stays 行.
    expect(header('设备', '设备台数')).toContain('产线');
    expect(header('数据校验', '文件')).toContain('行');
    // A KPI's measured value is not an amount; a maintenance due date is not a rectification deadline.
    expect(header('经营绩效', '挑战值')).toEqual(expect.arrayContaining(['实际值', '指标编号']));
    expect(header('经营绩效', '挑战值')).not.toContain('金额');
    expect(header('设备', '完成日期')).toContain('到期日期');
    // A service case received is not a quantity received; an open case is not an unanswered notice.
    expect(header('客户服务', '案件编号')).toContain('受理时间');
    expect(header('客户服务', '案件编号')).not.toContain('到货数量');
    // A quality log left out for errors (缺失) is not an unfiled month (未报送).
    expect(strings).toEqual(expect.arrayContaining(['缺失：该月记录因错误未计入；未报送：没有记录', '未报送', '已报送']));
    expect(strings).toEqual(expect.arrayContaining(['经营绩效考核（KPI 与 GS） 2026-11', '各检验阶段合格情况', '预防性维护按时完成率 %', '未关闭隐患', '供应商评价', '终检']));
    // A KPI value's source and the reason one is missing read as sentences.
    expect(strings.some((s) => s.startsWith('命令 opsplan variance --period 2026-11 输出中的 '))).toBe(true);
    expect(strings).toContain('缺失：2026-11 未报送实际数');
  });
});

describe('the Summary title names the kind of period', () => {
  it.each([
    ['2026-11', 'en', 'Acme Manufacturing Co.: Monthly operations report 2026-11'],
    ['FY2026-Q4', 'en', 'Acme Manufacturing Co.: Quarterly operations report FY2026-Q4'],
    ['FY2026', 'zh-CN', 'Acme Manufacturing Co.: 年度运营报告 FY2026'],
  ])('%s (%s)', async (period, lang, title) => {
    const file = path.join(tempDir('opsplan-title-'), 'r.xlsx');
    const r = runOpsplan(['report', ACME, '--period', period, '--as-of', '2026-11-30', '--lang', lang, '--no-charts', '-o', file]);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getCell('A1').value).toBe(title);
  });
});
