// files -> bytes -> YAML -> schema -> model. Never throws for a user's mistake: every problem
// becomes a diagnostic and the file is left out of the model.
import path from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';
import type {
  ActualsDoc,
  AnyDoc,
  BudgetAdjustmentDoc,
  BudgetDoc,
  CompanyDoc,
  InventoryDoc,
  PlanDoc,
  PlanProgressDoc,
  VarianceResponseDoc,
} from '../model/documents.js';
import { currencyDigits, spreadEvenly, toCents } from '../model/money.js';
import type { Company, Workspace } from '../model/workspace.js';
import { checkWorkspace } from './check-workspace.js';
import { DEFAULT_PARSE_LIMITS } from './parse-yaml.js';
import { PARALLEL_MIN_BYTES, canLoadInParallel, loadDocumentsInParallel, packShared } from './parallel-load.js';
import { COMPANY_FILE, loadDocument } from './load-document.js';
import type { ParseLimits, ParsedYaml, Position } from './parse-yaml.js';
import { DEFAULT_MAX_FILE_BYTES, listYamlFiles, readSourceFile } from './read-files.js';

export { COMPANY_FILE };

/** Options for loading a workspace. */
export interface LoadOptions {
  maxFileBytes?: number;
  limits?: ParseLimits;
  /** Threads for parsing large workspaces (default 1; the CLI passes the machine's cores). */
  threads?: number;
  /** See LoadDocumentOptions.deferPositions; resolve shown files with `resolvePositions`. */
  deferPositions?: boolean;
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
}

/** Applies the company file's defaults and converts money thresholds to cents. */
export function normalizeCompany(doc: CompanyDoc, file: string): Company {
  const digits = currencyDigits(doc.currency);
  const t = doc.thresholds ?? {};
  const v = t.variance ?? {};
  const s = t.stock ?? {};
  const c = t.consolidation ?? {};
  return {
    file,
    name: doc.company,
    currency: doc.currency,
    currencyDigits: digits,
    fiscalYearStartMonth: doc.fiscalYearStartMonth ?? 1,
    rounding: doc.rounding ?? 'half-up',
    departments: doc.departments,
    warehouses: doc.warehouses ?? [],
    thresholds: {
      variance: {
        warnPct: v.warnPct ?? 10,
        criticalPct: v.criticalPct ?? 25,
        minAmount: toCents(v.minAmount ?? 0, digits),
        overrides: (v.overrides ?? []).map((o) => ({ ...o, minAmount: o.minAmount === undefined ? undefined : toCents(o.minAmount, digits) })),
      },
      stock: {
        countTolerancePct: s.countTolerancePct ?? 2,
        countToleranceValue: toCents(s.countToleranceValue ?? 500, digits),
        slowMovingDays: s.slowMovingDays ?? 90,
        staleSnapshotDays: s.staleSnapshotDays ?? 45,
      },
      consolidation: { budgetRequestTolerancePct: c.budgetRequestTolerancePct ?? 5, pacePct: c.pacePct ?? 90 },
      responseDays: t.responseDays ?? 10,
    },
    doc,
  };
}

