import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder of opsplan's package.json: two levels above this module in src/cli, in
 * dist/cli and in the bundle dist/cli/opsplan.cjs (where every module shares this one's
 * location, so other modules ask here rather than count levels from their own).
 */
export function packageRoot(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
}

/** opsplan's version from package.json. */
export function readVersion(): string {
  return (JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}
