// Every diagnostic code that examples/invalid shows, with its file, line and column, checked
// through the real executable. The table was reviewed line by line against the files.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { REPO, runOpsplan } from '../helpers/run-cli.js';

const INVALID = path.join(REPO, 'examples', 'invalid');

const EXPECTED: [file: string, line: number, column: number, severity: string, code: string][] = [
    ["base/actuals-2026-03.yaml", 4, 8, "error", "submission/duplicate"],
    ["base/actuals-2026-03.yaml", 8, 14, "error", "actuals/duplicate-account"],
    ["base/actuals-2026-03.yaml", 10, 14, "warning", "actuals/unbudgeted-account"],
    ["base/actuals-production.yaml", 3, 13, "warning", "actuals/budget-invalid"],
    ["base/adjustment-missing-approval.yaml", 8, 1, "error", "adjustment/missing-approval"],
    ["base/adjustment-missing-approval.yaml", 8, 1, "error", "adjustment/missing-approval"],
    ["base/adjustment-same-id.yaml", 5, 13, "error", "adjustment/budget-invalid"],
    ["base/adjustments.yaml", 3, 5, "error", "adjustment/duplicate-id"],
    ["base/adjustments.yaml", 10, 14, "error", "adjustment/unknown-account"],
    ["base/adjustments.yaml", 14, 12, "error", "adjustment/month-outside-year"],
    ["base/adjustments.yaml", 18, 15, "warning", "adjustment/new-line-exists"],
    ["base/budget-marketing.yaml", 13, 14, "error", "budget/duplicate-account"],
    ["base/budget-marketing.yaml", 22, 12, "error", "budget/missing-basis"],
    ["base/budget-marketing.yaml", 29, 13, "error", "budget/missing-method"],
    ["base/inventory-unknown-warehouse.yaml", 3, 12, "error", "ref/unknown-warehouse"],
    ["base/inventory.yaml", 4, 7, "error", "submission/duplicate"],
    ["base/inventory.yaml", 11, 19, "warning", "inventory/level-order"],
    ["base/inventory.yaml", 12, 15, "warning", "inventory/level-order"],
    ["base/inventory.yaml", 13, 10, "error", "inventory/duplicate-sku"],
    ["base/plan-marketing-q4.yaml", 12, 13, "error", "plan/unknown-annual-target"],
    ["base/plan-marketing.yaml", 4, 9, "error", "submission/duplicate"],
    ["base/plan-marketing.yaml", 11, 9, "error", "plan/duplicate-id"],
    ["base/plan-marketing.yaml", 20, 10, "error", "plan/due-before-start"],
    ["base/plan-marketing.yaml", 21, 15, "error", "plan/unknown-target"],
    ["base/plan-marketing.yaml", 26, 10, "warning", "plan/date-outside-period"],
    ["base/plan-marketing.yaml", 30, 1, "error", "plan/adjustments-in-annual-plan"],
    ["base/plan-production-q4.yaml", 12, 13, "warning", "plan/no-annual-plan"],
    ["base/plan-unknown-department.yaml", 3, 13, "error", "ref/unknown-department"],
    ["base/progress-no-plan.yaml", 4, 9, "error", "progress/unknown-plan"],
    ["base/progress.yaml", 7, 9, "error", "progress/unknown-target"],
    ["base/progress.yaml", 10, 9, "error", "progress/unknown-work-item"],
    ["base/response-again.yaml", 3, 9, "error", "response/department-mismatch"],
    ["base/response.yaml", 3, 9, "error", "response/department-mismatch"],
    ["base/response.yaml", 3, 9, "error", "response/duplicate"],
    ["file/latin1.yaml", 3, 16, "error", "file/encoding"],
    ["file/misplaced-company.yaml", 1, 7, "error", "file/misplaced-company"],
    ["file/missing-kind.yaml", 1, 1, "error", "file/missing-kind"],
    ["file/unknown-kind.yaml", 1, 7, "error", "file/unknown-kind"],
    ["file/unsupported-version.yaml", 2, 10, "error", "file/unsupported-version"],
    ["file/utf16.yaml", 1, 1, "error", "file/encoding"],
    ["opsplan.yaml", 14, 13, "error", "company/parent-cycle"],
    ["opsplan.yaml", 18, 13, "error", "company/parent-cycle"],
    ["opsplan.yaml", 22, 13, "error", "company/parent-cycle"],
    ["opsplan.yaml", 23, 9, "error", "company/duplicate-department"],
    ["opsplan.yaml", 29, 13, "error", "company/unknown-parent"],
    ["opsplan.yaml", 33, 9, "error", "company/duplicate-warehouse"],
    ["opsplan.yaml", 38, 18, "warning", "company/threshold-order"],
    ["schema/budget-line.yaml", 5, 9, "error", "schema/enum"],
    ["schema/budget-line.yaml", 7, 5, "error", "budget/missing-basis"],
    ["schema/budget-line.yaml", 7, 5, "error", "schema/one-of"],
    ["schema/money.yaml", 7, 13, "error", "schema/max-decimals"],
    ["schema/money.yaml", 9, 13, "error", "schema/type"],
    ["schema/money.yaml", 11, 13, "error", "schema/type"],
    ["schema/negative-quantity.yaml", 4, 7, "error", "schema/format"],
    ["schema/negative-quantity.yaml", 9, 13, "error", "schema/minimum"],
    ["schema/object-for-string.yaml", 4, 3, "error", "schema/type"],
    ["schema/unknown-property.yaml", 6, 5, "error", "schema/required"],
    ["schema/unknown-property.yaml", 7, 5, "error", "schema/additional-properties"],
    ["schema/unquoted-code.yaml", 6, 14, "error", "schema/unquoted-code"],
    ["yaml/alias-bomb.yaml", 2, 8, "error", "yaml/alias-limit"],
    ["yaml/alias.yaml", 5, 9, "error", "yaml/alias"],
    ["yaml/deep.yaml", 3, 72, "error", "yaml/too-deep"],
    ["yaml/duplicate-key.yaml", 8, 5, "error", "yaml/duplicate-key"],
    ["yaml/empty.yaml", 1, 1, "error", "yaml/empty"],
    ["yaml/list.yaml", 1, 1, "error", "yaml/not-a-mapping"],
    ["yaml/multiple-documents.yaml", 6, 1, "error", "yaml/multiple-documents"],
    ["yaml/only-comment.yaml", 1, 1, "error", "yaml/empty"],
    ["yaml/syntax.yaml", 4, 1, "error", "yaml/syntax"],
    ["yaml/tag.yaml", 3, 13, "error", "yaml/tag"],
    ["yaml/version-directive.yaml", 1, 1, "error", "yaml/version-directive"],
];

