// The service-log and account-plan kinds and the company's service settings, through the real
// executable: every diagnostic code with its file, line and column.
import { describe, expect, it } from 'vitest';
import { makeWorkspace, runOpsplan } from '../helpers/run-cli.js';

interface JsonDiagnostic { file: string; line: number; column: number; code: string; severity: string; message: string }

function validate(files: Record<string, string>): { code: number | null; found: string[]; diagnostics: JsonDiagnostic[] } {
  const r = runOpsplan(['validate', makeWorkspace(files), '--format', 'json']);
  const diagnostics = (JSON.parse(r.stdout) as { diagnostics: JsonDiagnostic[] }).diagnostics;
  return { code: r.code, diagnostics, found: diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code}`) };
}

const COMPANY = `kind: company
version: 1
company: T
currency: CNY
timeZone: Asia/Shanghai
departments:
  - id: customer-service
    name: Customer Service
    function: customer-service
thresholds:
  service:
    sla:
      - { type: complaint, priority: high, responseHours: 2, resolutionHours: 18 }
    calendar: { workdays: [1, 2, 3, 4, 5], hours: "09:00-18:00", holidays: [2026-10-01] }
`;

/** A one-case log; `extra` lines are appended to the case. */
function log(month: string, received: string, extra = '', status = 'open'): string {
  return `kind: service-log
version: 1
department: customer-service
month: ${month}
cases:
  - id: C1
    type: complaint
    channel: hotline
    customer: Huaxin
    category: quality
    priority: high
    received: ${received}
    status: ${status}
${extra}`;
}

describe('service-log checks', () => {
  it('accepts a clean log with offsets, pauses and a repeat', () => {
    const extra = '    firstResponse: 2026-11-02T02:00:00Z\n    resolved: 2026-11-03 12:00\n    paused:\n      - { from: 2026-11-02T12:00, to: 2026-11-02T13:00 }\n    rating: 5\n    repeatOf: C0\n';
    const earlier = log('2026-10', '2026-10-30T09:00').replace('id: C1', 'id: C0');
    const r = validate({ 'opsplan.yaml': COMPANY, 's/11.yaml': log('2026-11', '2026-11-02T09:00', extra, 'resolved'), 's/10.yaml': earlier });
    expect(r.found).toEqual([]);
    expect(r.code).toBe(0);
  });

  it.each([
    ['a day that does not exist', log('2026-11', '2026-11-31T09:00'), 's/l.yaml:12:15 error service-log/invalid-time'],
    // 2026-11-30T20:00 in New York is 2026-12-01 09:00 in Shanghai: the company zone decides the month.
    ['received in another month (company zone)', log('2026-11', '2026-11-30T20:00-05:00'), 's/l.yaml:12:15 error service-log/outside-month'],
    ['resolved without a resolved time', log('2026-11', '2026-11-02T09:00', '', 'closed'), 's/l.yaml:13:13 error service-log/missing-resolved'],
    ['first response before received', log('2026-11', '2026-11-02T09:00', '    firstResponse: 2026-11-02T08:59\n'), 's/l.yaml:14:20 error service-log/time-order'],
    ['closed before resolved', log('2026-11', '2026-11-02T09:00', '    resolved: 2026-11-03T09:00\n    closed: 2026-11-03T08:00\n', 'closed'), 's/l.yaml:15:13 error service-log/time-order'],
    ['a pause ending before it starts', log('2026-11', '2026-11-02T09:00', '    paused:\n      - from: 2026-11-02T12:00\n        to: 2026-11-02T11:00\n'), 's/l.yaml:16:13 error service-log/time-order'],
    ['a pause before received', log('2026-11', '2026-11-02T09:00', '    paused:\n      - from: 2026-11-02T08:00\n        to: 2026-11-02T10:00\n'), 's/l.yaml:15:15 error service-log/pause-outside-case'],
    ['a pause after resolved', log('2026-11', '2026-11-02T09:00', '    resolved: 2026-11-02T12:00\n    paused:\n      - from: 2026-11-02T11:00\n        to: 2026-11-02T13:00\n', 'resolved'), 's/l.yaml:17:13 error service-log/pause-outside-case'],
    ['a repeat of an unknown case', log('2026-11', '2026-11-02T09:00', '    repeatOf: C9\n'), 's/l.yaml:14:15 warning service-log/unknown-repeat'],
  ])('%s', (_name, text, expected) => {
    const r = validate({ 'opsplan.yaml': COMPANY, 's/l.yaml': text });
    expect(r.found).toEqual([expected]);
    expect(r.code).toBe(expected.includes(' error ') ? 1 : 0);
  });

  it('duplicate ids, a second log of a month and an unknown department', () => {
    const twice = log('2026-11', '2026-11-02T09:00') + log('2026-11', '2026-11-02T10:00').split('cases:\n')[1];
    const r = validate({ 'opsplan.yaml': COMPANY, 's/a.yaml': twice, 's/b.yaml': log('2026-11', '2026-11-03T09:00').replace('department: customer-service', 'department: support') });
    expect(r.found).toEqual(['s/a.yaml:14:9 error service-log/duplicate-id', 's/b.yaml:3:13 error ref/unknown-department']);
    const dup = validate({ 'opsplan.yaml': COMPANY, 's/a.yaml': log('2026-11', '2026-11-02T09:00'), 's/b.yaml': log('2026-11', '2026-11-03T09:00') });
    expect(dup.found).toEqual(['s/b.yaml:4:8 error submission/duplicate']);
    expect(dup.diagnostics[0]!.message).toContain('s/a.yaml');
  });
});

describe('company service settings', () => {
  it('an unknown zone, a second rule for one type and priority, hours that end before they start', () => {
    const company = COMPANY.replace('Asia/Shanghai', 'Asia/Shanghia')
      .replace('    calendar:', '      - { type: complaint, priority: high, responseHours: 3, resolutionHours: 9 }\n    calendar:')
      .replace('"09:00-18:00"', '"18:00-09:00"');
    const r = validate({ 'opsplan.yaml': company });
    expect(r.found).toEqual(['opsplan.yaml:5:11 error company/unknown-time-zone', 'opsplan.yaml:14:38 error company/duplicate-sla', 'opsplan.yaml:15:51 error company/service-hours']);
  });

  it('a bad hours pattern and a weekday 8 are schema errors', () => {
    const r = validate({ 'opsplan.yaml': COMPANY.replace('"09:00-18:00"', '"9-18"').replace('[1, 2, 3, 4, 5]', '[1, 8]') });
    expect(r.diagnostics.map((d) => d.code).sort()).toEqual(['schema/maximum', 'schema/pattern']);
  });
});

describe('account-plan checks', () => {
  const plan = (fy: string, planned: string): string => `kind: account-plan\nversion: 1\ncustomer: Huaxin\nfiscalYear: ${fy}\ntier: A\nowner: Zhang Min\nvisits:\n  - planned: ${planned}\n    done: ${planned}\n`;

  it('a visit outside the fiscal year is a warning; two plans of one customer and year an error', () => {
    const r = validate({ 'opsplan.yaml': COMPANY, 'a/1.yaml': plan('FY2026', '2027-01-05'), 'a/2.yaml': plan('FY2026', '2026-03-01') });
    expect(r.found).toEqual(['a/1.yaml:8:14 warning account-plan/visit-outside-year', 'a/2.yaml:4:13 error submission/duplicate']);
  });

  it('a tier outside A..C is a schema error', () => {
    const r = validate({ 'opsplan.yaml': COMPANY, 'a/1.yaml': plan('FY2026', '2026-03-01').replace('tier: A', 'tier: D') });
    expect(r.found).toEqual(['a/1.yaml:5:7 error schema/enum']);
  });
});
