// Deterministic generator of valid synthetic workspaces for the benchmark (issue 7):
//   npm run gen -- --size S|M|L|XS --out DIR [--seed N] [--with-errors] [--errors N]
// The same size and seed always give byte-identical files: one small seeded PRNG
// (mulberry32), no Math.random, no clock, files written in a fixed order.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Workspace sizes: L is the group company; M a tenth, S a hundredth, XS for tests. */
export type Size = 'XS' | 'S' | 'M' | 'L';

/** How many of each thing a size holds. */
export interface SizeSpec {
  departments: number;
  warehouses: number;
  itemsPerWarehouse: number;
  /** Customer-service cases, spread over the service logs of 2026-10 and 2026-11. */
  serviceCases: number;
  /** Approved BOMs over the production warehouse's (wh-001's) first items: a quarter finished goods, the rest sub-assemblies. */
  boms: number;
}

// S keeps whole warehouses of 2,000 items (one warehouse) rather than splitting the items,
// so every size has the same file shapes and only the file count grows.
export const SIZES: Record<Size, SizeSpec> = {
  XS: { departments: 3, warehouses: 1, itemsPerWarehouse: 40, serviceCases: 60, boms: 8 },
  S: { departments: 10, warehouses: 1, itemsPerWarehouse: 2000, serviceCases: 2000, boms: 60 },
  M: { departments: 100, warehouses: 10, itemsPerWarehouse: 2000, serviceCases: 20000, boms: 200 },
  L: { departments: 1000, warehouses: 100, itemsPerWarehouse: 2000, serviceCases: 200000, boms: 600 },
};

/** The seed used when none is given. */
export const DEFAULT_SEED = 20261130;
/** Budget lines per department. */
export const BUDGET_LINES = 60;
/** Months with actuals: 2026-01 .. 2026-11. */
export const ACTUAL_MONTHS = 11;
/** Date of every inventory snapshot. */
export const SNAPSHOT_DATE = '2026-11-28';
/** Written into the output folder so a rerun may safely replace it (and nothing else). */
export const MARKER = '.opsplan-gen';

/** Options of one generation run. */
export interface GenOptions {
  size: Size;
  out: string;
  seed?: number;
  /** Inject a few errors at known places (listed in expected-findings.json). */
  withErrors?: boolean;
  /** Inject this many unquoted account codes into actuals files (one finding each). */
  errors?: number;
}

/** A finding the generator planted on purpose. */
export interface ExpectedFinding {
  file: string;
  line: number;
  code: string;
}

/** What a run wrote. */
export interface GenSummary {
  files: number;
  bytes: number;
  expected: ExpectedFinding[];
  /** Number of planted findings (expected lists at most the first 100 of the bulk ones). */
  expectedCount: number;
}

