// Hostile and broken input through the real executable: a clear error, a known exit code,
// nothing lost. Numbers refer to the cases of the "Safety" section in the README.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPANY_YAML, makeWorkspace, runOpsplan } from '../helpers/run-cli.js';

interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  code: string;
  message: string;
}

/** Validates a workspace of the given files (plus a company file) and returns the findings. */
function validate(files: Record<string, string | Buffer>, extra: string[] = []): { code: number | null; diagnostics: JsonDiagnostic[]; ms: number; stderr: string } {
  const dir = makeWorkspace({ 'opsplan.yaml': COMPANY_YAML });
  for (const [name, content] of Object.entries(files)) makeWorkspace({ [name]: content as string }, dir);
  const t = Date.now();
  const r = runOpsplan(['validate', dir, '--format', 'json', ...extra]);
  const ms = Date.now() - t;
  expect(r.signal).toBeNull();
  return { code: r.code, diagnostics: r.stdout ? (JSON.parse(r.stdout).diagnostics as JsonDiagnostic[]) : [], ms, stderr: r.stderr };
}

const where = (ds: JsonDiagnostic[]) => ds.map((d) => [d.file, d.line, d.column, d.code]);

const ACTUALS = (body: string) => `kind: actuals\nversion: 1\ndepartment: marketing\nmonth: 2026-01\n${body}`;

