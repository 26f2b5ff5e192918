// The one place that turns YAML text into data. Everything else sees `ParsedYaml`, so a
// faster parser can be put behind the same interface without touching the rest.
import { createRequire } from 'node:module';
import type * as YamlModule from 'yaml';
import type { Document, Node, Scalar } from 'yaml';
import type { Diagnostic } from '../model/diagnostic.js';

// The reference parser is loaded on first use: clean files take the js-yaml fast path
// (fast-parse.ts) and a run over them never needs it. Loading it cost about 60 ms of every
// start-up (`node -e "import('yaml')"`, quiet machine). The package ships CommonJS too.
let yamlModule: typeof YamlModule | undefined;
const yaml = (): typeof YamlModule => (yamlModule ??= createRequire(import.meta.url)('yaml') as typeof YamlModule);
const parseAllDocuments = ((...a: Parameters<typeof YamlModule.parseAllDocuments>) => yaml().parseAllDocuments(...a)) as typeof YamlModule.parseAllDocuments;
const visit = ((...a: Parameters<typeof YamlModule.visit>) => yaml().visit(...a)) as typeof YamlModule.visit;
const isAlias = ((n: unknown) => yaml().isAlias(n)) as typeof YamlModule.isAlias;
const isMap = ((n: unknown) => yaml().isMap(n)) as typeof YamlModule.isMap;
const isPair = ((n: unknown) => yaml().isPair(n)) as typeof YamlModule.isPair;
const isScalar = ((n: unknown) => yaml().isScalar(n)) as typeof YamlModule.isScalar;
const isSeq = ((n: unknown) => yaml().isSeq(n)) as typeof YamlModule.isSeq;

/** Limits applied while parsing untrusted files. */
export interface ParseLimits {
  /** Deepest flow nesting (`[` / `{`) accepted; checked before composing, see below. */
  maxFlowDepth: number;
  /** Most alias expansions per document (billion-laughs guard). */
  maxAliasCount: number;
}

/** Defaults: generous for real files, far below anything that hurts the process. */
export const DEFAULT_PARSE_LIMITS: ParseLimits = { maxFlowDepth: 64, maxAliasCount: 1000 };

