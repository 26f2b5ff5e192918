// The service result as report tables (terminal, CSV, the workbook sheet) and as JSON.
// Hours and percentages are exact in the domain and rounded to 2 decimals here, for display.
import type { ClockResult, MeasuredCase, MissingMonth } from '../domain/service-cases.js';
import type { KeyCount, ServiceResult, ServiceScope } from '../domain/service.js';
import { formatLocal } from '../model/zoned-time.js';
import type { Cell, Column, Report, Row, Table, Tone } from './model.js';

const col = (key: string, header: string, type: Column['type']): Column => ({ key, header, type });

/** Rounds hours and percentages to 2 decimals for display; null stays null (missing). */
export function round2(v: number | null | undefined): number | null {
  return v === null || v === undefined ? null : Math.round(v * 100) / 100;
}

const slaTone = (s: string): Tone | undefined => (s === 'breached' ? 'critical' : s === 'running' ? 'warn' : undefined);

/** One line naming a missing department-month. */
export function missingText(m: MissingMonth): string {
  const what = `${m.department ?? '(unreadable log)'} ${m.month ?? '(month unknown)'}`;
  return m.reason === 'left-out' ? `${what}: ${m.file} has errors and is left out` : `${what}: no service log filed`;
}

function scopeRow(s: ServiceScope, label: string, kind: Row['kind']): Row {
  return {
    kind,
    cells: {
      scope: label,
      opened: s.opened,
      resolved: s.resolved,
      closed: s.closed,
      closureRatePct: round2(s.closureRatePct),
      backlog: s.backlog,
      met: s.sla?.met ?? null,
      breached: s.sla?.breached ?? null,
      running: s.sla?.running ?? null,
      noSla: s.sla?.none ?? null,
      attainmentPct: round2(s.sla?.attainmentPct),
      ratings: s.satisfaction?.ratings ?? null,
      satisfactionPct: round2(s.satisfaction?.pct),
      missing: s.missing.length === 0 ? '' : s.missing.map((m) => `${m.department ?? '?'} ${m.month ?? '?'}`).join(', '),
    },
    tones: s.missing.length > 0 ? { missing: 'warn' } : s.sla && s.sla.breached > 0 ? { breached: 'critical' } : undefined,
  };
}

/** Company and per-department headline figures. */
export function serviceSummaryTable(r: ServiceResult): Table {
  return {
    id: 'service-summary',
    title: 'Customer service',
    caption: `${r.period} as of ${r.asOf} (${r.zone}); closure rate = closed / opened; SLA attainment = met / (met + breached); satisfaction = ratings 4-5 / all ratings`,
    columns: [
      col('scope', 'Department', 'text'),
      col('opened', 'Opened', 'number'),
      col('resolved', 'Resolved', 'number'),
      col('closed', 'Closed', 'number'),
      col('closureRatePct', 'Closure %', 'percent'),
      col('backlog', 'Backlog', 'number'),
      col('met', 'SLA met', 'number'),
      col('breached', 'Breached', 'number'),
      col('running', 'Running', 'number'),
      col('noSla', 'No SLA', 'number'),
      col('attainmentPct', 'SLA %', 'percent'),
      col('ratings', 'Ratings', 'number'),
      col('satisfactionPct', 'Satisfied %', 'percent'),
      col('missing', 'Missing logs', 'text'),
    ],
    rows: [...r.departments.map((d) => scopeRow(d, d.department!, 'detail')), scopeRow(r.company, 'company', 'total')],
  };
}

function countsTable(s: ServiceScope): Table {
  const rows: Row[] = [];
  const add = (dimension: string, list: KeyCount[] | null): void => {
    for (const k of list ?? []) rows.push({ cells: { dimension, key: k.key, count: k.count } });
  };
  add('type', s.byType);
  add('channel', s.byChannel);
  add('priority', s.byPriority);
  add('category', s.byCategory);
  return { id: 'service-counts', title: 'Cases opened by type, channel, priority and category', columns: [col('dimension', 'By', 'text'), col('key', 'Value', 'text'), col('count', 'Cases', 'number')], rows };
}

function backlogTable(s: ServiceScope): Table {
  return {
    id: 'service-backlog',
    title: 'Backlog at the cutoff by age',
    caption: 'cases received and not resolved by the cutoff; age in elapsed days since received',
    columns: [col('age', 'Age', 'text'), col('count', 'Cases', 'number')],
    rows: (s.backlogAges ?? []).map((a) => ({ cells: { age: a.key, count: a.count } })),
  };
}

