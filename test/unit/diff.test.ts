// The pure diff: field changes, matching of findings, the edited-after-approval rule, the gates,
// the generic records section and the Markdown cut, on small workspaces loaded from text.
import { describe, expect, it } from 'vitest';
import { computeDiff } from '../../src/domain/diff/compute-diff.js';
import { diffFindings } from '../../src/domain/diff/findings.js';
import { evaluateGate, parseGate } from '../../src/domain/diff/gates.js';
import { fieldChange, recordsSection, shownField } from '../../src/domain/diff/records.js';
import type { DiffSide } from '../../src/domain/diff/types.js';
import { loadWorkspace } from '../../src/load/load-workspace.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { buildDiffReport } from '../../src/report/diff.js';
import { COMPANY_YAML, makeWorkspace } from '../helpers/run-cli.js';

interface Line {
  account: string;
  category?: string;
  name?: string;
  basis?: string;
  annual: number;
}

function budgetYaml(status: string, lines: Line[], department = 'marketing'): string {
  const body = lines.map((l) => `  - account: "${l.account}"\n    name: ${l.name ?? 'Line ' + l.account}\n    category: ${l.category ?? 'expense'}\n    basis: ${l.basis ?? 'Quotes'}\n    method: Rate x volume\n    annual: ${l.annual}\n`).join('');
  return `kind: budget\nversion: 1\ndepartment: ${department}\nfiscalYear: FY2026\nstatus: ${status}\nlines:\n${body}`;
}

function side(files: Record<string, string>): DiffSide {
  const r = loadWorkspace(makeWorkspace({ 'opsplan.yaml': COMPANY_YAML, ...files }));
  return { workspace: r.workspace, diagnostics: r.diagnostics, locate: (f, p) => r.locate(f, p) };
}

const diffOf = (base: Record<string, string>, head: Record<string, string>) => computeDiff({ base: side(base), head: side(head), asOf: '2026-11-30' });
const itemsOf = (d: ReturnType<typeof diffOf>, id: string) => d.sections.find((s) => s.id === id)!.items;
const diag = (file: string, code: string, message: string, line = 1): Diagnostic => ({ code, severity: 'error', message, file, line, column: 1, path: '' });

describe('field changes', () => {
  it('computes exact deltas and percentages, and none when a side is missing', () => {
    expect(fieldChange('x', 'money', 1000, 1000)).toBeNull();
    expect(fieldChange('x', 'money', 1000, 1250)).toEqual({ field: 'x', type: 'money', before: 1000, after: 1250, delta: 250, deltaPct: 25 });
    expect(fieldChange('x', 'money', -400, -300)).toMatchObject({ delta: 100, deltaPct: 25 });
    // Missing is never zero: no delta from or to a missing value, no percentage of zero.
    expect(fieldChange('x', 'money', null, 500)).toMatchObject({ delta: null, deltaPct: null });
    expect(shownField('x', 'money', 0, 500)).toMatchObject({ delta: 500, deltaPct: null });
    expect(fieldChange('x', 'text', 'a', 'b')).toMatchObject({ delta: null });
  });
});

describe('diffFindings', () => {
  it('matches by file, code and message, not by line, counting repeats', () => {
    const base = [diag('a.yaml', 'x/one', 'm', 3), diag('a.yaml', 'x/two', 'gone')];
    const head = [diag('a.yaml', 'x/one', 'm', 9), diag('a.yaml', 'x/one', 'm', 12), diag('b.yaml', 'x/one', 'm')];
    const r = diffFindings(base, head);
    expect(r.existing.map((d) => d.line)).toEqual([9]);
    expect(r.introduced.map((d) => `${d.file}:${d.line}`)).toEqual(['a.yaml:12', 'b.yaml:1']);
    expect(r.resolved.map((d) => d.code)).toEqual(['x/two']);
  });
});