/** A 1-based position. */
export interface Position {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

/** The result of parsing one file: its data and a way to find where a path is written. */
export interface ParsedYaml {
  /** Plain data (objects, arrays, strings, numbers, booleans, null); undefined on failure. */
  data: unknown;
  diagnostics: Diagnostic[];
  /** Finds the position of a JSON-pointer-like path (`/lines/3/account`). */
  locate(path: readonly (string | number)[], at?: 'key' | 'value'): Position;
  /** The YAML node at a path, for hints that depend on how a value was written. */
  nodeAt(path: readonly (string | number)[]): Node | null;
}

const PARSE_OPTIONS = {
  version: '1.2',
  // Pinning the schema keeps a `%YAML 1.1` directive from switching on 1.1 booleans/octals.
  schema: 'core',
  // Analysts use `<<: *defaults` for shared item defaults.
  merge: true,
  uniqueKeys: true,
  // Makes `1:` and `"1":` the same key, so the duplicate is reported instead of collapsing.
  stringKeys: true,
  prettyErrors: false,
  strict: true,
} as const;

/** Explicit tags we accept: `!!str` is a legitimate way to force a code to be a string. */
const ALLOWED_TAGS = new Set(['tag:yaml.org,2002:str', '!!str']);

/**
 * Counts flow-collection depth with the lexer only. yaml's composer recurses per level, and
 * after one very deep document a second one in the same process can abort V8 (uncatchable),
 * so excessive depth is refused before composing.
 */
function flowDepthExceeds(text: string, max: number): number | null {
  let depth = 0;
  let offset = 0;
  for (const token of new (yaml().Lexer)().lex(text)) {
    if (token === '[' || token === '{') {
      depth++;
      if (depth > max) return offset;
    } else if (token === ']' || token === '}') {
      depth = Math.max(0, depth - 1);
    }
    // The lexer interleaves one-character control tokens (document, flow end, scalar
    // markers) that are not in the source; they must not move the offset.
    if (token !== '\x02' && token !== '\x18' && token !== '\x1f') offset += token.length;
  }
  return null;
}

function diag(file: string, code: string, message: string, pos: Position, path = ''): Diagnostic {
  return { code, severity: 'error', message, file, line: pos.line, column: pos.column, path, endLine: pos.endLine, endColumn: pos.endColumn };
}

/** Parses one YAML file safely; user mistakes come back as diagnostics, never exceptions. */
export function parseYaml(text: string, file: string, limits: ParseLimits = DEFAULT_PARSE_LIMITS): ParsedYaml {
  const lineCounter = new (yaml().LineCounter)();
  const posAt = (offset: number): Position => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  const failed = (diagnostics: Diagnostic[]): ParsedYaml => ({
    data: undefined,
    diagnostics,
    locate: () => ({ line: 1, column: 1 }),
    nodeAt: () => null,
  });
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;

  const deepAt = flowDepthExceeds(body, limits.maxFlowDepth);
  if (deepAt !== null) {
    const before = body.slice(0, deepAt);
    const line = before.split('\n').length;
    const column = deepAt - before.lastIndexOf('\n');
    return failed([
      diag(file, 'yaml/too-deep', `nesting deeper than ${limits.maxFlowDepth} levels of [ ] or { }; opsplan files are a few levels deep, so this file is malformed or hostile`, { line, column }),
    ]);
  }

  const directive = /^%YAML[ \t]+(\S+)/m.exec(body);
  if (directive && directive[1] !== '1.2') {
    const line = body.slice(0, directive.index).split('\n').length;
    return failed([
      diag(file, 'yaml/version-directive', `"%YAML ${directive[1]}" is not supported: opsplan reads YAML 1.2 only (in 1.1, NO means false and 0755 means 493); remove the directive`, { line, column: 1 }),
    ]);
  }

  const docs = parseAllDocuments(body, { ...PARSE_OPTIONS, lineCounter });
  const list = Array.isArray(docs) ? docs : [docs];
  if (list.length === 0) {
    return failed([diag(file, 'yaml/empty', 'the file has no YAML document (it is empty or only comments); start it with kind: and version: 1', { line: 1, column: 1 })]);
  }
  if (list.length > 1) {
    const second = list[1]!;
    const start = second.range?.[0] ?? 0;
    return failed([
      diag(file, 'yaml/multiple-documents', `the file holds ${list.length} YAML documents separated by ---; put each document in its own file`, posAt(start)),
    ]);
  }
  const doc = list[0]! as Document.Parsed;
  const { diagnostics, notes } = composeFindings(doc, body, file, posAt);
  // Explicit tags (`!!binary`, `!!set`, `!!js/function`) would otherwise turn into Buffers,
  // Sets or strings silently; data files need none of them.
  const tagged = new Set<number>(diagnostics.filter((d) => d.code === 'yaml/tag').map((d) => d.line));
  visit(doc, (_key, node) => {
    if ((isScalar(node) || isMap(node) || isSeq(node)) && node.tag && !ALLOWED_TAGS.has(node.tag) && node.range) {
      // The node's range starts after the tag; point at the tag itself when it is on the same line.
      const start = node.range[0];
      const lineStart = body.lastIndexOf('\n', start - 1) + 1;
      const m = /!\S*[ \t]*$/.exec(body.slice(lineStart, start));
      const pos = posAt(m ? lineStart + m.index : start);
      if (!tagged.has(pos.line)) {
        diagnostics.push(diag(file, 'yaml/tag', `explicit tag ${node.tag.replace('tag:yaml.org,2002:', '!!')} is not allowed in opsplan files; remove the tag and write a plain value`, pos));
        tagged.add(pos.line);
      }
    }
  });
  if (diagnostics.length > 0) return failed([...diagnostics, ...notes]);

  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    return failed([diag(file, 'yaml/empty', 'the file has no content (it is empty or only comments); start it with kind: and version: 1', { line: 1, column: 1 })]);
  }
  if (!isMap(doc.contents)) {
    const what = isSeq(doc.contents) ? 'a list' : 'a single value';
    const r = doc.contents.range;
    return failed([diag(file, 'yaml/not-a-mapping', `the top level is ${what}; an opsplan file is a mapping that starts with kind: and version: 1`, posAt(r ? r[0] : 0))]);
  }

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: limits.maxAliasCount });
  } catch (e) {
    // yaml throws ReferenceError for alias floods and unknown anchors, with no position:
    // point at the first alias in the file.
    let pos: Position = { line: 1, column: 1 };
    visit(doc, {
      Alias(_k, node) {
        if (node.range) pos = posAt(node.range[0]);
        return yaml().visit.BREAK;
      },
    });
    const msg = e instanceof Error ? e.message : String(e);
    const code = /excessive alias count/i.test(msg) ? 'yaml/alias-limit' : 'yaml/alias';
    const text = code === 'yaml/alias-limit' ? `aliases expand to more than ${limits.maxAliasCount} nodes (an alias bomb?); opsplan caps alias expansion` : `${msg}; define the anchor (&name) before using *name`;
    return failed([diag(file, code, text, pos)]);
  }

  const nodeAt = (path: readonly (string | number)[]): Node | null => findNode(doc.contents as Node, path);
  const locate = (path: readonly (string | number)[], at: 'key' | 'value' = 'value'): Position => {
    let node: Node | null = doc.contents as Node;
    let keyNode: Node | null = null;
    // Walk as far as the path exists: a missing leaf points at its closest ancestor.
    for (const seg of path) {
      const next = childOf(node, seg);
      if (!next) break;
      keyNode = next.key;
      node = next.value;
    }
    const target = at === 'key' && keyNode ? keyNode : node ?? keyNode;
    const range = target?.range;
    if (!range) return { line: 1, column: 1 };
    const start = posAt(range[0]);
    const end = posAt(range[1]);
    return { ...start, endLine: end.line, endColumn: end.column };
  };
  return { data, diagnostics: notes, locate, nodeAt };
}