/** Median and 90th percentile of response and resolution service hours. */
export function serviceTimesTable(s: ServiceScope): Table {
  return {
    id: 'service-times',
    title: 'Response and resolution times (service hours, paused time excluded)',
    caption: 'median and 90th percentile (PERCENTILE.INC) of the cases opened in the period that got the response / resolution by the cutoff',
    columns: [
      col('group', 'By', 'text'),
      col('key', 'Value', 'text'),
      col('responses', 'Responses', 'number'),
      col('responseMedian', 'Resp. median h', 'number'),
      col('responseP90', 'Resp. P90 h', 'number'),
      col('resolutions', 'Resolutions', 'number'),
      col('resolutionMedian', 'Res. median h', 'number'),
      col('resolutionP90', 'Res. P90 h', 'number'),
    ],
    rows: (s.times ?? []).map((t) => ({
      kind: t.group === 'all' ? 'total' : 'detail',
      cells: { group: t.group, key: t.key, responses: t.responses, responseMedian: round2(t.responseMedian), responseP90: round2(t.responseP90), resolutions: t.resolutions, resolutionMedian: round2(t.resolutionMedian), resolutionP90: round2(t.resolutionP90) },
    })),
  };
}

const clockCells = (prefix: string, c: ClockResult): Record<string, Cell> => ({
  [`${prefix}Hours`]: round2(c.hours),
  [`${prefix}Target`]: c.targetHours,
  [`${prefix}Status`]: c.status,
  [`${prefix}Over`]: c.status === 'breached' ? round2(c.overHours) : null,
});

/** One row per case received in the period, with both clocks (also the CSV output). */
export function serviceCasesTable(r: ServiceResult, only?: (c: MeasuredCase) => boolean): Table {
  const cases = only ? r.cases.filter(only) : r.cases;
  return {
    id: 'service-cases',
    title: only ? 'Cases breached or running' : 'Cases and their service levels',
    caption: `measured at ${formatLocal(r.zone, r.cutoff)} (${r.zone}); running = not done yet and within target`,
    columns: [
      col('id', 'Case', 'text'),
      col('department', 'Department', 'text'),
      col('type', 'Type', 'text'),
      col('priority', 'Priority', 'text'),
      col('customer', 'Customer', 'text'),
      col('sku', 'SKU', 'text'),
      col('category', 'Category', 'text'),
      col('received', 'Received', 'text'),
      col('status', 'Status', 'text'),
      col('sla', 'SLA', 'text'),
      col('responseHours', 'Resp. h', 'number'),
      col('responseTarget', 'Resp. target', 'number'),
      col('responseStatus', 'Response', 'text'),
      col('responseOver', 'Resp. over h', 'number'),
      col('resolutionHours', 'Res. h', 'number'),
      col('resolutionTarget', 'Res. target', 'number'),
      col('resolutionStatus', 'Resolution', 'text'),
      col('resolutionOver', 'Res. over h', 'number'),
      col('rating', 'Rating', 'number'),
      col('repeatOf', 'Repeat of', 'text'),
    ],
    rows: cases.map((c): Row => {
      const t = slaTone(c.sla);
      return {
        cells: {
          id: c.c.id,
          department: c.department,
          type: c.c.type,
          priority: c.c.priority,
          customer: c.c.customer,
          sku: c.c.sku ?? '',
          category: c.c.category,
          received: formatLocal(r.zone, c.received),
          status: c.c.status,
          sla: c.sla === 'none' ? 'no SLA' : c.sla,
          ...clockCells('response', c.response),
          ...clockCells('resolution', c.resolution),
          rating: c.c.rating ?? null,
          repeatOf: c.c.repeatOf ?? '',
        },
        tones: t ? { sla: t } : undefined,
      };
    }),
  };
}

/** Complaints by category against the previous period. */
export function hotIssuesTable(r: ServiceResult): Table {
  return {
    id: 'service-hot-issues',
    title: 'Hot issues: complaints by category',
    caption: `${r.period} against ${r.previousPeriod}; most complaints first, then the largest rise`,
    columns: [col('category', 'Category', 'text'), col('complaints', 'Complaints', 'number'), col('previous', r.previousPeriod, 'number'), col('rise', 'Rise', 'number')],
    rows: (r.company.hotIssues ?? []).map((h) => ({ cells: { category: h.category, complaints: h.complaints, previous: h.previous, rise: h.rise }, tones: h.rise !== null && h.rise > 0 ? { rise: 'warn' } : undefined })),
  };
}

function keyCountTable(id: string, title: string, keyHeader: string, list: KeyCount[] | null): Table {
  return { id, title, columns: [col('key', keyHeader, 'text'), col('count', 'Cases', 'number')], rows: (list ?? []).map((k) => ({ cells: { key: k.key, count: k.count } })) };
}

