// Build step after tsc: publishes each registered kind's schema (src/kinds/<id>/schema.json)
// to schemas/, and compiles them all to standalone validator code in dist/validators.cjs so
// that no run pays for ajv's compilation. The kind list comes from the built registry.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import process from 'node:process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import standaloneCode from 'ajv/dist/standalone/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { KIND_IDS } = await import(path.join(root, 'dist/kinds/registry.js'));
const { createAjv, publishedSchema, SCHEMA_ID_BASE } = await import(path.join(root, 'dist/load/ajv-setup.js'));

const outDir = path.join(root, 'schemas');
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const write = (name, schema) => writeFileSync(path.join(outDir, name), JSON.stringify(schema, null, 2) + '\n');

const ajv = createAjv({ standalone: true });
const common = JSON.parse(readFileSync(path.join(root, 'src/kinds/common.schema.json'), 'utf8'));
write('common.schema.json', common);
ajv.addSchema(common);
const refs = {};
for (const id of KIND_IDS) {
  const schema = publishedSchema(JSON.parse(readFileSync(path.join(root, 'src/kinds', id, 'schema.json'), 'utf8')));
  if (schema.$id !== `${SCHEMA_ID_BASE}${id}.schema.json`) throw new Error(`src/kinds/${id}/schema.json: $id must be ${SCHEMA_ID_BASE}${id}.schema.json`);
  write(`${id}.schema.json`, schema);
  ajv.addSchema(schema);
  refs[schema.$id] = schema.$id;
}
// Non-ASCII characters (a few CJK words in descriptions) written as \u escapes, which mean
// the same in JavaScript source: an all-ASCII file becomes a one-byte string in V8, half the
// memory of a two-byte one, and is read and hashed faster at every run (README "Start-up").
const code = standaloneCode.default(ajv, refs).replace(/[^\t\n\r\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
writeFileSync(path.join(root, 'dist/validators.cjs'), code);
process.stdout.write(`schemas: ${KIND_IDS.length} kinds published to schemas/, validators compiled to dist/validators.cjs\n`);
