// The files `opsplan init` writes: a minimal, valid workspace with one file of each kind.

const header = (kind: string, depth: number): string => `# yaml-language-server: $schema=${'../'.repeat(depth)}.opsplan/schemas/${kind}.schema.json\n`;

/** Workspace-relative path -> content. */
export const INIT_FILES: Record<string, string> = {
  'opsplan.yaml': `${header('company', 0)}kind: company
version: 1
company: Example Co.
currency: CNY
fiscalYearStartMonth: 1
departments:
  - id: operations
    name: Operations Management
    function: operations
  - id: marketing
    name: Marketing
    function: marketing
warehouses:
  - id: wh-main
    name: Main Warehouse
thresholds:
  variance:
    warnPct: 10
    criticalPct: 25
    minAmount: 5000
  stock:
    countTolerancePct: 2
    countToleranceValue: 500
    slowMovingDays: 90
    staleSnapshotDays: 45
  responseDays: 10
`,
  'plans/FY2026/marketing.yaml': `${header('plan', 2)}kind: plan
version: 1
department: marketing
period: FY2026
status: draft
targets:
  - id: MKT-T1
    metric: Qualified leads
    unit: leads
    target: 12000
    baseline: 9800
workItems:
  - id: MKT-W1
    title: Spring campaign
    owner: Zhang Min
    start: 2026-02-01
    due: 2026-04-30
    targets: [MKT-T1]
resources:
  headcount: 12
  equipment: [CRM licences]
  materials: [Brochures]
  budgetRequest: 240000
risks:
  - id: MKT-R1
    description: Advertising prices rise mid-year
    likelihood: medium
    impact: high
    mitigation: Book the main flights in Q1
    owner: Zhang Min
`,
  'budgets/FY2026/marketing.yaml': `${header('budget', 2)}kind: budget
version: 1
department: marketing
fiscalYear: FY2026
status: draft
lines:
  - account: "6601"
    name: Advertising
    category: expense
    basis: Media plan FY2026 and agency quotes
    method: Flights per month x quoted rate
    annual: 240000
`,
  'actuals/2026-01/marketing.yaml': `${header('actuals', 2)}kind: actuals
version: 1
department: marketing
month: 2026-01
lines:
  - account: "6601"
    amount: 19850.40
`,
  'adjustments/ADJ-2026-001.yaml': `${header('budget-adjustment', 1)}kind: budget-adjustment
version: 1
id: ADJ-2026-001
department: marketing
fiscalYear: FY2026
reason: market-change
justification: A competitor's launch needs a counter-campaign in March
status: submitted
changes:
  - account: "6601"
    month: 2026-03
    delta: 15000
`,
  'inventory/wh-main/2026-01-31.yaml': `${header('inventory', 2)}kind: inventory
version: 1
warehouse: wh-main
asOf: 2026-01-31
items:
  - sku: "RM-0001"
    name: Steel sheet 2mm
    unit: kg
    onHand: 1250.5
    counted: 1248
    onOrder: 500
    reserved: 200
    safetyStock: 300
    reorderPoint: 800
    maxStock: 3000
    avgDailyUsage: 40
    leadTimeDays: 10
    unitCost: 6.85
    moq: 500
    packSize: 250
    supplier: SUP-STEEL
    lastMovement: 2026-01-30
`,
  'progress/FY2026/marketing.yaml': `${header('plan-progress', 2)}kind: plan-progress
version: 1
department: marketing
period: FY2026
asOf: 2026-01-31
targets:
  - id: MKT-T1
    achieved: 700
workItems:
  - id: MKT-W1
    status: on-track
`,
  'responses/VN-2026-01-marketing.yaml': `${header('variance-response', 1)}kind: variance-response
version: 1
notice: VN-2026-01-marketing
department: marketing
cause: Campaign invoices for December arrived in January
measures: Accrue invoices at month end from February on
owner: Zhang Min
due: 2026-02-28
respondedOn: 2026-02-05
status: submitted
`,
  '.vscode/settings.json': `${JSON.stringify(
    {
      'yaml.schemas': {
        './.opsplan/schemas/company.schema.json': 'opsplan.yaml',
        './.opsplan/schemas/plan.schema.json': 'plans/**/*.yaml',
        './.opsplan/schemas/budget.schema.json': 'budgets/**/*.yaml',
        './.opsplan/schemas/actuals.schema.json': 'actuals/**/*.yaml',
        './.opsplan/schemas/budget-adjustment.schema.json': 'adjustments/**/*.yaml',
        './.opsplan/schemas/inventory.schema.json': 'inventory/**/*.yaml',
        './.opsplan/schemas/plan-progress.schema.json': 'progress/**/*.yaml',
        './.opsplan/schemas/variance-response.schema.json': 'responses/**/*.yaml',
      },
    },
    null,
    2,
  )}\n`,
};
