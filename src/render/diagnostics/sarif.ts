import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describeCode } from './codes.js';
import type { DiagnosticsFormatter } from './types.js';

/** Where the README documents the codes (the rules' help link). */
const CODES_URI = 'https://github.com/opsplan/opsplan#diagnostic-codes';

/**
 * SARIF 2.1.0 for code-scanning uploads. Locations are relative to `SRCROOT`, the repository
 * root (or the workspace root outside a repository), declared in `originalUriBaseIds`; rules
 * carry a short description and help text from the code table; regions are 1-based.
 */
export const formatSarif: DiagnosticsFormatter = (input) => {
  const rules = [...new Set(input.diagnostics.map((d) => d.code))].sort();
  const base = input.repo ?? { root: path.resolve(input.root), path: '' };
  const rootUri = pathToFileURL(base.root).href.replace(/\/?$/, '/');
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'opsplan',
            version: input.toolVersion,
            informationUri: 'https://github.com/opsplan/opsplan',
            rules: rules.map((id) => {
              const info = describeCode(id);
              return { id, shortDescription: { text: info.summary }, help: { text: info.help }, helpUri: CODES_URI };
            }),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: rootUri, description: { text: input.repo ? 'The root of the repository' : 'The root of the workspace' } } },
        results: input.diagnostics.map((d) => ({
          ruleId: d.code,
          ruleIndex: rules.indexOf(d.code),
          level: d.severity === 'error' ? 'error' : 'warning',
          message: { text: d.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeURI(path.posix.join(base.path, d.file || 'opsplan.yaml')), uriBaseId: 'SRCROOT' },
                ...(d.line > 0 ? { region: { startLine: d.line, startColumn: Math.max(1, d.column), ...(d.endLine ? { endLine: d.endLine, endColumn: d.endColumn } : {}) } } : {}),
              },
            },
          ],
        })),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
};
