// files -> bytes -> YAML -> schema -> model. Never throws for a user's mistake: every problem
// becomes a diagnostic and the file is left out of the model.
import { statSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';
import { normalizeCompany } from '../kinds/company/kind.js';
import { KINDS } from '../kinds/registry.js';
import type { CompanyDoc } from '../model/documents.js';
import type { RejectedFile } from '../kinds/kind.js';
import { currencyDigits, toCents } from '../model/money.js';
import type { Workspace } from '../model/workspace.js';
import { checkWorkspace } from './check-workspace.js';
import { DEFAULT_PARSE_LIMITS } from './parse-yaml.js';
import { PARALLEL_MIN_BYTES, canLoadInParallel, readAndLoadInParallel } from './parallel-load.js';
import { COMPANY_FILE, loadDocument } from './load-document.js';
import type { KindDocument, LoadedDocument } from './load-document.js';
import type { ParseLimits, ParsedYaml, Position } from './parse-yaml.js';
import { DEFAULT_MAX_FILE_BYTES, listYamlFiles, readFileInto, readSourceFile, rel, sha256Of } from './read-files.js';
import { DEFAULT_RULES } from './validate-schema.js';
import type { CompanyRules } from './validate-schema.js';

export { COMPANY_FILE, normalizeCompany };

/** Options for loading a workspace. */
export interface LoadOptions {
  maxFileBytes?: number;
  limits?: ParseLimits;
  /** Threads for parsing large workspaces (default 1; the CLI passes the machine's cores). */
  threads?: number;
  /** See LoadDocumentOptions.deferPositions; resolve shown files with `resolvePositions`. */
  deferPositions?: boolean;
  /**
   * false: forget the files' texts and parse trees once the cross-file checks have placed
   * their findings; `locate` then answers line 0 and `sourceText` nothing. For commands that
   * only compute (report): at L the texts and trees were a third of the loaded heap, held
   * while every domain result was computed. Default true.
   */
  keepSources?: boolean;
  /** Threads are used from this many bytes in all (default PARALLEL_MIN_BYTES; tests set 0). */
  parallelMinBytes?: number;
}

/** Finds where a path inside a file is written; line 0 when the file was not parsed. */
export type Locator = (file: string, path: readonly (string | number)[], at?: 'key' | 'value') => Position;

/** The outcome of loading: the model of everything valid, and every finding. */
export interface LoadResult {
  workspace: Workspace;
  diagnostics: Diagnostic[];
  locate: Locator;
  /** Decoded text of a file that was parsed, for code frames. */
  sourceText: (file: string) => string | undefined;
  /** Files whose findings still lack positions (only with `deferPositions`). */
  provisionalFiles: ReadonlySet<string>;
  /**
   * The findings of a provisional file with positions, from the reference parser (same
   * number and codes as before); also makes its text available to `sourceText`.
   */
  resolvePositions: (file: string) => Diagnostic[];
  /**
   * Files of a kind left out of the model for their errors, own or cross-file, with their
   * data (as written, or the model for a cross-file rejection): a command that would
   * otherwise take "no such document" for "nothing to do" can name them instead.
   */
  rejected: readonly RejectedFile[];
}

/**
 * Loads a workspace. `root` is the folder holding opsplan.yaml; every YAML file below it is
 * read. `diagnostics` covers all of them, sorted by file and position.
 */
export function loadWorkspace(root: string, options: LoadOptions = {}): LoadResult {
  const absRoot = path.resolve(root);
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const limits = options.limits ?? DEFAULT_PARSE_LIMITS;
  const diagnostics: Diagnostic[] = [];
  const parsedFiles = new Map<string, ParsedYaml>();
  const texts = new Map<string, string>();
  const workspace = emptyWorkspace(absRoot);
  const rejected: RejectedFile[] = [];

  const listed = listYamlFiles(absRoot);
  diagnostics.push(...listed.diagnostics);
  const docs: { file: string; doc: KindDocument }[] = [];

  const threads = Math.max(1, options.threads ?? 1);
  // A workspace big enough for threads to pay for their start-up is read into one shared
  // buffer while they load the files already read (its size comes from a first pass of stats);
  // a smaller one is read whole, then loaded here.
  const sizes = threads > 1 && canLoadInParallel() ? listed.files.map((f) => statSync(f).size) : null;
  const inParallel = sizes !== null && sizes.reduce((sum, n) => sum + (n <= maxFileBytes ? n : 0), 0) >= (options.parallelMinBytes ?? PARALLEL_MIN_BYTES);
  const read = inParallel ? readAndLoad(absRoot, listed.files, sizes, maxFileBytes, limits, threads, options.deferPositions) : readThenLoad(absRoot, listed.files, maxFileBytes, limits, options.deferPositions);
  diagnostics.push(...read.diagnostics);
  workspace.files.push(...read.files);
  const { sources, loaded: loadedAll, rules } = read;
  const provisional = new Map<string, Uint8Array>();
  sources.forEach((source, i) => {
    const loaded = loadedAll[i]!;
    source.entry.kind = loaded.kind;
    if (loaded.text !== null) texts.set(source.file, loaded.text);
    if (loaded.parsed) parsedFiles.set(source.file, loaded.parsed);
    diagnostics.push(...loaded.diagnostics);
    if (loaded.doc) docs.push({ file: source.file, doc: loaded.doc });
    else if (loaded.kind !== null) rejected.push({ file: source.file, kind: loaded.kind, data: loaded.rejectedData });
    if (loaded.provisional) provisional.set(source.file, source.bytes);
  });

  const companyDoc = docs.find((d) => d.doc.kind === 'company');
  if (companyDoc) workspace.company = normalizeCompany(companyDoc.doc as unknown as CompanyDoc, companyDoc.file);
  else if (!workspace.files.some((f) => f.file === COMPANY_FILE)) {
    diagnostics.push({ code: 'workspace/missing-company', severity: 'error', message: `no ${COMPANY_FILE} at the workspace root ${absRoot}; run opsplan init or point at the folder that holds it`, file: COMPANY_FILE, line: 0, column: 0, path: '' });
  }
  normalizeDocuments(docs, workspace);
  const found = lookups(parsedFiles, texts, provisional, { limits, rules }, diagnostics);
  const cross = checkWorkspace(workspace, found.locate, rejected);
  diagnostics.push(...cross);
  // A document with a cross-file error (a second submission for the same period, an unknown
  // department, an adjustment to a month outside its year...) is left out of the model, as
  // documents with per-file errors are: no figure may rest on it. The company file stays;
  // its errors are reported, and the commands refuse to run without it.
  const crossRejected = new Set(cross.filter((d) => d.severity === 'error' && d.file !== COMPANY_FILE).map((d) => d.file));
  if (crossRejected.size > 0) {
    const ws = workspace as unknown as Record<string, { file: string }[]>;
    for (const kind of KINDS) {
      if (!kind.collection) continue;
      for (const x of ws[kind.collection]!) if (crossRejected.has(x.file)) rejected.push({ file: x.file, kind: kind.id, data: x });
      ws[kind.collection] = ws[kind.collection]!.filter((x) => !crossRejected.has(x.file));
    }
  }
  if (options.keepSources === false) {
    parsedFiles.clear();
    texts.clear();
  }
  return { workspace, diagnostics, ...found, rejected };
}

/** A file read for loading, with its entry in the workspace's file list (its kind is set once loaded). */
interface Source {
  file: string;
  bytes: Uint8Array;
  entry: Workspace['files'][number];
}

/** The files read and loaded: their list entries in listing order, the read findings, and each read file with its load. */
interface ReadAndLoaded {
  files: Workspace['files'];
  diagnostics: Diagnostic[];
  sources: Source[];
  loaded: LoadedDocument[];
  /** The company file's rules the others were checked with. */
  rules: CompanyRules;
}

/** A file left out when reading (over the size cap): listed without a hash. */
function unreadEntry(d: Diagnostic): Workspace['files'][number] {
  return { file: d.file, sha256: '', bytes: 0, kind: null };
}

/** What every file but the company's is checked with: the company file's currency and departments. */
function loadCompany(bytes: Uint8Array | undefined, limits: ParseLimits): { loaded: LoadedDocument | null; rules: CompanyRules } {
  const loaded = bytes ? loadDocument(COMPANY_FILE, bytes, limits) : null;
  return { loaded, rules: companyRules(loaded?.doc) };
}

/** Reads every file (size cap, hash), then loads them on this thread, the company file first. */
function readThenLoad(root: string, absolutes: readonly string[], maxFileBytes: number, limits: ParseLimits, deferPositions: boolean | undefined): ReadAndLoaded {
  const out: ReadAndLoaded = { files: [], diagnostics: [], sources: [], loaded: [], rules: DEFAULT_RULES };
  for (const absolute of absolutes) {
    const read = readSourceFile(root, absolute, { maxFileBytes });
    if (read.diagnostic) {
      out.diagnostics.push(read.diagnostic);
      out.files.push(unreadEntry(read.diagnostic));
      continue;
    }
    const source = read.source!;
    const entry: Workspace['files'][number] = { file: source.file, sha256: source.sha256, bytes: source.bytes.length, kind: null };
    out.files.push(entry);
    out.sources.push({ file: source.file, bytes: source.bytes, entry });
  }
  // The company file goes first: its currency decides how many decimals amounts may have.
  const company = loadCompany(out.sources.find((x) => x.file === COMPANY_FILE)?.bytes, limits);
  const loadOptions = { deferPositions, rules: (out.rules = company.rules) };
  out.loaded = out.sources.map((x) => (x.file === COMPANY_FILE ? company.loaded! : loadDocument(x.file, x.bytes, limits, loadOptions)));
  return out;
}

/**
 * Reads and loads on `threads` threads: the company file first, here, then the others into
 * one shared buffer while the workers load those already read (readAndLoadInParallel). The
 * result is what readThenLoad gives. A file that grew since its size was taken is read
 * again as readThenLoad would (size cap included) and loaded here.
 */
function readAndLoad(root: string, absolutes: readonly string[], sizes: readonly number[], maxFileBytes: number, limits: ParseLimits, threads: number, deferPositions: boolean | undefined): ReadAndLoaded {
  const names = absolutes.map((a) => rel(root, a));
  const companyAt = names.indexOf(COMPANY_FILE);
  const companyRead = companyAt >= 0 && sizes[companyAt]! <= maxFileBytes ? readSourceFile(root, absolutes[companyAt]!, { maxFileBytes }) : null;
  const company = loadCompany(companyRead?.source?.bytes, limits);
  const loadOptions = { deferPositions, rules: company.rules };
  const out: ReadAndLoaded = { files: [], diagnostics: [], sources: [], loaded: [], rules: company.rules };
  const toRead = absolutes.flatMap((absolute, i) => (i !== companyAt && sizes[i]! <= maxFileBytes ? [{ file: names[i]!, absolute, size: sizes[i]!, at: i }] : []));
  const streamed = readAndLoadInParallel(toRead, readFileInto, limits, threads, loadOptions);
  const byIndex = new Map(toRead.map((t, k) => [t.at, streamed[k]!]));
  absolutes.forEach((absolute, i) => {
    let read: { bytes: Uint8Array; loaded: LoadedDocument } | { diagnostic: Diagnostic };
    const got = byIndex.get(i);
    if (got?.bytes) read = { bytes: got.bytes, loaded: got.loaded! };
    else if (i === companyAt && companyRead?.source) read = { bytes: companyRead.source.bytes, loaded: company.loaded! };
    else {
      // Over the cap when listed, or changed since: read on its own now, exactly as readThenLoad reads.
      const again = i === companyAt && companyRead?.diagnostic ? companyRead : readSourceFile(root, absolute, { maxFileBytes });
      read = again.diagnostic ? { diagnostic: again.diagnostic } : { bytes: again.source!.bytes, loaded: i === companyAt ? loadCompany(again.source!.bytes, limits).loaded! : loadDocument(names[i]!, again.source!.bytes, limits, loadOptions) };
    }
    if ('diagnostic' in read) {
      out.diagnostics.push(read.diagnostic);
      out.files.push(unreadEntry(read.diagnostic));
      return;
    }
    const entry: Workspace['files'][number] = { file: names[i]!, sha256: sha256Of(read.bytes), bytes: read.bytes.length, kind: null };
    out.files.push(entry);
    out.sources.push({ file: names[i]!, bytes: read.bytes, entry });
    out.loaded.push(read.loaded);
  });
  return out;
}

/**
 * The result's look-ups into the loaded files. Made here, not inside loadWorkspace, on
 * purpose: closures made there share its scope, which holds every loaded document (texts,
 * parse trees and data as written), so the result kept all of them alive however the maps
 * were emptied (at L, 190 MB of text held while the report computed). Nothing here may close
 * over a variable of loadWorkspace.
 */
function lookups(
  parsedFiles: ReadonlyMap<string, ParsedYaml>,
  texts: Map<string, string>,
  provisional: ReadonlyMap<string, Uint8Array>,
  reload: { limits: ParseLimits; rules: CompanyRules },
  diagnostics: readonly Diagnostic[],
): Pick<LoadResult, 'locate' | 'sourceText' | 'provisionalFiles' | 'resolvePositions'> {
  return {
    locate: (file, p, at) => parsedFiles.get(file)?.locate(p, at) ?? { line: 0, column: 0 },
    sourceText: (file) => texts.get(file),
    provisionalFiles: new Set(provisional.keys()),
    resolvePositions: (file) => {
      const bytes = provisional.get(file);
      if (!bytes) return diagnostics.filter((d) => d.file === file);
      const loaded = loadDocument(file, bytes, reload.limits, { fastPath: false, rules: reload.rules });
      if (loaded.text !== null) texts.set(file, loaded.text);
      return loaded.diagnostics;
    },
  };
}

/** A workspace with no documents: one empty collection per registered kind. */
export function emptyWorkspace(root: string): Workspace {
  const collections = Object.fromEntries(KINDS.flatMap((k) => (k.collection ? [[k.collection, []]] : [])));
  return { root, company: null, files: [], ...collections } as unknown as Workspace;
}

/** Turns every schema-valid document into its kind's model, in minor units of the company currency. */
function normalizeDocuments(docs: readonly { file: string; doc: KindDocument }[], workspace: Workspace): void {
  const digits = workspace.company?.currencyDigits ?? DEFAULT_RULES.digits;
  const ws = workspace as unknown as Record<string, unknown[]>;
  // The schema has already checked the decimals against the currency: conversion is exact.
  const money = (value: number): number => toCents(value, digits);
  for (const { file, doc } of docs) {
    const kind = KINDS.find((k) => k.id === doc.kind);
    if (kind?.collection) ws[kind.collection]!.push(kind.normalize(doc, { file, digits, money }));
  }
}

/** What schema checks of the other files need from a (schema-valid) company document. */
function companyRules(doc: KindDocument | null | undefined): CompanyRules {
  if (doc?.kind !== 'company') return DEFAULT_RULES;
  const c = doc as unknown as CompanyDoc;
  return { code: c.currency, digits: currencyDigits(c.currency) ?? DEFAULT_RULES.digits, departments: c.departments.map((d) => ({ id: d.id, name: d.name })) };
}
