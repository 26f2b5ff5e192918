// `opsplan diff` through the built bin/opsplan on git repositories made in temp folders: two
// commits of examples/acme (in a sub-folder `ws/`), compared as JSON, Markdown and tables,
// with every gate's exit code and the GitHub step summary.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { acmeRepo, commitAll, edit, git } from '../helpers/git-repo.js';
import { runOpsplan, tempDir } from '../helpers/run-cli.js';

interface Item {
  kind: string;
  change: string;
  key: Record<string, string>;
  file: string;
  note: string | null;
  fields: { field: string; type: string; before: unknown; after: unknown; delta: unknown; deltaPct: number | null }[];
}

const AS_OF = ['--as-of', '2026-11-30'];
let repo: string;
let base: string;
let adjustmentOnly: string;
let head: string;
let later: string;

/** The edits of the pull request under review, one commit each so gates can be tested apart. */
beforeAll(() => {
  repo = acmeRepo();
  base = git(repo, 'rev-parse', 'HEAD');
  const ws = (f: string): string => path.join(repo, 'ws', f);
  // An adjustment approved: production's +300,000.00 now counts in the revised budget.
  edit(ws('adjustments/ADJ-2026-002.yaml'), 'status: rejected', 'status: approved\napprovedBy: Wang Fang\napprovedOn: 2026-11-20');
  adjustmentOnly = commitAll(repo, 'approve ADJ-2026-002');
  // A budget line raised in the approved marketing budget (January 180,000 -> 190,000).
  edit(ws('budgets/FY2026/marketing.yaml'), 'monthly: [180000, 165000', 'monthly: [190000, 165000');
  // A target moved, a risk added.
  edit(ws('plans/FY2026/marketing.yaml'), 'target: 12000', 'target: 13000');
  edit(ws('plans/FY2026/marketing.yaml'), 'substitute.\n    owner: Gao Ting\n', 'substitute.\n    owner: Gao Ting\n  - id: MKT-R3\n    description: A key agency account manager leaves.\n    likelihood: high\n    impact: high\n    mitigation: Two named contacts at the agency.\n    owner: Zhang Min\n');
  // A safety stock (and reorder point) changed: stainless sheet now needs ordering.
  edit(ws('inventory/wh-east/2026-11-28.yaml'), 'safetyStock: 2000\n    reorderPoint: 4500', 'safetyStock: 5000\n    reorderPoint: 8000');
  // A new error: a blank method in marketing-online's budget.
  edit(ws('budgets/FY2026/marketing-online.yaml'), 'method: Planned clicks per channel and month multiplied by the expected cost per click.', 'method: " "');
  head = commitAll(repo, 'the pull request');
  // A later change that fixes nothing and breaks nothing.
  edit(ws('plans/FY2026/marketing.yaml'), 'target: 18500', 'target: 19000');
  later = commitAll(repo, 'a later target change');
  git(repo, 'checkout', '-q', head);
});

function diffJson(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): { code: number | null; doc: { [k: string]: unknown; sections: { id: string; items: Item[] }[] }; stderr: string } {
  const r = runOpsplan(['diff', ...args, '--format', 'json', ...AS_OF], { cwd: options.cwd ?? repo, env: options.env });
  return { code: r.code, doc: JSON.parse(r.stdout || '{}'), stderr: r.stderr };
}

const items = (doc: { sections: { id: string; items: Item[] }[] }, section: string): Item[] => doc.sections.find((s) => s.id === section)!.items;
const field = (item: Item | undefined, name: string) => item?.fields.find((f) => f.field === name);

