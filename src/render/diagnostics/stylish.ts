import { Chalk } from 'chalk';
import type { Diagnostic } from '../../model/diagnostic.js';
import type { DiagnosticsFormatter } from './types.js';

/** Two lines of context around the finding, with a caret under the column. */
function codeFrame(text: string, d: Diagnostic, dim: (s: string) => string, mark: (s: string) => string): string[] {
  if (d.line <= 0) return [];
  const lines = text.split(/\r?\n/);
  const from = Math.max(1, d.line - 2);
  const to = Math.min(lines.length, d.line + 1);
  const width = String(to).length;
  const out: string[] = [];
  for (let n = from; n <= to; n++) {
    const src = (lines[n - 1] ?? '').replace(/\t/g, ' ');
    const shown = src.length > 160 ? src.slice(0, 157) + '...' : src;
    out.push(`  ${n === d.line ? mark('>') : ' '} ${dim(String(n).padStart(width))} | ${shown}`);
    if (n === d.line && d.column > 0) out.push(`    ${' '.repeat(width)} | ${' '.repeat(Math.min(d.column - 1, 160))}${mark('^')}`);
  }
  return out;
}

/** Human output: findings grouped by file, each with position, severity, message, code and a code frame. */
export const formatStylish: DiagnosticsFormatter = (input) => {
  const c = new Chalk({ level: input.color ? 1 : 0 });
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of input.diagnostics) {
    const list = byFile.get(d.file) ?? [];
    list.push(d);
    byFile.set(d.file, list);
  }
  const out: string[] = [];
  for (const [file, list] of byFile) {
    out.push(c.underline(file || '(workspace)'));
    for (const d of list) {
      const pos = d.line > 0 ? `${d.line}:${d.column}` : '-';
      const sev = d.severity === 'error' ? c.red('error') : c.yellow('warning');
      out.push(`  ${pos.padEnd(8)} ${sev.padEnd(d.severity === 'error' ? 5 : 7)}  ${d.message}  ${c.dim(d.code)}`);
      const text = input.sources.get(d.file);
      if (text !== undefined) out.push(...codeFrame(text, d, c.dim, d.severity === 'error' ? c.red : c.yellow));
    }
    out.push('');
  }
  const { errors, warnings } = input.totals;
  const omitted = input.omitted > 0 ? ` (${input.omitted} more not shown; raise --max-findings to see them)` : '';
  const files = `${input.fileCount} file${input.fileCount === 1 ? '' : 's'} checked`;
  if (errors === 0 && warnings === 0 && input.omitted === 0) out.push(c.green(`✔ ${files}, no problems`));
  else {
    const summary = `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
    out.push(`${errors > 0 ? c.red('✖') : c.yellow('!')} ${files}: ${summary}${omitted}`);
  }
  return out.join('\n') + '\n';
};
