import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/load/parse-yaml.js';
import { decodeUtf8, invalidUtf8Offset } from '../../src/load/read-files.js';

const codes = (text: string) => parseYaml(text, 'f.yaml').diagnostics.map((d) => [d.code, d.line, d.column]);

describe('parseYaml', () => {
  it('parses a mapping and locates paths, including numeric-looking keys', () => {
    const p = parseYaml('kind: budget\nlines:\n  - account: "6601"\n    2024: x\n', 'f.yaml');
    expect(p.diagnostics).toEqual([]);
    expect(p.locate(['lines', 0, 'account'])).toMatchObject({ line: 3, column: 14 });
    expect(p.locate(['lines', 0, 'account'], 'key')).toMatchObject({ line: 3, column: 5 });
    expect(p.locate(['lines', 0, '2024'], 'key')).toMatchObject({ line: 4, column: 5 });
    // A missing leaf points at its closest ancestor.
    expect(p.locate(['lines', 0, 'basis'])).toMatchObject({ line: 3, column: 5 });
  });

  it('reports duplicate keys at the second key, also 1 beside "1"', () => {
    expect(codes('a: 1\nb: 2\na: 3\n')).toEqual([['yaml/duplicate-key', 3, 1]]);
    expect(codes('m:\n  1: x\n  "1": y\n')).toEqual([['yaml/duplicate-key', 3, 3]]);
  });

  it('rejects tags, directives, several documents, empty files and non-mappings', () => {
    expect(codes('a: !!binary aGVsbG8=\n')).toEqual([['yaml/tag', 1, 4]]);
    expect(codes('a: !custom x\n')[0]?.[0]).toBe('yaml/tag');
    expect(codes('a: !!js/function "x"\n')[0]?.[0]).toBe('yaml/tag');
    expect(codes('a: !!int abc\n')[0]?.[0]).toBe('yaml/tag');
    expect(codes('a: !!str 00123\n')).toEqual([]);
    expect(codes('%YAML 1.1\n---\na: NO\n')).toEqual([['yaml/version-directive', 1, 1]]);
    expect(codes('a: 1\n---\nb: 2\n')).toEqual([['yaml/multiple-documents', 2, 1]]);
    expect(codes('')).toEqual([['yaml/empty', 1, 1]]);
    expect(codes('# only a comment\n')).toEqual([['yaml/empty', 1, 1]]);
    expect(codes('- a\n- b\n')).toEqual([['yaml/not-a-mapping', 1, 1]]);
    expect(codes('just text\n')).toEqual([['yaml/not-a-mapping', 1, 1]]);
  });

  it('keeps YAML 1.2 core values: NO is a string, 0755 is 755', () => {
    expect(parseYaml('a: NO\nb: 0755\nc: 2026-11-30\n', 'f.yaml').data).toEqual({ a: 'NO', b: 755, c: '2026-11-30' });
  });

  it('supports merge keys', () => {
    expect(parseYaml('x: &d {unit: pcs, moq: 5}\ny:\n  <<: *d\n  moq: 10\n', 'f.yaml').data).toEqual({ x: { unit: 'pcs', moq: 5 }, y: { unit: 'pcs', moq: 10 } });
  });

  it('stops an alias bomb quickly, at the first alias', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill('*' + String.fromCharCode(96 + i)).join(',')}]`);
    const t = Date.now();
    const d = parseYaml(lines.join('\n') + '\n', 'bomb.yaml').diagnostics;
    expect(Date.now() - t).toBeLessThan(1000);
    expect(d.map((x) => [x.code, x.line])).toEqual([['yaml/alias-limit', 2]]);
  });

  it('refuses deep flow nesting before composing, twice in one process', () => {
    for (let i = 0; i < 2; i++) {
      const d = parseYaml('a: ' + '['.repeat(30000) + '\n', 'deep.yaml').diagnostics;
      expect(d.map((x) => [x.code, x.line, x.column])).toEqual([['yaml/too-deep', 1, 68]]);
    }
  });

  it('leaves __proto__ as an own key and Object.prototype untouched', () => {
    const p = parseYaml('__proto__:\n  polluted: yes\n', 'f.yaml');
    expect(Object.prototype.hasOwnProperty.call(p.data, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('UTF-8 decoding', () => {
  it('finds the first invalid byte and accepts a BOM', () => {
    expect(invalidUtf8Offset(Buffer.from('abc'))).toBe(-1);
    expect(invalidUtf8Offset(Buffer.from([0x61, 0x62, 0xe9, 0x63]))).toBe(2);
    expect(invalidUtf8Offset(Buffer.from([0xe4, 0xb8]))).toBe(0);
    expect(invalidUtf8Offset(Buffer.from('预算', 'utf8'))).toBe(-1);
    expect(decodeUtf8(Buffer.from([0xef, 0xbb, 0xbf, 0x61]), 'f').text).toBe('\ufeffa');
    expect(decodeUtf8(Buffer.from([0xff, 0xfe, 0x61, 0x00]), 'f').diagnostic?.code).toBe('file/encoding');
    expect(decodeUtf8(Buffer.from('a: caf\xe9\n', 'latin1'), 'f').diagnostic?.message).toContain('byte offset 6');
  });
});
