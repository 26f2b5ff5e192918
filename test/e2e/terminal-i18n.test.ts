// The terminal tables in Chinese: every command that prints tables, run with `--lang zh-CN -f
// table` on examples/acme, must leave no English text that neither comes from the input files
// (ids, names, notes, units, paths) nor is a code on the allow-list (SKU, KPI, FY2026, ...).
// A text left out of the catalogue (src/report/zh-cn.ts) fails here, as a workbook text fails
// test/e2e/report-i18n.test.ts. Schema vocabulary (statuses, categories, levels) typed in the
// input does not count as the user's words: opsplan translates those.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { inputTexts } from '../helpers/input-texts.js';
import { ACME, REPO, runOpsplan } from '../helpers/run-cli.js';
import { ZH_TERMINAL_TEXTS, ZH_TEXTS } from '../../src/report/zh-cn.js';

const AS_OF = ['--as-of', '2026-11-30'];
const MONTH = ['--period', '2026-11', ...AS_OF];

/** Every command that prints tables, with arguments that make it print on acme. */
const RUNS: [string, string[]][] = [
  ['variance', ['variance', ACME, ...MONTH]],
  ['variance --ytd', ['variance', ACME, ...MONTH, '--ytd']],
  ['variance quarter', ['variance', ACME, '--period', 'FY2026-Q4', ...AS_OF]],
  ['stock', ['stock', ACME, ...AS_OF]],
  ['consolidate', ['consolidate', ACME, '--period', 'FY2026']],
  ['consolidate quarter', ['consolidate', ACME, '--period', 'FY2026-Q4']],
  ['mrp', ['mrp', ACME, ...AS_OF]],
  ['production', ['production', ACME, ...MONTH]],
  ['quality', ['quality', ACME, ...MONTH]],
  ['equipment', ['equipment', ACME, ...MONTH]],
  ['safety', ['safety', ACME, ...MONTH]],
  ['suppliers', ['suppliers', ACME, ...MONTH]],
  ['service', ['service', ACME, ...MONTH]],
  ['accounts', ['accounts', ACME, ...AS_OF]],
  ['kpi', ['kpi', ACME, ...MONTH]],
];

/** A command line and JSON fields, taken out before the input's texts (which hold words like `consolidate`, `target`). */
const COMMAND = [
  /\bopsplan( [a-z]+)?\b/g, // the program, and a command named in a sentence
  /(?<!\w)--[a-z-]+/g, // its options
  /\((?:[a-z][A-Za-z.]*(?:, | ÷ )?)+\)/g, // JSON fields of a ratio: (achieved, target)
  /\b[a-z][A-Za-z]*(?:\.[a-z][A-Za-z]*)*\[[^\]]*\](?:\.[a-z][A-Za-z]*|\[[^\]]*\])*/g, // a JSON path with a selector: progress.targets[department=x]
];

/** Ids and periods (after the input's texts, so a file path that holds one goes whole). */
const IDS = [
  /\bFY\d{4}(-Q[1-4])?\b/g, // fiscal periods as --period takes them
  /\b\d{4}-W\d{2}\b/g, // ISO weeks
  /\bVN-[\w-]+/g, // notice ids
  /\bPO-PLAN-[\w-]+/g, // MRP's planned order ids
  /\blines\[\d+\]/g, // a plan line as the CSV and JSON name it (file lines[i])
];

/** Codes and machine words that are the same in every language, taken out after the input's texts. */
const CODES = [
  /\b(SKU|KPI|GS|ID|ISO|ABC|SLA|BOM|MRP|PM|MTTR|MTBF|ppm|CNY|SHA-256|zh-CN|PERCENTILE\.INC)\b/g,
  /\b(max|min)\(/g, // a formula's function
  /\b[a-z][A-Za-z]*(\[[^\]]*\])?(\.[a-z][A-Za-z]*(\[[^\]]*\])?)+|\b[a-z][A-Za-z]*\[[^\]]*\]/g, // JSON paths (a KPI value's source)
  /\b[a-z][a-z-]*[A-Z][A-Za-z]*\b/g, // a JSON field (onTimePct)
  /\b[a-z]+[./][a-z.-]+\b/g, // diagnostic and warning codes (stock.reorder, actuals/unbudgeted-account)
];

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/g;

/** The texts of a table printout: title and caption, headline label and value, each grid cell. */
export function segments(out: string): string[] {
  const segs: string[] = [];
  for (const line of out.split('\n')) {
    if (line.trim() === '' || /^[┌├└]/.test(line)) continue;
    if (line.startsWith('│')) segs.push(...line.slice(1, -1).split('│'));
    else if (line.startsWith('  ')) segs.push(...line.trim().split(/: (.*)/s));
    else segs.push(...line.split(/ {2,}/));
  }
  return segs.map((s) => s.trim()).filter((s) => s !== '');
}

