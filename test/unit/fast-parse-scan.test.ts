// The fast-path scanner (needsReferenceParser) passes over plain lines in one regular
// expression (PLAIN_LINES in src/load/fast-parse.ts); that may only make it faster: with and
// without the skip it gives the same answer on every example and fixture file, on mutated
// files and on generated lines of the shapes the skip looks at.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { needsReferenceParser } from '../../src/load/fast-parse.js';
import { REPO } from '../helpers/run-cli.js';
import { applyEdits } from '../helpers/text-edits.js';

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [path.join(dir, e.name)] : []));
}

/** The scanner's answer with the skip, checked against the answer without it. */
function scan(text: string): boolean {
  const answer = needsReferenceParser(text, 100);
  expect(answer, JSON.stringify(text)).toBe(needsReferenceParser(text, 100, false));
  return answer;
}

describe('fast-path scanner: skipping plain lines', () => {
  const files = [...listFiles(path.join(REPO, 'examples')), ...listFiles(path.join(REPO, 'test', 'fixtures'))].map((f) => readFileSync(f, 'utf8'));

  it('answers as without the skip on every example and fixture file', () => {
    expect(files.length).toBeGreaterThan(150);
    let passed = 0;
    for (const text of files) if (!scan(text)) passed++;
    // Most files pass the scanner (acme's all do), so the skip is exercised.
    expect(passed).toBeGreaterThan(files.length / 2);
  });

  it('answers as without the skip on lines near the edges of the skipped shape', () => {
    const lines = [
      'true: 1', 'True: 1', 'TRUE: 1', 'nULL: x', 'False:', 'Truex: 1', 'null: 1', 'name: 1', 'n: 1', '_x: 1', '0100: a', '~: a', '1e3: b', '-x: a',
      'a: "x"#c', "a: 'x'#c", 'a: "x" #c', "a: 'x' # c", 'a: "x', "a: 'x", "a: 'it''s'", 'a: "a\\"b"', 'a: "a # b"', 'a: b#c', 'a: b #c', '#c', '  # c', ' - #c',
      'a: [1, 2]', 'a: {b: 1}', 'a: [1,', '  2]', 'a: &x', 'a: *x', '<<: *x', 'a: !!str b', 'a: !x b', '%YAML 1.2', '? a', ': a', 'a: b: c', 'a:b', 'a:  ', 'a:\tb', 'a: b\r',
      '- a', '- - a', '-- a', '- a: 1', '  - b: "q"', "  - 'q'", '- "q"', '"k": v', "'k': v", 'a: 09:30', 'a: x*y', 'a: x & y', 'a: 5 * 3', 'a: what?', 'a: 100%', 'a: wow!', 'a: ]#',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...lines), { minLength: 1, maxLength: 6 }), fc.array(fc.constantFrom('', '  ', '    '), { minLength: 6, maxLength: 6 }), fc.boolean(), (picked, indents, lastBreak) => {
        scan(picked.map((l, k) => indents[k] + l).join('\n') + (lastBreak ? '\n' : ''));
      }),
      { numRuns: 3000, seed: 20261201 },
    );
  });

  it('answers as without the skip on mutated example files', () => {
    const insert = fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom(': ', '- ', '\n', '\n  ', ' #', '#', '"', "'", "''", '\\', '[', ']', '{', '}', ',', '&c', '*c', '<<: *c\n', '?', '%', '!', 'True', '\t', '\r'));
    fc.assert(
      fc.property(fc.nat({ max: files.length - 1 }), fc.array(fc.record({ at: fc.nat(), del: fc.nat({ max: 4 }), insert }), { minLength: 1, maxLength: 4 }), (index, edits) => {
        const text = applyEdits(files[index]!, edits);
        scan(text);
      }),
      { numRuns: 1500, seed: 20261201 },
    );
  });
});
