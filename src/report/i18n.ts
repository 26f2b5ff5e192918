// The monthly report in English and in Chinese: sheet names by sheet id, every other text
// through one catalogue keyed by its English wording (src/report/zh-cn.ts), so a word reads
// the same wherever it appears. The user's own words (names, ids, notes) are never translated.
import type { AmountUnit, Cell, Report, Table } from './model.js';
import { ZH_BY_COLUMN, ZH_INPUT_SUFFIXES, zh } from './zh-cn.js';

/** Languages of the report. */
export const LANGS = ['en', 'zh-CN'] as const;
/** One of LANGS. */
export type Lang = (typeof LANGS)[number];

/** Sheets of the monthly report, in workbook order. */
export type SheetId = 'summary' | 'contents' | 'plan' | 'budget' | 'variance' | 'notices' | 'stock-alerts' | 'reorder-plan' | 'transfers' | 'count-discrepancies' | 'production' | 'material-plan' | 'quality' | 'equipment' | 'safety' | 'suppliers' | 'performance' | 'customer-service' | 'key-accounts' | 'findings' | 'about';

const SHEETS: Record<Lang, Partial<Record<SheetId, string>>> = {
  en: {
    summary: 'Summary',
    contents: 'Contents',
    plan: 'Plan',
    budget: 'Budget',
    variance: 'Variance',
    notices: 'Notices',
    'stock-alerts': 'Stock Alerts',
    'reorder-plan': 'Reorder Plan',
    transfers: 'Transfers',
    'count-discrepancies': 'Count Discrepancies',
    production: 'Production',
    'material-plan': 'Material Plan',
    quality: 'Quality',
    equipment: 'Equipment',
    safety: 'Safety',
    suppliers: 'Suppliers',
    performance: 'Performance',
    'customer-service': 'Customer Service',
    'key-accounts': 'Key Accounts',
    findings: 'Findings',
    about: 'About',
  },
  'zh-CN': {
    summary: '汇总',
    contents: '目录',
    plan: '经营计划',
    budget: '预算',
    variance: '预算执行差异',
    notices: '预警通知',
    'stock-alerts': '库存预警',
    'reorder-plan': '采购计划',
    transfers: '调拨建议',
    'count-discrepancies': '盘点差异',
    production: '生产计划执行',
    'material-plan': '物料需求计划',
    quality: '质量',
    equipment: '设备',
    safety: '安全',
    suppliers: '供应商评价',
    performance: '经营绩效',
    'customer-service': '客户服务',
    'key-accounts': '重点客户',
    findings: '数据校验',
    about: '关于',
  },
};

/** Free texts of the workbook addressed by key (titles, labels); the Chinese comes from the catalogue. */
const TEXTS: Record<string, string> = {
  amountsIn: 'Amounts in',
  'sheet.as-of': 'as of',
  'summary.title': 'Monthly operations report',
  'summary.title.quarter': 'Quarterly operations report',
  'summary.title.year': 'Annual operations report',
  'chart.budget-vs-actual': 'Budget vs actual by department (cost + expense)',
  'chart.variance-trend': 'Variance by month (actual - budget)',
  'chart.stock-health': 'Stock health by warehouse (items)',
  'chart.kpi-scores': 'KPI and GS score by department',
  'axis.department': 'Department',
  'axis.month': 'Month',
  'axis.warehouse': 'Warehouse',
  'axis.budget-actual': 'Budget / actual',
  'axis.variance': 'Variance',
  'axis.stock-items': 'Stock items',
  'axis.score': 'Score',
  'performance.title': 'Operating performance (KPI and GS)',
  'service.title': 'Customer service',
  'production.title': 'Production against the plan',
  'material-plan.title': 'Material plan as of',
  'accounts.title': 'Key accounts',
  budget: 'Budget',
  actual: 'Actual',
  variance: 'Variance',
  toneSuffix: ' (tone)',
  pageOf: 'Page {page} of {pages}',
};

/**
 * Columns whose cells are the user's own words (names, ids, file paths, units, notes): never
 * translated, except the few values opsplan itself puts there (`company`, `(none)`).
 */
