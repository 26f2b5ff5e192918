// What a file kind declares about itself, once. Everything that lists kinds (the loader's
// kind check, the schema table, init, the editor mapping, the docs index) is derived from the
// registry of these declarations in ./registry.ts.
import type { Diagnostic, Severity } from '../model/diagnostic.js';
import type { Company, Workspace } from '../model/workspace.js';

/** Hands a normaliser what it needs besides the document: the file and the currency. */
export interface NormalizeContext {
  file: string;
  /** Minor-unit digits of the company currency (2 when there is no company file). */
  digits: number;
  /** Converts an amount written in major units (already checked against the currency) to minor units. */
  money: (value: number) => number;
}

/** A file that declared a kind but was left out of the model because of its own errors. */
export interface RejectedFile {
  file: string;
  kind: string;
  /** The parsed data as written (possibly partial or of the wrong shape). */
  data: unknown;
}

/** The tools a kind's cross-file checks share. */
export interface CheckContext {
  ws: Workspace;
  company: Company | null;
  /** First month of the fiscal year (1 = January). */
  startMonth: number;
  /** Department ids declared in opsplan.yaml. */
  departments: ReadonlySet<string>;
  /** Warehouse ids declared in opsplan.yaml. */
  warehouses: ReadonlySet<string>;
  report: (severity: Severity, code: string, message: string, file: string, path: (string | number)[], at?: 'key' | 'value') => void;
  /** Reports an unknown department (with a did-you-mean on names) and says whether it is known. */
  knownDepartment: (dept: string, file: string, path: (string | number)[]) => boolean;
  /** Calls `emit` for every item whose key an earlier item already has. */
  duplicates: <T>(items: readonly T[], keyOf: (t: T) => string, emit: (t: T, first: T) => void) => void;
  /** Reports ids used twice in one list of a file. */
  idsUnique: (file: string, list: readonly { id: string }[] | undefined, field: string, code: string) => void;
  /**
   * A file of `kind` left out for its own errors whose raw data satisfies `match`: a finding
   * that would say "X is missing" points at that file instead.
   */
  rejected: (kind: string, match: (data: Record<string, unknown>) => boolean) => RejectedFile | undefined;
}

/** One file kind. `M` is the model kept in the workspace collection `C`. */
export interface KindDef<K extends string = string, C extends string | null = string | null, M = unknown> {
  /** The `kind:` value, also the schema's file name (`schemas/<id>.schema.json`). */
  id: K;
  /** Property of the Workspace holding the loaded documents, or null when none is kept. */
  collection: C;
  /** One line for docs and `init`. */
  title: string;
  /** Where files of this kind usually live, for the editor mapping (workspace-relative globs). */
  globs: readonly string[];
  /** The example file `opsplan init` writes: workspace-relative path and content (without the schema header). */
  template?: { path: string; text: string };
  /** Converts a schema-valid document to its model. */
  normalize: (doc: unknown, ctx: NormalizeContext) => M;
  /** Cross-file checks of this kind's documents (run after the company's). */
  check?: (ctx: CheckContext) => void;
}

/** Declares a kind with its types inferred (so the registry can derive the Workspace type). */
export function defineKind<K extends string, C extends string | null, M>(def: KindDef<K, C, M>): KindDef<K, C, M> {
  return def;
}

export type { Diagnostic };
