// Every diagnostic code of the kpi-scheme and kpi-review kinds, with file, line and column,
// through the real executable on test/fixtures/kpi-invalid (each file plants one mistake per line).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runOpsplan } from '../helpers/run-cli.js';

const FIXTURE = path.join(REPO, 'test', 'fixtures', 'kpi-invalid');

const EXPECTED: [file: string, line: number, column: number, code: string, message: RegExp][] = [
  ['kpi/review-2027.yaml', 4, 9, 'kpi-review/scheme-invalid', /FY2027 KPI scheme \(kpi\/scheme-2027\.yaml\) has errors/],
  ['kpi/review-no-scheme.yaml', 4, 9, 'kpi-review/no-scheme', /no FY2025 kpi-scheme/],
  ['kpi/review-not-in-scheme.yaml', 3, 13, 'kpi-review/not-in-scheme', /"customer-service" has no indicators in kpi\/scheme\.yaml/],
  ['kpi/review.yaml', 4, 9, 'submission/duplicate', /second 2026-11 review of "marketing" \(the first is kpi\/review-z\.yaml\)/],
  ['kpi/review.yaml', 7, 18, 'kpi-review/unknown-indicator', /"K3" is not an indicator of "marketing".*did you mean "K1"/],
  ['kpi/review.yaml', 8, 18, 'kpi-review/not-manual', /"K1" is computed from budget\.expense\.variancePC/],
  ['kpi/review.yaml', 10, 18, 'kpi-review/duplicate-entry', /"K2" has two values/],
  ['kpi/review.yaml', 12, 13, 'kpi-review/unknown-goal', /goal "G3" is not a goal.*did you mean "G1"/],
  ['kpi/scheme-2027.yaml', 7, 84, 'schema/enum', /direction/],
  ['kpi/scheme.yaml', 4, 10, 'kpi/weights-sum', /kpi 70 \+ gs 20 sum to 90, not 100/],
  ['kpi/scheme.yaml', 5, 1, 'kpi/grade-gap', /no grade starts at 0.*add a band with min: 0/],
  ['kpi/scheme.yaml', 7, 22, 'kpi/grade-overlap', /"A" and "B" both start at 90/],
  ['kpi/scheme.yaml', 11, 5, 'kpi/indicator-weights', /indicator weights of "marketing" sum to 90, not 100/],
  ['kpi/scheme.yaml', 12, 54, 'kpi/unknown-metric', /did you mean "budget\.expense\.variancePct"/],
  ['kpi/scheme.yaml', 13, 103, 'kpi/bad-curve', /higher needs the target above the threshold; found threshold 90, target 80/],
  ['kpi/scheme.yaml', 14, 15, 'kpi/duplicate-id', /indicator id "K2" is used twice/],
  ['kpi/scheme.yaml', 14, 134, 'kpi/bad-curve', /lower needs the stretch below the target; found target 0, stretch 2/],
  ['kpi/scheme.yaml', 15, 5, 'kpi/goal-weights', /goal weights of "marketing" sum to 90, not 100/],
  ['kpi/scheme.yaml', 18, 17, 'kpi/duplicate-department', /"marketing" already has indicators/],
  ['kpi/scheme.yaml', 23, 17, 'ref/unknown-department', /"sales"/],
  ['kpi/scheme.yaml', 28, 5, 'kpi/goal-weights', /"production" sum to 0, not 100; add goals: \(GS weight is 20\) or set weights\.gs to 0/],
  ['kpi/z-scheme-again.yaml', 3, 13, 'submission/duplicate', /second KPI scheme for FY2026 \(the first is kpi\/scheme\.yaml\)/],
];

describe('kpi-scheme and kpi-review diagnostics', () => {
  it('reports every planted mistake at its file, line and column, and nothing else', async () => {
    const r = await runOpsplan(['validate', FIXTURE, '--format', 'json']);
    expect(r.code).toBe(1);
    const got = (JSON.parse(r.stdout) as { diagnostics: { file: string; line: number; column: number; code: string; message: string; severity: string }[] }).diagnostics;
    expect(got.map((d) => [d.file, d.line, d.column, d.code])).toEqual(EXPECTED.map(([f, l, c, code]) => [f, l, c, code]));
    got.forEach((d, i) => {
      expect(d.severity).toBe('error');
      expect(d.message).toMatch(EXPECTED[i]![4]);
    });
  });

  it('accepts weights that sum to 100 only with their decimals (33.33 + 33.33 + 33.34)', async () => {
    const { weightSum } = await import('../../src/kinds/kpi-scheme/kind.js');
    expect(weightSum([33.33, 33.33, 33.34])).toBe(100);
    expect(weightSum([33.33, 33.33, 33.33])).toBe(99.99);
    expect(weightSum([0.1, 0.2, 99.7])).toBe(100);
  });
});
