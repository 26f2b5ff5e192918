// The fast path of YAML parsing: js-yaml (core schema) for files that can be read without
// positions. It answers `undefined` whenever the reference parser (parse-yaml.ts) could see
// the file differently or must report a problem: then the caller uses the reference path.
import { createRequire } from 'node:module';
import type JsYaml from 'js-yaml';
import { blockParse } from './block-parse.js';
import { BACKSLASH, CR, DQ, HASH, NL, SPACE, SQ, TAB } from './char-codes.js';
import type { ParseLimits } from './parse-yaml.js';

/** Character codes after which `#`, `*`, `&`, `?` and `%` start something: blanks, line breaks, `[`, `{`, `,`. */
const SEPARATOR = new Uint8Array(128);
for (const ch of ' \t\n\r[{,') SEPARATOR[ch.charCodeAt(0)] = 1;

const isSeparator = (c: number): boolean => c < 128 && SEPARATOR[c] === 1;


/**
 * One pass over the text that says whether js-yaml and the reference parser could read it
 * differently, or the reference parser must report something:
 * - a directive line (`%YAML 1.1`);
 * - an alias or anchor (`*a`, `&a`) other than the simple ones `simpleAnchors` accepts;
 * - an explicit key (`? key`) or an empty key in a flow collection (`[: 1]`): the two name
 *   a null key differently;
 * - a quoted scalar that continues on the next line: js-yaml folds such scalars even where
 *   the YAML 1.2 indentation rules (and the reference parser) reject them.
 * - a flow collection (`[`, `{`) continued on a line indented no deeper than the block node it
 *   sits in: js-yaml reads `monthly: [1,\n  2]` under a key at that indent, the YAML 1.2 rules
 *   (and the reference parser) reject it ("must be sufficiently indented").
 * A small tokenizer tracks quotes per line. An apostrophe in plain text looks like an open
 * quote and a `*` in prose can look like an alias: both only cost the slower path. Quotes
 * count only after a separator: mid-word apostrophes in prose are literal in YAML.
 */
