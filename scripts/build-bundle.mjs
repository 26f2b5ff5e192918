// Build step after tsc: bundles the CLI (src/cli/main.ts and everything it imports, commander
// and chalk included) into one CommonJS file, dist/cli/opsplan.cjs, which bin/opsplan loads
// through a V8 code cache, and bin/opsplan's start (src/cli/boot.ts and the few small modules
// it imports) into dist/cli/boot.cjs, so that bin/opsplan can stay CommonJS and a run never
// starts Node's ES module loader (README "Start-up"). The packages opsplan loads only when
// needed (js-yaml, yaml, ajv and its formats for the precompiled validators) stay outside and
// are required on first use. The commands stay lazy inside the bundle: esbuild turns each
// `await import('./x.js')` into a function that runs x's module code on first call.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// commander requires node:child_process at load time, for executable subcommands opsplan does
// not have; that module brings net, dgram and their streams along, about 8 ms of every run
// (`require` timed in a fresh process, 2026-12-01). In the bundle commander gets a stand-in
// that loads the real module on first use of any of its members.
const commanderDir = `${path.sep}node_modules${path.sep}commander${path.sep}`;
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) => (args.importer.includes(commanderDir) ? { path: 'child_process', namespace: 'lazy' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      contents: "let real; module.exports = new Proxy({}, { get: (_, key) => (real ??= require('node:child_process'))[key] });",
      loader: 'js',
    }));
  },
};
// Modules find files next to themselves (package.json, schemas/, validators.cjs) through
// import.meta.url: in a bundle that is the bundle's own URL, which sits in dist/cli as their
// compiled modules did (src/cli/version.ts names the package root for the others).
const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  define: { 'import.meta.url': '__opsplanModuleUrl' },
  banner: { js: 'var __opsplanModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
  // Stack traces name the bundle's lines; the map leads back to src/ for debuggers and profiles.
  sourcemap: 'linked',
  sourcesContent: false,
  charset: 'ascii',
  logLevel: 'silent',
};

async function bundle(entry, out, options) {
  const outfile = path.join(root, out);
  const result = await build({ ...common, ...options, entryPoints: [path.join(root, entry)], outfile });
  if (result.warnings.length > 0 || result.errors.length > 0) {
    for (const m of [...result.errors, ...result.warnings]) process.stderr.write(`build-bundle: ${m.text}\n`);
    process.exit(1);
  }
  return readFileSync(outfile, 'latin1');
}

const cli = await bundle('src/cli/main.ts', 'dist/cli/opsplan.cjs', { external: ['js-yaml', 'yaml', 'ajv', 'ajv-formats'], plugins: [lazyChildProcess] });
// The bundle runs as a vm.Script, where import() has no loader to call: every dynamic import
// must have become a call inside the bundle.
if (/\bimport\(/.test(cli.replace(/^\s*\/\/.*$/gm, ''))) {
  process.stderr.write('build-bundle: dist/cli/opsplan.cjs still has an import() call\n');
  process.exit(1);
}
// boot.cjs must stay small: the CLI comes from opsplan.cjs, never from boot's own imports.
const boot = await bundle('src/cli/boot.ts', 'dist/cli/boot.cjs', { packages: 'external' });
if (boot.length > 20000 || /src\/cli\/main\.ts|node_modules\//.test(boot)) {
  process.stderr.write('build-bundle: dist/cli/boot.cjs pulled in the CLI; boot.ts may import only small modules\n');
  process.exit(1);
}
process.stdout.write('bundle: src/cli/main.ts bundled to dist/cli/opsplan.cjs, src/cli/boot.ts to dist/cli/boot.cjs\n');