/** The words of the schemas' enums: opsplan's vocabulary, translated even when typed in a file. */
function vocabulary(): Set<string> {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'enum' && Array.isArray(x)) for (const e of x) if (typeof e === 'string') out.add(e);
        walk(x);
      }
    }
  };
  const dir = path.join(REPO, 'schemas');
  for (const f of readdirSync(dir)) walk(JSON.parse(readFileSync(path.join(dir, f), 'utf8')));
  // Department ids that happen to be enum words (a KPI source names them) are the user's ids.
  const company = parse(readFileSync(path.join(ACME, 'opsplan.yaml'), 'utf8')) as { departments: { id: string }[] };
  for (const d of company.departments) out.delete(d.id);
  return out;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const LATIN_WORD = /[A-Za-z]{2,}/;

/**
 * A checker: the English left in a text once the input's own texts (whole: not inside an id
 * such as VN-2026-11-marketing), CJK and
 * allowed codes are taken out, or null when none is left. Pieces of input texts (a note or a
 * `metric (unit)` wrapped over several lines, `-> ` before a mitigation) are the user's too,
 * unless a piece is one of opsplan's own `words` (a status word like `open` is never excused
 * by a note that contains it).
 */
function englishChecker(input: readonly string[], words: ReadonlySet<string>): (seg: string) => string | null {
  const own = input.map((i) => [i, new RegExp(`(?<![\\w-])${escape(i)}(?![\\w-])`, 'g')] as const);
  const exact = new Set(input);
  return (seg) => {
    if (exact.has(seg)) return null;
    let rest = seg.replace(CJK, ' ');
    if (!LATIN_WORD.test(rest)) return null;
    for (const re of COMMAND) rest = rest.replace(re, ' ');
    for (const [text, re] of own) if (rest.includes(text)) rest = rest.replace(re, ' ');
    for (const re of IDS) rest = rest.replace(re, ' ');
    for (const re of CODES) rest = rest.replace(re, ' ');
    if (!LATIN_WORD.test(rest)) return null;
    const parts = seg.replace(/^-> /, '').split(/[()%]+/).map((p) => p.trim()).filter((p) => LATIN_WORD.test(p));
    if (parts.every((p) => !words.has(p) && input.some((i) => i.includes(p)))) return null;
    return seg;
  };
}

describe('terminal tables in zh-CN', () => {
  let english: (seg: string) => string | null;

  beforeAll(() => {
    const words = vocabulary();
    english = englishChecker(inputTexts(ACME).filter((t) => !words.has(t)), new Set([...words, ...Object.keys(ZH_TEXTS), ...Object.keys(ZH_TERMINAL_TEXTS)]));
  });

  it.each(RUNS)('%s leaves no English text that is not the input\'s', (_name, args) => {
    const r = runOpsplan([...args, '--lang', 'zh-CN', '-f', 'table']);
    expect(r.code, r.stderr).toBe(0);
    const segs = segments(r.stdout);
    expect(segs.length).toBeGreaterThan(10);
    const left = [...new Set(segs.map(english).filter((s): s is string => s !== null))];
    expect(left).toEqual([]);
  });
});


describe('--lang and OPSPLAN_LANG', () => {
  const variance = ['variance', ACME, ...MONTH];

  it('leaves English output as it was, and json and csv the same in every language', () => {
    const plain = runOpsplan(variance);
    expect(plain.code).toBe(0);
    expect(runOpsplan([...variance, '--lang', 'en']).stdout).toBe(plain.stdout);
    expect(plain.stdout).toContain('Budget vs actual by line');
    for (const format of ['json', 'csv']) {
      const en = runOpsplan([...variance, '-f', format]);
      const zh = runOpsplan([...variance, '-f', format, '--lang', 'zh-CN']);
      expect(zh.code).toBe(0);
      expect(zh.stdout).toBe(en.stdout);
    }
  });

  it('takes its default from OPSPLAN_LANG, which --lang overrides', () => {
    const zh = runOpsplan([...variance, '--lang', 'zh-CN']).stdout;
    expect(zh).toContain('按科目的预算执行情况');
    expect(runOpsplan(['stock', ACME, ...AS_OF], { env: { OPSPLAN_LANG: 'zh-CN' } }).stdout).toContain('库存 截至 2026-11-30（全部仓库）');
    expect(runOpsplan(variance, { env: { OPSPLAN_LANG: 'zh-CN' } }).stdout).toBe(zh);
    expect(runOpsplan([...variance, '--lang', 'en'], { env: { OPSPLAN_LANG: 'zh-CN' } }).stdout).toContain('Budget vs actual by line');
  });

  it.each([
    ['--lang fr', [...variance, '--lang', 'fr'], {}, "option '--lang <lang>' argument 'fr' is invalid. Use one of en, zh-CN."],
    ['OPSPLAN_LANG=fr', variance, { OPSPLAN_LANG: 'fr' }, 'OPSPLAN_LANG takes en or zh-CN, got "fr"'],
  ])('%s is exit 2 naming the languages', (_name, args, env, message) => {
    const r = runOpsplan(args, { env });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
  });
});
