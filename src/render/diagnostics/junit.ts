import type { Diagnostic } from '../../model/diagnostic.js';
import type { DiagnosticsInput, DiagnosticsFormatter, FileTally } from './types.js';

function xml(s: string): string {
  // Control characters other than tab/LF/CR are not allowed in XML 1.0 at all.
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The files checked with their counts; from the findings when the caller gave no list. */
export function fileTallies(input: DiagnosticsInput): FileTally[] {
  const byFile = new Map<string, FileTally>((input.files ?? []).map((f) => [f.file, { ...f }]));
  if (!input.files) {
    for (const d of input.diagnostics) {
      const t = byFile.get(d.file) ?? { file: d.file, errors: 0, warnings: 0 };
      if (d.severity === 'error') t.errors++;
      else t.warnings++;
      byFile.set(d.file, t);
    }
  }
  return [...byFile.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * JUnit XML that adds up: one test case per file checked (clean files included), a file with
 * errors is one failure holding all its findings, warnings of a passing file go to its
 * system-out; tests = files, failures = files with errors.
 */
export const formatJunit: DiagnosticsFormatter = (input) => {
  const shown = new Map<string, Diagnostic[]>();
  for (const d of input.diagnostics) shown.set(d.file, [...(shown.get(d.file) ?? []), d]);
  const files = fileTallies(input);
  const failures = files.filter((f) => f.errors > 0).length;
  const counts = `tests="${files.length}" failures="${failures}" errors="0"`;
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="opsplan validate" ${counts}>`, `  <testsuite name="opsplan validate" ${counts} skipped="0">`];
  for (const f of files) {
    const list = shown.get(f.file) ?? [];
    const lines = list.map((d) => `${d.severity} ${d.file || '(workspace)'}:${d.line}:${d.column} ${d.code}: ${d.message}`);
    const hidden = f.errors + f.warnings - list.length;
    if (hidden > 0) lines.push(`... ${plural(hidden, 'more finding')} not shown (raise --max-findings)`);
    const name = xml(f.file || '(workspace)');
    if (f.errors === 0 && f.warnings === 0) {
      out.push(`    <testcase classname="opsplan.validate" name="${name}"/>`);
      continue;
    }
    out.push(`    <testcase classname="opsplan.validate" name="${name}">`);
    if (f.errors > 0) out.push(`      <failure type="opsplan" message="${xml(`${plural(f.errors, 'error')}, ${plural(f.warnings, 'warning')}`)}">${xml(lines.join('\n'))}</failure>`);
    else out.push(`      <system-out>${xml(lines.join('\n'))}</system-out>`);
    out.push('    </testcase>');
  }
  out.push('  </testsuite>', '</testsuites>');
  return out.join('\n') + '\n';
};
