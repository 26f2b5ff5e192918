// The key-account result as report tables and JSON.
import type { AccountsResult, CoverageRow } from '../domain/accounts.js';
import type { Column, Report, Row, Table } from './model.js';
import { missingText, round2 } from './service.js';

const col = (key: string, header: string, type: Column['type']): Column => ({ key, header, type });

/** One row per key customer (also the CSV output). */
export function accountsTable(r: AccountsResult): Table {
  return {
    id: 'accounts',
    title: 'Key accounts',
    caption: `FY${r.fiscalYear} as of ${r.asOf}; coverage = visits planned to date and done / visits planned to date; open complaints and SLA breaches from the service logs`,
    columns: [
      col('customer', 'Customer', 'text'),
      col('tier', 'Tier', 'text'),
      col('owner', 'Owner', 'text'),
      col('plannedToDate', 'Planned to date', 'number'),
      col('done', 'Done', 'number'),
      col('overdue', 'Overdue', 'number'),
      col('nextDue', 'Next due', 'date'),
      col('coveragePct', 'Coverage %', 'percent'),
      col('openComplaints', 'Open complaints', 'number'),
      col('breaches', 'SLA breaches', 'number'),
      col('cases', 'Cases', 'text'),
    ],
    rows: r.rows.map((a): Row => ({
      cells: {
        customer: a.customer,
        tier: a.tier,
        owner: a.owner,
        plannedToDate: a.plannedToDate,
        done: a.done,
        overdue: a.overdue,
        nextDue: a.nextDue,
        coveragePct: round2(a.coveragePct),
        openComplaints: a.openComplaints,
        breaches: a.breaches,
        cases: [...new Set([...a.openComplaintIds, ...a.breachIds])].join(' '),
      },
      tones: { ...(a.overdue > 0 ? { overdue: 'warn' as const } : {}), ...(a.breaches ? { breaches: 'critical' as const } : {}), ...(a.openComplaints ? { openComplaints: 'warn' as const } : {}) },
    })),
  };
}

function coverageTable(id: string, title: string, keyHeader: string, rows: readonly CoverageRow[], total: CoverageRow): Table {
  const row = (c: CoverageRow, kind: Row['kind']): Row => ({ kind, cells: { key: c.key, accounts: c.accounts, plannedToDate: c.plannedToDate, done: c.done, overdue: c.overdue, coveragePct: round2(c.coveragePct) } });
  return {
    id,
    title,
    columns: [col('key', keyHeader, 'text'), col('accounts', 'Accounts', 'number'), col('plannedToDate', 'Planned to date', 'number'), col('done', 'Done', 'number'), col('overdue', 'Overdue', 'number'), col('coveragePct', 'Coverage %', 'percent')],
    rows: [...rows.map((c) => row(c, 'detail')), row(total, 'total')],
  };
}

/** Coverage by tier and by owner. */
export function coverageTables(r: AccountsResult): Table[] {
  return [coverageTable('accounts-tier', 'Visit coverage by tier', 'Tier', r.byTier, r.total), coverageTable('accounts-owner', 'Visit coverage by owner', 'Owner', r.byOwner, r.total)];
}

/** The terminal report of `opsplan accounts`. */
export function buildAccountsReport(r: AccountsResult): Report {
  const tables = [accountsTable(r), ...coverageTables(r)];
  if (r.missing.length > 0) tables.push({ id: 'accounts-missing', title: 'Missing service logs', caption: 'open complaints and breaches are missing (-) while these are', columns: [col('detail', 'Department-month', 'text')], rows: r.missing.map((m) => ({ cells: { detail: missingText(m) }, tones: { detail: 'warn' } })) });
  return {
    title: `Key accounts FY${r.fiscalYear}`,
    currency: '',
    digits: 2,
    headline: [
      { label: 'Accounts', value: r.rows.length, type: 'number' },
      { label: 'Coverage', value: round2(r.total.coveragePct), type: 'percent' },
      { label: 'Overdue visits', value: r.total.overdue, type: 'number', tone: r.total.overdue > 0 ? 'warn' : undefined },
    ],
    tables,
  };
}

/** `--format json` (kind `accounts`, version 1). */
export function accountsToJson(r: AccountsResult): string {
  const cov = (c: CoverageRow): CoverageRow => ({ ...c, coveragePct: round2(c.coveragePct) });
  const doc = {
    kind: 'accounts',
    version: 1,
    asOf: r.asOf,
    fiscalYear: `FY${r.fiscalYear}`,
    accounts: r.rows.map((a) => ({ ...a, coveragePct: round2(a.coveragePct) })),
    byTier: r.byTier.map(cov),
    byOwner: r.byOwner.map(cov),
    total: cov(r.total),
    missing: r.missing,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
