// keepSources: false (the report's load) forgets texts and parse trees after the cross-file
// checks, and must give the same model and the same findings, positions included.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadWorkspace } from '../../src/load/load-workspace.js';
import { REPO } from '../helpers/run-cli.js';

const root = mkdtempSync(path.join(tmpdir(), 'opsplan-keep-sources-'));
cpSync(path.join(REPO, 'examples', 'acme'), root, { recursive: true });
// A cross-file finding (an undeclared department), placed by the parse tree of its file.
const budget = path.join(root, 'budgets', 'FY2026', 'marketing.yaml');
writeFileSync(budget, readFileSync(budget, 'utf8').replace(/^department: marketing$/m, 'department: marketing-x'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('loadWorkspace keepSources', () => {
  const kept = loadWorkspace(root);
  const dropped = loadWorkspace(root, { keepSources: false });

  it('gives the same model and the same findings with their positions', () => {
    const unknown = kept.diagnostics.find((d) => d.code === 'ref/unknown-department');
    expect(unknown).toMatchObject({ file: 'budgets/FY2026/marketing.yaml', line: 4 });
    expect(dropped.diagnostics).toEqual(kept.diagnostics);
    expect(dropped.workspace).toEqual(kept.workspace);
    expect(dropped.rejected).toEqual(kept.rejected);
  });

  it('forgets the texts and positions afterwards', () => {
    expect(kept.sourceText('opsplan.yaml')).toContain('kind: company');
    expect(kept.locate('opsplan.yaml', ['kind']).line).toBeGreaterThan(0);
    expect(dropped.sourceText('opsplan.yaml')).toBeUndefined();
    expect(dropped.locate('opsplan.yaml', ['kind'])).toEqual({ line: 0, column: 0 });
  });
});
