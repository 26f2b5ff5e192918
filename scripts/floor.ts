// The floor of the benchmark (issue 7): what any tool must at least do with a workspace.
// It reads every YAML file, parses it with js-yaml's core schema and validates it with the
// very ajv schemas opsplan compiles, and nothing else: no positions, no cross-file checks,
// no messages. `node floor.js DIR` prints one JSON line and exits 1 when a file is invalid.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import jsYaml from 'js-yaml';
import { getValidator } from '../src/load/validate-schema.js';

/** What the floor saw, with the time of each phase. */
export interface FloorResult {
  files: number;
  bytes: number;
  invalid: number;
  readMs: number;
  parseMs: number;
  validateMs: number;
}

/** Every *.yaml / *.yml file below `root`, sorted. */
export function yamlFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** Reads, parses and schema-validates every file below `root`, one thread. */
export function runFloor(root: string): FloorResult {
  const r: FloorResult = { files: 0, bytes: 0, invalid: 0, readMs: 0, parseMs: 0, validateMs: 0 };
  for (const file of yamlFiles(root)) {
    let t = performance.now();
    const text = readFileSync(file, 'utf8');
    r.readMs += performance.now() - t;
    r.files++;
    r.bytes += text.length;
    t = performance.now();
    let data: unknown;
    try {
      data = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA });
    } catch {
      r.parseMs += performance.now() - t;
      r.invalid++;
      continue;
    }
    r.parseMs += performance.now() - t;
    t = performance.now();
    const kind = data !== null && typeof data === 'object' ? (data as { kind?: unknown }).kind : undefined;
    const validate = typeof kind === 'string' ? getValidator(kind) : undefined;
    if (!validate || !validate(data)) r.invalid++;
    r.validateMs += performance.now() - t;
  }
  return r;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const root = process.argv[2];
  if (!root) {
    console.error('usage: floor DIR');
    process.exitCode = 2;
  } else {
    const r = runFloor(root);
    console.log(JSON.stringify({ ...r, readMs: Math.round(r.readMs), parseMs: Math.round(r.parseMs), validateMs: Math.round(r.validateMs) }));
    process.exitCode = r.invalid > 0 ? 1 : 0;
  }
}