/** mulberry32: a tiny, fast, well-distributed 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

/** Formats integer minor units (cents) as a YAML number with exactly two decimals. */
export function centsText(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${pad(abs % 100, 2)}`;
}

/** Formats an integer count of `1/10^decimals` units, trimming a zero fraction. */
function scaledText(units: number, decimals: number): string {
  if (decimals === 0) return String(units);
  const d = 10 ** decimals;
  const frac = pad(units % d, decimals).replace(/0+$/, '');
  return frac === '' ? String(Math.floor(units / d)) : `${Math.floor(units / d)}.${frac}`;
}

const CATEGORIES = ['revenue', 'cost', 'expense', 'cash-in', 'cash-out'] as const;
type Category = (typeof CATEGORIES)[number];
const ACCOUNT_PREFIX: Record<Category, string> = { revenue: '4', cost: '5', expense: '6', 'cash-in': '1', 'cash-out': '2' };
const LINE_NAMES: Record<Category, string[]> = {
  revenue: ['Product sales', 'Service contracts', 'Spare parts', 'Licences', 'Installation fees'],
  cost: ['Raw materials', 'Purchased parts', 'Freight in', 'Subcontracting', 'Packaging'],
  expense: ['Salaries', 'Travel', 'Advertising', 'Rent', 'IT services', 'Training', 'Utilities'],
  'cash-in': ['Customer receipts', 'Grant receipts', 'Asset disposals'],
  'cash-out': ['Supplier payments', 'Capital expenditure', 'Tax payments'],
};
const FUNCTIONS = ['production', 'marketing', 'customer-service', 'supply-chain', 'operations', 'other'] as const;
const PEOPLE = ['Li Wei', 'Zhang Min', 'Wang Fang', 'Chen Jing', 'Liu Yang', 'Zhao Lei', 'Huang Li', 'Zhou Tao', 'Wu Hong', 'Xu Qiang'];
const UNITS = ['pcs', 'kg', 'm', 'pcs', 'box'] as const;
const UNIT_DECIMALS: Record<string, number> = { pcs: 0, kg: 3, m: 1, box: 0 };

/** Department id for a 1-based index: dept-0001. */
export const deptId = (k: number): string => `dept-${pad(k, 4)}`;
/** Warehouse id for a 1-based index: wh-001. */
export const whId = (k: number): string => `wh-${pad(k, 3)}`;

interface BudgetLine {
  account: string;
  months: number[]; // cents per fiscal month
}

/** Collects files in memory per run step and writes them in a fixed order. */
class Writer {
  files = 0;
  bytes = 0;
  constructor(
    private readonly root: string,
    private readonly transform: (file: string, text: string) => string,
  ) {}
  write(file: string, text: string): void {
    const out = this.transform(file, text);
    const abs = path.join(this.root, file);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, out);
    this.files++;
    this.bytes += Buffer.byteLength(out);
  }
}

/** Clears `out` when it is empty or one of our own earlier outputs; refuses anything else. */
function prepareOut(out: string): void {
  if (existsSync(out)) {
    const entries = readdirSync(out);
    if (entries.length > 0 && !entries.includes(MARKER)) {
      throw new Error(`${out} exists and was not written by gen (no ${MARKER}); pick an empty or new folder`);
    }
    rmSync(out, { recursive: true, force: true });
  }
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, MARKER), 'written by scripts/gen.ts; the next gen run into this folder replaces it\n');
}

function companyYaml(spec: SizeSpec): string {
  const out = ['kind: company', 'version: 1', 'company: Synthetic Group Holdings', 'currency: CNY', 'fiscalYearStartMonth: 1', 'departments:'];
  for (let k = 1; k <= spec.departments; k++) {
    out.push(`  - id: ${deptId(k)}`, `    name: Department ${k}`, `    function: ${FUNCTIONS[(k - 1) % FUNCTIONS.length]}`);
    // Blocks of ten: the first of each block is the parent of the other nine.
    const head = Math.floor((k - 1) / 10) * 10 + 1;
    if (head !== k) out.push(`    parent: ${deptId(head)}`);
    out.push(`    manager: ${PEOPLE[k % PEOPLE.length]}`);
  }
  out.push('warehouses:');
  for (let w = 1; w <= spec.warehouses; w++) out.push(`  - id: ${whId(w)}`, `    name: Warehouse ${w}`, `    location: Site ${(w % 12) + 1}`);
  // Material planning nets the first warehouse's stock (required when there are several).
  out.push('production:', `  warehouse: ${whId(1)}`);
  out.push(
    'thresholds:',
    '  variance:',
    '    warnPct: 10',
    '    criticalPct: 25',
    '    minAmount: 5000',
    '  stock:',
    '    countTolerancePct: 2',
    '    countToleranceValue: 500',
    '    slowMovingDays: 90',
    '    staleSnapshotDays: 45',
    '  responseDays: 10',
    '  service:',
    '    sla:',
    ...SERVICE_SLA.map(([type, priority, r, res]) => `      - { type: ${type}, priority: ${priority}, responseHours: ${r}, resolutionHours: ${res} }`),
    '    calendar: { workdays: [1, 2, 3, 4, 5], hours: "09:00-18:00", holidays: [2026-10-01, 2026-10-02, 2026-10-05, 2026-10-06, 2026-10-07] }',
  );
  return out.join('\n') + '\n';
}

const SERVICE_SLA: [string, string, number, number][] = [
  ['complaint', 'urgent', 1, 8],
  ['complaint', 'high', 2, 18],
  ['complaint', 'normal', 4, 27],
  ['inquiry', 'normal', 4, 18],
  ['after-sales', 'normal', 8, 72],
];
/** Service logs are kept by up to this many departments (the customer-service function's). */
const SERVICE_DEPARTMENTS = 20;
const SERVICE_MONTHS = [10, 11];

/** A wall-clock time in the company zone, written without an offset. */
function wallTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16);
}

/** One service log: cases received on days 1..27 between 08:00 and 17:59, all valid. */
function serviceLogYaml(k: number, month: number, cases: number, rnd: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const out = ['kind: service-log', 'version: 1', `department: ${deptId(k)}`, `month: 2026-${pad(month, 2)}`, cases === 0 ? 'cases: []' : 'cases:'];
  for (let i = 1; i <= cases; i++) {
    const received = Date.UTC(2026, month - 1, 1 + Math.floor(rnd() * 27), 8 + Math.floor(rnd() * 10), Math.floor(rnd() * 60));
    const first = received + Math.floor(rnd() * 480) * 60_000;
    const resolved = first + Math.floor(rnd() * 3600) * 60_000;
    const open = rnd() < 0.08;
    out.push(`  - id: C${pad(k, 4)}-${pad(month, 2)}-${pad(i, 6)}`, `    type: ${pick(['inquiry', 'complaint', 'after-sales'])}`, `    channel: ${pick(['hotline', 'online', 'email', 'visit', 'other'])}`, `    customer: Customer ${1 + Math.floor(rnd() * 500)}`);
    if (rnd() < 0.6) out.push(`    sku: "FG-${pad(1 + Math.floor(rnd() * 200), 4)}"`);
    out.push(`    category: ${pick(['delivery-delay', 'product-quality', 'billing', 'installation', 'repair', 'product-info'])}`, `    priority: ${pick(['low', 'normal', 'normal', 'high', 'urgent'])}`, `    received: ${wallTime(received)}`, `    firstResponse: ${wallTime(first)}`);
    if (!open) out.push(`    resolved: ${wallTime(resolved)}`);
    const closed = !open && rnd() < 0.7;
    if (closed) out.push(`    closed: ${wallTime(resolved + 3_600_000)}`);
    if (rnd() < 0.1 && resolved - first > 7_200_000) out.push('    paused:', `      - from: ${wallTime(first + 60_000)}`, `        to: ${wallTime(first + 3_660_000)}`);
    out.push(`    status: ${open ? 'open' : closed ? 'closed' : 'resolved'}`);
    if (rnd() < 0.6) out.push(`    rating: ${1 + Math.floor(rnd() * 5)}`);
  }
  return out.join('\n') + '\n';
}

function planYaml(k: number, rnd: () => number): string {
  const d = deptId(k);
  const p = `D${pad(k, 4)}`;
  const out = ['kind: plan', 'version: 1', `department: ${d}`, 'period: FY2026', 'status: approved', 'targets:'];
  for (let t = 1; t <= 3; t++) {
    const baseline = 1000 + Math.floor(rnd() * 9000);
    out.push(`  - id: ${p}-T${t}`, `    metric: Target metric ${t} of ${d}`, `    unit: ${['orders', 'units', '"%"'][t - 1]}`, `    target: ${Math.round(baseline * 1.12)}`, `    baseline: ${baseline}`);
  }
  out.push('workItems:');
  for (let w = 1; w <= 4; w++) {
    const start = 1 + (w - 1) * 3;
    out.push(
      `  - id: ${p}-W${w}`,
      `    title: Work item ${w} of ${d}`,
      `    owner: ${PEOPLE[(k + w) % PEOPLE.length]}`,
      `    start: 2026-${pad(start, 2)}-01`,
      `    due: 2026-${pad(start + 2, 2)}-${start + 2 === 11 || start + 2 === 6 || start + 2 === 9 ? '30' : '28'}`,
      `    targets: [${p}-T${((w - 1) % 3) + 1}]`,
    );
  }
  out.push('resources:', `  headcount: ${5 + Math.floor(rnd() * 60)}`, '  equipment: [Laptops, Vehicles]', '  materials: [Consumables]', `  budgetRequest: ${centsText(Math.floor(rnd() * 500000000))}`, 'risks:');
  for (let r = 1; r <= 2; r++) {
    out.push(
      `  - id: ${p}-R${r}`,
      `    description: Risk ${r} of ${d}, supplier prices rise faster than planned.`,
      `    likelihood: ${['low', 'medium', 'high'][Math.floor(rnd() * 3)]}`,
      `    impact: ${['low', 'medium', 'high'][Math.floor(rnd() * 3)]}`,
      '    mitigation: Framework contracts with two suppliers and quarterly price reviews.',
      `    owner: ${PEOPLE[(k + r) % PEOPLE.length]}`,
    );
  }
  return out.join('\n') + '\n';
}

function progressYaml(k: number, rnd: () => number): string {
  const p = `D${pad(k, 4)}`;
  const out = ['kind: plan-progress', 'version: 1', `department: ${deptId(k)}`, 'period: FY2026', 'asOf: 2026-11-30', 'targets:'];
  for (let t = 1; t <= 3; t++) out.push(`  - id: ${p}-T${t}`, `    achieved: ${500 + Math.floor(rnd() * 10000)}`);
  out.push('workItems:');
  for (let w = 1; w <= 4; w++) out.push(`  - id: ${p}-W${w}`, `    status: ${['done', 'on-track', 'at-risk', 'late'][Math.floor(rnd() * 4)]}`);
  return out.join('\n') + '\n';
}

function budgetYaml(k: number, rnd: () => number): { text: string; lines: BudgetLine[] } {
  const out = ['kind: budget', 'version: 1', `department: ${deptId(k)}`, 'fiscalYear: FY2026', 'status: approved', 'lines:'];
  const lines: BudgetLine[] = [];
  for (let i = 0; i < BUDGET_LINES; i++) {
    const cat = CATEGORIES[i % CATEGORIES.length]!;
    const account = `${ACCOUNT_PREFIX[cat]}${pad(i, 3)}`;
    const names = LINE_NAMES[cat];
    out.push(
      `  - account: "${account}"`,
      `    name: ${names[i % names.length]} ${Math.floor(i / CATEGORIES.length) + 1}`,
      `    category: ${cat}`,
      `    basis: FY2025 actuals of ${deptId(k)} adjusted for the FY2026 volume plan and the agreed price index.`,
      `    method: ${i % 2 === 0 ? 'Monthly volume times unit rate, with seasonal factors from the last three years.' : 'Annual amount spread evenly over the twelve months.'}`,
    );
    const base = 500000 + Math.floor(rnd() * 40000000); // 5,000.00 .. 405,000.00 a month
    if (i % 2 === 0) {
      const months = Array.from({ length: 12 }, (_, m) => Math.round(base * (0.85 + 0.3 * Math.sin((m + i) / 2) ** 2)) + Math.floor(rnd() * 100));
      out.push(`    monthly: [${months.map(centsText).join(', ')}]`);
      lines.push({ account, months });
    } else {
      const annual = base * 12 + Math.floor(rnd() * 100);
      out.push(`    annual: ${centsText(annual)}`);
      lines.push({ account, months: Array.from({ length: 12 }, () => Math.floor(annual / 12)) });
    }
  }
  return { text: out.join('\n') + '\n', lines };
}

function actualsYaml(k: number, month: number, lines: BudgetLine[], rnd: () => number): string {
  const out = ['kind: actuals', 'version: 1', `department: ${deptId(k)}`, `month: 2026-${pad(month, 2)}`, 'lines:'];
  for (const l of lines) {
    const r = rnd();
    if (r < 0.02) continue; // nothing booked this month
    // Mostly close to budget; some warning-sized and some critical-sized deviations.
    const spread = r < 0.8 ? 0.04 : r < 0.95 ? 0.15 : 0.4;
    let amount = Math.round(l.months[month - 1]! * (1 + spread * (2 * rnd() - 1)));
    if (rnd() < 0.002) amount = -Math.floor(rnd() * 500000); // a refund or reversal
    out.push(`  - account: "${l.account}"`, `    amount: ${centsText(amount)}`);
  }
  return out.join('\n') + '\n';
}

function adjustmentYamls(k: number, lines: BudgetLine[], rnd: () => number, nextId: () => string): string[] {
  const docs: string[] = [];
  const head = (id: string, status: string, reason: string): string[] => [
    'kind: budget-adjustment',
    'version: 1',
    `id: ${id}`,
    `department: ${deptId(k)}`,
    'fiscalYear: FY2026',
    `reason: ${reason}`,
    `justification: Volumes in the second half differ from the plan of ${deptId(k)}; the change realigns the budget.`,
    `status: ${status}`,
    `requestedBy: ${PEOPLE[k % PEOPLE.length]}`,
  ];
  const change = (l: BudgetLine, month: number): string[] => [`  - account: "${l.account}"`, `    month: 2026-${pad(month, 2)}`, `    delta: ${centsText(Math.floor(rnd() * 5000000) - 1000000)}`];
  if (k % 3 === 0) {
    const out = [...head(nextId(), 'approved', 'market-change'), 'approvedBy: Wang Fang', 'approvedOn: 2026-09-15', 'changes:'];
    out.push(...change(lines[k % lines.length]!, 10), ...change(lines[(k + 7) % lines.length]!, 11));
    if (k % 10 === 0) {
      out.push('  - account: "6900"', '    name: Trade fair', '    category: expense', '    basis: Stand at the regional trade fair, organiser quotation.', '    method: Stand area times rate plus travel.', '    month: 2026-11', `    delta: ${centsText(2000000 + Math.floor(rnd() * 100000))}`);
    }
    docs.push(out.join('\n') + '\n');
  }
  if (k % 7 === 0) {
    const out = [...head(nextId(), 'rejected', 'other'), 'changes:', ...change(lines[(k + 3) % lines.length]!, 12)];
    docs.push(out.join('\n') + '\n');
  }
  return docs;
}

/** What the manufacturing files need to know of an item of the production warehouse. */
interface GenItem {
  sku: string;
  unit: string;
  /** onHand in units. */
  onHand: number;
  /** onOrder as written, or null when the item has none. */
  onOrder: string | null;
  unitCost: string;
  supplier: string;
}

function inventoryYaml(w: number, items: number, rnd: () => number, seen?: (item: GenItem) => void): string {
  const out = ['kind: inventory', 'version: 1', `warehouse: ${whId(w)}`, `asOf: ${SNAPSHOT_DATE}`, 'countedOn: 2026-11-27', 'items:'];
  for (let i = 1; i <= items; i++) {
    const unit = UNITS[i % UNITS.length]!;
    const dec = UNIT_DECIMALS[unit]!;
    const scale = 10 ** dec;
    const q = (units: number): string => scaledText(Math.max(0, Math.round(units)), dec);
    const usage = rnd() < 0.05 ? 0 : rnd() * 50; // zero demand for some items
    const lead = 3 + Math.floor(rnd() * 28);
    const safety = Math.round(usage * lead * 0.5 * scale);
    const rop = safety + Math.round(usage * lead * scale);
    const max = rop * 3 + 10 * scale;
    const r = rnd();
    // Stock situations: out of stock, below reorder point, excess, normal.
    const onHand = r < 0.05 ? 0 : r < 0.2 ? Math.floor(rnd() * rop) : r < 0.3 ? max + Math.floor(rnd() * max) : rop + Math.floor(rnd() * (max - rop));
    out.push(`  - sku: "W${pad(w, 3)}-${pad(i, 5)}"`, `    name: Item ${i} of warehouse ${w}`, `    unit: ${unit}`, `    onHand: ${q(onHand)}`);
    const c = rnd();
    if (c < 0.2) {
      // A fifth of the items were counted; a quarter of those show a discrepancy of 1..8%.
      const diff = c < 0.05 ? Math.round(onHand * (0.01 + 0.07 * rnd()) * (rnd() < 0.5 ? -1 : 1)) : 0;
      out.push(`    counted: ${q(onHand + diff)}`);
    }
    const onOrder = rnd() < 0.3 ? q(Math.round(50 * scale * (1 + Math.floor(rnd() * 4)))) : null;
    if (onOrder !== null) out.push(`    onOrder: ${onOrder}`);
    if (rnd() < 0.2) out.push(`    reserved: ${q(Math.floor(onHand * 0.3 * rnd()))}`);
    out.push(`    safetyStock: ${q(safety)}`);
    if (rnd() < 0.8) out.push(`    reorderPoint: ${q(rop)}`); // the others are computed
    const unitCost = centsText(50 + Math.floor(rnd() * 200000));
    const supplier = `SUP-${pad(1 + Math.floor(rnd() * 50), 3)}`;
    out.push(`    maxStock: ${q(max)}`, `    avgDailyUsage: ${scaledText(Math.round(usage * 10), 1)}`, `    leadTimeDays: ${lead}`, `    unitCost: ${unitCost}`, '    moq: 50', `    packSize: ${unit === 'box' ? 1 : 10}`, `    supplier: ${supplier}`);
    seen?.({ sku: `W${pad(w, 3)}-${pad(i, 5)}`, unit, onHand: Math.max(0, Math.round(onHand)) / scale, onOrder, unitCost, supplier });
    // Some items have not moved for months (slow moving).
    const last = rnd() < 0.08 ? `2026-05-${pad(1 + Math.floor(rnd() * 28), 2)}` : `2026-11-${pad(1 + Math.floor(rnd() * 27), 2)}`;
    out.push(`    lastMovement: ${last}`);
  }
  return out.join('\n') + '\n';
}

/**
 * BOMs, production plans and purchase orders over the production warehouse's items (issue 14):
 * items 1..boms/4 are finished goods, each made of two sub-assemblies and four bought parts; the
 * other BOM items are sub-assemblies of five bought parts (every fifth makes 10 at a time); a
 * quarter of the components carry scrap. Each production department plans its finished goods
 * in December and January (two lines a month) and in the weekly plan of 2026-W50, which replaces
 * the December lines due that week. Every bought part with an onOrder gets an open order line
 * for exactly that quantity (plus a receipt on every third), so the onOrder check stays quiet.
 */
function manufacturingFiles(spec: SizeSpec, items: readonly GenItem[], rnd: () => number): [string, string][] {
  const files: [string, string][] = [];
  const bomCount = Math.min(spec.boms, Math.floor(items.length / 3));
  const top = Math.max(1, Math.floor(bomCount / 4));
  const subs = items.slice(top, bomCount);
  const bought = items.slice(bomCount);
  const qty = (): number => 1 + Math.floor(rnd() * 4);
  for (let j = 0; j < bomCount; j++) {
    const it = items[j]!;
    const parts = new Set<GenItem>();
    if (j < top && subs.length > 0) parts.add(subs[(2 * j) % subs.length]!).add(subs[(2 * j + 1) % subs.length]!);
    while (parts.size < (j < top ? Math.min(2, subs.length) + 4 : 5)) parts.add(bought[Math.floor(rnd() * bought.length)]!);
    const out = ['kind: bom', 'version: 1', `sku: "${it.sku}"`, `name: Product ${it.sku}`, `unit: ${it.unit}`, `output: ${j >= top && j % 5 === 0 ? 10 : 1}`, 'status: approved', 'components:'];
    for (const c of parts) {
      out.push(`  - sku: "${c.sku}"`, `    qty: ${qty()}`, `    unit: ${c.unit}`);
      if (rnd() < 0.25) out.push(`    scrapPct: ${rnd() < 0.5 ? '2.5' : '5'}`);
    }
    files.push([`boms/${it.sku}.yaml`, out.join('\n') + '\n']);
  }
  const producers: number[] = [];
  for (let k = 1; k <= spec.departments; k++) if (FUNCTIONS[(k - 1) % FUNCTIONS.length] === 'production') producers.push(k);
  const plans: { period: string; due: string[] }[] = [
    { period: '2026-12', due: ['2026-12-09', '2026-12-18'] },
    { period: '2026-W50', due: ['2026-12-10'] },
    { period: '2027-01', due: ['2027-01-08', '2027-01-22'] },
  ];
  producers.forEach((k, n) => {
    const mine = items.slice(0, top).filter((_, j) => j % producers.length === n);
    if (mine.length === 0) return;
    for (const p of plans) {
      const out = ['kind: production-plan', 'version: 1', `department: ${deptId(k)}`, `period: ${p.period}`, 'status: approved', 'lines:'];
      // About a third of the stock per line: the stock lasts a few weeks, then make orders follow.
      for (const it of mine) for (const due of p.due) out.push(`  - sku: "${it.sku}"`, `    quantity: ${10 * (1 + Math.floor((it.onHand * (0.2 + 0.3 * rnd())) / 10))}`, `    due: ${due}`, `    source: ${rnd() < 0.4 ? 'order' : 'forecast'}`);
      files.push([`production/plans/${p.period}/${deptId(k)}.yaml`, out.join('\n') + '\n']);
    }
  });
  const bySupplier = new Map<string, GenItem[]>();
  for (const it of bought) if (it.onOrder !== null) bySupplier.set(it.supplier, [...(bySupplier.get(it.supplier) ?? []), it]);
  for (const [supplier, lines] of [...bySupplier].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const out = ['kind: purchase-order', 'version: 1', `id: PO-GEN-${supplier.slice(4)}`, `supplier: ${supplier}`, 'orderedOn: 2026-11-10', 'status: open', 'lines:'];
    const receipts: string[] = [];
    lines.forEach((it, i) => {
      // onOrder has the unit's decimals; 10 more were ordered and already received.
      const received = i % 3 === 0 ? 10 : 0;
      out.push(`  - sku: "${it.sku}"`, `    qty: ${received === 0 ? it.onOrder! : String(Number(it.onOrder!) + received)}`, `    unitPrice: ${it.unitCost}`, `    due: 2026-12-${pad(1 + Math.floor(rnd() * 28), 2)}`);
      if (received > 0) receipts.push(`  - date: 2026-11-20`, `    sku: "${it.sku}"`, `    qty: ${received}`);
    });
    out.push(...(receipts.length > 0 ? ['receipts:', ...receipts] : []));
    files.push([`purchase-orders/PO-GEN-${supplier.slice(4)}.yaml`, out.join('\n') + '\n']);
  }
  return files;
}

/** 1-based line of the first occurrence of `needle` in `text`. */
function lineOf(text: string, needle: string): number {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`gen: cannot plant an error, "${needle}" not found`);
  return text.slice(0, i).split('\n').length;
}

/**
 * The few errors of --with-errors, one per kind of mistake, each at a place the tests and
 * the bench can check: file -> (text -> text with the error, and where it is).
 */
const KNOWN_ERRORS: { file: string; code: string; plant: (text: string) => { text: string; needle: string } }[] = [
  { file: `budgets/FY2026/${deptId(1)}.yaml`, code: 'schema/unquoted-code', plant: (t) => ({ text: t.replace('- account: "4000"', '- account: 4000'), needle: '- account: 4000' }) },
  { file: `inventory/${whId(1)}/${SNAPSHOT_DATE}.yaml`, code: 'schema/additional-properties', plant: (t) => ({ text: t.replace('    unit: pcs\n', '    unit: pcs\n    colour: blue\n'), needle: '    colour: blue' }) },
  // An adjustment: nothing else depends on it, so the bad date causes no follow-on finding.
  { file: 'adjustments/ADJ-2026-0001.yaml', code: 'schema/format', plant: (t) => ({ text: t.replace('approvedOn: 2026-09-15', 'approvedOn: 2026-09-31'), needle: 'approvedOn: 2026-09-31' }) },
  { file: `actuals/2026-11/${deptId(3)}.yaml`, code: 'schema/max-decimals', plant: (t) => {
      const m = /amount: -?\d+\.\d\d\n/.exec(t)!;
      const needle = m[0].replace('\n', '5\n');
      return { text: t.replace(m[0], needle), needle };
    } },
];

/** The most bulk errors (--errors) a size can hold: 55 lines in each actuals file. */
export function maxBulkErrors(size: Size): number {
  return SIZES[size].departments * ACTUAL_MONTHS * (BUDGET_LINES - 5);
}

/** Generates one workspace into `opts.out`. */
export function generateWorkspace(opts: GenOptions): GenSummary {
  const spec = SIZES[opts.size];
  const rnd = mulberry32(opts.seed ?? DEFAULT_SEED);
  const expected: ExpectedFinding[] = [];
  let expectedCount = 0;
  const known = new Map(opts.withErrors ? KNOWN_ERRORS.map((e) => [e.file, e]) : []);

  // Bulk errors: unquoted account codes spread over the actuals files, in file order.
  const actualsFiles = spec.departments * ACTUAL_MONTHS;
  let bulkLeft = Math.max(0, opts.errors ?? 0);
  const perFile = Math.min(BUDGET_LINES - 5, Math.ceil(bulkLeft / actualsFiles));
  if (bulkLeft > perFile * actualsFiles) throw new Error(`--errors ${bulkLeft} is more than this size can hold (${perFile * actualsFiles})`);

  const transform = (file: string, text: string): string => {
    let out = text;
    const k = known.get(file);
    if (k) {
      const planted = k.plant(out);
      if (planted.text === out) throw new Error(`gen: planting ${k.code} in ${file} changed nothing`);
      out = planted.text;
      expected.push({ file, line: lineOf(out, planted.needle), code: k.code });
      expectedCount++;
    }
    if (bulkLeft > 0 && file.startsWith('actuals/') && !known.has(file)) {
      let n = Math.min(perFile, bulkLeft);
      bulkLeft -= n;
      out = out.replace(/- account: "(\d+)"/g, (m, code: string, offset: number) => {
        if (n === 0) return m;
        n--;
        expectedCount++;
        if (expected.length < 100) expected.push({ file, line: out.slice(0, offset).split('\n').length, code: 'schema/unquoted-code' });
        return `- account: ${code}`;
      });
    }
    return out;
  };

  prepareOut(opts.out);
  const w = new Writer(opts.out, transform);
  w.write('opsplan.yaml', companyYaml(spec));
  let adjCounter = 0;
  const nextId = (): string => `ADJ-2026-${pad(++adjCounter, 4)}`;
  for (let k = 1; k <= spec.departments; k++) {
    const d = deptId(k);
    w.write(`plans/FY2026/${d}.yaml`, planYaml(k, rnd));
    w.write(`progress/FY2026/${d}.yaml`, progressYaml(k, rnd));
    const budget = budgetYaml(k, rnd);
    w.write(`budgets/FY2026/${d}.yaml`, budget.text);
    for (let m = 1; m <= ACTUAL_MONTHS; m++) w.write(`actuals/2026-${pad(m, 2)}/${d}.yaml`, actualsYaml(k, m, budget.lines, rnd));
    for (const doc of adjustmentYamls(k, budget.lines, rnd, nextId)) w.write(`adjustments/${/id: (\S+)/.exec(doc)![1]}.yaml`, doc);
  }
  const productionItems: GenItem[] = [];
  for (let i = 1; i <= spec.warehouses; i++) w.write(`inventory/${whId(i)}/${SNAPSHOT_DATE}.yaml`, inventoryYaml(i, spec.itemsPerWarehouse, rnd, i === 1 ? (it) => productionItems.push(it) : undefined));
  // Last, so the files above stay byte-identical to earlier generator versions.
  const serviceDepts = Math.min(SERVICE_DEPARTMENTS, spec.departments);
  const perLog = Math.floor(spec.serviceCases / (serviceDepts * SERVICE_MONTHS.length));
  for (let k = 1; k <= serviceDepts; k++) for (const m of SERVICE_MONTHS) w.write(`service/2026-${pad(m, 2)}/${deptId(k)}.yaml`, serviceLogYaml(k, m, perLog, rnd));
  // Its own stream, so the manufacturing files never shift the ones above.
  for (const [file, text] of manufacturingFiles(spec, productionItems, mulberry32((opts.seed ?? DEFAULT_SEED) ^ 0x14))) w.write(file, text);

  const summary: GenSummary = { files: w.files, bytes: w.bytes, expected, expectedCount };
  if (opts.withErrors || (opts.errors ?? 0) > 0) {
    // JSON, not YAML: the loader only reads *.yaml / *.yml, so this file is not an input.
    writeFileSync(path.join(opts.out, 'expected-findings.json'), JSON.stringify({ count: expectedCount, findings: expected }, null, 2) + '\n');
  }
  return summary;
}

/** Parses the command line of gen; throws on bad input. */
export function parseGenArgs(argv: string[]): GenOptions {
  const opts: Partial<GenOptions> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--size') {
      const s = value().toUpperCase();
      if (!(s in SIZES)) throw new Error(`--size must be one of ${Object.keys(SIZES).join(', ')}`);
      opts.size = s as Size;
    } else if (a === '--out') opts.out = value();
    else if (a === '--seed') opts.seed = Number(value());
    else if (a === '--with-errors') opts.withErrors = true;
    else if (a === '--errors') opts.errors = Number(value());
    else throw new Error(`unknown argument ${a}`);
  }
  if (!opts.size || !opts.out) throw new Error('usage: npm run gen -- --size XS|S|M|L --out DIR [--seed N] [--with-errors] [--errors N]');
  if (opts.seed !== undefined && !Number.isInteger(opts.seed)) throw new Error('--seed must be an integer');
  if (opts.errors !== undefined && !(Number.isInteger(opts.errors) && opts.errors >= 0)) throw new Error('--errors must be a whole number');
  return opts as GenOptions;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    const opts = parseGenArgs(process.argv.slice(2));
    const t0 = performance.now();
    const s = generateWorkspace(opts);
    const secs = ((performance.now() - t0) / 1000).toFixed(1);
    console.log(`gen: ${opts.size} -> ${opts.out}: ${s.files} files, ${(s.bytes / 1048576).toFixed(1)} MiB, ${s.expectedCount} planted findings, ${secs} s`);
  } catch (e) {
    console.error(`gen: ${(e as Error).message}`);
    process.exitCode = 2;
  }
}
