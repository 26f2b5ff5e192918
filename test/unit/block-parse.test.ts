// The line-by-line reader of the fast path against js-yaml (core schema with merge keys),
// whose data it must give exactly whenever it answers: every example and generated file,
// generated scalars in every position, mutated files. (The fast path as a whole against the
// reference parser: load-fuzz.test.ts, which now runs through this reader too.)
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import jsYaml from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { generateWorkspace } from '../../scripts/gen.js';
import { blockParse } from '../../src/load/block-parse.js';
import { REPO } from '../helpers/run-cli.js';

const CORE_WITH_MERGE = jsYaml.CORE_SCHEMA.extend({ implicit: [(jsYaml as unknown as { types: { merge: jsYaml.Type } }).types.merge] });

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [path.join(dir, e.name)] : []));
}

/** js-yaml's data, or the error it throws. */
function reference(text: string): { data?: unknown; error?: unknown } {
  try {
    return { data: jsYaml.load(text, { schema: CORE_WITH_MERGE, json: false }) };
  } catch (error) {
    return { error };
  }
}

/** When the reader answers, js-yaml reads the same data: values (-0 apart from 0), key order, shared aliases. */
function expectSameAsJsYaml(text: string): boolean {
  const data = blockParse(text);
  if (data === undefined) return false;
  const ref = reference(text);
  expect(ref.error, text).toBeUndefined();
  expect(isDeepStrictEqual(data, ref.data), text).toBe(true);
  expect(JSON.stringify(data), text).toBe(JSON.stringify(ref.data));
  return true;
}

function mutate(text: string, edits: readonly { at: number; del: number; insert: string }[]): string {
  let out = text;
  for (const ed of edits) {
    const at = ed.at % (out.length + 1);
    out = out.slice(0, at) + ed.insert + out.slice(at + ed.del);
  }
  return out;
}

const generated = mkdtempSync(path.join(tmpdir(), 'opsplan-block-parse-'));
afterAll(() => rmSync(generated, { recursive: true, force: true }));