const INPUT_COLUMNS = new Set([
  'account', 'name', 'sku', 'warehouse', 'supplier', 'file', 'metric', 'description', 'owner', 'title', 'id', 'notice', 'sha256', 'from', 'to', 'unit', 'note', 'department', 'value', 'cause', 'measures',
  'equipment', 'productionLine', 'task', 'lot', 'code', 'area', 'hazard', 'inspection', 'inspections', 'manager', 'indicator', 'goal', 'comment',
  'scope', 'customer', 'repeatOf', 'cases', 'missing', 'sheet', 'holds', 'departmentName',
]);
const GENERATED_IN_INPUT_COLUMNS = new Set(['company', 'Company', '(none)', 'Total', 'GS not reviewed: score is the KPI part']);

/** Words opsplan itself writes into a column of input words: a KPI card's metric `manual` (a value entered in the kpi-review, not a catalogue metric id). */
const GENERATED_BY_COLUMN: Record<string, ReadonlySet<string>> = { metric: new Set(['manual', 'manual (avg)']) };

function generatedInInputColumn(v: string, key = ''): boolean {
  if (GENERATED_BY_COLUMN[key]?.has(v)) return true;
  // Procurement subtotals put "3 lines" in the name column; KPI tables put the reason a value
  // or a grade is missing in the comment and note columns.
  return GENERATED_IN_INPUT_COLUMNS.has(v) || /^\d+ lines?$/.test(v) || /^(missing|no grade): /.test(v);
}

/** A user's text with a suffix opsplan appended: the text as typed, the suffix translated. */
function inputWithSuffix(v: string, lang: Lang): string {
  if (lang !== 'zh-CN') return v;
  for (const [en, zhSuffix] of ZH_INPUT_SUFFIXES) if (v.endsWith(en)) return v.slice(0, -en.length) + zhSuffix;
  return v;
}

// East Asian wide characters (two terminal columns), as src/render/table.ts counts them.
const WIDE_CHARS = '\\u1100-\\u115f\\u2e80-\\ua4cf\\uac00-\\ud7a3\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uff60\\uffe0-\\uffe6';
const WIDE = new RegExp(`[${WIDE_CHARS}]`);
const TOKENS = new RegExp(`\\s+|[${WIDE_CHARS}]|[^\\s${WIDE_CHARS}]+`, 'g');

// Chinese line-breaking rules (kinsoku): these never start a line, and these never end one.
const NO_LINE_START = new Set([...'，。、；：？！）》」』】%']);
const NO_LINE_END = new Set([...'（《「『【']);

/**
 * Text broken into lines of at most `width` terminal columns: a wide (CJK) character takes two
 * and may end a line anywhere, other words stay whole; closing punctuation stays on its line
 * (one character over the width) and opening punctuation moves to the next.
 */