describe('budget/edited-after-approval', () => {
  const file = 'budgets/marketing.yaml';
  const base = { [file]: budgetYaml('approved', [{ account: '6601', annual: 1200 }, { account: '6602', annual: 600 }]) };
  const codes = (d: ReturnType<typeof diffOf>): string[] => d.findings.introduced.map((x) => `${x.code}@${x.line}:${x.column} ${x.message.slice(0, 60)}`);

  it('flags a changed amount, a changed category, an added and a removed line, each where it is written', () => {
    const head = { [file]: budgetYaml('approved', [{ account: '6601', annual: 1300, category: 'cost' }, { account: '6603', annual: 10 }]) };
    const d = diffOf(base, head);
    expect(codes(d)).toEqual([
      // A removed line points at the list; an amount at its value; an added line at its item.
      'budget/edited-after-approval@7:3 line "6602" (Line 6602) was removed from the approved budget',
      'budget/edited-after-approval@9:15 line "6601" of the approved budget marketing FY2026 changed ',
      'budget/edited-after-approval@12:13 line "6601" of the approved budget marketing FY2026 changed ',
      'budget/edited-after-approval@13:5 line "6603" (Line 6603) was added to the approved budget mar',
    ]);
    expect(d.findings.introduced.every((x) => x.severity === 'error' && x.file === file)).toBe(true);
    expect(d.findings.introduced[2]!.message).toContain('(total 1,200.00 → 1,300.00)');
  });

  it('lets names and bases be reworded, and leaves budgets that were not approved alone', () => {
    const reworded = { [file]: budgetYaml('approved', [{ account: '6601', annual: 1200, name: 'Ads', basis: 'New quotes' }, { account: '6602', annual: 600 }]) };
    const d = diffOf(base, reworded);
    expect(d.findings.introduced).toEqual([]);
    const line = itemsOf(d, 'budgets').find((i) => i.kind === 'budget-line')!;
    expect([line.fields.map((f) => f.field), line.note]).toEqual([['name', 'basis'], 'basis changed']);
    const draftBase = { [file]: budgetYaml('submitted', [{ account: '6601', annual: 1200 }]) };
    expect(diffOf(draftBase, { [file]: budgetYaml('approved', [{ account: '6601', annual: 5000 }]) }).findings.introduced).toEqual([]);
  });

  it('flags an approved budget that was deleted, but not one whose file now has errors', () => {
    expect(codes(diffOf(base, {}))).toEqual(['budget/edited-after-approval@0:0 the approved budget marketing FY2026 was removed; an approve']);
    const broken = diffOf(base, { [file]: budgetYaml('approved', [{ account: '6601', annual: 1200 }]).replace('status: approved', 'status: aproved') });
    expect(broken.findings.introduced.map((x) => x.code)).toEqual(['schema/enum']);
  });
});

describe('budget totals and the budget-increase gate', () => {
  const file = 'budgets/marketing.yaml';
  const base = { [file]: budgetYaml('submitted', [{ account: '6601', annual: 1000 }]) };

  it('reaches budget-increase:PCT only above PCT percent, and never for a new total', () => {
    const d = diffOf(base, { [file]: budgetYaml('submitted', [{ account: '6601', annual: 1100 }]) });
    const total = itemsOf(d, 'budgets').find((i) => i.kind === 'budget-total')!;
    expect(total.fields.find((f) => f.field === 'revised')).toMatchObject({ before: 100000, after: 110000, delta: 10000, deltaPct: 10 });
    expect(evaluateGate(d, parseGate('budget-increase:10')!).reached).toBe(false);
    expect(evaluateGate(d, parseGate('budget-increase:9.99')!)).toEqual({ gate: 'budget-increase:9.99', reached: true, reasons: ['FY2026 marketing expense revised +10.0%'] });
    const added = diffOf(base, { [file]: budgetYaml('submitted', [{ account: '6601', annual: 1000 }, { account: '4001', annual: 50, category: 'revenue' }]) });
    expect(itemsOf(added, 'budgets').filter((i) => i.kind === 'budget-total').map((i) => [i.change, i.key.category])).toEqual([['added', 'revenue']]);
    expect(evaluateGate(added, parseGate('budget-increase:0')!).reached).toBe(false);
  });

  it('parses gates strictly', () => {
    expect(parseGate('budget-increase:2.5')).toEqual({ kind: 'budget-increase', pct: 2.5 });
    for (const bad of ['budget-increase', 'budget-increase:', 'budget-increase:-1', 'budget-increase:1e3', 'new-error']) expect(parseGate(bad)).toBeNull();
  });
});

