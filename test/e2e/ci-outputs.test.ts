// CI outputs of `opsplan validate` that add up and land where they belong: JUnit with one test
// case per file (checked against Jenkins' junit-10.xsd), SARIF with originalUriBaseIds and rule
// metadata (checked against the SARIF 2.1.0 schema), GitHub annotations relative to the
// repository root from any folder, and the Markdown step summary.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { junitProblems, sarifProblems } from '../helpers/ci-validate.js';
import { git } from '../helpers/git-repo.js';
import { ACME, COMPANY_YAML, makeWorkspace, runOpsplan, tempDir } from '../helpers/run-cli.js';

const budget = (department: string, basis: string, extra = ''): string => `kind: budget
version: 1
department: ${department}
fiscalYear: FY2026
status: draft
lines:
  - account: "6601"
    name: Ads
    category: expense
    basis: ${basis}
    method: Rate x volume
    annual: 1200
${extra}`;

const inventory = `kind: inventory
version: 1
warehouse: wh1
asOf: 2026-11-28
items:
  - sku: "A1"
    name: Bolt
    unit: pcs
    onHand: 10
    safetyStock: 50
    reorderPoint: 20
`;

let repo: string;
let ws: string;

/** A repository whose workspace is in `sub/ws`: 2 files with errors, 1 with a warning only, 2 clean. */
beforeAll(() => {
  repo = tempDir('opsplan-ci-');
  ws = path.join(repo, 'sub', 'ws');
  makeWorkspace(
    {
      'opsplan.yaml': COMPANY_YAML,
      'budgets/marketing.yaml': budget('marketing', '" "', '  - account: "6601"\n    name: Again\n    category: expense\n    basis: B\n    method: M\n    annual: 1\n'),
      'budgets/production.yaml': budget('production', 'Quotes'),
      'budgets/unknown.yaml': budget('nobody', 'Quotes'),
      'inventory/wh1.yaml': inventory,
    },
    ws,
  );
  git(repo, 'init', '-q');
});

describe('JUnit', () => {
  it('has one test case per file checked, tests = files and failures = files with errors', async () => {
    const r = runOpsplan(['validate', '.', '--format', 'junit'], { cwd: ws });
    expect(r.code).toBe(1);
    expect(await junitProblems(r.stdout)).toEqual([]);
    const xml = r.stdout;
    expect(xml).toContain('<testsuites name="opsplan validate" tests="5" failures="2" errors="0">');
    expect(xml).toContain('<testsuite name="opsplan validate" tests="5" failures="2" errors="0" skipped="0">');
    expect([...xml.matchAll(/<testcase /g)]).toHaveLength(5);
    expect([...xml.matchAll(/<failure /g)]).toHaveLength(2);
    // Clean files are test cases too.
    expect(xml).toContain('<testcase classname="opsplan.validate" name="opsplan.yaml"/>');
    expect(xml).toContain('<testcase classname="opsplan.validate" name="budgets/production.yaml"/>');
    // One failure holds all the file's findings.
    const marketing = xml.slice(xml.indexOf('name="budgets/marketing.yaml"'), xml.indexOf('</testcase>', xml.indexOf('name="budgets/marketing.yaml"')));
    expect(marketing).toContain('<failure type="opsplan" message="2 errors, 0 warnings">error budgets/marketing.yaml:10:12 budget/missing-basis: line &quot;6601&quot; has an empty basis; add basis: &lt;what the amount rests on&gt;\nerror budgets/marketing.yaml:13:14 budget/duplicate-account: ');
    // A file with warnings only passes, its warnings in system-out.
    expect(xml).toMatch(/<testcase classname="opsplan.validate" name="inventory\/wh1.yaml">\n {6}<system-out>warning inventory\/wh1.yaml:\d+:\d+ inventory\/level-order: /);
  });

  it('still adds up when --max-findings hides findings', async () => {
    const r = runOpsplan(['validate', '.', '--format', 'junit', '--max-findings', '1'], { cwd: ws });
    expect(await junitProblems(r.stdout)).toEqual([]);
    expect(r.stdout).toContain('tests="5" failures="2" errors="0"');
    expect(r.stdout).toContain('... 1 more finding not shown (raise --max-findings)');
  });

  it('is valid and all passing on examples/acme (a case per YAML file)', async () => {
    const files = readdirSync(ACME, { recursive: true, encoding: 'utf8' }).filter((f) => /\.ya?ml$/.test(f)).length;
    const r = runOpsplan(['validate', ACME, '--format', 'junit']);
    expect(r.code).toBe(0);
    expect(await junitProblems(r.stdout)).toEqual([]);
    expect(r.stdout).toContain(`tests="${files}" failures="0" errors="0"`);
    expect([...r.stdout.matchAll(/<testcase /g)]).toHaveLength(files);
  });

  it('rejects what the schema rejects (the check can fail)', async () => {
    expect(await junitProblems('<testsuites><testsuite name="x" tests="1" failures="0"><testcase name="a"/></testsuite></testsuites>')).not.toEqual([]);
  });
});