describe('block-parse', () => {
  const acme = listFiles(path.join(REPO, 'examples', 'acme'));
  const others = [...listFiles(path.join(REPO, 'examples')).filter((f) => !f.includes(`${path.sep}acme${path.sep}`)), ...listFiles(path.join(REPO, 'test', 'fixtures'))];

  it('reads every acme file (so a run over it never loads js-yaml) with js-yaml\'s data', () => {
    expect(acme.length).toBeGreaterThan(100);
    for (const f of acme) expect(expectSameAsJsYaml(readFileSync(f, 'utf8')), f).toBe(true);
  });

  it('gives js-yaml\'s data for every other example, fixture and generated file it reads', () => {
    generateWorkspace({ size: 'XS', out: path.join(generated, 'ok') });
    generateWorkspace({ size: 'XS', out: path.join(generated, 'bad'), withErrors: true });
    const files = [...others, ...listFiles(generated)];
    let answered = 0;
    for (const f of files) if (expectSameAsJsYaml(readFileSync(f, 'utf8').replace(/^\uFEFF/, ''))) answered++;
    expect(answered).toBeGreaterThan(files.length / 2);
  });

  it('types plain scalars as js-yaml does, or leaves them to it', () => {
    const chars = fc.constantFrom(...'0123456789.-+eExobB_~:#\'"[]{},&*!|>%@ antrulfsNTFI\\/'.split(''), 'é', '部');
    const scalar = fc.oneof(
      fc.array(chars, { minLength: 1, maxLength: 7 }).map((a) => a.join('')),
      fc.constantFrom('-0', '0', '-1', '1.50', '-0.0', '007', '1e3', '.5', '5.', '0x1F', '0o17', '0b1', '+1', '.inf', '-.Inf', '.NaN', '~', 'null', 'Null', 'NULL', 'nULL', 'true', 'TRUE', 'tRUE', 'False', '2026-11-30', '08:30', '1_000', '123456789012345', '1234567890123456', '0.1234567890123456', 'FY2026'),
    );
    let answered = 0;
    fc.assert(
      fc.property(scalar, (s) => {
        for (const text of [`k: ${s}\n`, `k:\n  - ${s}\n`, `${s}: 1\n`, `k: [${s}, x]\n`, `k: {a: ${s}}\n`, `k: "${s}"\n`, `k: '${s}'\n`, `k: >-\n  ${s}\n  ${s}\n`, `k: |\n  ${s}\n\n  ${s}\n`]) if (expectSameAsJsYaml(text)) answered++;
      }),
      { numRuns: 3000, seed: 20261201 },
    );
    expect(answered).toBeGreaterThan(3000);
  });

  it('reads block scalars, flow lines, anchors and merges as js-yaml does', () => {
    const read = [
      'a: >-\n  one\n  two\n\n  three\n\n\n  four\nb: 1\n',
      'a: >\n  one\n  two  \n# not a comment?\nb: |\n  x\n  # text\n\n  y\n\n\nc: |-\n    deep\n    er\n',
      'a:\n  - |\n    lit\n  - >-\n    fold\n    ed\n',
      'a: [x, 1, 2.5, null, -3, 2026-11-30]\n',
      'a: []\nb: {}\nc: { k: v, n: 1 }\n',
      'l:\n  - &c\n    a: 1\n    b: 2\n  - <<: *c\n    b: 3\n  - <<: *c\n',
      'd: &d\n  a: 1\ne:\n  b: 0\n  <<: *d\n  a: 5\n',
      'd: &d\n- 1\ne: *d\n',
      'a:\n- x\n- y\nb:\n  c:\n  d: ~\n',
      "q: 'it''s'\nd: \"tab\\there \\u00e9 \\\"x\\\"\"\n",
      'a: 1 # c\n# c\n  # c\nb: x#y\n',
    ];
    for (const text of read) expect(expectSameAsJsYaml(text), text).toBe(true);
    // Shapes left to js-yaml (or to its error): each gives undefined here.
    const left = [
      'a: b\n  c\n', // a plain scalar continued on the next line
      'a: 1\na: 2\n', // duplicate key
      '__proto__: 1\n',
      'a: >+\n  x\n',
      'a: |2\n   x\n',
      'a: >\n  x\n    deeper\n',
      'a: |\n\n  x\n',
      'a: |\n  x', // no line break after the last line
      'a: [1, [2]]\n',
      'a: [1,]\n',
      'a: [x, "q"]\n',
      'a: "x\\qy"\n',
      'a: -0\n',
      'a: 0x1F\n',
      'a: b: c\n',
      '--- \na: 1\n',
      'a: 1\n---\nb: 2\n',
      '- a\n',
      'a:\n\tb: 1\n',
      'a: 1\r\nb: 2\r\n',
      'a: !!str x\n',
      '? a\n: 1\n',
      'a: *nope\n',
      'a:\n    b: 1\n  c: 2\n', // a key between two indents
      'a:\n  - x\n  b: 1\n',
    ];
    for (const text of left) expect(blockParse(text), text).toBeUndefined();
  });

  it('gives js-yaml\'s data for mutated example files whenever it answers', () => {
    const texts = [...acme, ...others].map((f) => readFileSync(f, 'utf8'));
    const insert = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom(': ', '- ', '\n', '\n  ', '\n    ', ' #', '#', '"', "'", "''", '\\', '[', ']', '{', '}', ',', '&c\n', '*c', '<<: *c\n', '>-\n  ', '|\n  ', '\n\n', '  ', '-0', '1.5', '007', 'true', '~', '__proto__', '---\n', '%', '!'));
    let answered = 0;
    fc.assert(
      fc.property(fc.nat({ max: texts.length - 1 }), fc.array(fc.record({ at: fc.nat(), del: fc.nat({ max: 6 }), insert }), { minLength: 1, maxLength: 4 }), (index, edits) => {
        if (expectSameAsJsYaml(mutate(texts[index]!, edits))) answered++;
      }),
      { numRuns: 1500, seed: 20261201 },
    );
    expect(answered).toBeGreaterThan(300);
  }, 120000);
});
