// The light locator (src/load/locate-plain.ts) must give exactly the reference parser's
// positions whenever it answers: on every path of every example file, and on mutated files.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastParse } from '../../src/load/fast-parse.js';
import { locatePlain } from '../../src/load/locate-plain.js';
import { DEFAULT_PARSE_LIMITS, parseYaml } from '../../src/load/parse-yaml.js';
import { REPO } from '../helpers/run-cli.js';
import { applyEdits } from '../helpers/text-edits.js';

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : e.name.endsWith('.yaml') ? [path.join(dir, e.name)] : []));
}

const examples = listFiles(path.join(REPO, 'examples')).map((f) => readFileSync(f, 'utf8'));

/** Every path into the data; list indexes both as numbers and as text (schema paths are text). */
function pathsOf(v: unknown, pre: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(v)) return v.flatMap((x, i) => [[...pre, i], [...pre, String(i)], ...pathsOf(x, [...pre, i])]);
  if (v !== null && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => [[...pre, k], ...pathsOf(x, [...pre, k])]);
  return [];
}

/** Compares both locators on every path of a file the fast path reads; returns how many answered. */
function compareAll(text: string): number {
  const data = fastParse(text, DEFAULT_PARSE_LIMITS);
  if (data === undefined) return 0;
  const reference = parseYaml(text, 'x.yaml');
  let answered = 0;
  for (const p of [...pathsOf(data), ['no-such-key'], ['lines', 999]]) {
    for (const at of ['key', 'value'] as const) {
      const mine = locatePlain(text, p, at);
      if (mine === undefined) continue;
      answered++;
      expect(mine, `${JSON.stringify(p)} ${at} in ${JSON.stringify(text.slice(0, 80))}`).toEqual(reference.locate(p, at));
    }
  }
  return answered;
}

describe('locatePlain', () => {
  it('gives the reference parser\'s position on every path of every example file it answers', () => {
    const answered = examples.reduce((n, text) => n + compareAll(text), 0);
    // About 8,600 of 15,000 locations (the rest are blocks, empty values and missing paths).
    expect(answered).toBeGreaterThan(5000);
  });

  it('answers the unbudgeted account of acme without the reference parser', () => {
    const text = readFileSync(path.join(REPO, 'examples/acme/actuals/2026-11/supply-chain.yaml'), 'utf8');
    expect(locatePlain(text, ['lines', '5', 'account'])).toEqual({ line: 17, column: 14, endLine: 17, endColumn: 20 });
    expect(locatePlain(text, ['lines', 5, 'amount'])).toEqual({ line: 18, column: 13, endLine: 18, endColumn: 21 });
  });

  it('leaves shapes it does not read to the reference parser', () => {
    for (const [text, p] of [
      ['kind: x\nm: {a: 1}\n', ['m', 'a']],
      ['kind: x\nn: |\n  text\n', ['n']],
      ['kind: x\nn: two\n  lines\n', ['n']],
      ['kind: x\nn:\n', ['n']],
      ['kind: x\nn: "a\\"b"\n', ['n']],
      ['kind: x\nd: &d\n  a: 1\ne:\n  <<: *d\n', ['e', 'a']],
      ['kind: x\nm:\n  a: 1\n', ['m']],
    ] as const) {
      expect(locatePlain(text, p), text).toBeUndefined();
    }
  });

  it('gives the reference parser\'s positions on mutated example files', () => {
    const insert = fc.oneof(fc.string({ maxLength: 5 }), fc.constantFrom('\n', '\n  ', '\n    ', '- ', ': ', ' #', ' # c\n', '"', "'", '[', '{', '|\n  ', '>-\n  ', '\r\n', '\t', '-', ':', '\\', "''", '---\n', 'x: 1\n', '  y: 2\n'));
    fc.assert(
      fc.property(fc.nat({ max: examples.length - 1 }), fc.array(fc.record({ at: fc.nat(), del: fc.nat({ max: 8 }), insert }), { minLength: 1, maxLength: 3 }), (index, edits) => {
        const text = applyEdits(examples[index]!, edits);
        compareAll(text);
      }),
      // 4,500 runs over 4 seeds were clean before landing (about 80,000 locations compared).
      { numRuns: 300, seed: 20261130 },
    );
  });
});
