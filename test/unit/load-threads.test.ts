// A workspace loaded on threads (files read into one shared buffer while the workers load
// those already read) gives exactly what loading on one thread gives: the model, the file
// list with hashes, the findings with their positions, the files left out. The workers run
// compiled code, so this test uses dist/ (npm test builds before running vitest).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { loadWorkspace as LoadWorkspace } from '../../src/load/load-workspace.js';
import { REPO } from '../helpers/run-cli.js';

const root = mkdtempSync(path.join(tmpdir(), 'opsplan-load-threads-'));
cpSync(path.join(REPO, 'examples', 'acme'), root, { recursive: true });
// A cross-file finding, a per-file finding, and a file over the size cap given below.
const budget = path.join(root, 'budgets', 'FY2026', 'marketing.yaml');
writeFileSync(budget, readFileSync(budget, 'utf8').replace(/^department: marketing$/m, 'department: marketing-x'));
writeFileSync(path.join(root, 'broken.yaml'), 'kind: actuals\ndepartment: [\n');
writeFileSync(path.join(root, 'big.yaml'), `# ${'x'.repeat(40_000)}\nkind: actuals\n`);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('loadWorkspace on threads', () => {
  it('gives what one thread gives: model, files and hashes, findings with positions, files left out', async () => {
    const { loadWorkspace } = (await import(path.join(REPO, 'dist', 'load', 'load-workspace.js'))) as { loadWorkspace: typeof LoadWorkspace };
    const options = { maxFileBytes: 30_000 };
    const one = loadWorkspace(root, options);
    const threaded = loadWorkspace(root, { ...options, threads: 3, parallelMinBytes: 0 });
    expect(one.diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(['ref/unknown-department', 'file/too-large']));
    expect(threaded.diagnostics).toEqual(one.diagnostics);
    expect(threaded.workspace).toEqual(one.workspace);
    expect(threaded.workspace.files.find((f) => f.file === 'budgets/FY2026/marketing.yaml')!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(threaded.rejected).toEqual(one.rejected);
    expect(threaded.locate('budgets/FY2026/marketing.yaml', ['department'])).toEqual(one.locate('budgets/FY2026/marketing.yaml', ['department']));
    expect(threaded.sourceText('opsplan.yaml')).toBe(one.sourceText('opsplan.yaml'));
  });
});