describe('GitHub annotations', () => {
  const fileOf = (out: string): string[] => [...out.matchAll(/^::\w+ file=([^,]+),/gm)].map((m) => m[1]!);

  it('carry paths relative to the repository root from any folder', () => {
    const fromWs = runOpsplan(['validate', '.', '--format', 'github'], { cwd: ws });
    const fromBudgets = runOpsplan(['validate', '..', '--format', 'github'], { cwd: path.join(ws, 'budgets') });
    const fromTop = runOpsplan(['validate', 'sub/ws', '--format', 'github'], { cwd: repo });
    expect(fileOf(fromWs.stdout)).toEqual(['sub/ws/budgets/marketing.yaml', 'sub/ws/budgets/marketing.yaml', 'sub/ws/budgets/unknown.yaml', 'sub/ws/inventory/wh1.yaml']);
    expect(fromBudgets.stdout).toBe(fromWs.stdout);
    expect(fromTop.stdout).toBe(fromWs.stdout);
  });

  it('use GITHUB_WORKSPACE when set, even without git', () => {
    const r = runOpsplan(['validate', '.', '--format', 'github'], { cwd: ws, env: { PATH: tempDir(), GITHUB_WORKSPACE: path.join(repo, 'sub') } });
    expect(fileOf(r.stdout)[0]).toBe('ws/budgets/marketing.yaml');
    // Outside any repository and without GITHUB_WORKSPACE: relative to the current folder.
    const outside = makeWorkspace({ 'opsplan.yaml': COMPANY_YAML, 'b.yaml': budget('nobody', 'Q') });
    const plain = runOpsplan(['validate', '.', '--format', 'github'], { cwd: outside });
    expect(fileOf(plain.stdout)).toEqual(['b.yaml']);
  });
});

describe('SARIF', () => {
  it('is valid SARIF 2.1.0 with originalUriBaseIds and described rules', () => {
    const r = runOpsplan(['validate', '..', '--format', 'sarif'], { cwd: path.join(ws, 'inventory') });
    const log = JSON.parse(r.stdout);
    expect(sarifProblems(log)).toEqual([]);
    const run = log.runs[0];
    expect(run.originalUriBaseIds).toEqual({ SRCROOT: { uri: pathToFileURL(repo).href + '/', description: { text: 'The root of the repository' } } });
    expect(run.results.map((x: { locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string } } }[] }) => x.locations[0]!.physicalLocation.artifactLocation)).toContainEqual({ uri: 'sub/ws/budgets/unknown.yaml', uriBaseId: 'SRCROOT' });
    const rules = run.tool.driver.rules as { id: string; shortDescription: { text: string }; help: { text: string } }[];
    expect(rules.map((x) => x.id)).toEqual(['budget/duplicate-account', 'budget/missing-basis', 'inventory/level-order', 'ref/unknown-department']);
    expect(rules[1]).toMatchObject({ shortDescription: { text: 'A budget line without a basis.' }, help: { text: 'Add basis: how the amount was derived.' } });
    for (const res of run.results) expect(rules[res.ruleIndex]!.id).toBe(res.ruleId);
  });

  it('rejects what the schema rejects (the check can fail)', () => {
    expect(sarifProblems({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, originalUriBaseIds: { SRCROOT: { uri: 7 } } }] })).not.toEqual([]);
  });
});

