// The workbook's live figures: which cells a total, a subtotal, a variance or a Summary figure
// is computed from, as report Formulas (the xlsx writer turns them into A1 formulas with the
// computed value cached beside them). A formula is attached only where the cells it names give
// exactly the computed value, so the file never holds a formula that disagrees with the report.
import type { Cell, CellRef, Formula, Row, Table } from './model.js';

const ref = (table: string, row: number, column: string): CellRef => ({ table, row, column });

/** References to column `key` of `rows` of `table` when their numbers add up to `target` exactly (integer cents). */
function sumRefs(table: Table, rows: readonly number[], key: string, target: Cell | undefined, source: Table = table): CellRef[] | null {
  if (typeof target !== 'number' || rows.length === 0) return null;
  let sum = 0;
  for (const i of rows) {
    const v = source.rows[i]!.cells[key];
    if (typeof v !== 'number') return null;
    sum += v;
  }
  return Math.abs(sum - target) < 1e-9 ? rows.map((i) => ref(source.id, i, key)) : null;
}

/** The row with `formulas` added (the row itself when there are none; checked without listing the keys). */
function withFormulas(row: Row, formulas: Record<string, Formula>): Row {
  for (const key in formulas) if (Object.hasOwn(formulas, key)) return { ...row, formulas: { ...row.formulas, ...formulas } };
  return row;
}

/**
 * A row's `year` as the SUM of its month cells (a Budget year total), when they add up to it:
 * the formula for row `row` of table `table`, else undefined. Attached as the rows are made
 * (a pass copying 125,000 Budget rows to add it cost 0.15 s at L).
 */
export function yearSumFormula(table: string, row: number, cells: Row['cells'], monthKeys: readonly string[]): Formula | undefined {
  const year = cells.year;
  if (typeof year !== 'number') return undefined;
  let sum = 0;
  for (const k of monthKeys) {
    const v = cells[k];
    if (typeof v !== 'number') return undefined;
    sum += v;
  }
  if (Math.abs(sum - year) >= 1e-9) return undefined;
  const refs: CellRef[] = [];
  for (const k of monthKeys) refs.push(ref(table, row, k));
  return { op: 'sum', refs };
}

/** variance = actual - budget and variance % = variance / |budget|, on every row that has both figures. */
export function withVarianceFormulas(table: Table): Table {
  return {
    ...table,
    rows: table.rows.map((row, i) => {
      const { budget, actual, variance, variancePct } = row.cells;
      if (typeof budget !== 'number' || typeof actual !== 'number' || typeof variance !== 'number' || actual - budget !== variance) return row;
      const sub: Formula = { op: 'sub', a: ref(table.id, i, 'actual'), b: ref(table.id, i, 'budget') };
      // One literal per case rather than fields added to an empty object (60,000 lines twice at L).
      const f: Record<string, Formula> = typeof variancePct === 'number' && budget !== 0 ? { variance: sub, variancePct: { op: 'pct', num: ref(table.id, i, 'variance'), den: ref(table.id, i, 'budget') } } : { variance: sub };
      return withFormulas(row, f);
    }),
  };
}

/** A category cell without the `?` of an assumed category. */
function categoryOf(c: Cell | undefined): string {
  const s = String(c ?? '');
  return s.endsWith('?') ? s.slice(0, -1) : s;
}

/** Row indices by department, then category; and by category alone. */
interface FiledIndex {
  byDepartment: Map<string, Map<string, number[]>>;
  byCategory: Map<string, number[]>;
}

function push(m: Map<string, number[]>, k: string, i: number): void {
  const list = m.get(k);
  if (list) list.push(i);
  else m.set(k, [i]);
}

/**
 * The filed rows (actual a number) of a lines or totals table by department and category
 * (category without its `?`), skipping `company` rows when asked. Nested maps rather than a
 * key string per row: two keys per line made the index of the 60,000 lines 0.28 s at L.
 */
function filedIndex(t: Table, skipCompany = false): FiledIndex {
  const index: FiledIndex = { byDepartment: new Map(), byCategory: new Map() };
  t.rows.forEach((r, i) => {
    if (typeof r.cells.actual !== 'number' || (skipCompany && r.cells.department === 'company')) return;
    const cat = categoryOf(r.cells.category);
    const dept = String(r.cells.department);
    let categories = index.byDepartment.get(dept);
    if (!categories) index.byDepartment.set(dept, (categories = new Map()));
    push(categories, cat, i);
    push(index.byCategory, cat, i);
  });
  return index;
}

/** The rows of department `dept` and category `cat` in the index (none: empty). */
function filedRows(index: FiledIndex, dept: Cell | undefined, cat: string): number[] {
  return index.byDepartment.get(String(dept))?.get(cat) ?? [];
}

/**
 * Budget and actual of each department-and-category row of `totals` as the SUM of the filed
 * lines (actual a number) of `lines` with that department and category; a `company` row as
 * the SUM of the filed departments' rows above it, else of every filed line of its category.
 * Lines not filed are left out, as the subtotals leave them out.
 */
