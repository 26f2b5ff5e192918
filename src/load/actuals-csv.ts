// Actuals from an ERP export in CSV: one row per posting with department, account, month and
// amount. A small RFC 4180 reader (quoted fields, doubled quotes, CRLF or LF, a leading BOM)
// is enough here and keeps line numbers exact, which a diagnostic needs; no dependency.
// Amounts are parsed as decimal text straight to integer cents, never through a float sum.
import type { Diagnostic } from '../model/diagnostic.js';
import type { Cents } from '../model/money.js';
import type { Actuals } from '../model/workspace.js';

/** The four columns an actuals CSV needs. */
export const ACTUALS_CSV_FIELDS = ['department', 'account', 'month', 'amount'] as const;

/** One of ACTUALS_CSV_FIELDS. */
export type ActualsCsvField = (typeof ACTUALS_CSV_FIELDS)[number];

/** Header name per field, from `--map`; unmapped fields use their own name. */
export type HeaderMap = Partial<Record<ActualsCsvField, string>>;

/** One CSV record with the 1-based line it starts on. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** What reading a CSV file gave. */
export interface ActualsCsvResult {
  /** One entry per department and month, postings of one account summed. */
  actuals: Actuals[];
  diagnostics: Diagnostic[];
  /** Data rows read (without the header and blank lines). */
  rows: number;
}

const ALIASES: Record<string, ActualsCsvField> = { dept: 'department', department: 'department', account: 'account', acct: 'account', month: 'month', period: 'month', amount: 'amount' };

/**
 * Parses `--map` text: `dept=Department,amount=Betrag` (several specs may be given). Returns
 * the map or an error message.
 */
export function parseHeaderMap(specs: readonly string[]): HeaderMap | string {
  const map: HeaderMap = {};
  for (const spec of specs) {
    for (const part of spec.split(',')) {
      if (part.trim() === '') continue;
      const eq = part.indexOf('=');
      const field = ALIASES[part.slice(0, eq).trim().toLowerCase()];
      const header = part.slice(eq + 1).trim();
      if (eq < 0 || !field || header === '') return `--map takes field=Header pairs for ${ACTUALS_CSV_FIELDS.join(', ')} (dept works for department), e.g. dept=Department,amount=Betrag; got "${part}"`;
      map[field] = header;
    }
  }
  return map;
}

/**
 * Splits CSV text into records (RFC 4180). A quote inside an unquoted field is taken
 * literally; an unterminated quoted field is reported with the line it started on.
 */
export function parseCsv(text: string): { records: CsvRecord[]; error?: { line: number; message: string } } {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let start = 1;
  let i = 0;
  let atFieldStart = true;
  const endRecord = (): void => {
    fields.push(field);
    // A blank line is no record.
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: start, fields });
    fields = [];
    field = '';
  };
  while (i < src.length) {
    const ch = src[i]!;
    if (atFieldStart && ch === '"') {
      const opened = line;
      i++;
      for (;;) {
        if (i >= src.length) return { records, error: { line: opened, message: 'a quoted field is not closed; close it with " or double a quote inside it ("")' } };
        const q = src[i]!;
        if (q === '"') {
          if (src[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (q === '\n') line++;
        field += q;
        i++;
      }
      atFieldStart = false;
      continue;
    }
    if (ch === ',') {
      fields.push(field);
      field = '';
      atFieldStart = true;
      i++;
    } else if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1;
      line++;
      start = line;
      atFieldStart = true;
    } else {
      field += ch;
      atFieldStart = false;
      i++;
    }
  }
  if (field !== '' || fields.length > 0) endRecord();
  return { records };
}

const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * Parses an amount written as plain decimal text (`-1234.5`, `1234.50`) into minor units.
 * Returns a message for anything else: thousands separators, too many decimals, currency
 * signs, parentheses.
 */
export function parseAmount(text: string, digits: number): Cents | string {
  const t = text.trim();
  if (t === '') return 'the amount is empty';
  if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) return `"${t}" has thousands separators; write it without them (${t.replace(/,/g, '')}); the ERP export option is usually "no digit grouping"`;
  if (/^\(.*\)$/.test(t)) return `"${t}" is a negative in parentheses; write it with a minus sign (-${t.slice(1, -1)})`;
  const m = /^([-+]?)(\d+)(?:\.(\d+))?$/.exec(t);
  if (!m) return `"${t}" is not a plain decimal number; write digits with an optional minus sign and a decimal point, e.g. 1234.50`;
  const frac = m[3] ?? '';
  if (frac.length > digits) return `"${t}" has ${frac.length} decimals; amounts take at most ${digits}; round it in the export, do not let opsplan guess`;
  const units = Number(m[2]!) * 10 ** digits + Number((frac + '0'.repeat(digits)).slice(0, digits) || '0');
  if (!Number.isSafeInteger(units)) return `"${t}" is too large to hold exactly`;
  return m[1] === '-' && units !== 0 ? -units : units;
}

