// One file from bytes to a typed document: decode, parse, identify the kind, check the
// version and the schema. Pure (no fs), so it can run anywhere: in the loader, in a worker,
// in a property test fed with random bytes.
import type { Diagnostic } from '../model/diagnostic.js';
import { KIND_IDS } from '../kinds/registry.js';
import type { FileKind } from '../model/documents.js';
import { fastParse } from './fast-parse.js';
import { locatePlain } from './locate-plain.js';
import { DEFAULT_PARSE_LIMITS, parseYaml } from './parse-yaml.js';
import type { ParseLimits, ParsedYaml } from './parse-yaml.js';
import { decodeUtf8 } from './read-files.js';
import { validateAgainstSchema } from './validate-schema.js';
import type { CompanyRules } from './validate-schema.js';

/** The company file's name at the workspace root. */
export const COMPANY_FILE = 'opsplan.yaml';

/** A schema-valid document of a registered kind, as written. */
export type KindDocument = { kind: FileKind } & Record<string, unknown>;

/** What became of one file. */
export interface LoadedDocument {
  /** The kind the file declares, when it declares a known one. */
  kind: FileKind | null;
  /** The document, only when it passed every per-file check. */
  doc: KindDocument | null;
  /** Decoded text (for code frames), null when the bytes were not UTF-8. */
  text: string | null;
  parsed: ParsedYaml | null;
  diagnostics: Diagnostic[];
  /** The data as written, for a file of a known kind left out for its errors (see RejectedFile). */
  rejectedData?: unknown;
  /**
   * True when the diagnostics came from the fast path with positions left at 0 (see
   * `deferPositions`): their number and codes are final; loading the file again with
   * `fastPath: false` gives the same findings with positions and hints.
   */
  provisional?: boolean;
}

/** Options of loadDocument. */
export interface LoadDocumentOptions {
  /** false forces the reference parser (tests, and resolving provisional findings). */
  fastPath?: boolean;
  /**
   * When a file parsed on the fast path has findings, report them without positions instead
   * of re-parsing it with the (10x slower) reference parser. For runs that show only some of
   * many findings: the caller resolves the files it shows.
   */
  deferPositions?: boolean;
  /** The company currency: amounts may carry as many decimals as it has minor digits. */
  rules?: CompanyRules;
}

function at(file: string, parsed: ParsedYaml, path: string[], code: string, message: string, where: 'key' | 'value' = 'value'): Diagnostic {
  const pos = parsed.locate(path, where);
  return { code, severity: 'error', message, file, line: pos.line, column: pos.column, path: '/' + path.join('/') };
}

/**
 * Loads one file's bytes; `file` is its workspace-relative path. Never throws for bad input.
 *
 * Clean files take the fast path: js-yaml builds the data (about 10x faster than the `yaml`
 * package) and positions are computed only if someone asks for one. Any doubt (an alias, a
 * directive, a parse error, a finding of any kind) sends the file down the reference path,
 * whose diagnostics are the ones reported, so both paths report the same thing.
 */
export function loadDocument(file: string, bytes: Uint8Array, limits: ParseLimits = DEFAULT_PARSE_LIMITS, options: LoadDocumentOptions = {}): LoadedDocument {
  const decoded = decodeUtf8(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), file);
  if (decoded.diagnostic) return { kind: null, doc: null, text: null, parsed: null, diagnostics: [decoded.diagnostic] };
  const text = decoded.text!;
  const fast = options.fastPath === false ? undefined : fastParse(text, limits);
  if (fast !== undefined) {
    let slow: ParsedYaml | null = null;
    const reference = (): ParsedYaml => (slow ??= parseYaml(text, file, limits));
    const lazy: ParsedYaml = {
      data: fast,
      diagnostics: [],
      // Plain shapes are located in the text; the rest (and hints) need the reference parser.
      locate: (path, where) => (slow ? slow.locate(path, where) : (locatePlain(text, path, where) ?? reference().locate(path, where))),
      nodeAt: (path) => reference().nodeAt(path),
    };
    if (options.deferPositions) {
      const positionless: ParsedYaml = { data: fast, diagnostics: [], locate: () => ({ line: 0, column: 0 }), nodeAt: () => null };
      const result = checkDocument(file, text, positionless, options.rules);
      return result.diagnostics.length === 0 ? { ...result, parsed: lazy } : { ...result, parsed: null, provisional: true };
    }
    const result = checkDocument(file, text, lazy, options.rules);
    if (result.diagnostics.length === 0) return result;
  }
  return checkDocument(file, text, parseYaml(text, file, limits), options.rules);
}

/**
 * Checks a parsed file. Parse errors end it here; parse warnings (a reserved directive, an
 * anchor name ending in ':') ride along with whatever the checks find.
 */
function checkDocument(file: string, text: string, parsed: ParsedYaml, rules?: CompanyRules): LoadedDocument {
  if (parsed.diagnostics.some((d) => d.severity === 'error')) return { kind: null, doc: null, text, parsed, diagnostics: parsed.diagnostics };
  const result = checkParsed(file, text, parsed, rules);
  return parsed.diagnostics.length === 0 ? result : { ...result, diagnostics: [...parsed.diagnostics, ...result.diagnostics] };
}

/** Identifies the kind, checks the version, the company file's place and the schema. */
function checkParsed(file: string, text: string, parsed: ParsedYaml, rules?: CompanyRules): LoadedDocument {
  const base: LoadedDocument = { kind: null, doc: null, text, parsed, diagnostics: [] };
  const data = parsed.data as Record<string, unknown>;
  const kind = data.kind;
  if (kind === undefined) {
    return { ...base, diagnostics: [at(file, parsed, [], 'file/missing-kind', `no kind: every opsplan file starts with kind: (${KIND_IDS.join(' | ')}) and version: 1`)] };
  }
  if (typeof kind !== 'string' || !(KIND_IDS as readonly string[]).includes(kind)) {
    return { ...base, diagnostics: [at(file, parsed, ['kind'], 'file/unknown-kind', `unknown kind ${JSON.stringify(kind)}; expected one of ${KIND_IDS.join(', ')}`)] };
  }
  const known = kind as FileKind;
  if (data.version !== 1) {
    const found = data.version === undefined ? 'no version' : `version ${JSON.stringify(data.version)}`;
    const d = at(file, parsed, ['version'], 'file/unsupported-version', `${found}: this opsplan reads version: 1; add version: 1 or upgrade opsplan`, data.version === undefined ? 'key' : 'value');
    return { ...base, kind: known, diagnostics: [d], rejectedData: data };
  }
  const isCompanyFile = file === COMPANY_FILE;
  if ((known === 'company') !== isCompanyFile) {
    const message = isCompanyFile ? `${COMPANY_FILE} must be the company file (kind: company), found kind: ${known}` : `kind: company belongs in ${COMPANY_FILE} at the workspace root; this file is ignored`;
    return { ...base, kind: known, diagnostics: [at(file, parsed, ['kind'], 'file/misplaced-company', message)], rejectedData: data };
  }
  const schemaDiagnostics = validateAgainstSchema(known, parsed, file, rules);
  if (schemaDiagnostics.length > 0) return { ...base, kind: known, diagnostics: schemaDiagnostics, rejectedData: data };
  // A consolidated company plan kept in the workspace is checked, but no figure comes from it.
  if (known === 'company-plan') return { ...base, kind: known };
  return { ...base, kind: known, doc: data as KindDocument };
}