export function withSubtotalSums(totals: Table, lines: Table): Table {
  // Indexed once: a large workspace has tens of thousands of lines and thousands of subtotals.
  const lineIndex = filedIndex(lines);
  const deptIndex = filedIndex(totals, true);
  return {
    ...totals,
    rows: totals.rows.map((row) => {
      const dept = row.cells.department;
      const cat = categoryOf(row.cells.category);
      const own = dept === 'company' ? (lineIndex.byCategory.get(cat) ?? []) : filedRows(lineIndex, dept, cat);
      const f: Record<string, Formula> = {};
      for (const key of ['budget', 'actual']) {
        const refs = (dept === 'company' ? sumRefs(totals, deptIndex.byCategory.get(cat) ?? [], key, row.cells[key]) : null) ?? sumRefs(totals, own, key, row.cells[key], lines);
        if (refs) f[key] = { op: 'sum', refs };
      }
      return withFormulas(row, f);
    }),
  };
}

/** Every number of `copy`'s rows as a reference to the same cell of `source` row `sourceRows[i]` (Summary figures). */
export function linkedRows(copy: Table, source: Table, sourceRows: readonly number[]): Table {
  return {
    ...copy,
    rows: copy.rows.map((row, i) => {
      const from = sourceRows[i];
      if (from === undefined) return row;
      const f: Record<string, Formula> = {};
      for (const c of copy.columns) {
        const v = row.cells[c.key];
        if (c.type !== 'text' && typeof v === 'number' && source.rows[from]?.cells[c.key] === v) f[c.key] = { op: 'ref', ref: ref(source.id, from, c.key) };
      }
      return { ...row, formulas: f };
    }),
  };
}

/** A cell as the SUM of column `key` of `rows` of `source`, only when those cells add up to `target` exactly. */
export function sumOfRows(source: Table, rows: readonly number[], key: string, target: Cell | undefined): Formula | undefined {
  const refs = sumRefs(source, rows, key, target);
  return refs ? { op: 'sum', refs } : undefined;
}

/**
 * The landing forecast's live figures: a department's actual to date is the SUM of its filed
 * year-to-date lines of the category (`ytdLines`); landing and run-rate variance subtract the
 * year budget on the row, the run-rate % divides by it; a company total row adds up the
 * department rows of its category (year budget, actual to date, months filed, landing, run
 * rate). Each only where the cells give exactly the computed value.
 */
export function withForecastFormulas(table: Table, ytdLines: Table): Table {
  const filed = filedIndex(ytdLines);
  const detailRows = new Map<string, number[]>();
  table.rows.forEach((r, i) => {
    if (r.kind === 'total') return;
    push(detailRows, String(r.cells.category), i);
  });
  return {
    ...table,
    rows: table.rows.map((row, i) => {
      const c = row.cells;
      const f: Record<string, Formula> = {};
      const put = (key: string, formula: Formula | undefined): void => {
        if (formula) f[key] = formula;
      };
      if (row.kind === 'total') {
        for (const key of ['yearBudget', 'actualToDate', 'monthsFiled', 'landing', 'runRate']) put(key, sumOfRows(table, detailRows.get(String(c.category)) ?? [], key, c[key]));
      } else {
        const refs = sumRefs(table, filedRows(filed, c.department, String(c.category)), 'actual', c.actualToDate, ytdLines);
        if (refs) f.actualToDate = { op: 'sum', refs };
      }
      const num = (k: string): number | null => (typeof c[k] === 'number' ? (c[k] as number) : null);
      const [budget, landing, runRate] = [num('yearBudget'), num('landing'), num('runRate')];
      if (budget !== null && landing !== null && landing - budget === c.landingVariance) f.landingVariance = { op: 'sub', a: ref(table.id, i, 'landing'), b: ref(table.id, i, 'yearBudget') };
      if (budget !== null && runRate !== null && runRate - budget === c.runRateVariance) {
        f.runRateVariance = { op: 'sub', a: ref(table.id, i, 'runRate'), b: ref(table.id, i, 'yearBudget') };
        if (budget !== 0 && typeof c.runRateVariancePct === 'number') f.runRateVariancePct = { op: 'pct', num: ref(table.id, i, 'runRateVariance'), den: ref(table.id, i, 'yearBudget') };
      }
      return withFormulas(row, f);
    }),
  };
}

/**
 * A count of the Summary as a COUNTIF over the column it counts, when the table's cells give
 * exactly `target`: cells equal to `english` (or, `contains`, holding it among space-separated
 * words, as flags are). `shown` is the text as the workbook writes it (translated).
 */
export function countOf(table: Table | undefined, key: string, english: string, target: Cell, shown: Cell, contains = false): Formula | undefined {
  if (!table || typeof target !== 'number' || typeof shown !== 'string') return undefined;
  const n = table.rows.filter((r) => {
    const v = r.cells[key];
    return typeof v === 'string' && (contains ? v.split(' ').includes(english) : v === english);
  }).length;
  return n === target && n > 0 ? { op: 'countif', table: table.id, column: key, equals: shown, ...(contains ? { contains: true } : {}) } : undefined;
}