describe('hostile input', () => {
  it('1. a billion-laughs alias bomb stops at once with exit 1', () => {
    const lines = ['kind: actuals', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill('*' + String.fromCharCode(96 + i)).join(',')}]`);
    const text = lines.join('\n') + '\n';
    expect(text.length).toBeLessThan(1024);
    const r = validate({ 'bomb.yaml': text });
    expect(r.code).toBe(1);
    expect(where(r.diagnostics)).toEqual([['bomb.yaml', 3, 8, 'yaml/alias-limit']]);
  });

  it('2. deep flow nesting in two files: a depth error for each, no V8 abort', () => {
    const deep = 'kind: actuals\nlines: ' + '['.repeat(30000) + ']'.repeat(30000) + '\n';
    const mixed = 'kind: actuals\nlines: ' + '[{'.repeat(20000) + '\n';
    const r = validate({ 'deep1.yaml': deep, 'deep2.yaml': mixed });
    expect(r.code).toBe(1);
    expect(where(r.diagnostics)).toEqual([
      ['deep1.yaml', 2, 72, 'yaml/too-deep'],
      ['deep2.yaml', 2, 72, 'yaml/too-deep'],
    ]);
  });

  it('3. duplicate keys, also 1 beside "1", are errors at the second key', () => {
    const r = validate({ 'dup.yaml': ACTUALS('lines: []\nmonth: 2026-02\n'), 'num.yaml': 'kind: plan\nversion: 1\nx:\n  1: a\n  "1": b\n' });
    expect(r.code).toBe(1);
    expect(where(r.diagnostics)).toEqual([
      ['dup.yaml', 6, 1, 'yaml/duplicate-key'],
      ['num.yaml', 5, 3, 'yaml/duplicate-key'],
    ]);
  });

  it('4. __proto__, constructor and prototype keys are schema errors', () => {
    const r = validate({
      'proto.yaml': ACTUALS('lines: []\n__proto__:\n  polluted: yes\n'),
      'ctor.yaml': ACTUALS('lines:\n  - account: "1"\n    amount: 1\n    constructor: x\n    prototype: y\n'),
    });
    expect(r.code).toBe(1);
    expect(where(r.diagnostics)).toEqual([
      ['ctor.yaml', 8, 5, 'schema/additional-properties'],
      ['ctor.yaml', 9, 5, 'schema/additional-properties'],
      ['proto.yaml', 6, 1, 'schema/additional-properties'],
    ]);
  });

  it('5. a %YAML 1.1 directive is rejected, never read as false or 493', () => {
    const r = validate({ 'y11.yaml': '%YAML 1.1\n---\n' + ACTUALS('lines:\n  - account: "1"\n    amount: 0755\nflag: NO\nx:\n  <<: {a: 1}\n') });
    expect(r.code).toBe(1);
    expect(where(r.diagnostics)).toEqual([['y11.yaml', 1, 1, 'yaml/version-directive']]);
  });

  it('6. unquoted codes 00123, 0x10, 1e3 get a hint to quote them', () => {
    const r = validate({ 'codes.yaml': ACTUALS('lines:\n  - account: 00123\n    amount: 1\n  - account: 0x10\n    amount: 1\n  - account: 1e3\n    amount: 1\n') });
    expect(r.code).toBe(1);
    expect(r.diagnostics.map((d) => [d.line, d.column, d.code, d.message.slice(d.message.indexOf('quote it'))])).toEqual([
      [6, 14, 'schema/unquoted-code', 'quote it: "00123"'],
      [8, 14, 'schema/unquoted-code', 'quote it: "0x10"'],
      [10, 14, 'schema/unquoted-code', 'quote it: "1e3"'],
    ]);
  });

  it('7. explicit and custom tags are errors with a line', () => {
    const r = validate({
      'fn.yaml': ACTUALS('lines: []\nx: !!js/function "function () {}"\n'),
      'custom.yaml': ACTUALS('lines: []\nx: !custom 1\n'),
      'bin.yaml': ACTUALS('lines: []\nx: !!binary aGVsbG8=\n'),
      'int.yaml': ACTUALS('lines: []\nx: !!int abc\n'),
    });
    expect(r.code).toBe(1);
    expect(where(r.diagnostics)).toEqual([
      ['bin.yaml', 6, 4, 'yaml/tag'],
      ['custom.yaml', 6, 4, 'yaml/tag'],
      ['fn.yaml', 6, 4, 'yaml/tag'],
      ['int.yaml', 6, 4, 'yaml/tag'],
    ]);
  });

  it('8. several documents in one file are an error at the second', () => {
    const r = validate({ 'multi.yaml': ACTUALS('lines: []\n---\n') + ACTUALS('lines: []\n') });
    expect(where(r.diagnostics)).toEqual([['multi.yaml', 6, 1, 'yaml/multiple-documents']]);
  });

  it('9. Latin-1 and UTF-16 are errors naming the byte offset; a UTF-8 BOM is fine', () => {
    const latin1 = Buffer.from(ACTUALS('lines: []\nnote: caf\xe9\n'), 'latin1');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ACTUALS('lines: []\n'), 'utf16le')]);
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ACTUALS('lines: []\n'))]);
    const r = validate({ 'latin1.yaml': latin1 as unknown as string, 'utf16.yaml': utf16 as unknown as string, 'bom.yaml': bom as unknown as string });
    expect(r.diagnostics.map((d) => [d.file, d.code, d.message.match(/byte offset \d+/)?.[0]])).toEqual([
      ['bom.yaml', 'actuals/no-budget', undefined],
      ['latin1.yaml', 'file/encoding', 'byte offset 81'],
      ['utf16.yaml', 'file/encoding', 'byte offset 0'],
    ]);
  });

  it('10. a file over the size cap is refused before parsing, without running out of memory', () => {
    const big = ACTUALS('lines:\n' + '  - account: "1"\n    amount: 1\n'.repeat(400000));
    const r = validate({ 'big.yaml': big }, ['--max-file-size', String(1024 * 1024)]);
    expect(big.length).toBeGreaterThan(10 * 1024 * 1024);
    expect(where(r.diagnostics)).toEqual([['big.yaml', 0, 0, 'file/too-large']]);
    expect(r.code).toBe(1);
  });

  it('11. money: separators, three decimals, .nan, .inf and negative quantities are errors with a line', () => {
    const r = validate({
      'money.yaml': ACTUALS('lines:\n  - account: "1"\n    amount: "1,234.50"\n  - account: "2"\n    amount: 1.005\n  - account: "3"\n    amount: .nan\n  - account: "4"\n    amount: -.inf\n'),
      'qty.yaml': 'kind: inventory\nversion: 1\nwarehouse: wh1\nasOf: 2026-01-31\nitems:\n  - sku: "A"\n    name: A\n    unit: pcs\n    onHand: -1\n    onOrder: 1.2345\n',
    });
    expect(where(r.diagnostics)).toEqual([
      ['money.yaml', 7, 13, 'schema/type'],
      ['money.yaml', 9, 13, 'schema/max-decimals'],
      ['money.yaml', 11, 13, 'schema/type'],
      ['money.yaml', 13, 13, 'schema/type'],
      ['qty.yaml', 9, 13, 'schema/minimum'],
      ['qty.yaml', 10, 14, 'schema/max-decimals'],
    ]);
  });

  it('12. catastrophic-backtracking input in every pattern field finishes fast', () => {
    const long = 'a'.repeat(100000) + '!';
    const body = `kind: budget-adjustment\nversion: 1\nid: "${long}"\ndepartment: "${long}"\nfiscalYear: "FY${'2'.repeat(100000)}"\nreason: other\njustification: x\nstatus: draft\nchanges:\n  - account: "${long}"\n    month: "${'2026-1'.repeat(20000)}"\n    delta: 1\n`;
    const r = validate({ 'redos.yaml': body, 'resp.yaml': `kind: variance-response\nversion: 1\nnotice: "VN-${'-'.repeat(100000)}!"\ndepartment: x\ncause: x\nmeasures: x\nowner: x\ndue: 2026-01-01\nstatus: draft\n` });
    expect(r.code).toBe(1);
    expect(r.ms).toBeLessThan(10000);
    expect(r.diagnostics.every((d) => d.code.startsWith('schema/'))).toBe(true);
    expect(r.diagnostics.length).toBeGreaterThanOrEqual(6);
  });

  it('13. objects where a string is expected are schema errors', () => {
    const r = validate({ 'obj.yaml': ACTUALS('lines:\n  - account: {formula: "=1+1"}\n    amount: 1\n') });
    expect(where(r.diagnostics)).toEqual([['obj.yaml', 6, 14, 'schema/type']]);
  });

  it('18. empty, comment-only, scalar and list files, unknown kind and version 2 are clear errors', () => {
    const r = validate({
      'a-empty.yaml': '',
      'b-comment.yaml': '# nothing here\n',
      'c-scalar.yaml': 'hello\n',
      'd-list.yaml': '- a\n- b\n',
      'e-kind.yaml': 'kind: forecast\nversion: 1\n',
      'f-version.yaml': 'kind: budget\nversion: 2\n',
    });
    expect(r.diagnostics.map((d) => [d.file, d.line, d.column, d.code])).toEqual([
      ['a-empty.yaml', 1, 1, 'yaml/empty'],
      ['b-comment.yaml', 1, 1, 'yaml/empty'],
      ['c-scalar.yaml', 1, 1, 'yaml/not-a-mapping'],
      ['d-list.yaml', 1, 1, 'yaml/not-a-mapping'],
      ['e-kind.yaml', 1, 7, 'file/unknown-kind'],
      ['f-version.yaml', 2, 10, 'file/unsupported-version'],
    ]);
  });

  it('caps schema errors per file and says so', () => {
    const lines = Array.from({ length: 5000 }, (_, i) => `  - account: ${i}\n    amount: 1.001\n`).join('');
    const r = validate({ 'many.yaml': ACTUALS('lines:\n' + lines) });
    expect(r.code).toBe(1);
    expect(r.diagnostics).toHaveLength(201);
    expect(r.diagnostics.at(-1)?.code).toBe('schema/too-many-errors');
  });

  it('merge keys work for shared item defaults', () => {
    const inv = 'kind: inventory\nversion: 1\nwarehouse: wh1\nasOf: 2026-01-31\nitems:\n  - &base\n    sku: "A"\n    name: A\n    unit: pcs\n    onHand: 1\n    supplier: SUP-1\n  - <<: *base\n    sku: "B"\n';
    const r = validate({ 'inv.yaml': inv });
    expect(r.code).toBe(0);
    expect(r.diagnostics).toEqual([]);
  });

  it('never prints a stack trace for a user mistake', () => {
    const dir = makeWorkspace({ 'opsplan.yaml': '{{{{\n' });
    const r = runOpsplan(['validate', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at [^\n]+:\d+:\d+\)?/);
    expect(readdirSync(dir)).toEqual(['opsplan.yaml']);
    expect(readFileSync(path.join(dir, 'opsplan.yaml'), 'utf8')).toBe('{{{{\n');
  });
});

describe('17. a process killed while writing a report', () => {
  it('leaves the old report or the complete new one, never a torn file', async () => {
    const { spawn } = await import('node:child_process');
    const { readFileSync: read, writeFileSync: write, readdirSync: list } = await import('node:fs');
    const { BIN, tempDir: tmp } = await import('../helpers/run-cli.js');
    const dir = tmp();
    const target = path.join(dir, 'report.xlsx');
    const args = ['report', 'examples/acme', '--period', '2026-11', '--as-of', '2026-11-30'];
    // The complete new report (byte-identical on every run of the same command line, which
    // the About sheet records) and an old one to protect.
    expect(runOpsplan([...args, '--output', target]).code).toBe(0);
    const fresh = read(target);
    const old = Buffer.from('the previous report');
    const outcomes = new Set<string>();
    for (const delay of [150, 400, 700, 1000, 1400, 2000]) {
      write(target, old);
      const child = spawn(process.execPath, [BIN, ...args, '--output', target], { env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' }, stdio: 'ignore' });
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => child.kill('SIGKILL'), delay);
        child.on('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      const now = read(target);
      const same = now.equals(old) ? 'old' : now.equals(fresh) ? 'new' : 'torn';
      outcomes.add(same);
      expect(same).not.toBe('torn');
    }
    // Temp files of killed runs may stay behind (named .report.xlsx.PID.TIME.tmp), never the target.
    expect(list(dir).filter((f) => !f.startsWith('.'))).toEqual(['report.xlsx']);
    expect(outcomes.size).toBeGreaterThan(0);
  }, 120000);
});
