import path from 'node:path';
import type { DiagnosticsFormatter } from './types.js';

// GitHub workflow commands: data escapes %, CR, LF; properties also escape : and ,.
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * `::error file=...,line=...,col=...,title=CODE::message` lines, annotated on the pull request.
 * Paths are relative to the repository root (GITHUB_WORKSPACE or git's top level) when known,
 * since that is what GitHub matches against the pull request's files, whatever folder opsplan
 * ran in; else relative to the current folder.
 */
export const formatGithub: DiagnosticsFormatter = (input) => {
  const prefix = input.repo ? input.repo.path : input.root.split(path.sep).join('/');
  return input.diagnostics
    .map((d) => {
      const props = [`file=${escapeProperty(path.posix.join(prefix, d.file))}`];
      if (d.line > 0) props.push(`line=${d.line}`, `col=${d.column}`);
      if (d.endLine) props.push(`endLine=${d.endLine}`);
      props.push(`title=${escapeProperty(d.code)}`);
      return `::${d.severity === 'error' ? 'error' : 'warning'} ${props.join(',')}::${escapeData(d.message)}\n`;
    })
    .join('');
};
