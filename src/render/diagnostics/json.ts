import type { DiagnosticsFormatter } from './types.js';

/** Version of the JSON output shape; bumped on any breaking change. */
export const DIAGNOSTICS_JSON_VERSION = 1;

/** Machine output, documented in the README ("JSON output of validate"). */
export const formatJson: DiagnosticsFormatter = (input) => {
  const { errors, warnings } = input.totals;
  const body = {
    version: DIAGNOSTICS_JSON_VERSION,
    tool: { name: 'opsplan', version: input.toolVersion },
    summary: { files: input.fileCount, errors, warnings, omitted: input.omitted },
    diagnostics: input.diagnostics.map((d) => ({
      file: d.file,
      line: d.line,
      column: d.column,
      endLine: d.endLine ?? null,
      endColumn: d.endColumn ?? null,
      severity: d.severity,
      code: d.code,
      message: d.message,
      path: d.path,
    })),
  };
  return JSON.stringify(body, null, 2) + '\n';
};