describe('validate examples/invalid', () => {
  const run = runOpsplan(['validate', INVALID, '--format', 'json']);
  const out = JSON.parse(run.stdout) as { version: number; summary: { files: number; errors: number; warnings: number }; diagnostics: { file: string; line: number; column: number; severity: string; code: string; message: string }[] };

  it('exits 1 with a versioned JSON document', () => {
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(out.version).toBe(1);
    expect(out.summary).toEqual({ files: 43, errors: EXPECTED.filter((e) => e[3] === 'error').length, warnings: EXPECTED.filter((e) => e[3] === 'warning').length, omitted: 0 });
  });

  it('reports each finding at its file, line and column with its code', () => {
    expect(out.diagnostics.map((d) => [d.file, d.line, d.column, d.severity, d.code])).toEqual(EXPECTED);
  });

  it('says what was expected and how to fix it', () => {
    const msg = (code: string) => out.diagnostics.find((d) => d.code === code)?.message ?? '';
    expect(msg('schema/unquoted-code')).toContain('quote it: "00123"');
    expect(msg('schema/additional-properties')).toContain('did you mean "amount"?');
    expect(msg('file/encoding')).toContain('byte offset 40');
    expect(msg('schema/max-decimals')).toContain('at most 2 decimals');
    expect(msg('yaml/version-directive')).toContain('YAML 1.2 only');
    expect(msg('adjustment/missing-approval')).toContain('approvedBy');
  });
});
