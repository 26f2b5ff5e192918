import type { Diagnostic } from '../../model/diagnostic.js';

/** What every diagnostics formatter gets. */
export interface DiagnosticsInput {
  diagnostics: readonly Diagnostic[];
  /** Number of files checked. */
  fileCount: number;
  /** Source text of files that have findings, for code frames. */
  sources: ReadonlyMap<string, string>;
  /** Workspace root as given by the user, prefixed to file paths in GitHub/SARIF output. */
  root: string;
  toolVersion: string;
  color: boolean;
  /** Diagnostics left out by --max-findings (counted, not shown). */
  omitted: number;
  /** Counts over all findings, shown or not. */
  totals: { errors: number; warnings: number };
  /**
   * Every file checked with its counts over all findings, shown or not ('' for findings about
   * the whole run), for JUnit's one test case per file. Default: the files of the findings.
   */
  files?: readonly FileTally[];
  /**
   * The repository the workspace is in (GITHUB_WORKSPACE, else git's top level): its absolute
   * root and the workspace's path inside it ('' at the top), so GitHub annotations and SARIF
   * paths attach to the pull request's files from any folder. Null when not in a repository.
   */
  repo?: { root: string; path: string } | null;
}

/** One checked file and its finding counts. */
export interface FileTally {
  file: string;
  errors: number;
  warnings: number;
}

/** A pure formatter: diagnostics in, text out. */
export type DiagnosticsFormatter = (input: DiagnosticsInput) => string;
