// The service-log kind's document and model, and the service settings of the company file
// (thresholds.service, timeZone) it is measured against.
import type { Source } from '../../model/workspace.js';

/** inquiry | complaint | after-sales */
export type CaseType = 'inquiry' | 'complaint' | 'after-sales';
/** How a case came in. */
export type CaseChannel = 'hotline' | 'online' | 'email' | 'visit' | 'other';
/** low | normal | high | urgent */
export type CasePriority = 'low' | 'normal' | 'high' | 'urgent';
/** open | resolved | closed */
export type CaseStatus = 'open' | 'resolved' | 'closed';

/** The case types and priorities in display order. */
export const CASE_TYPES: readonly CaseType[] = ['inquiry', 'complaint', 'after-sales'];
export const CASE_CHANNELS: readonly CaseChannel[] = ['hotline', 'online', 'email', 'visit', 'other'];
export const CASE_PRIORITIES: readonly CasePriority[] = ['low', 'normal', 'high', 'urgent'];

/** One case as written (times are date-time strings, zone resolved later). */
export interface ServiceCase {
  id: string;
  type: CaseType;
  channel: CaseChannel;
  customer: string;
  sku?: string;
  category: string;
  priority: CasePriority;
  received: string;
  firstResponse?: string;
  resolved?: string;
  closed?: string;
  paused?: { from: string; to: string }[];
  status: CaseStatus;
  rating?: number;
  repeatOf?: string;
}

/** `kind: service-log` as written. */
export interface ServiceLogDoc {
  kind: 'service-log';
  version: 1;
  department: string;
  month: string;
  cases: ServiceCase[];
}

/** A loaded service log (times stay strings: only the company file knows their zone). */
export interface ServiceLog extends Source {
  department: string;
  month: string;
  cases: ServiceCase[];
}

/** One service-level rule of thresholds.service.sla. */
export interface SlaRule {
  type: CaseType;
  priority: CasePriority;
  responseHours: number;
  resolutionHours: number;
}

/** thresholds.service.calendar: the hours the clocks run in. */
export interface ServiceCalendar {
  /** ISO weekdays, 1 = Monday. */
  workdays: number[];
  /** `HH:MM-HH:MM`. */
  hours: string;
  holidays?: string[];
}

/** thresholds.service as written and as modelled (no defaults to apply). */
export interface ServiceThresholds {
  sla?: SlaRule[];
  calendar?: ServiceCalendar;
}

/** The company zone used when the company file gives none. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