/** Repeat complaints and after-sales cases by product (a link for quality). */
export function productTables(s: ServiceScope): Table[] {
  return [
    keyCountTable('service-repeat-customer', 'Repeat complaints by customer', 'Customer', s.repeatByCustomer),
    keyCountTable('service-repeat-product', 'Repeat complaints by product', 'SKU', s.repeatByProduct),
    keyCountTable('service-after-sales', 'After-sales cases by product', 'SKU', s.afterSalesByProduct),
  ];
}

/** The cases the terminal report and the workbook list: breached, or running against their target. */
export function isBreachedOrRunning(c: MeasuredCase): boolean {
  return c.sla === 'breached' || c.sla === 'running';
}

/** The terminal report of `opsplan service`. */
export function buildServiceReport(r: ServiceResult): Report {
  const c = r.company;
  const missing = [...c.missing, ...c.missingPrevious];
  const tables: Table[] = [serviceSummaryTable(r), countsTable(c), backlogTable(c), serviceTimesTable(c), serviceCasesTable(r, isBreachedOrRunning), hotIssuesTable(r), ...productTables(c)];
  if (missing.length > 0) tables.push({ id: 'service-missing', title: 'Missing service logs', caption: 'figures that rest on these department-months are missing (-), never zero', columns: [col('detail', 'Department-month', 'text')], rows: missing.map((m) => ({ cells: { detail: missingText(m) }, tones: { detail: 'warn' } })) });
  return {
    title: `Customer service ${r.period}`,
    currency: '',
    digits: 2,
    headline: [
      { label: 'Opened', value: c.opened, type: 'number' },
      { label: 'Backlog', value: c.backlog, type: 'number' },
      { label: 'SLA attainment', value: round2(c.sla?.attainmentPct), type: 'percent', tone: c.sla && c.sla.breached > 0 ? 'critical' : undefined },
      { label: 'Closure rate', value: round2(c.closureRatePct), type: 'percent' },
      { label: 'Satisfaction', value: round2(c.satisfaction?.pct), type: 'percent' },
    ],
    tables,
  };
}

function scopeJson(s: ServiceScope): Record<string, unknown> {
  return {
    department: s.department,
    missing: s.missing,
    missingPrevious: s.missingPrevious,
    opened: s.opened,
    resolved: s.resolved,
    closed: s.closed,
    closureRatePct: round2(s.closureRatePct),
    backlog: s.backlog === null ? null : { total: s.backlog, byAge: s.backlogAges },
    byType: s.byType,
    byChannel: s.byChannel,
    byPriority: s.byPriority,
    byCategory: s.byCategory,
    times: s.times?.map((t) => ({ ...t, responseMedian: round2(t.responseMedian), responseP90: round2(t.responseP90), resolutionMedian: round2(t.resolutionMedian), resolutionP90: round2(t.resolutionP90) })) ?? null,
    sla: s.sla === null ? null : { ...s.sla, attainmentPct: round2(s.sla.attainmentPct) },
    satisfaction: s.satisfaction === null ? null : { ...s.satisfaction, pct: round2(s.satisfaction.pct) },
    hotIssues: s.hotIssues,
    repeatComplaints: s.repeatByCustomer === null ? null : { byCustomer: s.repeatByCustomer, byProduct: s.repeatByProduct },
    afterSalesByProduct: s.afterSalesByProduct,
  };
}

const clockJson = (c: ClockResult): Record<string, unknown> => ({ hours: round2(c.hours), done: c.done, targetHours: c.targetHours, status: c.status, overHours: round2(c.overHours) });

/** `--format json` (kind `service`, version 1). */
export function serviceToJson(r: ServiceResult): string {
  const doc = {
    kind: 'service',
    version: 1,
    period: r.period,
    previousPeriod: r.previousPeriod,
    asOf: r.asOf,
    timeZone: r.zone,
    cutoff: new Date(r.cutoff).toISOString(),
    company: scopeJson(r.company),
    departments: r.departments.map(scopeJson),
    cases: r.cases.map((c) => ({
      id: c.c.id,
      department: c.department,
      file: c.file,
      type: c.c.type,
      channel: c.c.channel,
      priority: c.c.priority,
      customer: c.c.customer,
      sku: c.c.sku ?? null,
      category: c.c.category,
      status: c.c.status,
      received: new Date(c.received).toISOString(),
      sla: c.sla,
      response: clockJson(c.response),
      resolution: clockJson(c.resolution),
      rating: c.c.rating ?? null,
      repeatOf: c.c.repeatOf ?? null,
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
