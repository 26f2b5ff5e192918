// Recomputes every formula of a workbook with an independent formula engine (fast-formula-parser,
// npm) from the cells it names, formulas of formulas included, and reports each formula cell
// with its cached value (what the writer stored) and the recomputed one. A workbook whose
// cached values disagree with its own formulas shows different figures in Excel (which
// recalculates) and in readers that do not.
import FormulaParser from 'fast-formula-parser';
import JSZip from 'jszip';

/** One formula cell: where, the formula, the cached value and the engine's result. */
export interface FormulaCell {
  sheet: string;
  ref: string;
  formula: string;
  cached: number | string | null;
  computed: unknown;
}

/** A cell as written: its formula (or null) and its value (text, number or null). */
export interface RawCell {
  formula: string | null;
  value: number | string | null;
}

const unescape = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

function colNumber(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

/** The sheets of a workbook: name -> cells by "col,row" (1-based column number, row). */
export async function readSheets(bytes: Uint8Array): Promise<Map<string, Map<string, RawCell>>> {
  const zip = await JSZip.loadAsync(bytes);
  const text = async (p: string): Promise<string> => (await zip.file(p)?.async('string')) ?? '';
  const shared = [...(await text('xl/sharedStrings.xml')).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => unescape([...m[1]!.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')));
  const rels = new Map([...(await text('xl/_rels/workbook.xml.rels')).matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]));
  const sheets = new Map<string, Map<string, RawCell>>();
  for (const m of (await text('xl/workbook.xml')).matchAll(/<sheet name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const xml = await text(`xl/${rels.get(m[2]!)!.replace(/^\//, '')}`);
    const cells = new Map<string, RawCell>();
    for (const c of xml.matchAll(/<c r="([A-Z]+)(\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const body = c[4] ?? '';
      const f = /<f>([\s\S]*?)<\/f>/.exec(body);
      const v = /<v>([\s\S]*?)<\/v>/.exec(body);
      const type = /t="(\w+)"/.exec(c[3]!)?.[1];
      const value = v ? (type === 's' ? shared[Number(v[1])]! : type === 'str' ? unescape(v[1]!) : Number(v[1])) : null;
      cells.set(`${colNumber(c[1]!)},${c[2]}`, { formula: f ? unescape(f[1]!) : null, value });
    }
    sheets.set(unescape(m[1]!), cells);
  }
  return sheets;
}

/** Every formula cell of the workbook, recomputed. */
export async function recomputeFormulas(bytes: Uint8Array): Promise<FormulaCell[]> {
  const sheets = await readSheets(bytes);
  const memo = new Map<string, unknown>();
  const evaluating = new Set<string>();
  // The engine is not re-entrant (a formula's cell callback evaluating another formula would
  // clobber its state): one engine per depth of nested evaluation.
  const engines: FormulaParser[] = [];
  let depth = 0;
  const engine = (): FormulaParser => (engines[depth] ??= new FormulaParser({
    onCell: ({ sheet, row, col }) => valueOf(sheet, row, col) as number,
    onRange: ({ sheet, from, to }) => {
      const out: (number | null)[][] = [];
      for (let r = from.row; r <= to.row; r++) {
        const line: (number | null)[] = [];
        for (let c = from.col; c <= to.col; c++) line.push(valueOf(sheet, r, c) as number | null);
        out.push(line);
      }
      return out;
    },
  }));
  // A cell's value: its formula recomputed (recursively), else the value written.
  const valueOf = (sheet: string, row: number, col: number): unknown => {
    const key = `${sheet}!${col},${row}`;
    if (memo.has(key)) return memo.get(key);
    const cell = sheets.get(sheet)?.get(`${col},${row}`);
    if (!cell) return null;
    if (cell.formula === null) return cell.value;
    if (evaluating.has(key)) throw new Error(`circular reference at ${key}`);
    evaluating.add(key);
    // An internal link (the engine has no HYPERLINK): its label, when the sheet it names exists.
    const link = /^HYPERLINK\("#'((?:[^']|'')+)'!A1","((?:[^"]|"")*)"\)$/.exec(cell.formula);
    if (link) return sheets.has(link[1]!.replace(/''/g, "'")) ? link[2]!.replace(/""/g, '"') : '#REF!';
    const parser = engine();
    depth++;
    try {
      const v = parser.parse(cell.formula, { sheet, row, col });
      memo.set(key, v);
      return v;
    } finally {
      depth--;
      evaluating.delete(key);
    }
  };
  const out: FormulaCell[] = [];
  for (const [sheet, cells] of sheets) {
    for (const [at, cell] of cells) {
      if (cell.formula === null) continue;
      const [col, row] = at.split(',').map(Number) as [number, number];
      let letters = '';
      for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
      out.push({ sheet, ref: `${letters}${row}`, formula: cell.formula, cached: cell.value, computed: valueOf(sheet, row, col) });
    }
  }
  return out;
}

/** Formula cells whose recomputed value differs from the cached one (relative 1e-9: float sums of decimal amounts). */
export function disagreements(cells: readonly FormulaCell[]): FormulaCell[] {
  return cells.filter((c) => {
    if (typeof c.cached === 'string') return c.computed !== c.cached;
    return typeof c.cached !== 'number' || typeof c.computed !== 'number' || Math.abs(c.computed - c.cached) > 1e-9 * Math.max(1, Math.abs(c.cached));
  });
}
