// JSON Schema validation of parsed files, with every ajv error turned into a diagnostic that
// points at the right node: the offending key for unknown keys, the parent's key for a
// missing property, the value otherwise.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { KIND_IDS } from '../kinds/registry.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { closest } from '../model/did-you-mean.js';
import type { FileKind } from '../model/documents.js';
import { amountDigitsRule } from '../model/money.js';
import { SCHEMA_ID_BASE, createAjv } from './ajv-setup.js';
import { isPlainScalar } from './parse-yaml.js';
import { loadStandalone } from './standalone-loader.js';
import type { ParsedYaml } from './parse-yaml.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The folder holding the published JSON Schemas (written by the build from src/kinds). */
export function schemasDir(): string {
  return path.resolve(here, '..', '..', 'schemas');
}

/** The validators the build precompiled (dist/validators.cjs); absent when running from src/. */
export const STANDALONE_FILE = path.resolve(here, '..', 'validators.cjs');

/** Minor-unit digits the published schemas (and the precompiled validators) assume for money. */
export const SCHEMA_MONEY_DIGITS = 2;

/** The money types of common.schema.json whose decimals follow the company currency. */
const MONEY_DEFS = ['money', 'nonNegativeMoney'];

let standalone: Map<string, ValidateFunction> | null = null;
// Validators for currencies with other minor digits (JPY 0, KWD 3), compiled on first use.
const byDigits = new Map<number, Map<string, ValidateFunction>>();

function compileAtRunTime(moneyDigits: number): Map<string, ValidateFunction> {
  const ajv = createAjv();
  const dir = schemasDir();
  const common = JSON.parse(readFileSync(path.join(dir, 'common.schema.json'), 'utf8')) as { $defs: Record<string, { maxDecimals?: number }> };
  for (const def of MONEY_DEFS) common.$defs[def]!.maxDecimals = moneyDigits;
  ajv.addSchema(common);
  const out = new Map<string, ValidateFunction>();
  for (const kind of KIND_IDS) out.set(kind, ajv.compile(JSON.parse(readFileSync(path.join(dir, `${kind}.schema.json`), 'utf8'))));
  return out;
}

/**
 * The validator of a kind for a currency with `moneyDigits` minor digits. The build compiles
 * every schema to standalone code for 2-digit currencies, which loads in a few milliseconds;
 * compiling them with ajv at every run took 275 ms of `validate`'s start-up (CPU profile,
 * issue 12). Other currencies, and runs without a build (tests from src/), compile here once.
 */
export function getValidator(kind: string, moneyDigits = SCHEMA_MONEY_DIGITS): ValidateFunction | undefined {
  if (moneyDigits === SCHEMA_MONEY_DIGITS && existsSync(STANDALONE_FILE)) {
    if (!standalone) {
      const mod = loadStandalone(STANDALONE_FILE) as Record<string, ValidateFunction>;
      standalone = new Map(KIND_IDS.map((k) => [k, mod[`${SCHEMA_ID_BASE}${k}.schema.json`]!]));
    }
    return standalone.get(kind);
  }
  let set = byDigits.get(moneyDigits);
  if (!set) byDigits.set(moneyDigits, (set = compileAtRunTime(moneyDigits)));
  return set.get(kind);
}

/** Splits ajv's instancePath (`/lines/0/account`) into segments. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function kebab(keyword: string): string {
  return keyword.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());
}

function describePath(segments: string[]): string {
  return segments.length === 0 ? 'the file' : segments.join('.').replace(/\.(\d+)(?=\.|$)/g, '[$1]');
}

/** The company currency as schema validation needs it. */
export interface CompanyRules {
  /** Currency code. */
  code: string;
  /** Its minor-unit digits: the decimals an amount may have. */
  digits: number;
  /** Declared departments, so a department written by its name can be pointed at its id. */
  departments?: readonly { id: string; name: string }[];
}

/** Used until the company file says otherwise (and when it is missing). */
export const DEFAULT_RULES: CompanyRules = { code: 'the company currency', digits: SCHEMA_MONEY_DIGITS };

/** Caps ajv errors per file: a hostile file can produce hundreds of thousands. */
export const MAX_SCHEMA_ERRORS_PER_FILE = 200;

