// Findings as a report table (file:line:col, severity, code, message), shared by the Markdown
// summary of validate and the findings of diff.
import type { Diagnostic } from '../model/diagnostic.js';
import type { Column, Row, Table } from './model.js';

/** A titled table of findings, the count in the title. */
export function diagnosticsTable(id: string, title: string, list: readonly Diagnostic[]): Table {
  const columns: Column[] = [
    { key: 'where', header: 'file:line:col', type: 'text' },
    { key: 'severity', header: 'severity', type: 'text' },
    { key: 'code', header: 'code', type: 'text' },
    { key: 'message', header: 'message', type: 'text' },
  ];
  const rows: Row[] = list.map((d) => ({
    cells: { where: `${d.file || '(workspace)'}${d.line > 0 ? `:${d.line}:${d.column}` : ''}`, severity: d.severity, code: d.code, message: d.message },
    tones: d.severity === 'error' ? { severity: 'critical' } : { severity: 'warn' },
  }));
  return { id, title: `${title} (${list.length})`, columns, rows };
}