describe('opsplan diff on two commits of examples/acme', () => {
  it('reports budgets, adjustments, plans, inventory and new findings as JSON, exit 1 for the new errors', () => {
    const { code, doc, stderr } = diffJson(['ws', '--base', base, '--head', head]);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect([doc.version, doc.kind, doc.workspace, doc.asOf, doc.currency]).toEqual([1, 'diff', 'ws', '2026-11-30', 'CNY']);
    expect(doc.base).toEqual({ ref: base, commit: base });
    expect(doc.head).toEqual({ ref: head, commit: head });

    const budgets = items(doc, 'budgets');
    const mkt = budgets.find((i) => i.kind === 'budget-total' && i.key.department === 'marketing' && i.key.category === 'expense')!;
    expect(mkt.change).toBe('changed');
    expect(field(mkt, 'original')).toMatchObject({ before: 4105000.11, after: 4115000.11, delta: 10000 });
    expect(field(mkt, 'revised')).toMatchObject({ before: 4225000.11, after: 4235000.11, delta: 10000 });
    const prod = budgets.find((i) => i.kind === 'budget-total' && i.key.department === 'production' && i.key.category === 'cost')!;
    expect(field(prod, 'revised')!.delta).toBe(300000);
    expect(field(prod, 'original')!.delta).toBe(0);
    const line = budgets.find((i) => i.kind === 'budget-line' && i.key.department === 'marketing' && i.key.account === '6601')!;
    expect(line.fields.map((f) => [f.field, f.before, f.after])).toEqual([['total', 2735000, 2745000], ['2026-01', 180000, 190000]]);
    const online = budgets.find((i) => i.kind === 'budget-line' && i.key.department === 'marketing-online');
    // A budget with an error is left out of the head's model: named, never shown as removed.
    const left = budgets.filter((i) => i.key.department === 'marketing-online');
    expect(left.map((i) => [i.kind, i.change, i.note])).toEqual([['budget', 'changed', 'left out on the head: the file has errors (see the findings), so its figures are not compared']]);
    expect(online).toBeUndefined();

    const adj = items(doc, 'adjustments');
    expect(adj).toHaveLength(1);
    expect(adj[0]!.key).toEqual({ id: 'ADJ-2026-002' });
    expect(adj[0]!.note).toBe('rejected → approved');
    expect(field(adj[0], 'status')).toMatchObject({ before: 'rejected', after: 'approved' });
    expect(field(adj[0], 'revisedEffect')).toMatchObject({ before: 0, after: 300000, delta: 300000 });

    const plans = items(doc, 'plans');
    const target = plans.find((i) => i.kind === 'target')!;
    expect([target.key, target.change, target.note]).toEqual([{ period: 'FY2026', department: 'marketing', target: 'MKT-T1' }, 'changed', 'raised']);
    expect(field(target, 'target')).toMatchObject({ before: 12000, after: 13000, delta: 1000 });
    const risk = plans.find((i) => i.kind === 'risk')!;
    expect([risk.key.risk, risk.change]).toEqual(['MKT-R3', 'added']);
    expect(field(risk, 'score')).toMatchObject({ before: null, after: 9 });

    const inv = items(doc, 'inventory');
    const param = inv.find((i) => i.kind === 'inventory-item')!;
    expect(param.key).toEqual({ warehouse: 'wh-east', asOf: '2026-11-28', sku: 'RM-STL-304' });
    expect(param.fields.map((f) => [f.field, f.before, f.after])).toEqual([['safetyStock', 2000, 5000], ['reorderPoint', 4500, 8000]]);
    const sugg = inv.find((i) => i.kind === 'reorder-suggestion')!;
    // The new reorder point 8,000 is reached (projected 8,420.5 - 1,200 = 7,220.5), but MRP plans
    // stainless sheet in the production warehouse wh-east (three BOMs use it), so, as in
    // `opsplan stock`, no reorder-point buy: no quantity, no value, and a note saying why.
    expect([sugg.key, sugg.change, sugg.note]).toEqual([{ warehouse: 'wh-east', sku: 'RM-STL-304' }, 'changed', 'planned by MRP; reorder point not used']);
    expect(sugg.fields.map((f) => [f.field, f.before, f.after])).toEqual([['status', null, 'planned-by-mrp'], ['reorderPoint', 4500, 8000]]);

    const findings = doc.findings as { introduced: { code: string; file: string; line: number; column: number }[]; existing: { code: string }[] };
    expect(findings.introduced.map((d) => [d.code, d.file, d.line, d.column])).toEqual([
      ['budget/missing-method', 'budgets/FY2026/marketing-online.yaml', 14, 13],
      ['budget/edited-after-approval', 'budgets/FY2026/marketing.yaml', 15, 14],
    ].sort((a, b) => (a[1]! < b[1]! ? -1 : 1)));
    expect(findings.existing.map((d) => d.code)).toEqual(['actuals/unbudgeted-account']);
    expect(doc.summary).toMatchObject({ newErrors: 2, newWarnings: 0, existingErrors: 0, existingWarnings: 1, resolved: 0 });
    expect(doc.gates).toEqual([{ gate: 'new-errors', reached: true, reasons: ['budgets/FY2026/marketing-online.yaml:14:13 budget/missing-method', 'budgets/FY2026/marketing.yaml:15:14 budget/edited-after-approval'] }]);
  });

  it('compares with the working tree when --head is not given, from a sub-folder too', () => {
    const fromTop = diffJson(['ws', '--base', base]);
    const fromSub = diffJson(['..', '--base', base], { cwd: path.join(repo, 'ws', 'budgets') });
    expect(fromTop.code).toBe(1);
    expect(fromTop.doc.head).toEqual({ ref: null, commit: null });
    expect(fromTop.doc.sections).toEqual(diffJson(['ws', '--base', base, '--head', head]).doc.sections);
    expect(fromSub.doc.sections).toEqual(fromTop.doc.sections);
  });

  it('writes Markdown with the headline first and the details folded', () => {
    const r = runOpsplan(['diff', 'ws', '--base', base, '--head', head, '--format', 'markdown', ...AS_OF], { cwd: repo });
    expect(r.code).toBe(1);
    const md = r.stdout;
    expect(md.startsWith(`## opsplan diff ${base} → ${head}\n`)).toBe(true);
    expect(md).toContain('- **New errors:** 2');
    expect(md).toContain('- **Revised budget FY2026 cost (CNY):** +300,000.00');
    expect(md).toContain('- **Revised budget FY2026 expense (CNY):** +10,000.00');
    expect(md).toContain('- **Gate new-errors:** reached');
    expect(md.indexOf('- **New errors:**')).toBeLessThan(md.indexOf('<details>'));
    expect(md).toContain('<details><summary>Budgets: lines (1)</summary>');
    expect(md).toContain('| FY2026 | marketing | 6601 | changed | total | 2,735,000.00 | 2,745,000.00 | +10,000.00 | 0.4% |  |');
    expect(md).toContain('| ADJ-2026-002 | changed | status | rejected | approved | - | - | rejected → approved |');
    expect(md).toContain('| budgets/FY2026/marketing.yaml:15:14 | error | budget/edited-after-approval | line "6601" of the approved budget marketing FY2026 changed its amounts (total 2,735,000.00 → 2,745,000.00)');
    expect(md.split('<details>').length).toBe(md.split('</details>').length);
  });

  it('prints tables by default', () => {
    const r = runOpsplan(['diff', 'ws', '--base', base, '--head', head, ...AS_OF], { cwd: repo });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('New errors: 2');
    expect(r.stdout).toMatch(/│ MKT-T1 +│ changed │ target +│ 12000 +│ 13000 +│ \+1000 +│ +8\.3% │ raised/);
  });
});

