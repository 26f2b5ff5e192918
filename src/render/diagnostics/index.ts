import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatMarkdown } from './markdown.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';
import type { DiagnosticsFormatter } from './types.js';

/** Output formats of `validate`. */
export const DIAGNOSTIC_FORMATS = ['stylish', 'json', 'github', 'junit', 'sarif', 'markdown'] as const;
/** One of DIAGNOSTIC_FORMATS. */
export type DiagnosticFormat = (typeof DIAGNOSTIC_FORMATS)[number];

/** Format name -> formatter; a new format is one file and one entry here. */
export const DIAGNOSTIC_FORMATTERS: Record<DiagnosticFormat, DiagnosticsFormatter> = {
  stylish: formatStylish,
  json: formatJson,
  github: formatGithub,
  junit: formatJunit,
  sarif: formatSarif,
  markdown: formatMarkdown,
};
export type { DiagnosticsInput, DiagnosticsFormatter } from './types.js';
