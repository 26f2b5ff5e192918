// GitHub-flavoured Markdown of a report, for a pull-request comment and the job's step
// summary: the headline figures first, every table folded in <details>, and the whole kept
// under a character limit (a pull-request comment takes at most 65,536 characters) with a note
// saying what was cut.
import { formatCell } from './table.js';
import type { Column, Report, Table } from '../report/model.js';

/** GitHub's limit on a comment body, in characters. */
export const MARKDOWN_LIMIT = 65536;

/** Options of the Markdown renderer. */
export interface MarkdownOptions {
  /** Largest output in characters (UTF-16 code units, as GitHub counts); default 65,536. */
  maxChars?: number;
  /** Heading level of the title (default 2). */
  level?: number;
}

/** Escapes text for a table cell: no HTML, no pipes, no line breaks. */
export function markdownCell(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function tableHead(table: Table): string[] {
  const align = (c: Column): string => (c.type === 'text' || c.type === 'date' ? '---' : '---:');
  return ['', `<details><summary>${markdownCell(table.title)}</summary>`, '', row(table.columns.map((c) => markdownCell(c.header))), row(table.columns.map(align))];
}

const TAIL = ['', '</details>'];

/** Renders a report as Markdown, cut at `maxChars` with a note when it does not fit. */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const max = options.maxChars ?? MARKDOWN_LIMIT;
  const out: string[] = [`${'#'.repeat(options.level ?? 2)} ${markdownCell(report.title)}`, ''];
  for (const h of report.headline ?? []) out.push(`- **${markdownCell(h.label)}:** ${markdownCell(formatCell(h.value, { key: '', header: '', type: h.type }, report.digits))}`);
  // Room for the closing tags and the note, so a cut output still fits.
  const reserve = 400;
  let size = out.reduce((s, l) => s + l.length + 1, 0);
  let cutRows = 0;
  let cutTables = 0;
  for (const table of report.tables) {
    if (table.rows.length === 0) continue;
    const head = tableHead(table);
    const headSize = head.reduce((s, l) => s + l.length + 1, 0) + TAIL.join('\n').length + 1;
    if (cutRows > 0 || cutTables > 0 || size + headSize > max - reserve) {
      cutTables++;
      cutRows += table.rows.length;
      continue;
    }
    out.push(...head);
    size += headSize;
    for (const [i, r] of table.rows.entries()) {
      const line = row(table.columns.map((c) => markdownCell(formatCell(r.cells[c.key] ?? null, c, report.digits))));
      if (size + line.length + 1 > max - reserve) {
        cutRows += table.rows.length - i;
        break;
      }
      out.push(line);
      size += line.length + 1;
    }
    out.push(...TAIL);
  }
  if (cutRows > 0) out.push('', `> Cut to stay under ${max.toLocaleString('en-US')} characters: ${cutRows} more row${cutRows === 1 ? '' : 's'}${cutTables > 0 ? ` (${cutTables} table${cutTables === 1 ? '' : 's'} left out)` : ''} not shown; the JSON output has everything.`);
  return out.join('\n') + '\n';
}
