import { countBySeverity } from '../../model/diagnostic.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import type { DiagnosticsFormatter } from './types.js';

function xml(s: string): string {
  // Control characters other than tab/LF/CR are not allowed in XML 1.0 at all.
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** JUnit XML: one test case per file; each error is a failure, warnings go to system-out. */
export const formatJunit: DiagnosticsFormatter = (input) => {
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of input.diagnostics) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
  const { errors } = countBySeverity(input.diagnostics);
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="opsplan validate" tests="${Math.max(byFile.size, 1)}" failures="${errors}">`, `  <testsuite name="opsplan" tests="${Math.max(byFile.size, 1)}" failures="${errors}">`];
  if (byFile.size === 0) out.push(`    <testcase classname="opsplan" name="${input.fileCount} files"/>`);
  for (const [file, list] of byFile) {
    out.push(`    <testcase classname="opsplan" name="${xml(file || '(workspace)')}">`);
    for (const d of list) {
      const text = `${file}:${d.line}:${d.column} ${d.code}: ${d.message}`;
      if (d.severity === 'error') out.push(`      <failure type="${xml(d.code)}" message="${xml(d.message)}">${xml(text)}</failure>`);
      else out.push(`      <system-out>warning ${xml(text)}</system-out>`);
    }
    out.push('    </testcase>');
  }
  out.push('  </testsuite>', '</testsuites>');
  return out.join('\n') + '\n';
};
