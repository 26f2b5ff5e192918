// A line-by-line reader for the plain shape nearly every opsplan file has: block mappings
// and lists, one-line plain and quoted scalars, `>-`/`|` block scalars, one-line flow lists
// and mappings of plain scalars, comments, and the simple anchors and merge keys the
// scanner (fast-parse.ts) lets through. It gives exactly js-yaml's data (core schema with
// merge keys) or `undefined` the moment a line is anything else, and js-yaml reads the
// file as before. Why: js-yaml's parse of acme's 117 KB cost about 45 ms of a 250 ms
// start-up, most of it V8's interpreter stepping through js-yaml character by character
// before the code warms up; this reader leaves the per-character work to native regular
// expressions and string methods (see README "Start-up" for the figures).
//
// Scalars are typed as js-yaml's core schema does (null, booleans, integers, floats, all
// else text; dates stay text). Only the common forms are typed here: `~`, null/true/false
// in its three spellings, decimal integers of up to 15 digits and decimals `-?D.D`; any
// other plain scalar js-yaml might read as a number (`0x1F`, `1e3`, `+5`, `.5`, `007`,
// `-0`, `.inf`) hands the whole file to js-yaml. test/unit/block-parse.test.ts compares
// this reader with js-yaml over every example and generated file, generated scalars and
// mutated files.
import { DASH, HASH, SPACE } from './char-codes.js';

/** Thrown (and caught in blockParse) when a line is outside the shapes read here. */
const GIVE_UP = new Error('block-parse: outside the subset');

// Characters js-yaml refuses (its PATTERN_NON_PRINTABLE) and some it reads that are left to
// it: tab, CR, NEL, a BOM inside the text, U+2028/U+2029.
// eslint-disable-next-line no-control-regex -- these are the characters looked for
const OUTSIDE = /[\x00-\x09\x0B-\x1F\x7F-\x9F\uFEFF\uFFFE\uFFFF\u2028\u2029]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;