export function needsReferenceParser(text: string, maxAliasCount: number, skipPlainLines = true): boolean {
  // Character codes, not one-character strings: this runs over every byte of the workspace.
  let state: 'none' | 'dq' | 'sq' = 'none';
  // Offsets of the `&anchor` and `*alias` tokens, checked after the pass (simpleAnchors).
  const marks: number[] = [];

  let flowDepth = 0;
  let flowIndent = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    if (state === 'none') {
      if (skipPlainLines && flowDepth === 0 && (i === 0 || text.charCodeAt(i - 1) === NL)) {
        PLAIN_LINES.lastIndex = i;
        PLAIN_LINES.test(text);
        i = PLAIN_LINES.lastIndex;
        if (i >= n) break;
      }
      // Jump to the next character that can matter: the regular expression runs as native
      // code, where a loop over every byte ran in V8's interpreter for most of a short run
      // (17 of 20 ms over acme's 117 KB, cold). Nothing else changes on the bytes skipped.
      SPECIAL.lastIndex = i;
      if (!SPECIAL.test(text)) break;
      i = SPECIAL.lastIndex - 1;
    }
    const c = text.charCodeAt(i);
    // The character before this one (a line break at the start), as the checks below read it.
    const prev = i === 0 ? NL : text.charCodeAt(i - 1);
    if (state === 'none' && flowDepth > 0 && c === NL && continuesTooShallow(text, i + 1, flowIndent)) return true;
    if (state === 'dq') {
      if (c === BACKSLASH) i++;
      else if (c === DQ) {
        state = 'none';
        // `"x"#c`: js-yaml takes the comment, YAML 1.2 wants white space before it.
        if (text.charCodeAt(i + 1) === HASH) return true;
      } else if (c === NL) return true;
    } else if (state === 'sq') {
      if (c === SQ) {
        if (text.charCodeAt(i + 1) === SQ) i++;
        else {
          state = 'none';
          if (text.charCodeAt(i + 1) === HASH) return true;
        }
      } else if (c === NL) return true;
    } else if ((c === 0x5d || c === 0x7d) && text.charCodeAt(i + 1) === HASH) return true; // ]# }#
    // A quote opens a quoted scalar only where a scalar can start; inside plain text
    // (`organiser's`, `Singles' Day`) it is a literal character.
    else if (c === DQ && isSeparator(prev)) state = 'dq';
    else if (c === SQ && isSeparator(prev)) state = 'sq';
    else if (c === 0x5b || c === 0x7b) {
      if (flowDepth++ === 0) flowIndent = blockIndentAt(text, i);
    } else if ((c === 0x5d || c === 0x7d) && flowDepth > 0) flowDepth--;
    // `[: 1]`, `{a: 1, : 2}`: an empty key in a flow collection is "null" to js-yaml and ""
    // to the reference parser (found by the anchor fuzzer); and a key js-yaml would type
    // differently from the reference parser's text key (`0100:`).
    else if (c === 0x3a) {
      if (flowDepth > 0 && emptyKeyBefore(text, i)) return true;
      if (isBlank(text.charCodeAt(i + 1)) && keyIsRetyped(text, i)) return true;
    }
    else if (isSeparator(prev)) {
      if (c === HASH) {
        const nl = text.indexOf('\n', i);
        // A last line that is a comment: the anchors and aliases before it still need checking.
        if (nl < 0) break;
        i = nl;
        if (flowDepth > 0 && continuesTooShallow(text, nl + 1, flowIndent)) return true;
      } else if (c === 0x2a || c === 0x26) {
        // `*alias`, `&anchor` (a lone `*` or `&` is plain text).
        const next = text.charCodeAt(i + 1);
        if (!Number.isNaN(next) && !isSeparator(next) && next !== 0x5d && next !== 0x7d) {
          if (flowDepth > 0 || marks.length === MAX_MARKS) return true;
          marks.push(i);
        }
      } else if (c === 0x3f) {
        // `? key`
        const next = text.charCodeAt(i + 1);
        if (Number.isNaN(next) || next === SPACE || next === TAB || next === NL || next === CR) return true;
      } else if (c === 0x25 && prev === NL) return true; // %DIRECTIVE
      // A tag other than `!!str`: js-yaml reads `!!int`, `!!seq`, `!!map` and `!` (as null),
      // the reference parser reports every tag but `!!str` (found by running the YAML test suite).
      else if (c === 0x21 && !(text.startsWith('!!str', i) && isBlank(text.charCodeAt(i + 5)))) return true;
    }
  }
  return state !== 'none' || (marks.length > 0 && !simpleAnchors(text, marks, maxAliasCount));
}

/** Whether nothing but blanks stands between `at` and the flow indicator or line start before it. */
function emptyKeyBefore(text: string, at: number): boolean {
  let i = at - 1;
  while (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB) i--;
  const c = text.charCodeAt(i);
  return i < 0 || c === 0x5b || c === 0x7b || c === 0x2c || c === NL || c === CR;
}

/**
 * Whether the plain key before the `:` at `colon` is one js-yaml reads as a number, boolean
 * or null and then writes back differently: the reference parser (stringKeys) keeps the text,
 * so `0100:` is "0100" there and "100" in js-yaml, `~:` "~" against "null", `1e3:` "1e3"
 * against "1000" (found by the anchor fuzzer). Canonical integers, true, false and null read
 * the same both ways; any other key that starts like a number or `~` (a date `2026-11:`
 * too, rarely a key) takes the slower path.
 */
function keyIsRetyped(text: string, colon: number): boolean {
  let end = colon;
  while (text.charCodeAt(end - 1) === SPACE || text.charCodeAt(end - 1) === TAB) end--;
  let start = end;
  for (;;) {
    const p = text.charCodeAt(start - 1);
    if (start === 0 || p === SPACE || p === TAB || p === NL || p === CR || p === 0x5b || p === 0x7b || p === 0x2c) break;
    start--;
  }
  // A key starts a line (after its indent and `- ` markers) or follows `[`, `{`, `,`; a word
  // after other words is text (`agreed on 2025-12-10: about`) or a key of several words.
  let b = start - 1;
  while (b >= 0) {
    const p = text.charCodeAt(b);
    if (p === SPACE || p === TAB) b--;
    else if (p === 0x2d && (b === 0 || isBlank(text.charCodeAt(b - 1)))) b--;
    else break;
  }
  const p = text.charCodeAt(b);
  if (b >= 0 && p !== NL && p !== CR && p !== 0x5b && p !== 0x7b && p !== 0x2c) return false;
  // Most keys start with a letter other than t, f, n: no slice, no regular expression.
  const first = text.charCodeAt(start) | 0x20;
  if (first > 0x39 && first !== 0x74 && first !== 0x66 && first !== 0x6e && first !== 0x7e) return false;
  const key = text.slice(start, end);
  if (/^(?:-?(?:0|[1-9][0-9]{0,14})|true|false|null)$/.test(key)) return false;
  return /^[-+.~0-9]/.test(key) || /^(?:true|false|null)$/i.test(key);
}

