// The files `opsplan init` writes, derived from the registry of kinds: each kind's example
// file with a schema header for editors, and the editor's glob -> schema mapping.
import { KINDS } from '../../kinds/registry.js';

/** Folder (relative to the workspace) that init copies the schemas into. */
export const SCHEMA_COPY_DIR = '.opsplan/schemas';

const header = (kind: string, file: string): string => `# yaml-language-server: $schema=${'../'.repeat(file.split('/').length - 1)}${SCHEMA_COPY_DIR}/${kind}.schema.json\n`;

/** The VS Code (YAML extension) mapping of each kind's globs to its schema. */
export function editorSchemaMapping(): Record<string, string | string[]> {
  const mapping: Record<string, string | string[]> = {};
  for (const kind of KINDS) {
    if (!kind.template) continue;
    mapping[`./${SCHEMA_COPY_DIR}/${kind.id}.schema.json`] = kind.globs.length === 1 ? kind.globs[0]! : [...kind.globs];
  }
  return mapping;
}

/** Workspace-relative path -> content. */
export const INIT_FILES: Record<string, string> = {
  ...Object.fromEntries(KINDS.flatMap((k) => (k.template ? [[k.template.path, header(k.id, k.template.path) + k.template.text]] : []))),
  '.vscode/settings.json': `${JSON.stringify({ 'yaml.schemas': editorSchemaMapping() }, null, 2)}\n`,
};
