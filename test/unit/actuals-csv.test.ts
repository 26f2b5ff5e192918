// The ERP CSV reader: RFC 4180 details, header mapping, and one diagnostic per bad row with
// the line it is on.
import { describe, expect, it } from 'vitest';
import { parseActualsCsv, parseAmount, parseCsv, parseHeaderMap } from '../../src/load/actuals-csv.js';

const DEPTS = new Set(['marketing', 'production']);
const read = (text: string, map = {}) => parseActualsCsv(text, { file: 'erp.csv', map, departments: DEPTS });

describe('parseCsv', () => {
  it('reads quoted fields, doubled quotes, commas and newlines inside quotes', () => {
    const r = parseCsv('a,b,c\n"x, y","say ""hi""","two\nlines"\nlast,,\n');
    expect(r.records).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['x, y', 'say "hi"', 'two\nlines'] },
      { line: 4, fields: ['last', '', ''] },
    ]);
  });
  it('handles CRLF, a BOM, blank lines and a missing final newline', () => {
    const r = parseCsv('\uFEFFa,b\r\n1,2\r\n\r\n3,4');
    expect(r.records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
      { line: 4, fields: ['3', '4'] },
    ]);
  });
  it('reports an unclosed quote at the line it opened', () => {
    expect(parseCsv('a\n"oops\nmore').error).toEqual({ line: 2, message: expect.stringContaining('not closed') });
  });
});

describe('parseAmount', () => {
  it('turns decimal text into exact cents', () => {
    expect(parseAmount('1234.5', 2)).toBe(123450);
    expect(parseAmount('-0.07', 2)).toBe(-7);
    expect(parseAmount(' 48612.40 ', 2)).toBe(4861240);
    expect(parseAmount('0.10', 2)).toBe(10);
    expect(parseAmount('-0', 2)).toBe(0);
    expect(parseAmount('12', 0)).toBe(12);
  });
  it('rejects thousands separators, too many decimals, parentheses and text, with a hint', () => {
    expect(parseAmount('1,234.50', 2)).toMatch(/thousands separators; write it without them \(1234\.50\)/);
    expect(parseAmount('1.005', 2)).toMatch(/has 3 decimals; amounts take at most 2/);
    expect(parseAmount('(12.00)', 2)).toMatch(/minus sign \(-12\.00\)/);
    expect(parseAmount('CNY 5', 2)).toMatch(/not a plain decimal number/);
    expect(parseAmount('', 2)).toMatch(/empty/);
  });
});

describe('parseHeaderMap', () => {
  it('reads field=Header pairs, with dept as an alias', () => {
    expect(parseHeaderMap(['dept=Abteilung,amount=Betrag', 'month=Periode'])).toEqual({ department: 'Abteilung', amount: 'Betrag', month: 'Periode' });
  });
  it('rejects unknown fields and empty headers', () => {
    expect(parseHeaderMap(['cost=X'])).toMatch(/--map takes field=Header/);
    expect(parseHeaderMap(['amount='])).toMatch(/--map takes field=Header/);
    expect(parseHeaderMap(['amount'])).toMatch(/--map takes field=Header/);
  });
});

describe('parseActualsCsv', () => {
  it('groups rows by department and month and sums postings of an account', () => {
    const r = read('department,account,month,amount\nmarketing,6601,2026-11,100.10\nmarketing,"6601",2026-11,0.15\nmarketing,6603,2026-11,5\nproduction,6401,2026-10,-1\n');
    expect(r.diagnostics).toEqual([]);
    expect(r.rows).toBe(4);
    expect(r.actuals).toEqual([
      { file: 'erp.csv', department: 'marketing', month: '2026-11', lines: [{ account: '6601', amount: 10025, index: 2 }, { account: '6603', amount: 500, index: 4 }] },
      { file: 'erp.csv', department: 'production', month: '2026-10', lines: [{ account: '6401', amount: -100, index: 5 }] },
    ]);
  });
  it('keeps leading zeros of account codes and matches headers case-insensitively in any order', () => {
    const r = read('Amount,MONTH,Account,Department\n12.00,2026-11,00123,marketing\n');
    expect(r.actuals[0]!.lines[0]).toEqual({ account: '00123', amount: 1200, index: 2 });
  });
  it('maps other header names', () => {
    const r = read('Abteilung;x,Konto,Monat,Betrag\nmarketing,6601,2026-11,7.5\n'.replace(';x', ''), { department: 'Abteilung', account: 'Konto', month: 'Monat', amount: 'Betrag' });
    expect(r.diagnostics).toEqual([]);
    expect(r.actuals[0]!.lines[0]!.amount).toBe(750);
  });
  it('reports a missing column with the header it found', () => {
    const r = read('department,account,period_x,amount\nmarketing,6601,2026-11,1\n');
    expect(r.actuals).toEqual([]);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: 'csv/missing-column', line: 1, file: 'erp.csv' });
    expect(r.diagnostics[0]!.message).toContain('missing column "month"');
    expect(r.diagnostics[0]!.message).toContain('--map');
    const mapped = read('department,account,month,amount\n', { amount: 'Betrag' });
    expect(mapped.diagnostics[0]!.message).toContain('"Betrag" (mapped to amount)');
  });
  it('reports each bad row with its line number and leaves it out', () => {
    const text = [
      'department,account,month,amount', // 1
      'marketing,6601,2026-11,1.00', // 2 ok
      'marketing,6601,2026-13,1.00', // 3 bad month
      '"marketing","6601","2026-11","1,234.50"', // 4 thousands separators
      'marketing,6601,2026-11,1.005', // 5 decimals
      'sales,6601,2026-11,1.00', // 6 unknown department
      'marketing,6601,2026-11', // 7 field count
      'marketing,,2026-11,1', // 8 empty account
      '"marketing","note with', // 9 a quoted newline ...
      'newline",2026-11,2.001', // ... is still the record of line 9
      'production,6401,2026-11,3.00', // 11 ok
    ].join('\r\n');
    const r = read(text);
    expect(r.diagnostics.map((d) => [d.line, d.code])).toEqual([
      [3, 'csv/bad-month'],
      [4, 'csv/bad-amount'],
      [5, 'csv/bad-amount'],
      [6, 'csv/unknown-department'],
      [7, 'csv/field-count'],
      [8, 'csv/missing-value'],
      [9, 'csv/bad-amount'],
    ]);
    expect(r.diagnostics[0]!.message).toBe('column "month": month "2026-13" is not YYYY-MM (e.g. 2026-11)');
    expect(r.diagnostics[1]!.message).toContain('write it without them (1234.50)');
    expect(r.diagnostics[3]!.message).toContain('department "sales" is not declared in opsplan.yaml');
    expect(r.actuals.map((a) => [a.department, a.lines.map((l) => l.amount)])).toEqual([
      ['marketing', [100]],
      ['production', [300]],
    ]);
  });
  it('reports an empty file', () => {
    expect(read('').diagnostics[0]).toMatchObject({ code: 'csv/missing-column', line: 1 });
  });
});
