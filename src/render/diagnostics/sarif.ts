import type { DiagnosticsFormatter } from './types.js';

/** SARIF 2.1.0 for code-scanning uploads; regions are 1-based as SARIF expects. */
export const formatSarif: DiagnosticsFormatter = (input) => {
  const rules = [...new Set(input.diagnostics.map((d) => d.code))].sort();
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'opsplan', version: input.toolVersion, informationUri: 'https://github.com/opsplan/opsplan', rules: rules.map((id) => ({ id })) } },
        results: input.diagnostics.map((d) => ({
          ruleId: d.code,
          ruleIndex: rules.indexOf(d.code),
          level: d.severity === 'error' ? 'error' : 'warning',
          message: { text: d.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: d.file || 'opsplan.yaml', uriBaseId: 'WORKSPACE' },
                ...(d.line > 0 ? { region: { startLine: d.line, startColumn: d.column, ...(d.endLine ? { endLine: d.endLine, endColumn: d.endColumn } : {}) } } : {}),
              },
            },
          ],
        })),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
};
