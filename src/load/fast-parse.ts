// The fast path of YAML parsing: js-yaml (core schema) for files that can be read without
// positions. It answers `undefined` whenever the reference parser (parse-yaml.ts) could see
// the file differently or must report a problem: then the caller uses the reference path.
import jsYaml from 'js-yaml';
import type { ParseLimits } from './parse-yaml.js';

const SEPARATOR = new Set([' ', '\t', '\n', '\r', '[', '{', ',']);

/**
 * One pass over the text that says whether js-yaml and the reference parser could read it
 * differently, or the reference parser must report something:
 * - a directive line (`%YAML 1.1`);
 * - an alias or anchor (`*a`, `&a`): aliases need the expansion cap, merges need `<<`;
 * - an explicit key (`? key`): the two name a null key differently;
 * - a quoted scalar that continues on the next line: js-yaml folds such scalars even where
 *   the YAML 1.2 indentation rules (and the reference parser) reject them.
 * A small tokenizer tracks quotes per line. An apostrophe in plain text looks like an open
 * quote and a `*` in prose can look like an alias: both only cost the slower path.
 */
export function needsReferenceParser(text: string): boolean {
  let state: 'none' | 'dq' | 'sq' = 'none';
  let prev = '\n';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (state === 'dq') {
      if (c === '\\') i++;
      else if (c === '"') {
        state = 'none';
        // `"x"#c`: js-yaml takes the comment, YAML 1.2 wants white space before it.
        if (text[i + 1] === '#') return true;
      }
      else if (c === '\n') return true;
    } else if (state === 'sq') {
      if (c === "'") {
        if (text[i + 1] === "'") i++;
        else {
          state = 'none';
          if (text[i + 1] === '#') return true;
        }
      } else if (c === '\n') return true;
    } else if ((c === ']' || c === '}') && text[i + 1] === '#') return true;
    else if (c === '"') state = 'dq';
    else if (c === "'") state = 'sq';
    else if (SEPARATOR.has(prev)) {
      if (c === '#') {
        const nl = text.indexOf('\n', i);
        if (nl < 0) return false;
        i = nl;
      } else if (c === '*' || c === '&') {
        const next = text[i + 1];
        if (next !== undefined && !SEPARATOR.has(next) && next !== ']' && next !== '}') return true;
      } else if (c === '?') {
        const next = text[i + 1];
        if (next === undefined || next === ' ' || next === '\t' || next === '\n' || next === '\r') return true;
      } else if (c === '%' && prev === '\n') return true;
    }
    prev = text[i]!;
  }
  return state !== 'none';
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