describe('opsplan diff gates', () => {
  const run = (head: string, ...extra: string[]): number | null => runOpsplan(['diff', 'ws', '--base', base, '--head', head, '--format', 'json', ...AS_OF, ...extra], { cwd: repo }).code;

  it('passes a change without new errors, and fails it on budget-increase above the gate', () => {
    // ADJ-2026-002 alone raises production's revised cost by 300,000.00 of 37,162,715.26 = 0.807%.
    expect(run(adjustmentOnly)).toBe(0);
    expect(run(adjustmentOnly, '--fail-on', 'budget-increase:0.8')).toBe(1);
    expect(run(adjustmentOnly, '--fail-on', 'budget-increase:0.81')).toBe(0);
    expect(run(adjustmentOnly, '--fail-on', 'edited-after-approval')).toBe(0);
    expect(run(adjustmentOnly, '--fail-on', 'new-errors')).toBe(0);
  });

  it('reports which gates were reached and why', () => {
    const r = runOpsplan(['diff', 'ws', '--base', base, '--head', head, '--format', 'json', ...AS_OF, '--fail-on', 'edited-after-approval', '--fail-on', 'budget-increase:5'], { cwd: repo });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).gates).toEqual([
      { gate: 'new-errors', reached: true, reasons: ['budgets/FY2026/marketing-online.yaml:14:13 budget/missing-method', 'budgets/FY2026/marketing.yaml:15:14 budget/edited-after-approval'] },
      { gate: 'edited-after-approval', reached: true, reasons: ['budgets/FY2026/marketing.yaml:15:14 budget/edited-after-approval'] },
      { gate: 'budget-increase:5', reached: false, reasons: [] },
    ]);
  });

  it('lists errors already on the base without failing on them', () => {
    const r = diffJson(['ws', '--base', head, '--head', later]);
    expect(r.code).toBe(0);
    expect((r.doc.findings as { introduced: unknown[] }).introduced).toEqual([]);
    expect((r.doc.findings as { existing: { code: string }[] }).existing.map((d) => d.code)).toEqual(['actuals/unbudgeted-account', 'budget/missing-method']);
    expect(r.doc.summary as object).toMatchObject({ newErrors: 0, existingErrors: 1, resolved: 0 });
    // Going back from the pull request to the base undoes an approved budget's edit: that is
    // an edit after approval too, and the missing method is resolved.
    const back = diffJson(['ws', '--base', head, '--head', base]);
    expect(back.code).toBe(1);
    expect((back.doc.findings as { introduced: { code: string }[] }).introduced.map((d) => d.code)).toEqual(['budget/edited-after-approval']);
    expect(back.doc.summary as object).toMatchObject({ resolved: 1 });
  });

  it('refuses a malformed gate with exit 2', () => {
    const r = runOpsplan(['diff', 'ws', '--base', base, '--fail-on', 'budget-increase'], { cwd: repo });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--fail-on takes new-errors, edited-after-approval or budget-increase:PCT');
  });
});

