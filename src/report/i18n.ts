// Sheet names, table titles and column headers of the monthly report in English and in
// Chinese, using the regime's own terms. Missing keys fall back to English (and for column
// headers to the header the table already has), so a new column never breaks a language.
import type { Table } from './model.js';

/** Languages of the report. */
export const LANGS = ['en', 'zh-CN'] as const;
/** One of LANGS. */
export type Lang = (typeof LANGS)[number];

/** Sheets of the monthly report, in workbook order. */
export type SheetId = 'summary' | 'plan' | 'budget' | 'variance' | 'notices' | 'stock-alerts' | 'reorder-plan' | 'transfers' | 'count-discrepancies' | 'quality' | 'equipment' | 'safety' | 'suppliers' | 'performance' | 'customer-service' | 'key-accounts' | 'findings' | 'about';

const SHEETS: Record<Lang, Partial<Record<SheetId, string>>> = {
  en: {
    summary: 'Summary',
    plan: 'Plan',
    budget: 'Budget',
    variance: 'Variance',
    notices: 'Notices',
    'stock-alerts': 'Stock Alerts',
    'reorder-plan': 'Reorder Plan',
    transfers: 'Transfers',
    'count-discrepancies': 'Count Discrepancies',
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
    plan: '经营计划',
    budget: '预算',
    variance: '预算执行差异',
    notices: '预警通知',
    'stock-alerts': '库存预警',
    'reorder-plan': '采购计划',
    transfers: '调拨建议',
    'count-discrepancies': '盘点差异',
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

/** Free texts of the workbook (titles, labels). */
const TEXTS: Record<Lang, Record<string, string>> = {
  en: {
    amountsIn: 'Amounts in',
    'summary.title': 'Monthly operations report',
    'chart.budget-vs-actual': 'Budget vs actual by department (cost + expense)',
    'chart.variance-trend': 'Variance by month (actual - budget)',
    'chart.stock-health': 'Stock health by warehouse (items)',
    'chart.kpi-scores': 'KPI and GS score by department',
    'performance.title': 'Operating performance (KPI and GS)',
    budget: 'Budget',
    actual: 'Actual',
    variance: 'Variance',
    'service.title': 'Customer service',
    'accounts.title': 'Key accounts',
  },
  'zh-CN': {
    amountsIn: '金额单位',
    'summary.title': '月度运营报告',
    'chart.budget-vs-actual': '各部门预算与实际（成本 + 费用）',
    'chart.variance-trend': '各月预算执行差异（实际 - 预算）',
    'chart.stock-health': '各仓库库存健康状况（品项数）',
    'chart.kpi-scores': '各部门 KPI 与 GS 综合得分',
    'performance.title': '经营绩效考核（KPI 与 GS）',
    budget: '预算',
    actual: '实际',
    variance: '差异',
    'service.title': '客户服务',
    'accounts.title': '重点客户维护',
  },
};

/** Column headers by column key; the same key means the same thing in every table. */
const HEADERS: Record<Lang, Record<string, string>> = {
  en: {},
  'zh-CN': {
    department: '部门',
    account: '科目',
    name: '名称',
    category: '类别',
    budget: '预算',
    actual: '实际',
    variance: '差异',
    variancePct: '差异率',
    level: '预警级别',
    flags: '标记',
    lines: '行数',
    notice: '预警通知',
    id: '编号',
    due: '截止日期',
    status: '状态',
    response: '回复',
    month: '月份',
    original: '原预算',
    adjustments: '调整',
    revised: '调整后预算',
    warehouse: '仓库',
    sku: '物料编码',
    unit: '单位',
    severity: '级别',
    code: '代码',
    message: '说明',
    supplier: '供应商',
    quantity: '数量',
    value: '金额',
    orderBy: '最迟下单日',
    from: '调出仓库',
    to: '调入仓库',
    file: '文件',
    line: '行',
    column: '列',
    sha256: 'SHA-256',
    bytes: '字节',
    kind: '类型',
    count: '数量',
    source: '来源',
    item: '项目',
    key: '项目',
    target: '目标',
    owner: '负责人',
    title: '标题',
    score: '评分',
    rank: '排名',
    manager: '负责人',
    kpi: 'KPI 得分',
    gs: 'GS 得分',
    grade: '等级',
    kpiMissing: '缺失 KPI 权重',
    note: '备注',
    indicator: '指标',
    metric: '指标来源',
    weight: '权重',
    direction: '方向',
    threshold: '门槛值',
    stretch: '挑战值',
    goal: '工作目标',
    description: '说明',
    comment: '评语',
    scope: '部门',
    opened: '受理数',
    resolved: '已解决',
    closed: '已结案',
    closureRatePct: '结案率',
    backlog: '未解决',
    met: '达标',
    breached: '超时',
    running: '处理中',
    noSla: '无服务标准',
    attainmentPct: '达标率',
    ratings: '评价数',
    satisfactionPct: '满意率',
    missing: '缺失日志',
    dimension: '维度',
    age: '账龄',
    group: '分组',
    responses: '已响应',
    responseMedian: '响应中位数（小时）',
    responseP90: '响应P90（小时）',
    resolutions: '已解决数',
    resolutionMedian: '解决中位数（小时）',
    resolutionP90: '解决P90（小时）',
    type: '类型',
    priority: '优先级',
    customer: '客户',
    received: '受理时间',
    sla: '服务标准',
    responseHours: '响应用时（小时）',
    responseTarget: '响应时限',
    responseStatus: '响应',
    responseOver: '响应超时（小时）',
    resolutionHours: '解决用时（小时）',
    resolutionTarget: '解决时限',
    resolutionStatus: '解决',
    resolutionOver: '解决超时（小时）',
    rating: '满意度评分',
    repeatOf: '重复投诉',
    complaints: '投诉数',
    previous: '上期',
    rise: '增加',
    detail: '说明',
    tier: '级别',
    accounts: '客户数',
    plannedToDate: '计划回访',
    done: '已回访',
    overdue: '逾期',
    nextDue: '下次回访',
    coveragePct: '回访完成率',
    openComplaints: '未结投诉',
    breaches: '超时案件',
    cases: '案件',
  },
};

/** The name of a sheet in a language. */
export function sheetName(id: SheetId, lang: Lang): string {
  return SHEETS[lang][id] ?? SHEETS.en[id] ?? id;
}

/** A free text in a language (English when not translated, the key when unknown). */
export function text(key: string, lang: Lang): string {
  return TEXTS[lang][key] ?? TEXTS.en[key] ?? key;
}

/** A table with its column headers translated (unknown keys keep their header). */
export function translateTable(table: Table, lang: Lang): Table {
  if (lang === 'en') return table;
  return { ...table, columns: table.columns.map((c) => ({ ...c, header: HEADERS[lang][c.key] ?? c.header })) };
}
