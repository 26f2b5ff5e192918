// Every workbook `opsplan report` writes is checked against the standard: the XML parts
// against the ECMA-376 transitional schemas and the package against the OPC rules
// (test/helpers/ooxml-validate.ts), for acme in both languages and every period shape, and
// for a generated M workspace. Independent readers (openpyxl, LibreOffice) run where they
// are installed and are skipped, by name, elsewhere.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { generateWorkspace } from '../../scripts/gen.js';
import { disagreements, recomputeFormulas } from '../helpers/formula-check.js';
import { ooxmlProblems } from '../helpers/ooxml-validate.js';
import { ACME, runOpsplan, tempDir } from '../helpers/run-cli.js';

const AS_OF = ['--as-of', '2026-11-30'];

function writeReport(workspace: string, args: string[]): string {
  const out = path.join(tempDir('opsplan-valid-'), 'r.xlsx');
  const r = runOpsplan(['report', workspace, ...args, ...AS_OF, '--output', out]);
  expect(r.code, r.stderr).toBe(0);
  return out;
}

const CASES: { name: string; args: string[] }[] = [
  { name: 'acme month, en', args: ['--period', '2026-11'] },
  { name: 'acme month, zh-CN', args: ['--period', '2026-11', '--lang', 'zh-CN'] },
  { name: 'acme quarter, en', args: ['--period', 'FY2026-Q4'] },
  { name: 'acme year, zh-CN', args: ['--period', 'FY2026', '--lang', 'zh-CN'] },
  { name: 'acme month, zh-CN, --unit wan', args: ['--period', '2026-11', '--lang', 'zh-CN', '--unit', 'wan'] },
];

/** How many chart parts (xl/charts/chartN.xml) a workbook holds. */
async function chartParts(bytes: Uint8Array): Promise<number> {
  return Object.keys((await JSZip.loadAsync(bytes)).files).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n)).length;
}

function has(cmd: string, args: string[]): boolean {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return r.status === 0;
}
// The first python3 that has openpyxl: a pyenv or venv python on PATH often lacks the Debian
// package that /usr/bin/python3 has.
const PYTHON = ['python3', '/usr/bin/python3'].find((p) => has(p, ['-c', 'import openpyxl']));
const OPENPYXL = PYTHON !== undefined;
const SOFFICE = has('soffice', ['--version']);

describe('report workbooks are valid SpreadsheetML', () => {
  for (const c of CASES) {
    it(`${c.name}: every part validates against the ECMA-376 schemas and the OPC rules`, async () => {
      const bytes = readFileSync(writeReport(ACME, c.args));
      expect(await ooxmlProblems(bytes)).toEqual([]);
      // The native chart parts are among the parts validated (dml-chart.xsd).
      expect(await chartParts(bytes)).toBeGreaterThanOrEqual(3);
    });
  }

  it('a generated M workspace: valid too', async () => {
    const ws = path.join(tempDir('opsplan-gen-'), 'm');
    generateWorkspace({ size: 'M', out: ws });
    const bytes = readFileSync(writeReport(ws, ['--period', '2026-11']));
    expect(await ooxmlProblems(bytes)).toEqual([]);
    expect(await chartParts(bytes)).toBeGreaterThanOrEqual(3);
    // Its tens of thousands of formulas recompute to their cached values too.
    const cells = await recomputeFormulas(bytes);
    expect(cells.length).toBeGreaterThan(10000);
    expect(disagreements(cells)).toEqual([]);
  }, 180000);

  it('the check fails on an invalid part (vertical="middle", a dangling relationship, a part without content type)', async () => {
    const zip = await JSZip.loadAsync(readFileSync(writeReport(ACME, ['--period', '2026-11'])));
    const styles = await zip.file('xl/styles.xml')!.async('string');
    zip.file('xl/styles.xml', styles.replace('vertical="center"', 'vertical="middle"'));
    const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    zip.file('xl/_rels/workbook.xml.rels', rels.replace('styles.xml', 'style.xml'));
    zip.file('xl/extra.bin', 'x');
    const problems = await ooxmlProblems(await zip.generateAsync({ type: 'uint8array' }));
    const text = problems.map((p) => `${p.part}: ${p.message}`).join('\n');
    expect(text).toMatch(/'middle' is not an element of the set/);
    expect(text).toMatch(/points at a missing part: xl\/style\.xml/);
    expect(text).toMatch(/xl\/extra\.bin: no content type/);
  });

  it.skipIf(!OPENPYXL)(`opens in openpyxl${OPENPYXL ? '' : ' (skipped: python3 with openpyxl not installed, e.g. apt install python3-openpyxl)'}`, () => {
    for (const c of CASES) {
      const file = writeReport(ACME, c.args);
      // openpyxl reads the native charts too (a chart part it cannot parse is dropped with a warning on stderr).
      const r = spawnSync(PYTHON!, ['-c', 'import sys, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\nprint(len(wb.sheetnames), sum(len(ws._charts) for ws in wb.worksheets))', file], { encoding: 'utf8' });
      expect(r.stderr).toBe('');
      const [sheets, charts] = r.stdout.trim().split(' ').map(Number);
      expect(sheets).toBeGreaterThan(5);
      expect(charts).toBeGreaterThanOrEqual(3);
    }
  });

  it.skipIf(!SOFFICE)(`converts in LibreOffice${SOFFICE ? '' : ' (skipped: soffice not installed, e.g. apt install libreoffice-calc)'}`, () => {
    const file = writeReport(ACME, ['--period', '2026-11']);
    const dir = tempDir('opsplan-lo-');
    const r = spawnSync('soffice', ['--headless', '--convert-to', 'csv', '--outdir', dir, file], { encoding: 'utf8', timeout: 120000 });
    expect(r.status).toBe(0);
    expect(readFileSync(path.join(dir, 'r.csv'), 'utf8').length).toBeGreaterThan(0);
  }, 150000);
});
