// What the service computations read from a loaded workspace, built in one place so that
// `opsplan service`, `opsplan accounts`, the monthly report and the KPI catalogue hand
// computeService the same input. Pure: the files left out for errors come in as a parameter.
import type { RejectedFile } from '../kinds/kind.js';
import type { ServiceLog } from '../kinds/service-log/types.js';
import type { Company, Workspace } from '../model/workspace.js';
import type { ServiceInput } from './service-cases.js';

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/**
 * The clean service logs, the logs left out for errors (their department-months become
 * missing; department or month null when unreadable), the zone, levels and calendar.
 * The caller checks that the company's time zone is a real one.
 */
export function serviceInputFrom(ws: Workspace, company: Company, rejected: readonly RejectedFile[]): ServiceInput {
  const brokenLogs = rejected
    .filter((r) => r.kind === 'service-log')
    .map((r) => {
      const d = (r.data ?? {}) as Partial<ServiceLog>;
      const month = str(d.month);
      return { file: r.file, department: str(d.department), month: month !== null && /^\d{4}-(0[1-9]|1[0-2])$/.test(month) ? month : null };
    });
  return { logs: ws.serviceLogs, brokenLogs, zone: company.timeZone, sla: company.thresholds.service.sla ?? [], calendar: company.thresholds.service.calendar, startMonth: company.fiscalYearStartMonth };
}