function fyNumber(fy: string): number {
  return Number(fy.slice(2, 6));
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
  const workspace: Workspace = {
    root: absRoot,
    company: null,
    plans: [],
    budgets: [],
    actuals: [],
    adjustments: [],
    inventories: [],
    progress: [],
    responses: [],
    files: [],
  };

  const listed = listYamlFiles(absRoot);
  diagnostics.push(...listed.diagnostics);
  const docs: { file: string; doc: AnyDoc }[] = [];

  // Read every file first (size cap, hash), then parse: on several threads when there is
  // enough to parse for the threads to pay for their start-up.
  const sources: { file: string; bytes: Uint8Array; entry: Workspace['files'][number] }[] = [];
  for (const absolute of listed.files) {
    const read = readSourceFile(absRoot, absolute, { maxFileBytes });
    if (read.diagnostic) {
      diagnostics.push(read.diagnostic);
      workspace.files.push({ file: read.diagnostic.file, sha256: '', bytes: 0, kind: null });
      continue;
    }
    const source = read.source!;
    const entry: Workspace['files'][number] = { file: source.file, sha256: source.sha256, bytes: source.bytes.length, kind: null };
    workspace.files.push(entry);
    sources.push({ file: source.file, bytes: source.bytes, entry });
  }
  const totalBytes = sources.reduce((s, x) => s + x.bytes.length, 0);
  const threads = Math.max(1, options.threads ?? 1);
  const parallel = threads > 1 && totalBytes >= PARALLEL_MIN_BYTES && canLoadInParallel();
  // One shared copy of the bytes for all threads; the per-file buffers become garbage now.
  if (parallel) packShared(sources);
  const loadedAll = parallel
    ? loadDocumentsInParallel(sources, limits, threads, { deferPositions: options.deferPositions })
    : sources.map((x) => loadDocument(x.file, x.bytes, limits, { deferPositions: options.deferPositions }));
  const provisional = new Map<string, Uint8Array>();
  sources.forEach((source, i) => {
    const loaded = loadedAll[i]!;
    source.entry.kind = loaded.kind;
    if (loaded.text !== null) texts.set(source.file, loaded.text);
    if (loaded.parsed) parsedFiles.set(source.file, loaded.parsed);
    diagnostics.push(...loaded.diagnostics);
    if (loaded.doc) docs.push({ file: source.file, doc: loaded.doc });
    if (loaded.provisional) provisional.set(source.file, source.bytes);
  });

  const companyDoc = docs.find((d) => d.doc.kind === 'company');
  if (companyDoc) workspace.company = normalizeCompany(companyDoc.doc as CompanyDoc, companyDoc.file);
  else if (!workspace.files.some((f) => f.file === COMPANY_FILE)) {
    diagnostics.push({ code: 'workspace/missing-company', severity: 'error', message: `no ${COMPANY_FILE} at the workspace root ${absRoot}; run opsplan init or point at the folder that holds it`, file: COMPANY_FILE, line: 0, column: 0, path: '' });
  }
  const digits = workspace.company?.currencyDigits ?? 2;

  for (const { file, doc } of docs) {
    switch (doc.kind) {
      case 'plan':
        workspace.plans.push({ file, doc: doc as PlanDoc });
        break;
      case 'budget': {
        const b = doc as BudgetDoc;
        workspace.budgets.push({
          file,
          department: b.department,
          fiscalYear: fyNumber(b.fiscalYear),
          status: b.status,
          lines: b.lines.map((l, index) => ({
            account: l.account,
            name: l.name,
            category: l.category,
            basis: l.basis,
            method: l.method,
            months: l.monthly ? l.monthly.map((m) => toCents(m, digits)) : spreadEvenly(toCents(l.annual ?? 0, digits), 12),
            index,
          })),
        });
        break;
      }
      case 'actuals': {
        const a = doc as ActualsDoc;
        workspace.actuals.push({ file, department: a.department, month: a.month, lines: a.lines.map((l, index) => ({ account: l.account, amount: toCents(l.amount, digits), index })) });
        break;
      }
      case 'budget-adjustment': {
        const a = doc as BudgetAdjustmentDoc;
        workspace.adjustments.push({
          file,
          id: a.id,
          department: a.department,
          fiscalYear: fyNumber(a.fiscalYear),
          status: a.status,
          reason: a.reason,
          justification: a.justification,
          approvedBy: a.approvedBy,
          approvedOn: a.approvedOn,
          changes: a.changes.map((c, index) => ({
            account: c.account,
            month: c.month,
            delta: toCents(c.delta, digits),
            newLine: c.category ? { name: c.name ?? c.account, category: c.category, basis: c.basis ?? '', method: c.method ?? '' } : undefined,
            index,
          })),
        });
        break;
      }
      case 'inventory':
        workspace.inventories.push({ file, doc: doc as InventoryDoc });
        break;
      case 'plan-progress':
        workspace.progress.push({ file, doc: doc as PlanProgressDoc });
        break;
      case 'variance-response':
        workspace.responses.push({ file, doc: doc as VarianceResponseDoc });
        break;
      default:
        break;
    }
  }
  const locate: Locator = (file, p, at) => parsedFiles.get(file)?.locate(p, at) ?? { line: 0, column: 0 };
  const cross = checkWorkspace(workspace, locate);
  diagnostics.push(...cross);
  // A document with a cross-file error (a second submission for the same period, an unknown
  // department, an adjustment to a month outside its year...) is left out of the model, as
  // documents with per-file errors are: no figure may rest on it. The company file stays;
  // its errors are reported, and the commands refuse to run without it.
  const rejected = new Set(cross.filter((d) => d.severity === 'error' && d.file !== COMPANY_FILE).map((d) => d.file));
  if (rejected.size > 0) {
    const keep = <T extends { file: string }>(list: T[]): T[] => list.filter((x) => !rejected.has(x.file));
    workspace.plans = keep(workspace.plans);
    workspace.budgets = keep(workspace.budgets);
    workspace.actuals = keep(workspace.actuals);
    workspace.adjustments = keep(workspace.adjustments);
    workspace.inventories = keep(workspace.inventories);
    workspace.progress = keep(workspace.progress);
    workspace.responses = keep(workspace.responses);
  }
  const resolvePositions = (file: string): Diagnostic[] => {
    const bytes = provisional.get(file);
    if (!bytes) return diagnostics.filter((d) => d.file === file);
    const loaded = loadDocument(file, bytes, limits, { fastPath: false });
    if (loaded.text !== null) texts.set(file, loaded.text);
    return loaded.diagnostics;
  };
  return { workspace, diagnostics, locate, sourceText: (file) => texts.get(file), provisionalFiles: new Set(provisional.keys()), resolvePositions };
}