describe('step summary', () => {
  it('validate appends its Markdown summary under GitHub Actions', () => {
    const summary = path.join(tempDir(), 'summary.md');
    writeFileSync(summary, '');
    const r = runOpsplan(['validate', '.'], { cwd: ws, env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary } });
    expect(r.code).toBe(1);
    const md = readFileSync(summary, 'utf8');
    expect(md).toContain('## opsplan validate .: ✖ 3 errors, 1 warning');
    expect(md).toContain('- **Files checked:** 5');
    expect(md).toContain('- **Files with errors:** 2');
    expect(md).toContain('<details><summary>Findings (4)</summary>');
    expect(md).toMatch(/\| budgets\/unknown.yaml:\d+:\d+ \| error \| ref\/unknown-department \| /);
    // And annotations on stdout, as before.
    expect(r.stdout).toContain('::error file=sub/ws/budgets/unknown.yaml');
  });
});

describe('opsplan init --ci github', () => {
  it('writes the workflow at the repository root, and its validate and diff steps run', async () => {
    const { parse } = await import('yaml');
    const top = tempDir('opsplan-init-ci-');
    git(top, 'init', '-q', '-b', 'main');
    const r = runOpsplan(['init', 'plans/ws', '--ci', 'github'], { cwd: top });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('wrote .github/workflows/opsplan.yml');
    const workflow = parse(readFileSync(path.join(top, '.github/workflows/opsplan.yml'), 'utf8'));
    expect(Object.keys(workflow.on)).toEqual(['pull_request', 'schedule', 'workflow_dispatch']);
    expect(workflow.on.schedule[0].cron).toBe('0 6 2 * *');
    const steps = workflow.jobs.check.steps as { run?: string; uses?: string; with?: Record<string, unknown> }[];
    expect(steps[0]).toEqual({ uses: 'actions/checkout@v4', with: { 'fetch-depth': 0 } });
    const runs = steps.filter((s) => s.run).map((s) => s.run!);
    expect(runs[0]).toMatch(/^npx --yes opsplan@\d+\.\d+\.\d+ validate plans\/ws --format github /);
    expect(runs[1]).toMatch(/ diff plans\/ws --base origin\/\$\{\{ github.base_ref \}\} --format markdown --output opsplan-diff.md$/);
    expect(workflow.jobs['monthly-report'].steps.map((s: { run?: string }) => s.run ?? '').join('\n')).toContain('report plans/ws --period');

    // The steps, run here as the workflow would (this build for npx, main for the base branch).
    git(top, 'add', '-A');
    git(top, 'commit', '-q', '-m', 'workspace');
    const args = (run: string): string[] => run.replace(/^npx --yes opsplan@\S+ /, '').replace('origin/${{ github.base_ref }}', 'main').split(' ');
    const summary = path.join(tempDir(), 'summary.md');
    writeFileSync(summary, '');
    const env = { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary, GITHUB_WORKSPACE: top };
    const validate = runOpsplan(args(runs[0]!), { cwd: top, env });
    expect(validate.code).toBe(0);
    expect(await junitProblems(readFileSync(path.join(top, 'opsplan-junit.xml'), 'utf8'))).toEqual([]);
    expect(sarifProblems(JSON.parse(readFileSync(path.join(top, 'opsplan.sarif'), 'utf8')))).toEqual([]);
    const diff = runOpsplan(args(runs[1]!), { cwd: top, env });
    expect(diff.code).toBe(0);
    expect(readFileSync(path.join(top, 'opsplan-diff.md'), 'utf8')).toContain('- **New errors:** 0');
    const md = readFileSync(summary, 'utf8');
    expect(md).toContain('## opsplan validate plans/ws: ✔ 0 errors, 0 warnings');
    expect(md).toContain('## opsplan diff main → working tree');

    // Again: refused without --force; in an existing workspace only the workflow is written.
    expect(runOpsplan(['init', 'plans/ws', '--ci', 'github'], { cwd: top }).code).toBe(2);
    const budgetFile = path.join(top, 'plans/ws/budgets/FY2026/marketing.yaml');
    const before = readFileSync(budgetFile, 'utf8');
    writeFileSync(budgetFile, before + '# kept\n');
    expect(runOpsplan(['init', 'plans/ws', '--ci', 'github', '--force'], { cwd: top }).code).toBe(0);
    expect(readFileSync(budgetFile, 'utf8')).toBe(before + '# kept\n');
    expect(runOpsplan(['init', 'x', '--ci', 'gitlab'], { cwd: top }).code).toBe(2);
  });
});