/** What a key written as a collection or alias looks like, from its first character. */
const KEY_SHAPES: Readonly<Record<string, string>> = { '[': 'a list', '-': 'a list', '{': 'a mapping', '*': 'an alias (*name)' };

/**
 * The composer's errors and warnings in plain words. Valid YAML that no opsplan schema can
 * hold (a key that is a list, a mapping or an alias) gets its own code, never `yaml/syntax`;
 * tab indentation is said once per block of lines, with the fix; a reserved directive and an
 * anchor name ending in ':' are valid YAML and only warned about (`notes`).
 */
function composeFindings(doc: Document.Parsed, body: string, file: string, posAt: (offset: number) => Position): { diagnostics: Diagnostic[]; notes: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const notes: Diagnostic[] = [];
  const tabLines = new Set(doc.errors.filter((e) => e.code === 'TAB_AS_INDENT').map((e) => posAt(e.pos[0]).line));
  // One finding per block of consecutive tab-indented lines; errors that follow from the
  // tabs on those lines (implicit keys, sequences as keys) are the same mistake.
  for (const line of [...tabLines].sort((a, b) => a - b)) {
    if (tabLines.has(line - 1)) continue;
    let last = line;
    while (tabLines.has(last + 1)) last++;
    const where = last === line ? `line ${line}` : `lines ${line}-${last}`;
    diagnostics.push(diag(file, 'yaml/tab-indent', `tabs are not allowed as indentation in YAML (${where}); replace tabs with spaces`, { line, column: 1 }));
  }
  for (const e of doc.errors) {
    const pos = posAt(e.pos[0]);
    if (tabLines.has(pos.line)) continue;
    if (e.code === 'DUPLICATE_KEY') diagnostics.push(diag(file, 'yaml/duplicate-key', 'duplicate key: each key may appear once in a mapping (1 and "1" are the same key); remove or rename one', pos));
    else if (e.code === 'NON_STRING_KEY') {
      // A tagged key is reported as a tag below.
      if (body[e.pos[0]] === '!') continue;
      const shape = KEY_SHAPES[body[e.pos[0]] ?? ''] ?? 'a list or a mapping';
      diagnostics.push(diag(file, 'yaml/non-text-key', `this key is written as ${shape}: valid YAML, but every key in an opsplan file is text (a field name or a code); write the key as plain text`, pos));
    } else diagnostics.push(diag(file, 'yaml/syntax', `YAML syntax error: ${e.message.split('\n')[0] ?? e.message}`, pos));
  }
  for (const w of doc.warnings) {
    const pos = posAt(w.pos[0]);
    const first = w.message.split('\n')[0] ?? w.message;
    if (w.code === 'TAG_RESOLVE_FAILED') diagnostics.push(diag(file, 'yaml/tag', `${first}; opsplan does not accept custom tags, write a plain value`, pos));
    else if (w.code === 'BAD_DIRECTIVE') {
      const name = /%\S+/.exec(first)?.[0] ?? 'directive';
      notes.push({ ...diag(file, 'yaml/unknown-directive', `the directive ${name} is reserved by YAML and ignored; remove the line`, pos), severity: 'warning' });
    } else if (w.code === 'BAD_ALIAS') {
      // The position is the name's last character; the name starts at the & or * before it.
      const start = Math.max(body.lastIndexOf('&', w.pos[0]), body.lastIndexOf('*', w.pos[0]));
      const name = body.slice(start, w.pos[0] + 1);
      notes.push({ ...diag(file, 'yaml/ambiguous-anchor', `${name} is valid YAML, but its name ends in ':', which reads like a key; rename the anchor and its aliases without the ':'`, posAt(start)), severity: 'warning' });
    }
    // Any other warning may hide a changed value: an error, as before.
    else diagnostics.push(diag(file, 'yaml/syntax', `YAML syntax error: ${first}`, pos));
  }
  return { diagnostics, notes };
}

