// The diagnostic codes with a short description and help text, for SARIF rule metadata (shown
// by code-scanning tools beside each result). The README's "Diagnostic codes" table is the
// same list; a test keeps the two in step.

/** What a code means and how to fix it. */
export interface CodeInfo {
  /** One line: what the finding is. */
  summary: string;
  /** How to fix it. */
  help: string;
}

/** Every code opsplan reports, by code; `schema/<keyword>` codes share the `schema/*` entry. */
export const DIAGNOSTIC_CODES: Readonly<Record<string, CodeInfo>> = {
  'yaml/syntax': { summary: 'The YAML does not parse.', help: 'Fix the syntax at the position given (indentation, a missing colon, an unclosed quote or bracket).' },
  'yaml/duplicate-key': { summary: 'A key appears twice in a mapping.', help: 'Keep one of the two keys; `1` and `"1"` are the same key.' },
  'yaml/tag': { summary: 'An explicit or custom YAML tag.', help: 'Remove the tag (`!!binary`, `!!set`, `!custom` ...); only `!!str` is allowed.' },
  'yaml/version-directive': { summary: 'A %YAML directive other than 1.2.', help: 'Remove the `%YAML` line; opsplan reads YAML 1.2.' },
  'yaml/multiple-documents': { summary: 'More than one YAML document in a file.', help: 'Put each document in its own file.' },
  'yaml/empty': { summary: 'An empty file or one with only comments.', help: 'Write the document (starting with kind: and version: 1) or delete the file.' },
  'yaml/not-a-mapping': { summary: 'The top level is not a mapping.', help: 'An opsplan file is a mapping that starts with kind: and version: 1.' },
  'yaml/too-deep': { summary: 'Flow nesting deeper than 64 levels.', help: 'Flatten the nested [ ] or { } collections.' },
  'yaml/alias-limit': { summary: 'Aliases expand to more than 1000 nodes.', help: 'Write the data out instead of expanding anchors many times.' },
  'yaml/alias': { summary: 'An alias to an anchor not defined before it.', help: 'Define the anchor (&name) before using *name.' },
  'file/encoding': { summary: 'The file is not UTF-8.', help: 'Save the file as UTF-8.' },
  'file/too-large': { summary: 'The file is larger than --max-file-size.', help: 'Split the file, or raise --max-file-size.' },
  'file/missing-kind': { summary: 'The document has no kind.', help: 'Add kind: with one of the file kinds (budget, plan, inventory ...).' },
  'file/unknown-kind': { summary: 'The kind is not one opsplan knows.', help: 'Use one of the file kinds listed in docs/file-formats.md.' },
  'file/unsupported-version': { summary: 'The version is not 1.', help: 'Write version: 1.' },
  'file/misplaced-company': { summary: 'The company file is in the wrong place.', help: 'kind: company belongs in opsplan.yaml at the workspace root, and opsplan.yaml holds nothing else.' },
  'schema/*': { summary: 'The document does not match the JSON Schema of its kind.', help: 'Change the value as the message says; the schemas in schemas/ describe every field.' },
  'schema/unquoted-code': { summary: 'A code written unquoted, so YAML read it as a number.', help: 'Quote the code ("00123") so leading zeros and the exact text are kept.' },
  'schema/too-many-errors': { summary: 'More than 200 schema errors in one file.', help: 'Fix the errors listed first; the rest are not shown.' },
  'company/unknown-production-warehouse': { summary: 'production.warehouse names a warehouse not declared.', help: 'Name a warehouse declared under warehouses:, or declare it.' },
  'bom/cycle': { summary: 'Approved BOMs reach themselves through their components.', help: 'Break the loop the message shows by changing a component or the status of one BOM.' },
  'bom/duplicate-approved': { summary: 'Two approved BOMs for one sku.', help: 'Keep one approved BOM per sku; set the other to draft or delete it.' },
  'bom/duplicate-component': { summary: 'A component sku twice in one BOM.', help: 'Merge the two component lines into one.' },
  'production-plan/due-outside-period': { summary: "A plan line due outside the plan's month or week.", help: 'Move the due date into the period, or put the line in the plan of its period.' },
  'production-plan/duplicate-capacity': { summary: 'One production line with two capacity entries.', help: 'Keep one capacity entry per line.' },
  'production-report/date-outside-period': { summary: "An output line dated outside the report's month or week.", help: 'Fix the date, or report the line in the report of its period.' },
  'production-report/duplicate': { summary: 'One date, sku and line reported twice.', help: 'Keep one output line per date, sku and line.' },
  'purchase-order/duplicate-id': { summary: 'Two purchase orders with one id.', help: 'Give each purchase order its own id.' },
  'purchase-order/due-before-order': { summary: 'A line due before the order date.', help: 'Fix the due date or orderedOn.' },
  'purchase-order/receipt-before-order': { summary: 'A receipt dated before the order date.', help: 'Fix the receipt date or orderedOn.' },
  'purchase-order/receipt-unknown-sku': { summary: 'A receipt of a sku the order has no line for.', help: 'Add the line to the order, or fix the receipt sku.' },
  'purchase-order/over-received': { summary: 'More of a sku received than ordered.', help: 'Check the receipts against the order lines.' },
  'purchase-order/on-order-mismatch': { summary: "The snapshot's onOrder differs from the open purchase-order quantity.", help: 'Update onOrder in the snapshot, or the receipts and status of the orders.' },
  'period/no-such-week': { summary: 'ISO week 53 of a year that has 52.', help: 'Use a week that exists in that year (the year has 52 ISO weeks).' },
  'workspace/missing-company': { summary: 'No opsplan.yaml at the workspace root.', help: 'Run opsplan init, or point at the folder that holds opsplan.yaml.' },
  'workspace/symlink-skipped': { summary: 'A symbolic link was not followed.', help: 'Replace the link by the file, or ignore the warning if the link is not meant to be read.' },
  'company/duplicate-department': { summary: 'A department id is declared twice.', help: 'Give each department its own id.' },
  'company/duplicate-warehouse': { summary: 'A warehouse id is declared twice.', help: 'Give each warehouse its own id.' },
  'company/unknown-parent': { summary: "A department's parent does not exist.", help: 'Name a declared department as parent, or remove parent.' },
  'company/parent-cycle': { summary: 'Department parents form a cycle.', help: 'Break the cycle so every chain of parents ends at a top-level department.' },
  'company/unknown-currency': { summary: 'The currency is not an ISO 4217 code.', help: 'Use an ISO 4217 code such as CNY, USD or EUR (the message suggests the nearest one).' },
  'company/threshold-order': { summary: 'criticalPct is below warnPct.', help: 'Make criticalPct at least warnPct.' },
  'ref/unknown-department': { summary: 'A file names a department the company file does not declare.', help: 'Fix the department id, or declare the department in opsplan.yaml.' },
  'ref/unknown-warehouse': { summary: 'A file names a warehouse the company file does not declare.', help: 'Fix the warehouse id, or declare the warehouse in opsplan.yaml.' },
  'submission/duplicate': { summary: 'Two submissions for the same department and period.', help: 'Keep one file per department and period (or warehouse and date); merge or delete the other.' },
  'plan/duplicate-id': { summary: 'An id is used twice in a plan.', help: 'Give each target, work item and risk its own id.' },
  'plan/due-before-start': { summary: 'A work item is due before it starts.', help: 'Fix the start or due date.' },
  'plan/unknown-target': { summary: 'A work item points at a target the plan does not define.', help: 'Use an id from the targets of the plan.' },
  'plan/date-outside-period': { summary: "A work item starts or ends outside the plan's fiscal year.", help: 'Move the dates into the fiscal year, or check the period.' },
  'plan/adjustments-in-annual-plan': { summary: 'annualAdjustments in an annual plan.', help: 'Propose changes to annual targets in a quarterly plan.' },
  'plan/unknown-annual-target': { summary: 'A quarterly plan proposes a change to a target the annual plan lacks.', help: 'Use a target id of the annual plan.' },
  'plan/no-annual-plan': { summary: 'A quarterly plan proposes changes but there is no annual plan.', help: 'Submit the annual plan of the department.' },
  'budget/duplicate-account': { summary: 'An account appears twice in a budget.', help: 'Merge the two lines into one.' },
  'budget/missing-basis': { summary: 'A budget line without a basis.', help: 'Add basis: how the amount was derived.' },
  'budget/missing-method': { summary: 'A budget line without a calculation method.', help: 'Add method: how the amount was calculated.' },
  'budget/edited-after-approval': { summary: 'An approved budget was edited directly (opsplan diff).', help: 'Revert the edit; an approved budget changes only through an approved budget-adjustment, filed with the change per month.' },
  'adjustment/missing-approval': { summary: 'An approved adjustment without approvedBy or approvedOn.', help: 'Add approvedBy and approvedOn, or set the status back.' },
  'adjustment/budget-invalid': { summary: 'The budget to adjust is left out for its own errors.', help: 'Fix the errors of the budget file the message names.' },
  'adjustment/duplicate-id': { summary: 'Two adjustments with one id.', help: 'Give each adjustment its own id.' },
  'adjustment/no-budget': { summary: 'No budget of that department and fiscal year to adjust.', help: 'Submit the budget first, or fix the department or fiscal year.' },
  'adjustment/unknown-account': { summary: 'A change to an account the budget lacks.', help: 'Use an account of the budget, or give name, category, basis and method for a new line.' },
  'adjustment/month-outside-year': { summary: 'A change to a month outside the fiscal year.', help: 'Use a month of the adjustment\'s fiscal year.' },
  'adjustment/new-line-exists': { summary: 'A change declares a new line for an account the budget already has.', help: 'Drop name, category, basis and method from the change.' },
  'actuals/budget-invalid': { summary: "The department's budget for the year is left out for its own errors.", help: 'Fix the errors of the budget file the message names.' },
  'actuals/duplicate-account': { summary: 'An account twice in one actuals file.', help: 'Merge the two amounts into one line.' },
  'actuals/unbudgeted-account': { summary: 'An actual on an account with no budget line.', help: 'Add the line to the budget through an adjustment, or book the actual to a budgeted account.' },
  'actuals/no-budget': { summary: 'Actuals of a department without a budget for the fiscal year.', help: 'Submit the budget of the department.' },
  'inventory/duplicate-sku': { summary: 'A SKU twice in one snapshot.', help: 'Merge the two items into one.' },
  'inventory/level-order': { summary: 'Stock levels out of order.', help: 'Make safetyStock <= reorderPoint <= maxStock.' },
  'progress/plan-invalid': { summary: 'The plan is left out for its own errors.', help: 'Fix the errors of the plan file the message names.' },
  'progress/unknown-plan': { summary: 'Progress on a plan that does not exist.', help: 'Fix the department or period, or submit the plan.' },
  'progress/unknown-target': { summary: 'Progress on a target the plan does not define.', help: 'Use a target id of the plan.' },
  'progress/unknown-work-item': { summary: 'Progress on a work item the plan does not define.', help: 'Use a work item id of the plan.' },
  'response/duplicate': { summary: 'Two responses to one notice.', help: 'Keep one response per notice.' },
  'response/department-mismatch': { summary: 'A response to a notice addressed to another department.', help: 'Fix the notice id or the department.' },
};

/** The description of a code; `schema/<keyword>` falls back to `schema/*`, an unknown code to a generic line. */
export function describeCode(code: string): CodeInfo {
  const known = DIAGNOSTIC_CODES[code];
  if (known) return known;
  if (code.startsWith('schema/')) return DIAGNOSTIC_CODES['schema/*']!;
  return { summary: `opsplan finding ${code}.`, help: 'See the diagnostic codes in the opsplan README.' };
}