/** Validates parsed data against its kind's schema and returns located diagnostics. */
export function validateAgainstSchema(kind: FileKind, parsed: ParsedYaml, file: string, rules: CompanyRules = DEFAULT_RULES): Diagnostic[] {
  const validate = getValidator(kind, rules.digits);
  if (!validate) return [];
  if (validate(parsed.data)) return [];
  const errors = (validate.errors ?? []).slice();
  // oneOf/if branches produce noise (`must match exactly one schema`, plus each branch's
  // failures): keep one clear message per oneOf and drop the branch internals.
  const oneOfPaths = errors.filter((e) => e.keyword === 'oneOf').map((e) => e.schemaPath + '/');
  const kept = errors.filter((e) => e.keyword !== 'if' && !oneOfPaths.some((p) => e.schemaPath.startsWith(p)));
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const e of kept) {
    const d = toDiagnostic(kind, e, parsed, file, rules);
    const key = `${d.line}:${d.column}:${d.code}:${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
    if (out.length >= MAX_SCHEMA_ERRORS_PER_FILE) {
      out.push({ code: 'schema/too-many-errors', severity: 'error', message: `more than ${MAX_SCHEMA_ERRORS_PER_FILE} schema errors in this file; fix these first`, file, line: d.line, column: d.column, path: '' });
      break;
    }
  }
  return out;
}

function toDiagnostic(kind: FileKind, e: ErrorObject, parsed: ParsedYaml, file: string, rules: CompanyRules): Diagnostic {
  const segments = pointerSegments(e.instancePath);
  const where = describePath(segments);
  const params = e.params as Record<string, unknown>;
  let target = segments;
  let at: 'key' | 'value' = 'value';
  let code = `schema/${kebab(e.keyword)}`;
  let message: string;
  switch (e.keyword) {
    case 'required':
      // Point at the key that owns the incomplete mapping (or what the rule hangs on).
      at = 'key';
      ({ code, message, target } = missingProperty(kind, e, segments, where, code));
      break;
    case 'additionalProperties': {
      const prop = String(params.additionalProperty);
      target = [...segments, prop];
      at = 'key';
      const schemaProps = Object.keys((e.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {});
      const guess = closest(prop, schemaProps);
      message = `unknown property "${prop}" in ${where}${guess ? `; did you mean "${guess}"?` : ''} (allowed: ${schemaProps.join(', ')})`;
      break;
    }
    case 'type':
      ({ code, message } = typeMismatch(e, parsed, segments, where, code));
      break;
    case 'enum':
      message = `${where} must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}, found ${describeValue(parsed.data, segments)}`;
      break;
    case 'const':
      message = `${where} must be ${JSON.stringify(params.allowedValue)}, found ${describeValue(parsed.data, segments)}`;
      if (segments.length === 1 && segments[0] === 'version') {
        code = 'file/unsupported-version';
        message = `version ${describeValue(parsed.data, segments)} is not supported; this opsplan reads version: 1`;
      }
      break;
    case 'maxDecimals': {
      const value = valueAt(parsed.data, segments);
      code = 'schema/max-decimals';
      const isMoney = MONEY_DEFS.some((d) => e.schemaPath.includes(`/$defs/${d}/`)) || (e.parentSchema as { title?: string } | undefined)?.title?.startsWith('Amount of money') === true;
      const max = Number(e.schema);
      message = isMoney
        ? `${where} has too many decimals (${String(value)}); ${amountDigitsRule(rules.code, max)}`
        : `${where} has too many decimals (${String(value)}); quantities take ${max === 0 ? 'no decimals' : `at most ${max} decimal${max === 1 ? '' : 's'}`}`;
      break;
    }
    case 'oneOf': {
      const passing = params.passingSchemas;
      message = Array.isArray(passing)
        ? `${where} matches more than one allowed shape; ${kind === 'budget' ? 'give either monthly: [12 amounts] or annual: amount, not both' : 'remove the conflicting properties'}`
        : `${where} matches none of the allowed shapes; ${kind === 'budget' ? 'give either monthly: [12 amounts] or annual: amount' : 'see the schema for this kind'}`;
      at = 'key';
      break;
    }
    case 'format':
      message = `${where} must be a valid ${String(params.format)}${params.format === 'date' ? ' (YYYY-MM-DD)' : ''}, found ${describeValue(parsed.data, segments)}`;
      break;
    case 'pattern': {
      message = `${where} does not match the expected form ${String(params.pattern)}, found ${describeValue(parsed.data, segments)}`;
      const value = valueAt(parsed.data, segments);
      const named = segments.at(-1) === 'department' ? rules.departments?.find((d) => d.name === value) : undefined;
      if (named) message += `; "${String(value)}" is the name of department "${named.id}": write department: ${named.id}`;
      break;
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const op = { minimum: '>=', maximum: '<=', exclusiveMinimum: '>', exclusiveMaximum: '<' }[e.keyword];
      const found = describeValue(parsed.data, segments);
      message = `${where} must be ${op} ${String(params.limit)}, found ${found}${e.keyword === 'minimum' && Number(params.limit) === 0 ? '; quantities and these amounts cannot be negative' : ''}`;
      break;
    }
    case 'maxLength':
    case 'maxItems':
      message = `${where} is too long: at most ${String(params.limit)} ${e.keyword === 'maxLength' ? 'characters' : 'items'} allowed`;
      break;
    case 'minItems':
    case 'minLength':
      message = `${where} is too short: at least ${String(params.limit)} ${e.keyword === 'minLength' ? 'character' : 'items'} required${segments.at(-1) === 'monthly' ? ' (monthly takes exactly 12 amounts, one per fiscal month)' : ''}`;
      break;
    case 'dependentRequired':
      at = 'key';
      message = `${where} has ${String(params.property)} but lacks ${String(params.missingProperty)}; a new line needs name, category, basis and method`;
      break;
    default:
      message = `${where} ${e.message ?? 'is invalid'}`;
  }
  const pos = parsed.locate(target, at);
  return { code, severity: 'error', message, file, line: pos.line, column: pos.column, path: '/' + target.join('/'), endLine: pos.endLine, endColumn: pos.endColumn };
}

/** The message for a missing property, with the kind-specific rules of the regime. */
function missingProperty(kind: FileKind, e: ErrorObject, segments: string[], where: string, code: string): { code: string; message: string; target: string[] } {
  const prop = String((e.params as Record<string, unknown>).missingProperty);
  if (kind === 'budget-adjustment' && e.schemaPath.includes('/then/')) {
    // The rule hangs on `status: approved`, so that is where the reader should look.
    return { code: 'adjustment/missing-approval', target: [...segments, 'status'], message: `an approved adjustment needs "${prop}"; add ${prop}: ${prop === 'approvedOn' ? 'YYYY-MM-DD' : '<name of the approver>'}, or set status to reviewed until it is approved` };
  }
  if (kind === 'budget' && (prop === 'basis' || prop === 'method')) {
    const what = prop === 'basis' ? ['the basis of preparation', 'what the amount rests on'] : ['the calculation method', 'how the amount was calculated'];
    return { code: `budget/missing-${prop}`, target: segments, message: `budget line ${where} has no ${prop}; the regime requires ${what[0]}: add ${prop}: <${what[1]}>` };
  }
  return { code, target: segments, message: `${where} is missing required property "${prop}"; add ${prop}: ...` };
}

/** The message for a value of the wrong type, naming the fix for the usual YAML surprises. */
function typeMismatch(e: ErrorObject, parsed: ParsedYaml, segments: string[], where: string, code: string): { code: string; message: string } {
  const expected = String((e.params as Record<string, unknown>).type);
  const raw = valueAt(parsed.data, segments);
  if (expected === 'number' && typeof raw === 'string' && /^-?[\d,]+(\.\d+)?$/.test(raw.trim())) {
    return { code, message: `${where} must be a number, found the text ${JSON.stringify(raw)}; write it unquoted without thousands separators: ${raw.replace(/,/g, '')}` };
  }
  if (expected === 'number' && typeof raw === 'number') return { code, message: `${where} must be a finite number, found ${String(raw)}; write the amount itself` };
  if (expected !== 'string' || typeof raw !== 'number') return { code, message: `${where} must be ${article(expected)}, found ${describeValue(parsed.data, segments)}` };
  // A number where a string belongs can only come from an unquoted scalar (a quoted one is a
  // string): say so, with the text as written when the node is at hand. Quoting is only the
  // fix when the quoted text is then valid: `fiscalYear: 2026` must become FY2026, not "2026".
  const node = parsed.nodeAt(segments);
  const written = isPlainScalar(node) && node.source !== undefined ? node.source : String(raw);
  const pattern = (e.parentSchema as { pattern?: string } | undefined)?.pattern;
  const fixed = pattern === undefined ? written : [written, `FY${written}`].find((c) => new RegExp(pattern).test(c));
  const read = `YAML read the unquoted ${written} as the number ${String(raw)}`;
  const message =
    fixed === undefined
      ? `${where} must be a string, but ${read}; write it in the form ${pattern}`
      : fixed === written
        ? `${where} must be a string, but ${read}; quote it: "${written}"`
        : `${where} must be a string such as ${fixed}, but YAML read ${written} as the number ${String(raw)}; write ${fixed}`;
  return { code: 'schema/unquoted-code', message };
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function valueAt(data: unknown, segments: string[]): unknown {
  let v: unknown = data;
  for (const s of segments) {
    if (v === null || typeof v !== 'object') return undefined;
    v = Object.prototype.hasOwnProperty.call(v, s) ? (v as Record<string, unknown>)[s] : undefined;
  }
  return v;
}

function describeValue(data: unknown, segments: string[]): string {
  const v = valueAt(data, segments);
  if (v === null) return 'an empty value';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? v.slice(0, 57) + '...' : v);
  return String(v);
}
