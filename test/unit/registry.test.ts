// The registry of kinds is the one list: schemas, init, the editor mapping, the docs and the
// example workspace are held against it here, so a kind cannot be half-added.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { INIT_FILES, editorSchemaMapping } from '../../src/cli/commands/init-templates.js';
import { KINDS, KIND_IDS } from '../../src/kinds/registry.js';
import { emptyWorkspace, loadWorkspace } from '../../src/load/load-workspace.js';
import { REPO } from '../helpers/run-cli.js';

const kindsDir = path.join(REPO, 'src', 'kinds');

describe('registry of kinds', () => {
  it('lists every kind folder once, and every folder is registered', () => {
    const folders = readdirSync(kindsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
    expect([...KIND_IDS].sort()).toEqual(folders);
    expect(new Set(KIND_IDS).size).toBe(KIND_IDS.length);
  });

  it('gives every kind a schema whose $id and kind const match its id', () => {
    for (const id of KIND_IDS) {
      const schema = JSON.parse(readFileSync(path.join(kindsDir, id, 'schema.json'), 'utf8'));
      expect(schema.$id, id).toBe(`https://opsplan.dev/schemas/${id}.schema.json`);
      expect(schema.properties.kind.const, id).toBe(id);
    }
  });

  it('publishes exactly the registered schemas (plus common) to schemas/', () => {
    const published = readdirSync(path.join(REPO, 'schemas')).sort();
    expect(published).toEqual(['common.schema.json', ...KIND_IDS.map((k) => `${k}.schema.json`)].sort());
  });

  it('documents every kind in docs/file-formats.md', () => {
    const doc = readFileSync(path.join(REPO, 'docs', 'file-formats.md'), 'utf8');
    for (const id of KIND_IDS) expect(doc, `docs/file-formats.md lacks "## ${id} —"`).toContain(`\n## ${id} —`);
  });

  it('has an example of every kind that keeps documents in examples/acme', () => {
    const { workspace } = loadWorkspace(path.join(REPO, 'examples', 'acme'));
    const kindsSeen = new Set(workspace.files.map((f) => f.kind));
    for (const k of KINDS) if (k.collection) expect(kindsSeen.has(k.id), `examples/acme has no ${k.id} file`).toBe(true);
  });

  it('derives init files, their schema headers and the editor mapping from the registry', () => {
    const mapping = editorSchemaMapping();
    for (const k of KINDS) {
      if (!k.template) continue;
      const text = INIT_FILES[k.template.path];
      expect(text, k.id).toBeDefined();
      expect(text!.split('\n')[0]).toMatch(new RegExp(`\\.opsplan/schemas/${k.id}\\.schema\\.json$`));
      expect(text).toContain(`kind: ${k.id}\n`);
      expect(mapping[`./.opsplan/schemas/${k.id}.schema.json`]).toBeDefined();
    }
  });

  it('derives one empty collection per kind that keeps documents', () => {
    const ws = emptyWorkspace('/x') as unknown as Record<string, unknown>;
    for (const k of KINDS) if (k.collection) expect(ws[k.collection], k.id).toEqual([]);
  });
});