function childOf(node: Node | null, seg: string | number): { key: Node | null; value: Node | null } | null {
  if (!node) return null;
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const k = pair.key as Node | null;
      // Keys typed as numbers (`2024:`) must match their string form.
      const name = isScalar(k) ? String((k as Scalar).value) : undefined;
      if (name === String(seg)) return { key: k, value: (pair.value as Node | null) ?? k };
    }
    // A merged key (`<<: *defaults`) lives in the anchor: look through merges.
    for (const pair of node.items) {
      if (isPair(pair) && isScalar(pair.key) && (pair.key as Scalar).value === '<<') {
        const source = isAlias(pair.value) ? null : (pair.value as Node | null);
        const found = childOf(source, seg);
        if (found) return found;
      }
    }
    return null;
  }
  if (isSeq(node)) {
    const idx = typeof seg === 'number' ? seg : Number(seg);
    const item = Number.isInteger(idx) ? (node.items[idx] as Node | undefined) : undefined;
    return item ? { key: null, value: item } : null;
  }
  return null;
}

function findNode(root: Node | null, path: readonly (string | number)[]): Node | null {
  let node: Node | null = root;
  for (const seg of path) {
    const next = childOf(node, seg);
    if (!next) return null;
    node = next.value;
  }
  return node;
}

/** True when a node is a plain (unquoted) scalar, i.e. YAML decided its type. */
export function isPlainScalar(node: Node | null): node is Scalar {
  return !!node && isScalar(node) && (node as Scalar).type === 'PLAIN';
}
