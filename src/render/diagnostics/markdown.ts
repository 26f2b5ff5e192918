import { diagnosticsTable } from '../../report/diagnostics-table.js';
import { renderMarkdown } from '../markdown.js';
import { fileTallies } from './junit.js';
import type { DiagnosticsFormatter } from './types.js';

/**
 * The Markdown summary of validate, for the GitHub step summary or a pull-request comment:
 * the counts first, the findings folded, under 65,536 characters.
 */
export const formatMarkdown: DiagnosticsFormatter = (input) => {
  const { errors, warnings } = input.totals;
  const files = fileTallies(input);
  const failing = files.filter((f) => f.errors > 0).length;
  return renderMarkdown({
    title: `opsplan validate ${input.root}: ${errors > 0 ? '✖' : '✔'} ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`,
    currency: '',
    digits: 2,
    headline: [
      { label: 'Files checked', value: input.fileCount, type: 'number' },
      { label: 'Files with errors', value: failing, type: 'number' },
      { label: 'Errors', value: errors, type: 'number' },
      { label: 'Warnings', value: warnings, type: 'number' },
      ...(input.omitted > 0 ? [{ label: 'Findings not listed (--max-findings)', value: input.omitted, type: 'number' as const }] : []),
    ],
    tables: [diagnosticsTable('findings', 'Findings', input.diagnostics)],
  });
};
