// Finds where a path is written in a file that took the fast path, without the reference
// parser: a run over a clean workspace whose only finding is a cross-file warning (acme's
// unbudgeted account) used to load the `yaml` package (about 30 ms and 70 modules) and
// re-parse the file just for that warning's line and column. Only the plain shapes are
// handled here: block mappings and lists down to a one-line scalar (or a key); anything else
// (flow collections, block scalars, multi-line scalars, merge keys, aliases, escapes, a
// missing path) answers undefined and the caller asks the reference parser. A test compares
// both on every path of every example file and on mutated files.
import { COLON, CR, DASH, DQ, HASH, SPACE, SQ, TAB } from './char-codes.js';
import type { Position } from './parse-yaml.js';


/** One line of the text: where it starts, where its content starts, where it ends (before CR LF). */
interface Line {
  start: number;
  content: number;
  end: number;
  /** Empty or only a comment. */
  blank: boolean;
}

/** A block node: a mapping or a list whose entries sit at column `col`, from line `line` on. */
interface Block {
  kind: 'mapping' | 'list';
  line: number;
  col: number;
  /** Offset of the node's first entry on its first line (after any `- ` markers before it). */
  first: number;
}

/** A scalar written on one line: its offsets, as the reference parser's range gives them. */
interface Span {
  start: number;
  end: number;
}

/** A located child: the key's span (mappings), and the value as a block, a scalar or empty. */
interface Child {
  key: Span | null;
  value: Block | Span | 'empty';
}

/** Thrown inside to give up: some shape this locator does not read. */
class Unsure extends Error {}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    let nl = text.indexOf('\n', start);
    if (nl < 0) nl = text.length;
    const end = nl > start && text.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
    let content = start;
    while (text.charCodeAt(content) === SPACE) content++;
    if (text.charCodeAt(content) === TAB) throw new Unsure();
    lines.push({ start, content, end, blank: content >= end || text.charCodeAt(content) === HASH });
    start = nl + 1;
  }
  return lines;
}

const isBlankAt = (text: string, i: number, end: number): boolean => i >= end || text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB;

/** Whether a `- ` entry marker stands at `i`. */
const dashAt = (text: string, i: number, end: number): boolean => text.charCodeAt(i) === DASH && isBlankAt(text, i + 1, end);

/** A one-line scalar starting at `i` (plain or quoted without escapes), or Unsure. */
function scalarAt(text: string, i: number, end: number): Span {
  const c = text.charCodeAt(i);
  if (c === DQ || c === SQ) {
    const close = text.indexOf(String.fromCharCode(c), i + 1);
    if (close < 0 || close >= end) throw new Unsure();
    const inner = text.slice(i + 1, close);
    if ((c === DQ && inner.includes('\\')) || (c === SQ && text.charCodeAt(close + 1) === SQ)) throw new Unsure();
    let after = close + 1;
    while (after < end && (text.charCodeAt(after) === SPACE || text.charCodeAt(after) === TAB)) after++;
    if (after < end && text.charCodeAt(after) !== HASH) throw new Unsure();
    return { start: i, end: close + 1 };
  }
  // Indicators that start something other than a plain scalar.
  if ('[]{}|>&*!%@`,?#-'.includes(text[i]!) && !(c === DASH && !isBlankAt(text, i + 1, end))) throw new Unsure();
  let stop = end;
  const comment = text.indexOf(' #', i);
  if (comment >= 0 && comment < stop) stop = comment;
  const tabComment = text.indexOf('\t#', i);
  if (tabComment >= 0 && tabComment < stop) stop = tabComment;
  while (stop > i && (text.charCodeAt(stop - 1) === SPACE || text.charCodeAt(stop - 1) === TAB)) stop--;
  const value = text.slice(i, stop);
  if (value.includes(': ') || value.endsWith(':')) throw new Unsure();
  return { start: i, end: stop };
}