describe('opsplan diff in GitHub Actions and on bad input', () => {
  it('appends its Markdown to $GITHUB_STEP_SUMMARY', () => {
    const summary = path.join(tempDir(), 'summary.md');
    writeFileSync(summary, '# earlier step\n');
    const r = runOpsplan(['diff', 'ws', '--base', base, '--head', head, '--format', 'json', ...AS_OF], { cwd: repo, env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary } });
    expect(r.code).toBe(1);
    const text = readFileSync(summary, 'utf8');
    expect(text.startsWith('# earlier step\n## opsplan diff')).toBe(true);
    expect(text).toContain('- **New errors:** 2');
    const without = runOpsplan(['diff', 'ws', '--base', base, '--head', head, ...AS_OF], { cwd: repo, env: { GITHUB_STEP_SUMMARY: summary } });
    expect(without.code).toBe(1);
    expect(readFileSync(summary, 'utf8')).toBe(text);
  });

  it('exits 2 for an unknown ref, a folder outside git, and a missing git', () => {
    const unknown = runOpsplan(['diff', 'ws', '--base', 'no-such-branch'], { cwd: repo });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--base no-such-branch: no such commit, branch or tag');
    const outside = runOpsplan(['diff', '.', '--base', 'main'], { cwd: tempDir() });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('is not inside a git repository');
    const noGit = runOpsplan(['diff', 'ws', '--base', 'main'], { cwd: repo, env: { PATH: tempDir() } });
    expect(noGit.code).toBe(2);
    expect(noGit.stderr).toContain('git was not found on PATH');
    const missing = runOpsplan(['diff', 'ws'], { cwd: repo });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("required option '--base <ref>' not specified");
  });
});