describe('recordsSection', () => {
  const response = (status: string, owner: string): string => `kind: variance-response\nversion: 1\nnotice: VN-2026-10-marketing\ndepartment: marketing\ncause: Price rise\nmeasures: Renegotiate\nowner: ${owner}\ndue: 2026-12-15\nstatus: ${status}\n`;

  it('lists records added, removed and changed field by field, by id', () => {
    const section = recordsSection({ id: 'responses', title: 'Responses', kind: 'variance-response', idField: 'notice', records: (ws) => ws.responses.map((r) => ({ id: r.doc.notice, file: r.file, record: r.doc })) });
    const d = computeDiff({ base: side({ 'r.yaml': response('draft', 'Zhang') }), head: side({ 'r.yaml': response('submitted', 'Wang') }), asOf: '2026-11-30' }, [section]);
    expect(d.sections[0]!.items).toEqual([
      {
        kind: 'variance-response',
        change: 'changed',
        key: { notice: 'VN-2026-10-marketing' },
        file: 'r.yaml',
        fields: [
          { field: 'owner', type: 'text', before: 'Zhang', after: 'Wang', delta: null, deltaPct: null },
          { field: 'status', type: 'text', before: 'draft', after: 'submitted', delta: null, deltaPct: null },
        ],
      },
    ]);
    const gone = computeDiff({ base: side({ 'r.yaml': response('draft', 'Zhang') }), head: side({}), asOf: '2026-11-30' }, [section]);
    expect(gone.sections[0]!.items.map((i) => i.change)).toEqual(['removed']);
  });
});

describe('Markdown of a diff', () => {
  it('stays under the limit with a note, keeping every <details> closed', () => {
    const lines = Array.from({ length: 40 }, (_, i) => ({ account: String(7000 + i), annual: 100 + i }));
    const file = 'budgets/marketing.yaml';
    const d = diffOf({ [file]: budgetYaml('submitted', lines) }, { [file]: budgetYaml('submitted', lines.map((l) => ({ ...l, annual: l.annual + 1 }))) });
    const report = buildDiffReport(d, { base: 'main', head: 'pr' }, []);
    const full = renderMarkdown(report);
    expect(full).not.toContain('Cut to stay under');
    const cut = renderMarkdown(report, { maxChars: 4000 });
    expect(cut.length).toBeLessThanOrEqual(4000);
    expect(cut).toMatch(/> Cut to stay under 4,000 characters: \d+ more rows/);
    expect(cut.split('<details>').length).toBe(cut.split('</details>').length);
    expect(cut.indexOf('- **New errors:** 0')).toBeGreaterThan(0);
  });

  it('escapes cell text so a message cannot break the table or inject HTML', () => {
    const d = diffOf({}, {});
    d.findings.introduced.push(diag('a.yaml', 'x/y', 'a | b <script>\nnext'));
    const md = renderMarkdown(buildDiffReport(d, { base: 'main', head: 'pr' }, []));
    expect(md).toContain('| a.yaml:1:1 | error | x/y | a \\| b &lt;script&gt; next |');
  });
});

describe('the code table behind SARIF rules', () => {
  it('describes only codes of the README table (codes without an entry get a generic rule text)', async () => {
    const { readFileSync } = await import('node:fs');
    const { DIAGNOSTIC_CODES } = await import('../../src/render/diagnostics/codes.js');
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const table = readme.slice(readme.indexOf('### Diagnostic codes'), readme.indexOf('Negative quantities'));
    const documented = new Set([...table.matchAll(/^\| ([^|]+) \|/gm)].flatMap((m) => [...m[1]!.matchAll(/`([a-z-]+\/[a-z<>*-]+)`/g)].map((c) => c[1]!.replace('<keyword>', '*'))));
    expect(Object.keys(DIAGNOSTIC_CODES).filter((c) => !documented.has(c))).toEqual([]);
    expect(Object.keys(DIAGNOSTIC_CODES).length).toBeGreaterThan(60);
  });
});

describe('the workflow in the README', () => {
  it('is the one opsplan init --ci github writes', async () => {
    const { readFileSync } = await import('node:fs');
    const { parse } = await import('yaml');
    const { githubWorkflow } = await import('../../src/cli/commands/init-ci.js');
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('### A workflow to copy'));
    const block = section.slice(section.indexOf('```yaml\n') + 8, section.indexOf('\n```', section.indexOf('```yaml\n')));
    expect(parse(block)).toEqual(parse(githubWorkflow('.', '0.1.0')));
  });
});
