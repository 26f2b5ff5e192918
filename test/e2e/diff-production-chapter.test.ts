// `opsplan diff` shows changes to quality inspections, machines, maintenance records and
// safety hazards record by record (issue 15), through bin/opsplan on a temp git repository.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { acmeRepo, commitAll, edit, git } from '../helpers/git-repo.js';
import { runOpsplan } from '../helpers/run-cli.js';

interface Item {
  kind: string;
  change: string;
  key: Record<string, string>;
  fields: { field: string; before: unknown; after: unknown }[];
}

let repo: string;
let base: string;

beforeAll(() => {
  repo = acmeRepo();
  base = git(repo, 'rev-parse', 'HEAD');
  const ws = (f: string): string => path.join(repo, 'ws', f);
  // The open nonconformance gets its disposition; the major hazard is rectified and verified.
  edit(ws('quality/2026-11/production.yaml'), '        qty: 2\n    result: fail\n', '        qty: 2\n    result: fail\n    disposition: scrap\n    dispositionBy: Chen Jun\n');
  edit(ws('safety/SI-2026-11-01.yaml'), '    deadline: 2026-11-20\n', '    deadline: 2026-11-20\n    rectifiedOn: 2026-11-29\n    verifiedBy: Li Wei\n    verifiedOn: 2026-11-30\n');
  // The test bench changes line; a repair took longer than written.
  edit(ws('equipment/production.yaml'), '    location: Hall B\n    line: LINE-2\n    commissioned: 2020-09-01', '    location: Hall B\n    line: LINE-3\n    commissioned: 2020-09-01');
  edit(ws('maintenance/2026-11/production.yaml'), 'end: 2026-11-05T16:30', 'end: 2026-11-05T18:30');
  commitAll(repo, 'close QI-2611-008 and SI-2026-11-01 H-02');
});

describe('opsplan diff on the production-chapter kinds', () => {
  it('lists each changed record with its fields before and after', () => {
    const r = runOpsplan(['diff', '--base', base, '--head', 'HEAD', '--format', 'json', '--as-of', '2026-11-30', 'ws'], { cwd: repo });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { sections: { id: string; items: Item[] }[] };
    const section = (id: string): Item[] => doc.sections.find((s) => s.id === id)?.items ?? [];
    const fields = (items: Item[]) => items.map((i) => [i.change, i.key, i.fields.map((f) => [f.field, f.before, f.after])]);
    expect(fields(section('quality-inspections'))).toEqual([['changed', { inspection: 'production/QI-2611-008' }, [['disposition', null, 'scrap'], ['dispositionBy', null, 'Chen Jun']]]]);
    expect(fields(section('safety-hazards'))).toEqual([['changed', { hazard: 'SI-2026-11-01/H-02' }, [['rectifiedOn', null, '2026-11-29'], ['verifiedBy', null, 'Li Wei'], ['verifiedOn', null, '2026-11-30']]]]);
    expect(fields(section('equipment'))).toEqual([['changed', { equipment: 'EQ-TST-04' }, [['line', 'LINE-2', 'LINE-3']]]]);
    expect(fields(section('maintenance-records'))).toEqual([['changed', { record: 'EQ-CNC-01 2026-11-05T10:00' }, [['downtimeHours', 6.5, 8.5], ['end', '2026-11-05T16:30', '2026-11-05T18:30']]]]);
  });
});