/**
 * Whole lines on which the scanner (outside quotes and flow collections, at a line start)
 * would neither decide nor change its state, passed over in one native step: blank lines,
 * comment lines, and `- ` markers, a plain key that starts with a letter or `_` and is no
 * spelling of true/false/null (keyIsRetyped says no to it) and a value that is either quoted
 * on the line without escapes or plain text without any character the scanner acts on, then
 * a comment after a blank. On acme's 117 KB the scanner took about 18 ms cold before (V8's
 * interpreter stopping at every line break and key), about 2 ms after (2026-12-01). Any
 * other line is scanned as before; `test/unit/fast-parse-scan.test.ts` holds that skipping
 * never changes the answer.
 */
const PLAIN_LINES = /(?: *#[^\n]*\n| *(?:- +)*(?:(?![Tt][Rr][Uu][Ee]:|[Ff][Aa][Ll][Ss][Ee]:|[Nn][Uu][Ll][Ll]:)[A-Za-z_][A-Za-z0-9_./-]*:(?: +|(?=\n)))?(?:"[^"\\\n]*"|'[^'\n]*'|[^\n"'[\]{}:#*&?%!\t\r]*?)(?: +#[^\n]*| *)\n)*/y;

/** The characters outside quotes that the scanner acts on; all others it passes over. */
const SPECIAL = /[\n"'[\]{}:#*&?%!]/g;

/** More anchors and aliases than this in one file: the reference parser decides. */
const MAX_MARKS = 64;

const isNameChar = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2d || c === 0x5f;

/**
 * Whether the anchors and aliases at `marks` are the plain sharing of defaults that js-yaml
 * (with merge keys) reads exactly as the reference parser, with no way to blow up:
 * - names of letters, digits, `-` and `_` (an anchor ending in `:` is a warning there), each
 *   anchored once;
 * - in block context only, after `key:` or `- `, and nothing but a comment after them on the
 *   line: an anchor stands on a block collection (or an empty value), an alias is a whole
 *   value (`<<: *defaults`, `key: *x`, `- *x`), never a key;
 * - no alias inside an anchored node, so no expansion nests in another: the reference
 *   parser's alias count is then at most one per alias use (measured: it refuses 10 merges
 *   of one anchor under maxAliasCount 10, accepts 9), and twice the number of aliases within
 *   the limit keeps it clear of `yaml/alias-limit` (a billion-laughs file nests).
 * An anchored node ends at the first later line indented no deeper than the key it belongs
 * to (a `-` entry at the key's own indent continues it) or than its `- ` marker. Anything
 * else goes to the reference parser, as all anchors used to.
 */
function simpleAnchors(text: string, marks: readonly number[], maxAliasCount: number): boolean {
  let aliases = 0;
  for (const at of marks) if (text.charCodeAt(at) === 0x2a) aliases++;
  if (aliases * 2 > maxAliasCount) return false;
  // Open anchored nodes: the column that ends each and whether `-` at that column continues it.
  let open: { col: number; dashContinues: boolean }[] = [];
  // Anchor names, each with whether it stands on a block mapping.
  const mappings = new Map<string, boolean>();
  // The first line not yet looked at: lines before the first mark close nothing.
  let nextLine = text.lastIndexOf('\n', marks[0]! - 1) + 1;
  for (const at of marks) {
    const markLine = text.lastIndexOf('\n', at - 1) + 1;
    // Close the anchored nodes that end on the lines up to and including this mark's line.
    while (nextLine <= markLine) {
      let j = nextLine;
      while (text.charCodeAt(j) === SPACE) j++;
      const c = text.charCodeAt(j);
      if (c === TAB) return false;
      if (open.length > 0 && !isBlank(c) && c !== HASH) {
        const indent = j - nextLine;
        const dash = c === 0x2d && isBlank(text.charCodeAt(j + 1));
        open = open.filter((a) => indent > a.col || (indent === a.col && dash && a.dashContinues));
      }
      const nl = text.indexOf('\n', nextLine);
      nextLine = nl < 0 ? text.length + 1 : nl + 1;
    }
    const anchor = text.charCodeAt(at) === 0x26;
    let end = at + 1;
    while (isNameChar(text.charCodeAt(end))) end++;
    if (end === at + 1 || !restOfLineIsEmpty(text, end)) return false;
    let before = at - 1;
    while (text.charCodeAt(before) === SPACE) before--;
    const b = text.charCodeAt(before);
    const afterKey = b === 0x3a;
    if (!afterKey && !(b === 0x2d && (before === 0 || isBlank(text.charCodeAt(before - 1))))) return false;
    const name = text.slice(at + 1, end);
    if (!anchor) {
      if (open.length > 0) return false;
      // js-yaml merges a list's items, or nothing from a text, where the reference parser
      // refuses anything but a mapping.
      if (afterKey && text.startsWith('<<', before - 2) && !mappings.get(name)) return false;
    } else {
      // A name anchored twice: js-yaml and the reference parser disagree on which one an
      // alias means when the two nest (js-yaml sets a collection's anchor again at its end).
      if (mappings.has(name)) return false;
      const col = afterKey ? blockIndentAt(text, at) : before - markLine;
      // Only on a block mapping or list: js-yaml gives an alias of a block scalar that
      // starts on the next line `{}` (found by the fuzzer), the reference parser the text.
      const shape = blockShape(text, at, col, afterKey);
      if (shape === null) return false;
      mappings.set(name, shape === 'mapping');
      // The key's column (entry markers skipped), or the `-` marker's.
      open.push({ col, dashContinues: afterKey });
    }
  }
  return true;
}

/**
 * Whether every `<<` in the text is a block merge key (`<<:` first on its line, after any
 * `- ` markers) and no mapping holds two of them: the reference parser calls a second merge
 * key a duplicate key, js-yaml merges both. A `<<` anywhere else (flow, quoted, prose) sends
 * the file to the reference parser. A mapping at column K ends at the first line indented
 * less than K, which is how two merge keys at the same column are told apart.
 */
function simpleMergeKeys(text: string): boolean {
  let count = 0;
  for (let at = text.indexOf('<<'); at >= 0; at = text.indexOf('<<', at + 2)) count++;
  const keys = [...text.matchAll(/^([ ]*(?:-[ ]+)*)<<[ \t]*:/gm)];
  if (keys.length !== count) return false;
  // Columns of the mappings that have a merge key and may still be open.
  const openAt = new Set<number>();
  let nextLine = keys[0]!.index;
  for (const key of keys) {
    while (nextLine <= key.index) {
      let j = nextLine;
      while (text.charCodeAt(j) === SPACE) j++;
      const c = text.charCodeAt(j);
      if (!isBlank(c) && c !== HASH) for (const col of openAt) if (col > j - nextLine) openAt.delete(col);
      const nl = text.indexOf('\n', nextLine);
      nextLine = nl < 0 ? text.length + 1 : nl + 1;
    }
    const col = key[1]!.length;
    if (openAt.has(col)) return false;
    openAt.add(col);
  }
  return true;
}

/**
 * What the anchor at `at` stands on, from the first line with content after it: a block
 * mapping (deeper than `col`, reading `key:` with a plain key), a block list (`- ` deeper, or
 * at `col` itself after a key), or null for anything else (a scalar, an empty value).
 */
function blockShape(text: string, at: number, col: number, afterKey: boolean): 'mapping' | 'list' | null {
  const lines = /\n([ ]*)([^ \r\n].*)/g;
  lines.lastIndex = at;
  for (let m = lines.exec(text); m; m = lines.exec(text)) {
    const content = m[2]!;
    if (content.startsWith('#')) continue;
    const indent = m[1]!.length;
    if (/^-(?:[ \t]|\r?$)/.test(content)) return indent > col || (indent === col && afterKey) ? 'list' : null;
    return indent > col && /^[A-Za-z0-9_][^#:]*:(?:[ \t]|\r?$)/.test(content) ? 'mapping' : null;
  }
  return null;
}

const isBlank = (c: number): boolean => c === SPACE || c === TAB || c === NL || c === CR || Number.isNaN(c);

/** Whether only blanks, or blanks and a comment, follow `from` on its line. */
function restOfLineIsEmpty(text: string, from: number): boolean {
  let i = from;
  const first = text.charCodeAt(i);
  if (!isBlank(first)) return false;
  while (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB) i++;
  const c = text.charCodeAt(i);
  return c === NL || c === CR || c === HASH || Number.isNaN(c);
}

/**
 * The column a block node on the line of `at` starts at: its leading spaces and `- ` entry
 * markers skipped (over-counting an entry marker only sends a valid file the slower way).
 */
function blockIndentAt(text: string, at: number): number {
  let start = text.lastIndexOf('\n', at - 1) + 1;
  const begin = start;
  for (;;) {
    while (text.charCodeAt(start) === SPACE) start++;
    if (text.charCodeAt(start) === 0x2d && text.charCodeAt(start + 1) === SPACE) start += 2;
    else return start - begin;
  }
}

/** Whether the line starting at `from` is non-blank and indented no deeper than `indent` (or by a tab). */
function continuesTooShallow(text: string, from: number, indent: number): boolean {
  let i = from;
  while (text.charCodeAt(i) === SPACE) i++;
  const c = text.charCodeAt(i);
  if (c === TAB) return true;
  if (Number.isNaN(c) || c === NL || c === CR) return false;
  return i - from <= indent;
}

// A list entry with nothing after its `-`: js-yaml lets the next, shallower `- ` line join
// that list (`  -\n   -\n  - c` is [[null, c]] there, [[null], c] in the reference parser).
const EMPTY_ENTRY = /^[ \t]*(?:-[ \t]+)*-[ \t]*(?:#.*)?\r?$/m;

// js-yaml is loaded on first use: the files of a clean workspace are usually all read by
// block-parse.ts, and then a run never needs it. (Its CommonJS build: `load` must stay
// synchronous; the package's CommonJS and ES builds are one source.)
let jsYamlModule: typeof JsYaml | undefined;
// YAML 1.2 core types plus merge keys (`<<: *defaults`), which the reference parser reads
// too (PARSE_OPTIONS.merge); without it a `<<` key would stay a plain key here.
// (js-yaml exports its types; @types/js-yaml does not declare them.)
let coreWithMerge: JsYaml.Schema | undefined;

function jsYamlLoad(text: string): unknown {
  const jsYaml = (jsYamlModule ??= createRequire(import.meta.url)('js-yaml') as typeof JsYaml);
  coreWithMerge ??= jsYaml.CORE_SCHEMA.extend({ implicit: [(jsYaml as unknown as { types: { merge: JsYaml.Type } }).types.merge] });
  return jsYaml.load(text, { schema: coreWithMerge, json: false });
}

function depthExceeds(value: unknown, max: number): boolean {
  // Iterative, so a deep structure cannot overflow our own stack.
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (d > max) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) if (child !== null && typeof child === 'object') stack.push([child, d + 1]);
  }
  return false;
}

/**
 * Parses `text` with js-yaml when that is certain to give the same data as the reference
 * parser; returns undefined otherwise (directives, aliases, several documents, any error,
 * a non-mapping top level, excessive depth).
 */
export function fastParse(text: string, limits: ParseLimits): Record<string, unknown> | undefined {
  if (needsReferenceParser(text, limits.maxAliasCount) || (text.includes('<<') && !simpleMergeKeys(text)) || EMPTY_ENTRY.test(text)) return undefined;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // The common shapes line by line (js-yaml's data exactly), anything else by js-yaml.
  let data: unknown = blockParse(body);
  if (data === undefined) {
    try {
      // CORE_SCHEMA: YAML 1.2 core types only; unknown tags, duplicate keys and several
      // documents throw. A stack overflow on absurd nesting is a RangeError, caught here too.
      data = jsYamlLoad(body);
    } catch {
      return undefined;
    }
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  if (depthExceeds(data, limits.maxFlowDepth)) return undefined;
  return data as Record<string, unknown>;
}