export function wrapWide(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  const widthOf = (t: string): number => [...t].reduce((w, ch) => w + (WIDE.test(ch) ? 2 : 1), 0);
  for (const token of text.match(TOKENS) ?? []) {
    const blank = /^\s/.test(token);
    if (used > 0 && used + widthOf(token) > width && !blank && !NO_LINE_START.has(token)) {
      const last = line.at(-1)!;
      const carry = NO_LINE_END.has(last) && line.length > 1 ? last : '';
      lines.push(line.slice(0, line.length - carry.length).trimEnd());
      line = carry;
      used = widthOf(carry);
    }
    if (blank && used === 0) continue;
    line += blank ? ' ' : token;
    used += blank ? 1 : widthOf(token);
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines.join('\n');
}

/**
 * A text the report wrapped for the terminal (English lines of at most N characters) is
 * translated whole and wrapped again at N columns, so a sentence never reaches the catalogue
 * in pieces.
 */
function trWrapped(english: string, translate: (s: string) => string): string {
  if (!english.includes('\n')) return translate(english);
  const lines = english.split('\n');
  const whole = translate(lines.join(' '));
  if (whole === lines.join(' ')) return lines.map(translate).join('\n');
  return wrapWide(whole, Math.max(...lines.map((l) => l.length)));
}

/** A header or cell of a column: the column's own sense of an ambiguous word first (ZH_BY_COLUMN). */
function trIn(tableId: string, key: string, english: string, lang: Lang): string {
  if (lang !== 'zh-CN') return english;
  if (english.includes('\n')) return trWrapped(english, (s) => trIn(tableId, key, s, lang));
  const own = ZH_BY_COLUMN[`${tableId.split('-')[0]}.${key}`]?.[english] ?? ZH_BY_COLUMN[key]?.[english];
  return own ?? tr(english, lang);
}

/** The tab name of a sheet: the regime's term by sheet id, else the catalogue's translation of its English name. */
export function sheetName(id: string, english: string, lang: Lang): string {
  if (lang === 'en') return english;
  return (SHEETS[lang] as Record<string, string | undefined>)[id] ?? tr(english, lang);
}

/** What the terminal shows under the title of an empty table ("(none)" is a missing supplier in the catalogue). */
export function emptyTableText(lang: Lang): string {
  return lang === 'en' ? '(none)' : tr('(no rows)', lang);
}

/** A text in a language: the English wording, or its translation. */
export function tr(english: string, lang: Lang): string {
  return lang === 'zh-CN' ? zh(english) : english;
}

/** The unit of amounts for axis titles: the currency, or "CNY 10,000" (万元) with `--unit wan`. */
export function amountUnitLabel(currency: string, unit: AmountUnit | undefined, lang: Lang): string {
  return unit === 'wan' ? tr(`${currency} 10,000`, lang) : currency;
}

/**
 * The amounts line under every sheet title: "Amounts in CNY" (金额单位 CNY); with a unit,
 * "Amounts in CNY, whole units" (金额单位：元) or "Amounts in CNY 10,000" (金额单位：万元).
 */
export function amountsLine(currency: string, unit: AmountUnit | undefined, lang: Lang): string {
  if (unit === undefined) return `${text('amountsIn', lang)} ${currency}`;
  return tr(unit === 'wan' ? `Amounts in ${currency} 10,000` : `Amounts in ${currency}, whole units`, lang);
}

/** A free text by key in a language (the key itself when unknown). */
export function text(key: string, lang: Lang): string {
  return tr(TEXTS[key] ?? key, lang);
}

/** A text cell of column `key` of table `tableId` as translateTable writes it (for formulas that look for it). */
export function cellText(tableId: string, key: string, v: Cell, lang: Lang): Cell {
  if (lang === 'en' || typeof v !== 'string' || v === '') return v;
  if (INPUT_COLUMNS.has(key)) return generatedInInputColumn(v, key) ? tr(v, lang) : inputWithSuffix(v, lang);
  return trIn(tableId, key, v, lang);
}

/**
 * A table in a language: title, caption, column headers, and the cells opsplan writes itself
 * (categories, statuses, levels, flags, alert sentences); the user's own words stay as typed.
 */
export function translateTable(table: Table, lang: Lang): Table {
  if (lang === 'en') return table;
  const textKeys = table.columns.filter((c) => c.type === 'text').map((c) => c.key);
  const cell = (key: string, v: Cell): Cell => cellText(table.id, key, v, lang);
  return {
    ...table,
    title: tr(table.title, lang),
    ...(table.caption !== undefined ? { caption: tr(table.caption, lang) } : {}),
    columns: table.columns.map((c) => ({ ...c, header: trIn(table.id, c.key, c.header, lang) })),
    rows: table.rows.map((r) => {
      const cells = { ...r.cells };
      for (const k of textKeys) if (k in cells) cells[k] = cell(k, cells[k]!);
      // Money columns carry "missing" for an unfiled month.
      for (const c of table.columns) if (c.type !== 'text' && typeof cells[c.key] === 'string') cells[c.key] = tr(cells[c.key] as string, lang);
      return { ...r, cells };
    }),
  };
}

/**
 * A whole report in a language, for the terminal: its title, the headline labels and the
 * headline texts opsplan writes (`3 of 4`, `none`), and every table as `translateTable` does.
 */
export function translateReport(report: Report, lang: Lang): Report {
  if (lang === 'en') return report;
  return {
    ...report,
    title: tr(report.title, lang),
    ...(report.headline ? { headline: report.headline.map((h) => ({ ...h, label: tr(h.label, lang), value: typeof h.value === 'string' ? tr(h.value, lang) : h.value })) } : {}),
    tables: report.tables.map((t) => translateTable(t, lang)),
  };
}