/** Reads actuals from CSV text. Rows with errors are left out, each with a diagnostic. */
export function parseActualsCsv(text: string, options: { file: string; map?: HeaderMap; departments?: ReadonlySet<string>; digits?: number }): ActualsCsvResult {
  const { file } = options;
  const digits = options.digits ?? 2;
  const diagnostics: Diagnostic[] = [];
  const report = (code: string, line: number, column: number, message: string): void => {
    diagnostics.push({ code, severity: 'error', message, file, line, column, path: '' });
  };
  const parsed = parseCsv(text);
  if (parsed.error) report('csv/unclosed-quote', parsed.error.line, 0, parsed.error.message);
  const [header, ...data] = parsed.records;
  if (!header) {
    report('csv/missing-column', 1, 0, `the file is empty; the first line must name the columns ${ACTUALS_CSV_FIELDS.join(', ')}`);
    return { actuals: [], diagnostics, rows: 0 };
  }
  const names = header.fields.map((h) => h.trim().toLowerCase());
  const col = {} as Record<ActualsCsvField, number>;
  const absent: string[] = [];
  for (const f of ACTUALS_CSV_FIELDS) {
    const want = (options.map?.[f] ?? f).trim().toLowerCase();
    col[f] = names.indexOf(want);
    if (col[f] < 0) absent.push(options.map?.[f] ? `"${options.map[f]}" (mapped to ${f})` : `"${f}"`);
  }
  if (absent.length > 0) {
    report('csv/missing-column', header.line, 0, `missing column${absent.length > 1 ? 's' : ''} ${absent.join(', ')}; the header has ${header.fields.map((h) => `"${h}"`).join(', ')}; rename the columns or map them with --map dept=Department,amount=Betrag`);
    return { actuals: [], diagnostics, rows: data.length };
  }
  const groups = new Map<string, Actuals & { byAccount: Map<string, number> }>();
  for (const rec of data) {
    if (rec.fields.length !== header.fields.length) {
      report('csv/field-count', rec.line, 0, `row has ${rec.fields.length} fields but the header has ${header.fields.length}; quote fields that contain a comma`);
      continue;
    }
    const get = (f: ActualsCsvField): string => rec.fields[col[f]]!.trim();
    // Field problems name the column as the header writes it; a character column would
    // mislead once quotes are involved.
    const bad = (code: string, f: ActualsCsvField, message: string): void => report(code, rec.line, 0, `column "${header.fields[col[f]]!.trim()}": ${message}`);
    const department = get('department');
    const account = get('account');
    const month = get('month');
    const amountText = get('amount');
    if (department === '') {
      bad('csv/missing-value', 'department', 'the department is empty');
      continue;
    }
    if (options.departments && !options.departments.has(department)) {
      bad('csv/unknown-department', 'department', `department "${department}" is not declared in opsplan.yaml (known: ${[...options.departments].join(', ')})`);
      continue;
    }
    if (account === '') {
      bad('csv/missing-value', 'account', 'the account is empty');
      continue;
    }
    if (!MONTH_RE.test(month)) {
      bad('csv/bad-month', 'month', `month "${month}" is not YYYY-MM (e.g. 2026-11)`);
      continue;
    }
    const amount = parseAmount(amountText, digits);
    if (typeof amount === 'string') {
      bad('csv/bad-amount', 'amount', amount);
      continue;
    }
    const k = `${department}\u0000${month}`;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { file, department, month, lines: [], byAccount: new Map() }));
    const at = g.byAccount.get(account);
    if (at === undefined) {
      g.byAccount.set(account, g.lines.length);
      g.lines.push({ account, amount, index: rec.line });
    } else {
      // Several postings on one account are summed, exactly, in cents.
      g.lines[at]!.amount += amount;
    }
  }
  const actuals = [...groups.values()].map(({ byAccount: _unused, ...a }) => a);
  return { actuals, diagnostics, rows: data.length };
}
