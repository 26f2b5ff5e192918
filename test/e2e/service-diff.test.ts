// The diff sections of the customer-service chapter: a service case edited after the fact and
// a key-account plan changed, between two commits of examples/acme.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acmeRepo, commitAll, edit } from '../helpers/git-repo.js';
import { runOpsplan } from '../helpers/run-cli.js';

interface Item { kind: string; change: string; key: Record<string, string>; fields: { field: string; before: unknown; after: unknown }[]; file: string }

describe('opsplan diff: service cases and account plans', () => {
  it('shows a moved resolved time, a new case and a visit marked done', () => {
    const repo = acmeRepo();
    const base = commitAll(repo, 'base');
    const nov = path.join(repo, 'ws', 'service', '2026-11', 'customer-service.yaml');
    edit(nov, 'resolved: 2026-11-16T16:00', 'resolved: 2026-11-13T16:00');
    edit(nov, '  - id: CS-2026-11-010\n', '  - id: CS-2026-11-012\n    type: inquiry\n    channel: email\n    customer: Meridian Tools\n    category: billing\n    priority: low\n    received: 2026-11-30T09:00\n    status: open\n  - id: CS-2026-11-010\n');
    edit(path.join(repo, 'ws', 'accounts', 'FY2026', 'dongfang-machinery.yaml'), '  - planned: 2026-10-19\n', '  - planned: 2026-10-19\n    done: 2026-11-02\n');
    const head = commitAll(repo, 'head');
    const r = runOpsplan(['diff', 'ws', '--base', base, '--head', head, '--as-of', '2026-11-30', '--format', 'json'], { cwd: repo });
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout) as { sections: { id: string; items: Item[] }[] };
    const cases = doc.sections.find((s) => s.id === 'service-cases')!.items;
    expect(cases.map((i) => [i.change, i.key.case])).toEqual([
      ['added', 'customer-service/2026-11/CS-2026-11-012'],
      ['changed', 'customer-service/2026-11/CS-2026-11-005'],
    ]);
    expect(cases[1]!.fields).toEqual([expect.objectContaining({ field: 'resolved', before: '2026-11-16T16:00', after: '2026-11-13T16:00' })]);
    const plans = doc.sections.find((s) => s.id === 'account-plans')!.items;
    expect(plans.map((i) => [i.change, i.key.account, i.fields.map((f) => f.field)])).toEqual([['changed', 'Dongfang Machinery FY2026', ['visits']]]);
  });
});