describe('opsplan diff: reorder suggestions as opsplan stock gives them, with MRP', () => {
  it('says a reorder point moved on an MRP-planned sku is not used, and buys by it elsewhere', () => {
    const r = acmeRepo();
    const before = git(r, 'rev-parse', 'HEAD');
    // FG-2040 in both warehouses: MRP plans it in the production warehouse wh-east (projected 93),
    // wh-south buys it by its reorder point (projected 36). Both reorder points now reached.
    edit(path.join(r, 'ws', 'inventory/wh-east/2026-11-28.yaml'), 'reorderPoint: 45\n', 'reorderPoint: 100\n');
    edit(path.join(r, 'ws', 'inventory/wh-south/2026-11-27.yaml'), 'reorderPoint: 30\n', 'reorderPoint: 40\n');
    const after = commitAll(r, 'raise FG-2040 reorder points');
    const { code, doc, stderr } = diffJson(['ws', '--base', before, '--head', after], { cwd: r });
    expect([code, stderr]).toEqual([0, '']);
    const sugg = items(doc, 'inventory').filter((i) => i.kind === 'reorder-suggestion');
    expect(sugg.map((i) => [i.key.warehouse, i.key.sku, i.change])).toEqual([['wh-south', 'FG-2040', 'added'], ['wh-east', 'FG-2040', 'changed']]);
    const [south, east] = sugg as [Item, Item];

    // The oracle is `opsplan stock` on the head's files, as of the same date.
    const stock = JSON.parse(runOpsplan(['stock', 'ws', '--format', 'json', ...AS_OF], { cwd: r }).stdout) as {
      items: { warehouse: string; sku: string; plannedByMrp: boolean; reorderPoint: number; suggestion: { status: string; quantity: number; value: number } | null }[];
      procurementPlan: { lines: { warehouse: string; sku: string; source: string }[] }[];
    };
    const inStock = (w: string) => stock.items.find((i) => i.warehouse === w && i.sku === 'FG-2040')!;
    const planned = stock.procurementPlan.flatMap((g) => g.lines).filter((l) => l.sku === 'FG-2040');

    // wh-east: stock lists it as planned by MRP and buys nothing by the reorder point; diff says so.
    expect([inStock('wh-east').plannedByMrp, inStock('wh-east').suggestion?.status]).toEqual([true, 'planned-by-mrp']);
    expect(planned.filter((l) => l.warehouse === 'wh-east' && l.source === 'reorder-point')).toEqual([]);
    expect(east.note).toBe('planned by MRP; reorder point not used');
    expect(east.fields.map((f) => [f.field, f.before, f.after])).toEqual([['status', null, 'planned-by-mrp'], ['reorderPoint', 45, 100]]);

    // wh-south: a reorder-point buy, the very quantity and value stock suggests.
    const s = inStock('wh-south').suggestion!;
    expect(s.status).toBe('order');
    expect(s.quantity).toBeGreaterThan(0);
    expect(planned.filter((l) => l.warehouse === 'wh-south').map((l) => l.source)).toEqual(['reorder-point']);
    expect(south.note).toBeNull();
    expect(south.fields.map((f) => [f.field, f.before, f.after])).toEqual([['status', null, 'order'], ['quantity', null, s.quantity], ['value', null, s.value], ['reorderPoint', null, 40]]);

    // The table carries the note.
    const table = runOpsplan(['diff', 'ws', '--base', before, '--head', after, ...AS_OF], { cwd: r });
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('planned by MRP; reorder point not used');
  });
});
