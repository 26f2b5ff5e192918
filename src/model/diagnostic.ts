/** How bad a finding is; only `error` fails `validate` by default. */
export type Severity = 'error' | 'warning';

/** One finding about the user's input, with a 1-based source position when there is one. */
export interface Diagnostic {
  /** Stable code, e.g. `budget/duplicate-account`, `schema/required`, `yaml/duplicate-key`. */
  code: string;
  severity: Severity;
  /** What was expected, what was found and how to fix it. */
  message: string;
  /** Workspace-relative path with forward slashes, or '' for findings about the whole run. */
  file: string;
  /** 1-based; 0 when unknown. */
  line: number;
  /** 1-based; 0 when unknown. */
  column: number;
  /** Path inside the document, e.g. `/lines/3/account`, or '' when not applicable. */
  path: string;
  /** 1-based end position of the offending node when known, for code frames and SARIF. */
  endLine?: number;
  endColumn?: number;
}

/** Orders diagnostics by file, line, column, code so every output is stable. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.line !== b.line) return a.line - b.line;
  if (a.column !== b.column) return a.column - b.column;
  if (a.code !== b.code) return a.code < b.code ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}

/** Counts diagnostics by severity. */
export function countBySeverity(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}
