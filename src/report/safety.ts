// Safety results as report tables and JSON.
import type { SafetyResult } from '../domain/safety.js';
import type { Column, Report, Table } from './model.js';

const col = (key: string, header: string, type: Column['type']): Column => ({ key, header, type });

/** The open hazards table (also the CSV of `opsplan safety`). */
export function safetyOpenTable(r: SafetyResult): Table {
  return {
    id: 'safety-open',
    title: 'Open hazards',
    caption: 'a hazard closes only when its rectification is verified; days to deadline < 0: past the deadline',
    columns: [col('inspection', 'Inspection', 'text'), col('date', 'Found', 'date'), col('area', 'Area', 'text'), col('hazard', 'Hazard', 'text'), col('description', 'Description', 'text'), col('level', 'Level', 'text'), col('owner', 'Owner', 'text'), col('deadline', 'Deadline', 'date'), col('daysToDeadline', 'Days to deadline', 'number'), col('state', 'State', 'text'), col('flag', 'Flag', 'text')],
    rows: r.open.map((o) => ({ cells: { inspection: o.inspection, date: o.date, area: o.area, hazard: o.hazard, description: o.description, level: o.level, owner: o.owner, deadline: o.deadline, daysToDeadline: o.daysToDeadline, state: o.state, flag: o.flag }, ...(o.flag ? { tones: { daysToDeadline: o.flag, flag: o.flag } } : {}) })),
  };
}

/** Every table of the safety report. */
export function safetyTables(r: SafetyResult): Table[] {
  return [
    safetyOpenTable(r),
    {
      id: 'safety-repeats',
      title: 'Repeat hazards by area',
      caption: 'the same description (ignoring case and spacing) in the same area in more than one inspection, one of them in the period',
      columns: [col('area', 'Area', 'text'), col('description', 'Description', 'text'), col('occurrences', 'Times found', 'number'), col('inspections', 'Inspections', 'text')],
      rows: r.repeats.map((x) => ({ cells: { area: x.area, description: x.description, occurrences: x.occurrences, inspections: x.inspections.join(', ') }, tones: { occurrences: 'warn' } })),
    },
  ];
}

/** The safety report. */
export function buildSafetyReport(r: SafetyResult, currency: string, digits: number): Report {
  return {
    title: `Safety ${r.months[0]}${r.months.length > 1 ? ` .. ${r.months[r.months.length - 1]}` : ''} (as of ${r.asOf})`,
    currency,
    digits,
    headline: [
      { label: 'Inspections', value: r.inspections, type: 'number' },
      { label: 'Hazards found', value: r.hazardsFound, type: 'number' },
      { label: 'On-time rectification %', value: r.onTimePct, type: 'percent' },
      { label: 'Due in the period', value: `${r.rectifiedOnTime} of ${r.dueInPeriod} rectified and verified by the deadline`, type: 'text' },
      { label: 'Open hazards', value: r.open.length, type: 'number' },
      { label: 'Major hazards open or unverified', value: r.majorOpen.length, type: 'number', ...(r.flags.critical > 0 ? { tone: 'critical' as const } : r.majorOpen.length > 0 ? { tone: 'warn' as const } : {}) },
    ],
    tables: safetyTables(r),
  };
}

/** JSON of `opsplan safety --format json`. */
export function safetyJson(r: SafetyResult): unknown {
  return { version: 1, ...r };
}
