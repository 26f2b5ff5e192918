// The fast path of YAML parsing: js-yaml (core schema) for files that can be read without
// positions. It answers `undefined` whenever the reference parser (parse-yaml.ts) could see
// the file differently or must report a problem: then the caller uses the reference path.
import jsYaml from 'js-yaml';
import type { ParseLimits } from './parse-yaml.js';

/** Character codes after which `#`, `*`, `&`, `?` and `%` start something: blanks, line breaks, `[`, `{`, `,`. */
const SEPARATOR = new Uint8Array(128);
for (const ch of ' \t\n\r[{,') SEPARATOR[ch.charCodeAt(0)] = 1;

const isSeparator = (c: number): boolean => c < 128 && SEPARATOR[c] === 1;

const NL = 10;
const CR = 13;
const TAB = 9;
const SPACE = 32;
const DQ = 34;
const SQ = 39;
const HASH = 35;
const BACKSLASH = 92;

/**
 * One pass over the text that says whether js-yaml and the reference parser could read it
 * differently, or the reference parser must report something:
 * - a directive line (`%YAML 1.1`);
 * - an alias or anchor (`*a`, `&a`): aliases need the expansion cap, merges need `<<`;
 * - an explicit key (`? key`): the two name a null key differently;
 * - a quoted scalar that continues on the next line: js-yaml folds such scalars even where
 *   the YAML 1.2 indentation rules (and the reference parser) reject them.
 * - a flow collection (`[`, `{`) continued on a line indented no deeper than the block node it
 *   sits in: js-yaml reads `monthly: [1,\n  2]` under a key at that indent, the YAML 1.2 rules
 *   (and the reference parser) reject it ("must be sufficiently indented").
 * A small tokenizer tracks quotes per line. An apostrophe in plain text looks like an open
 * quote and a `*` in prose can look like an alias: both only cost the slower path. Quotes
 * count only after a separator: mid-word apostrophes in prose are literal in YAML.
 */
export function needsReferenceParser(text: string): boolean {
  // Character codes, not one-character strings: this runs over every byte of the workspace.
  let state: 'none' | 'dq' | 'sq' = 'none';
  let prev = NL;
  let flowDepth = 0;
  let flowIndent = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
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
    else if (isSeparator(prev)) {
      if (c === HASH) {
        const nl = text.indexOf('\n', i);
        if (nl < 0) return false;
        i = nl;
        if (flowDepth > 0 && continuesTooShallow(text, nl + 1, flowIndent)) return true;
      } else if (c === 0x2a || c === 0x26) {
        // `*alias`, `&anchor` (a lone `*` or `&` is plain text).
        const next = text.charCodeAt(i + 1);
        if (!Number.isNaN(next) && !isSeparator(next) && next !== 0x5d && next !== 0x7d) return true;
      } else if (c === 0x3f) {
        // `? key`
        const next = text.charCodeAt(i + 1);
        if (Number.isNaN(next) || next === SPACE || next === TAB || next === NL || next === CR) return true;
      } else if (c === 0x25 && prev === NL) return true; // %DIRECTIVE
    }
    // After a skip (escape, comment) this is the character landed on, as before the skip.
    prev = text.charCodeAt(i);
  }
  return state !== 'none';
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
  if (needsReferenceParser(text)) return undefined;
  let data: unknown;
  try {
    // CORE_SCHEMA: YAML 1.2 core types only; unknown tags, duplicate keys and several
    // documents throw. A stack overflow on absurd nesting is a RangeError, caught here too.
    data = jsYaml.load(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, { schema: jsYaml.CORE_SCHEMA, json: false });
  } catch {
    return undefined;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  if (depthExceeds(data, limits.maxFlowDepth)) return undefined;
  return data as Record<string, unknown>;
}