/** Blank and comment-only lines (outside block scalars). */
const SKIP = /^ *(?:#|$)/;
/** `---` and `...` at the start of a line (document markers) and directives. */
const MARKER = /^(?:---|\.\.\.)(?: |$)|^%/;
/** A key and its `:`: plain (letters, digits, `_ . / -`, single inner spaces), quoted without escapes, or the merge key. */
const KEY = /(?:([A-Za-z0-9_][A-Za-z0-9_./-]*(?: [A-Za-z0-9_./-]+)*)|"([^"\\]*)"|'([^']*)'|(<<)):(?: +|$)/y;
/** What may follow a scalar on its line: nothing, or a comment after a blank. */
const LINE_END = /(?: +#.*| *)$/y;
const DOUBLE = /"((?:[^"\\]|\\.)*)"/y;
const SINGLE = /'((?:[^']|'')*)'/y;
const ESCAPE = /\\(u[0-9A-Fa-f]{4}|.)/g;
const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\', '"': '"', '/': '/', n: '\n', t: '\t', r: '\r', '0': '\0' };
const BLOCK_HEADER = /([|>])(-?)(?: +#.*| *)$/y;
const ANCHOR = /([&*])([A-Za-z0-9_-]+)(?: +#.*| *)$/y;
const FLOW = /([[{])([^[\]{}#'"]*)[\]}](?: +#.*| *)$/y;
const FLOW_PAIR = /^ *([A-Za-z0-9_][A-Za-z0-9_./-]*): +(.*?) *$/;
const DEC_INT = /^-?(?:0|[1-9][0-9]{0,14})$/;
const DEC_FLOAT = /^-?(?:0|[1-9][0-9]{0,14})\.[0-9]{1,15}$/;
/** A superset of what js-yaml's core schema might read as an integer, a float or null. */
const MAYBE_NUMBER = /^(?:[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9_]+)?|\.[0-9_]+(?:[eE][-+]?[0-9_]+)?|\.(?:inf|Inf|INF|nan|NaN|NAN)|0[boxBOX][0-9a-fA-F_]*)|~)$/;

interface Reader {
  lines: string[];
  /** The line being read; after a node, the next line with content (lines.length at the end). */
  i: number;
  anchors: Map<string, unknown>;
}

/**
 * The data of `text` (no BOM) when it is a block mapping in the shapes described above,
 * identical to js-yaml's; undefined when any line is outside them.
 */
export function blockParse(text: string): Record<string, unknown> | undefined {
  if (OUTSIDE.test(text)) return undefined;
  const r: Reader = { lines: text.split('\n'), i: 0, anchors: new Map() };
  try {
    r.i = nextContent(r, 0);
    if (r.i >= r.lines.length) return undefined;
    const first = r.lines[r.i]!;
    if (indentOf(first) !== 0 || isEntry(first, 0)) return undefined;
    const data = readMapping(r, 0);
    return r.i >= r.lines.length ? data : undefined;
  } catch (e) {
    // RangeError: nesting deep enough to exhaust the stack, which js-yaml meets too.
    if (e === GIVE_UP || e instanceof RangeError) return undefined;
    throw e;
  }
}

function indentOf(line: string): number {
  let i = 0;
  while (line.charCodeAt(i) === SPACE) i++;
  return i;
}

/** Whether a list entry (`-` then a blank or the line end) starts at `col`. */
function isEntry(line: string, col: number): boolean {
  return line.charCodeAt(col) === DASH && (line.length === col + 1 || line.charCodeAt(col + 1) === SPACE);
}

/** The index of the first line from `from` on with content; lines.length when none is left. */
function nextContent(r: Reader, from: number): number {
  const { lines } = r;
  for (let j = from; j < lines.length; j++) {
    const line = lines[j]!;
    // Only a line that starts with a blank or `#` (or is empty) can be skipped, and only one
    // that starts with `-`, `.` or `%` can be a marker: most lines need neither test.
    const c = line.charCodeAt(0);
    if (c === SPACE || c === HASH || Number.isNaN(c)) {
      if (SKIP.test(line)) continue;
    } else if ((c === DASH || c === 0x2e || c === 0x25) && MARKER.test(line)) throw GIVE_UP;
    return j;
  }
  return lines.length;
}

/** Moves past the current line to the next one with content. */
function advance(r: Reader): void {
  r.i = nextContent(r, r.i + 1);
}

/** A block node whose first line (the current one) starts at `col`. */
function readNode(r: Reader, col: number): unknown {
  return isEntry(r.lines[r.i]!, col) ? readSequence(r, col) : readMapping(r, col);
}

/** A block mapping whose keys start at `col`, the first one on the current line. */
function readMapping(r: Reader, col: number): Record<string, unknown> {
  const map: Record<string, unknown> = {};
  // Keys a merge key brought in: a later key of the mapping may replace them once (js-yaml).
  let merged: Set<string> | null = null;
  for (;;) {
    const line = r.lines[r.i]!;
    KEY.lastIndex = col;
    const m = KEY.exec(line);
    if (!m) throw GIVE_UP;
    const at = KEY.lastIndex;
    if (m[4] !== undefined) {
      const source = readValue(r, at, col, false);
      if (source === null || typeof source !== 'object' || Array.isArray(source)) throw GIVE_UP;
      merged ??= new Set();
      for (const k of Object.keys(source)) {
        if (hasOwn(map, k)) continue;
        map[k] = (source as Record<string, unknown>)[k];
        merged.add(k);
      }
    } else {
      const key = m[1] !== undefined ? keyText(m[1]) : (m[2] ?? m[3]!);
      if (key === '__proto__' || (hasOwn(map, key) && !merged?.has(key))) throw GIVE_UP;
      map[key] = readValue(r, at, col, true);
      merged?.delete(key);
    }
    if (r.i >= r.lines.length) return map;
    const next = r.lines[r.i]!;
    const indent = indentOf(next);
    if (indent < col) return map;
    // Deeper: a scalar continued on the next line; a `-` here: a list where a key belongs.
    if (indent > col || isEntry(next, col)) throw GIVE_UP;
  }
}

/** A block list whose `-` markers stand at `col`, the first on the current line. */
function readSequence(r: Reader, col: number): unknown[] {
  const list: unknown[] = [];
  for (;;) {
    const line = r.lines[r.i]!;
    let at = col + 1;
    while (line.charCodeAt(at) === SPACE) at++;
    KEY.lastIndex = at;
    // `- key: value` opens a mapping whose keys start where this one does.
    list.push(at < line.length && KEY.test(line) ? readMapping(r, at) : readValue(r, at, col, false));
    if (r.i >= r.lines.length) return list;
    const next = r.lines[r.i]!;
    const indent = indentOf(next);
    if (indent === col && isEntry(next, col)) continue;
    if (indent > col) throw GIVE_UP;
    return list;
  }
}

/**
 * The value that starts at `at` on the current line, after the `key:` or `- ` of a node
 * whose own column is `owner`; leaves `r.i` on the next line with content. `listAtOwner`:
 * a list may stand at the owner's column (`key:` then `- item` at the key's indent).
 */
function readValue(r: Reader, at: number, owner: number, listAtOwner: boolean): unknown {
  const line = r.lines[r.i]!;
  if (at >= line.length) return readNested(r, owner, listAtOwner);
  const c = line.charCodeAt(at);
  if (c === HASH) return readNested(r, owner, listAtOwner);
  if (c === 0x26 || c === 0x2a) return readAnchored(r, at, owner, listAtOwner); // & *
  if (c === 0x7c || c === 0x3e) return readBlockScalar(r, at, owner); // | >
  let value: unknown;
  if (c === 0x22 || c === 0x27) value = readQuoted(line, at);
  else if (c === 0x5b || c === 0x7b) value = readFlow(line, at);
  else value = plainScalar(plainText(line, at));
  advance(r);
  return owned(value);
}

/** The node on the following lines (deeper than `owner`), or null when there is none. */
function readNested(r: Reader, owner: number, listAtOwner: boolean): unknown {
  advance(r);
  if (r.i >= r.lines.length) return null;
  const line = r.lines[r.i]!;
  const indent = indentOf(line);
  if (indent > owner) return readNode(r, indent);
  if (indent === owner && listAtOwner && isEntry(line, owner)) return readSequence(r, owner);
  return null;
}

/** `&name` before a block mapping or list on the following lines, or `*name` as a whole value. */
function readAnchored(r: Reader, at: number, owner: number, listAtOwner: boolean): unknown {
  ANCHOR.lastIndex = at;
  const m = ANCHOR.exec(r.lines[r.i]!);
  if (!m) throw GIVE_UP;
  const name = m[2]!;
  if (m[1] === '*') {
    if (!r.anchors.has(name)) throw GIVE_UP;
    advance(r);
    return r.anchors.get(name);
  }
  if (r.anchors.has(name)) throw GIVE_UP;
  const value = readNested(r, owner, listAtOwner);
  if (value === null) throw GIVE_UP;
  r.anchors.set(name, value);
  return value;
}

/** `'...'` or `"..."` closed on its line, followed by nothing or a comment. */
function readQuoted(line: string, at: number): string {
  const re = line.charCodeAt(at) === 0x22 ? DOUBLE : SINGLE;
  re.lastIndex = at;
  const m = re.exec(line);
  if (!m) throw GIVE_UP;
  LINE_END.lastIndex = re.lastIndex;
  if (!LINE_END.test(line)) throw GIVE_UP;
  const body = m[1]!;
  if (re === SINGLE) return body.includes("'") ? body.replaceAll("''", "'") : body;
  return body.includes('\\') ? body.replace(ESCAPE, unescapeOne) : body;
}

function unescapeOne(_all: string, e: string): string {
  if (e.length === 5) return String.fromCharCode(parseInt(e.slice(1), 16));
  const s = ESCAPES[e];
  if (s === undefined) throw GIVE_UP;
  return s;
}

/** `[a, b]` or `{k: v, k2: v2}` of plain scalars on one line. */
function readFlow(line: string, at: number): unknown {
  FLOW.lastIndex = at;
  const m = FLOW.exec(line);
  if (!m) throw GIVE_UP;
  const list = m[1] === '[';
  const inner = m[2]!;
  // The closing bracket must match the opening one: `[a}` is not read here.
  if (line.charCodeAt(at + 1 + inner.length) !== (list ? 0x5d : 0x7d)) throw GIVE_UP;
  const empty = /^ *$/.test(inner);
  if (list) return empty ? [] : inner.split(',').map((item) => flowScalar(item));
  const map: Record<string, unknown> = {};
  if (empty) return map;
  for (const item of inner.split(',')) {
    const p = FLOW_PAIR.exec(item);
    if (!p) throw GIVE_UP;
    const key = keyText(p[1]!);
    if (key === '__proto__' || hasOwn(map, key)) throw GIVE_UP;
    map[key] = flowScalar(p[2]!);
  }
  return map;
}

/** One plain item of a flow collection: no `:` (a pair), nothing empty (`[a,,b]`, `[a,]`). */
function flowScalar(item: string): unknown {
  const text = item.replace(/^ +| +$/g, '');
  if (text === '' || text.includes(':')) throw GIVE_UP;
  checkPlainStart(text, 0);
  return owned(plainScalar(text));
}

/** A plain scalar's text from `at` to a comment or the line end, trailing blanks removed. */
function plainText(line: string, at: number): string {
  checkPlainStart(line, at);
  const hash = line.indexOf(' #', at);
  let end = hash < 0 ? line.length : hash;
  while (line.charCodeAt(end - 1) === SPACE) end--;
  const text = line.slice(at, end);
  // `a: b: c` is an error in js-yaml, `a: b:` a key: neither is read here.
  if (text.includes(': ') || text.endsWith(':')) throw GIVE_UP;
  return text;
}

/** Plain scalars may not start with an indicator; `-x` is text, `- x` a list, `?` and `:` are left to js-yaml. */
function checkPlainStart(text: string, at: number): void {
  const c = text.charCodeAt(at);
  if ('?:,[]{}#&*!|>\'"%@`'.includes(text[at]!)) throw GIVE_UP;
  if (c === DASH && (at + 1 === text.length || text.charCodeAt(at + 1) === SPACE)) throw GIVE_UP;
}

/**
 * `|` (literal) or `>` (folded), clip or strip (`-`) chomping, its lines at one indent (a
 * deeper line, a blank line before the first or a blank line longer than the indent: left
 * to js-yaml), ending before the next line with content at a smaller indent.
 */
function readBlockScalar(r: Reader, at: number, owner: number): string {
  BLOCK_HEADER.lastIndex = at;
  const m = BLOCK_HEADER.exec(r.lines[r.i]!);
  if (!m) throw GIVE_UP;
  const { lines } = r;
  const start = r.i + 1;
  if (start >= lines.length) throw GIVE_UP;
  const indent = indentOf(lines[start]!);
  if (indent === lines[start]!.length || indent <= owner) throw GIVE_UP;
  const parts: string[] = [];
  let last = start;
  for (let j = start; j < lines.length; j++) {
    const line = lines[j]!;
    const lineIndent = indentOf(line);
    if (lineIndent === line.length) {
      if (lineIndent > indent) throw GIVE_UP;
      parts.push('');
      continue;
    }
    if (lineIndent < indent) break;
    if (lineIndent > indent) throw GIVE_UP;
    parts.push(line.slice(indent));
    last = j;
  }
  // A last line without a line break after it: left to js-yaml.
  if (last === lines.length - 1) throw GIVE_UP;
  // Blank lines after the last text are chomped (clip keeps one line break, strip none).
  parts.length = last - start + 1;
  let body: string;
  if (m[1] === '|') body = parts.join('\n');
  else {
    body = parts[0]!;
    let blanks = 0;
    for (let k = 1; k < parts.length; k++) {
      const part = parts[k]!;
      if (part === '') blanks++;
      else {
        body += (blanks > 0 ? '\n'.repeat(blanks) : ' ') + part;
        blanks = 0;
      }
    }
  }
  r.i = nextContent(r, last + 1);
  return owned(m[2] === '-' ? body : body + '\n') as string;
}

/**
 * A text value that does not point into the file's text. V8 keeps a substring of 13 or more
 * characters (a date, a case id) as a view of the string it was cut from, so one such value
 * kept by the model keeps the whole file's text alive: at L the loaded workspace held the
 * 190 MB of source text through them, and results kept after the workspace was dropped
 * (service cases) still held their logs' text. Concatenating and cutting again makes V8 copy
 * the characters into a string of their own (about 0.2 us each).
 */
function owned(v: unknown): unknown {
  return typeof v === 'string' && v.length >= 13 ? (' ' + v).slice(1) : v;
}

/** A plain key as js-yaml stores it: the typed scalar turned back into text (`6601`, `null`). */
function keyText(text: string): string {
  return String(plainScalar(text));
}

/** A plain scalar typed as js-yaml's core schema types it, for the forms read here. */
function plainScalar(s: string): unknown {
  const c = s.charCodeAt(0);
  // Not a digit, sign, dot or `~`: text, or one of the null and boolean words.
  if (!((c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2b || c === 0x2e || c === 0x7e)) {
    if (s.length === 4 || s.length === 5) {
      if (s === 'null' || s === 'Null' || s === 'NULL') return null;
      if (s === 'true' || s === 'True' || s === 'TRUE') return true;
      if (s === 'false' || s === 'False' || s === 'FALSE') return false;
    }
    return s;
  }
  if (s === '~') return null;
  if (DEC_INT.test(s)) {
    // js-yaml reads `-0` as 0, Number as -0.
    if (s === '-0') throw GIVE_UP;
    return Number(s);
  }
  // js-yaml: the sign times parseFloat of the rest.
  if (DEC_FLOAT.test(s)) return c === 0x2d ? -parseFloat(s.slice(1)) : parseFloat(s);
  if (MAYBE_NUMBER.test(s)) throw GIVE_UP;
  return s;
}

function hasOwn(o: object, k: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, k);
}
