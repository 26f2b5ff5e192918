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
}

/** A pure formatter: diagnostics in, text out. */
export type DiagnosticsFormatter = (input: DiagnosticsInput) => string;