/** The key written at `i` (`key:` with a plain or simply quoted key): its span, text and where its value starts. */
function keyAt(text: string, i: number, end: number): { span: Span; name: string; after: number } | null {
  const c = text.charCodeAt(i);
  let span: Span;
  let name: string;
  let colon: number;
  if (c === DQ || c === SQ) {
    const close = text.indexOf(String.fromCharCode(c), i + 1);
    if (close < 0 || close >= end) return null;
    name = text.slice(i + 1, close);
    if ((c === DQ && name.includes('\\')) || (c === SQ && text.charCodeAt(close + 1) === SQ)) throw new Unsure();
    span = { start: i, end: close + 1 };
    colon = close + 1;
    while (text.charCodeAt(colon) === SPACE) colon++;
    if (text.charCodeAt(colon) !== COLON || !isBlankAt(text, colon + 1, end)) return null;
  } else {
    colon = i;
    for (;;) {
      colon = text.indexOf(':', colon);
      if (colon < 0 || colon >= end) return null;
      if (isBlankAt(text, colon + 1, end)) break;
      colon++;
    }
    let stop = colon;
    while (stop > i && text.charCodeAt(stop - 1) === SPACE) stop--;
    name = text.slice(i, stop);
    if (name === '' || name.includes(' #') || /^[[\]{}|>&*!%@`,?#"'~-]/.test(name) || /^(?:true|false|null)$/i.test(name)) throw new Unsure();
    span = { start: i, end: stop };
  }
  return { span, name, after: colon + 1 };
}

/** The first line after `from` with content, or -1. */
function nextContent(lines: readonly Line[], from: number): number {
  for (let j = from + 1; j < lines.length; j++) if (!lines[j]!.blank) return j;
  return -1;
}

/**
 * The value after a key or an entry marker that ends its line: a block on the next lines
 * (deeper than `col`, or a list at `col` itself after a key), or empty.
 */
function valueBelow(text: string, lines: readonly Line[], line: number, col: number, afterKey: boolean): Block | 'empty' {
  const j = nextContent(lines, line);
  if (j < 0) return 'empty';
  const l = lines[j]!;
  const indent = l.content - l.start;
  const dash = dashAt(text, l.content, l.end);
  if (indent < col || (indent === col && !(afterKey && dash))) return 'empty';
  if (dash) return { kind: 'list', line: j, col: indent, first: l.content };
  if (!keyAt(text, l.content, l.end)) throw new Unsure();
  return { kind: 'mapping', line: j, col: indent, first: l.content };
}

/** The value starting at `i` on line `line` of a node at column `col` (`afterKey`: a mapping value). */
function valueAt(text: string, lines: readonly Line[], line: number, i: number, col: number, afterKey: boolean): Block | Span | 'empty' {
  const l = lines[line]!;
  let v = i;
  while (v < l.end && (text.charCodeAt(v) === SPACE || text.charCodeAt(v) === TAB)) v++;
  if (v >= l.end || text.charCodeAt(v) === HASH) return valueBelow(text, lines, line, col, afterKey);
  const column = v - l.start;
  if (!afterKey && dashAt(text, v, l.end)) return { kind: 'list', line, col: column, first: v };
  if (!afterKey && keyAt(text, v, l.end)) return { kind: 'mapping', line, col: column, first: v };
  const span = scalarAt(text, v, l.end);
  // A plain scalar may go on over deeper lines (and a comment there is unclear): give up.
  const next = nextContent(lines, line);
  const deeper = lines.slice(line + 1, next < 0 ? lines.length : next + 1).some((x) => x.content < x.end && x.content - x.start > col);
  if (deeper) throw new Unsure();
  return span;
}

/** The entry of a block mapping or list named by `seg`, or Unsure. */
function childOf(text: string, lines: readonly Line[], block: Block, seg: string | number): Child {
  let index = 0;
  for (let j = block.line; j < lines.length; j++) {
    const l = lines[j]!;
    if (l.blank) continue;
    let at: number;
    if (j === block.line) at = block.first;
    else {
      const indent = l.content - l.start;
      if (indent > block.col) continue;
      if (indent < block.col) break;
      at = l.content;
    }
    const dash = dashAt(text, at, l.end);
    if (block.kind === 'list') {
      if (!dash) break;
      // Paths from schema errors carry indexes as text (`/lines/5`).
      if (index++ === Number(seg) && String(seg).trim() !== '') return { key: null, value: valueAt(text, lines, j, at + 1, block.col, false) };
      continue;
    }
    // In a mapping, a list at the key's own column belongs to the key before it.
    if (dash) continue;
    const key = keyAt(text, at, l.end);
    if (!key) throw new Unsure();
    if (key.name === '<<') throw new Unsure();
    if (key.name === String(seg)) return { key: key.span, value: valueAt(text, lines, j, key.after, block.col, true) };
  }
  throw new Unsure();
}

function position(lines: readonly Line[], span: Span): Position {
  const pos = (offset: number): { line: number; column: number } => {
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lines[mid]!.start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - lines[lo]!.start + 1 };
  };
  const s = pos(span.start);
  const e = pos(span.end);
  return { line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
}

/**
 * The position of `path` in `text` (a file the fast path read) as the reference parser's
 * `locate` gives it, or undefined when the shape is not one read here.
 */
export function locatePlain(text: string, path: readonly (string | number)[], at: 'key' | 'value' = 'value'): Position | undefined {
  if (path.length === 0 || text.charCodeAt(0) === 0xfeff || /^(?:---|\.\.\.)(?:[ \t]|\r?$)/m.test(text)) return undefined;
  try {
    const lines = splitLines(text);
    const root = nextContent(lines, -1);
    if (root < 0 || lines[root]!.content !== lines[root]!.start) return undefined;
    let node: Block | Span | 'empty' = { kind: 'mapping', line: root, col: 0, first: lines[root]!.start };
    let key: Span | null = null;
    for (const seg of path) {
      if (node === 'empty' || !('kind' in node)) return undefined;
      const child = childOf(text, lines, node, seg);
      key = child.key;
      node = child.value;
    }
    const target = at === 'key' && key ? key : node;
    // An empty value has a zero-width node in the reference parser; blocks have ranges that
    // run to the next content: both are left to it.
    if (target === 'empty' || 'kind' in target) return undefined;
    return position(lines, target);
  } catch (e) {
    if (e instanceof Unsure) return undefined;
    throw e;
  }
}
