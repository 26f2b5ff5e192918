// Every diagnostic code of the quality, equipment, maintenance and safety kinds (issue 15),
// shown by examples/invalid-quality, with its file, line and column, through the executable.
// The table was checked line by line against the files.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runOpsplan } from '../helpers/run-cli.js';

const WS = path.join(REPO, 'examples', 'invalid-quality');

const EXPECTED: [file: string, line: number, column: number, severity: string, code: string][] = [
    ["equipment.yaml",5,9,"error","equipment/duplicate-id"],
    ["equipment.yaml",15,19,"error","equipment/done-before-commissioned"],
    ["equipment.yaml",16,15,"error","equipment/duplicate-task"],
    ["maintenance-2026-11.yaml",6,16,"error","maintenance/unknown-equipment"],
    ["maintenance-2026-11.yaml",14,11,"error","maintenance/unknown-task"],
    ["maintenance-2026-11.yaml",15,12,"error","maintenance/date-outside-month"],
    ["maintenance-2026-11.yaml",16,10,"error","maintenance/end-before-start"],
    ["maintenance-2026-11.yaml",20,11,"error","maintenance/task-not-preventive"],
    ["maintenance-2026-11.yaml",21,12,"error","maintenance/invalid-date-time"],
    ["opsplan.yaml",11,5,"error","company/supplier-weights"],
    ["opsplan.yaml",15,5,"error","company/supplier-grades"],
    ["quality-2026-11.yaml",4,8,"error","submission/duplicate"],
    ["quality-2026-11.yaml",8,11,"error","quality/date-outside-month"],
    ["quality-2026-11.yaml",12,17,"error","quality/sample-exceeds-quantity"],
    ["quality-2026-11.yaml",14,17,"error","quality/nonconforming-released"],
    ["quality-2026-11.yaml",15,9,"error","quality/duplicate-id"],
    ["quality-2026-11.yaml",23,18,"error","quality/concession-unapproved"],
    ["quality-2026-11.yaml",24,17,"error","quality/nonconforming-released"],
    ["quality-2026-11.yaml",33,18,"error","quality/disposition-on-pass"],
    ["quality-2026-11.yaml",34,21,"error","quality/unknown-inspection"],
    ["safety.yaml",3,5,"error","safety/duplicate-id"],
    ["safety.yaml",12,15,"error","safety/deadline-before-inspection"],
    ["safety.yaml",13,18,"error","safety/major-unverified"],
    ["safety.yaml",13,18,"error","safety/rectified-before-inspection"],
    ["safety.yaml",14,9,"error","safety/duplicate-hazard"],
    ["safety.yaml",21,17,"error","safety/verified-before-rectified"],
    ["safety.yaml",27,18,"warning","safety/unverified"],
];

describe('validate examples/invalid-quality', () => {
  const run = runOpsplan(['validate', WS, '--format', 'json']);
  const out = JSON.parse(run.stdout) as { summary: { errors: number; warnings: number }; diagnostics: { file: string; line: number; column: number; severity: string; code: string; message: string }[] };

  it('exits 1 and reports each finding at its file, line and column', () => {
    expect(run.code).toBe(1);
    expect(out.diagnostics.map((d) => [d.file, d.line, d.column, d.severity, d.code])).toEqual(EXPECTED);
    expect(out.summary.errors).toBe(EXPECTED.filter((e) => e[3] === 'error').length);
  });

  it('names the fix in the messages', () => {
    const msg = (code: string) => out.diagnostics.find((d) => d.code === code)?.message ?? '';
    expect(msg('quality/nonconforming-released')).toContain('without an approved concession');
    expect(msg('quality/concession-unapproved')).toContain('add dispositionBy');
    expect(msg('quality/sample-exceeds-quantity')).toContain('sampleSize 12 is more than the lot quantity 10');
    expect(msg('maintenance/unknown-equipment')).toContain('equipment "EQ-9" is not in any equipment ledger');
    expect(msg('maintenance/end-before-start')).toContain('swap or fix');
    expect(msg('safety/major-unverified')).toContain('add verifiedBy and verifiedOn');
    expect(msg('company/supplier-weights')).toContain('= 110; they must sum to 100');
  });

  it('a maintenance record on a machine whose ledger is broken names that ledger', () => {
    // equipment.yaml and equipment-again.yaml share EQ-1, so equipment.yaml is left out;
    // records on EQ-1 are still checked against the ledger that loaded.
    const unknown = out.diagnostics.filter((d) => d.code === 'maintenance/unknown-equipment');
    expect(unknown.map((d) => d.message.includes('EQ-9'))).toEqual([true]);
  });
});
