// Benchmark harness (issues 7 and 12):
//   npm run bench -- --size XS|S|M|L [--rounds 3] [--startup-only] [--only floor,stock,mrp] [--out bench-out/] [--skip-gen] [--errors N] [--no-build]
// Generates the workspace (scripts/gen.ts), then runs every contender as a child process of
// this one (one process tree), `--rounds` times, interleaved (round k starts at contender k,
// so no contender always runs first or last), and measures wall time and peak RSS: start-up
// (`opsplan --version` and `validate examples/acme` against `node -e 0`), the opsplan commands,
// the floor (scripts/floor.ts: read + js-yaml core parse + the same ajv schemas) and the peer
// ajv-cli 5. Each round's ratios are taken against that round's base; the table shows the
// median ratio and its spread over the rounds, and is written as JSON.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, openSync, closeSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatTable, parseTimeVerbose, summarizeRounds } from './bench-lib.js';
import type { BenchRow } from './bench-lib.js';
import { SIZES, generateWorkspace, maxBulkErrors } from './gen.js';
import type { Size } from './gen.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(REPO, 'bin', 'opsplan');
const GNU_TIME = '/usr/bin/time';
const FLOOR = 'floor';

interface BenchArgs {
  size: Size;
  out: string;
  skipGen: boolean;
  errors: number;
  build: boolean;
  rounds: number;
  startupOnly: boolean;
  /** Measure only these contenders (by name); null: all. */
  only: Set<string> | null;
}

function parseArgs(argv: string[]): BenchArgs {
  const a: BenchArgs = { size: 'M', out: path.join(REPO, 'bench-out'), skipGen: false, errors: 10000, build: true, rounds: 3, startupOnly: false, only: null };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i]!;
    const v = (): string => {
      const x = argv[++i];
      if (x === undefined) throw new Error(`${k} needs a value`);
      return x;
    };
    if (k === '--size') {
      const s = v().toUpperCase();
      if (!(s in SIZES)) throw new Error(`--size must be one of ${Object.keys(SIZES).join(', ')}`);
      a.size = s as Size;
    } else if (k === '--out') a.out = path.resolve(v());
    else if (k === '--skip-gen') a.skipGen = true;
    else if (k === '--errors') a.errors = Number(v());
    else if (k === '--no-build') a.build = false;
    else if (k === '--rounds') {
      a.rounds = Number(v());
      if (!Number.isInteger(a.rounds) || a.rounds < 1) throw new Error('--rounds takes a whole number >= 1');
    } else if (k === '--startup-only') a.startupOnly = true;
    else if (k === '--only') a.only = new Set(v().split(',').map((x) => x.trim()));
    else throw new Error(`unknown argument ${k}`);
  }
  return a;
}

const log = (s: string): void => void process.stderr.write(s + '\n');

/**
 * Runs one child under GNU time (which reports the peak RSS of the child and of everything
 * it waited for), stdout and stderr to files; wall time measured here around the spawn.
 */
function measure(name: string, argv: string[], outDir: string, note = ''): BenchRow {
  const base = path.join(outDir, name.replace(/[^A-Za-z0-9.-]+/g, '_'));
  const timeFile = `${base}.time`;
  const stdout = openSync(`${base}.out`, 'w');
  const stderr = openSync(`${base}.err`, 'w');
  const hasTime = existsSync(GNU_TIME);
  const cmd = hasTime ? [GNU_TIME, '-v', '-o', timeFile, ...argv] : argv;
  log(`bench: ${name} ...`);
  const t0 = performance.now();
  const r = spawnSync(cmd[0]!, cmd.slice(1), { cwd: REPO, stdio: ['ignore', stdout, stderr], env: { ...process.env, NO_COLOR: '1', TZ: 'UTC' } });
  const wall = (performance.now() - t0) / 1000;
  closeSync(stdout);
  closeSync(stderr);
  const timed = hasTime && existsSync(timeFile) ? parseTimeVerbose(readFileSync(timeFile, 'utf8')) : { maxRssKiB: null, exitStatus: null };
  const exitCode = timed.exitStatus ?? r.status;
  const row: BenchRow = {
    name,
    command: argv.map((x) => path.relative(REPO, x).startsWith('..') || !x.startsWith('/') ? x : path.relative(REPO, x)).join(' '),
    wallSeconds: wall,
    peakRssMiB: timed.maxRssKiB === null ? null : timed.maxRssKiB / 1024,
    exitCode,
    note,
  };
  if (exitCode !== 0 && exitCode !== 1) {
    const first = readFileSync(`${base}.err`, 'utf8').split('\n').find((l) => l.trim() !== '') ?? '';
    row.note = `failed: ${first.slice(0, 100)}`;
  }
  log(`bench: ${name}: ${wall.toFixed(2)} s, exit ${String(exitCode)}`);
  return row;
}

/** A row for a command that does not exist yet. */
function skipped(name: string, why: string): BenchRow {
  return { name, command: '', wallSeconds: null, peakRssMiB: null, exitCode: null, note: why };
}

/** The command's help text, or null when opsplan has no such command (yet). */
function commandHelp(command: string): string | null {
  // `opsplan unknown --help` prints the program's help with exit 0: ask the command list.
  const list = spawnSync(process.execPath, [BIN, '--help'], { cwd: REPO, encoding: 'utf8' }).stdout ?? '';
  if (!new RegExp(`^  ${command} `, 'm').test(list)) return null;
  const r = spawnSync(process.execPath, [BIN, command, '--help'], { cwd: REPO, encoding: 'utf8' });
  return r.status === 0 ? r.stdout : null;
}

/**
 * Compiles the floor to plain JS with tsc so it runs under bare node, as opsplan runs from
 * dist/: running it through tsx would add a transpiler's start-up to the floor's time.
 */
function buildFloor(): string {
  // Inside the repository, so its imports resolve from node_modules like dist/ does.
  const dir = path.join(REPO, 'bench-out', 'floor-build');
  rmSync(dir, { recursive: true, force: true });
  const tsc = path.join(REPO, 'node_modules', 'typescript', 'bin', 'tsc');
  const args = [tsc, '--outDir', dir, '--rootDir', REPO, '--module', 'NodeNext', '--moduleResolution', 'NodeNext', '--target', 'ES2022', '--skipLibCheck', '--esModuleInterop', '--resolveJsonModule', '--verbatimModuleSyntax', path.join(REPO, 'scripts', 'floor.ts')];
  const r = spawnSync(process.execPath, args, { cwd: REPO, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`cannot compile the floor:\n${r.stdout}${r.stderr}`);
  // validate-schema.ts finds the schemas two folders above itself, as from dist/load/.
  cpSync(path.join(REPO, 'schemas'), path.join(dir, 'schemas'), { recursive: true });
  return path.join(dir, 'scripts', 'floor.js');
}

// ajv-cli has no keyword for opsplan's maxDecimals and no formats of its own: this module
// gives it both, the same definitions opsplan uses, so the schemas compile unchanged.
const AJV_CUSTOM = `// written by scripts/bench.ts
const addFormats = require(${JSON.stringify(createRequire(import.meta.url).resolve('ajv-formats'))});
function countDecimals(value) {
  if (!Number.isFinite(value)) return Infinity;
  const s = String(Math.abs(value));
  const e = s.indexOf('e-');
  if (e >= 0) { const m = s.slice(0, e); const dot = m.indexOf('.'); return Number(s.slice(e + 2)) + (dot >= 0 ? m.length - dot - 1 : 0); }
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}
module.exports = (ajv) => {
  addFormats(ajv);
  ajv.addKeyword({ keyword: 'maxDecimals', type: 'number', schemaType: 'number', validate: (max, v) => countDecimals(v) <= max, errors: false });
  return ajv;
};
`;

/** Workspace folders per kind, as gen lays them out; ajv-cli takes one schema per call. */
const KIND_GLOBS: [string, string][] = [
  ['company', 'opsplan.yaml'],
  ['plan', 'plans/**/*.yaml'],
  ['plan-progress', 'progress/**/*.yaml'],
  ['budget', 'budgets/**/*.yaml'],
  ['actuals', 'actuals/**/*.yaml'],
  ['budget-adjustment', 'adjustments/*.yaml'],
  ['inventory', 'inventory/**/*.yaml'],
];

function ajvCliCommand(ws: string, outDir: string): string[] {
  const custom = path.join(outDir, 'ajv-custom.cjs');
  writeFileSync(custom, AJV_CUSTOM);
  const cli = path.join(REPO, 'node_modules', 'ajv-cli', 'dist', 'index.js');
  const schemas = path.join(REPO, 'schemas');
  const q = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
  // One invocation per kind, in one shell, so GNU time reports the whole group; each prints
  // "FILE valid" or "FILE invalid" and the errors.
  const calls = KIND_GLOBS.map(
    ([kind, glob]) =>
      `${q(process.execPath)} ${q(cli)} validate --spec=draft2020 --all-errors --errors=line -c ${q(custom)} -s ${q(path.join(schemas, `${kind}.schema.json`))} -r ${q(path.join(schemas, 'common.schema.json'))} -d ${q(path.join(ws, glob))}`,
  );
  return ['/bin/sh', '-c', calls.map((c) => `${c} 2>&1`).join('; ')];
}

function ajvCliNote(outFile: string): string {
  const text = readFileSync(outFile, 'utf8');
  const valid = (text.match(/ valid$/gm) ?? []).length;
  const invalid = (text.match(/ invalid$/gm) ?? []).length;
  const notString = (text.match(/must be string/g) ?? []).length;
  return `${valid} valid, ${invalid} invalid of ${valid + invalid} files${invalid ? ` (js-yaml 3 reads unquoted dates as Date: ${notString} "must be string")` : ''}`;
}

/** Reads every file below the folders once (contents discarded). */
function warmPageCache(dirs: string[]): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        bytes += readFileSync(p).length;
        files++;
      }
    }
  };
  for (const d of dirs) if (existsSync(d)) walk(d);
  return { files, bytes };
}

/** The start-up base and the contenders measured against it. */
const STARTUP_BASE = 'node -e 0';
const STARTUP = new Set([STARTUP_BASE, 'opsplan --version', 'validate examples/acme']);

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  if (args.errors > maxBulkErrors(args.size)) {
    log(`bench: size ${args.size} holds at most ${maxBulkErrors(args.size)} planted findings; using that`);
    args.errors = maxBulkErrors(args.size);
  }
  mkdirSync(args.out, { recursive: true });
  const ws = path.join(args.out, `ws-${args.size}`);
  const wsErr = path.join(args.out, `ws-${args.size}-errors`);
  const runs = path.join(args.out, `runs-${args.size}`);
  mkdirSync(runs, { recursive: true });
  if (!args.startupOnly && (!args.skipGen || !existsSync(ws))) {
    log(`bench: generating ${args.size} into ${ws}`);
    const s = generateWorkspace({ size: args.size, out: ws });
    log(`bench: ${s.files} files, ${(s.bytes / 1048576).toFixed(1)} MiB`);
  }
  if (!args.startupOnly && args.errors > 0 && (!args.skipGen || !existsSync(wsErr))) {
    const s = generateWorkspace({ size: args.size, out: wsErr, errors: args.errors });
    log(`bench: error workspace with ${s.expectedCount} planted findings in ${wsErr}`);
  }
  if (args.build) {
    // The same build as npm run build: tsc, then the schemas and standalone validators.
    const b = spawnSync('npm', ['run', 'build'], { cwd: REPO, encoding: 'utf8' });
    if (b.status !== 0) log(`bench: warning: npm run build failed, measuring the existing dist/:\n${b.stdout.slice(0, 2000)}`);
  }
  const floorJs = args.startupOnly ? '' : buildFloor();

  const node = process.execPath;
  const contenders: (() => BenchRow)[] = [];
  const wanted = (name: string): boolean => args.only === null || args.only.has(name);
  const add = (name: string, argv: string[], note = ''): void => {
    if (wanted(name)) contenders.push(() => measure(name, argv, runs, note));
  };
  const opsplan = (name: string, command: string, extra: string[], target = ws): void => {
    if (!wanted(name)) return;
    const help = commandHelp(command);
    if (help === null) {
      contenders.push(() => skipped(name, `n/a: no "${command}" command yet`));
      return;
    }
    const outArgs = command === 'report' && /--output/.test(help) ? ['--output', path.join(runs, `report-${args.size}.xlsx`)] : [];
    add(name, [node, BIN, command, target, ...extra, ...outArgs]);
  };
  add(STARTUP_BASE, [node, '-e', '0'], 'the start-up base');
  add('opsplan --version', [node, BIN, '--version']);
  add('validate examples/acme', [node, BIN, 'validate', path.join(REPO, 'examples', 'acme')]);
  if (!args.startupOnly) {
    // Every contender after the first would find the files in the page cache; read them once
    // first so the floor is not the only one to pay for the disk.
    const warmed = warmPageCache([ws, ...(args.errors > 0 ? [wsErr] : [])]);
    log(`bench: page cache warmed (${warmed.files} files, ${(warmed.bytes / 1048576).toFixed(1)} MiB read once before measuring)`);
    add(FLOOR, [node, floorJs, ws], 'read + js-yaml core + ajv, 1 thread');
    opsplan('validate', 'validate', ['--format', 'json']);
    opsplan('consolidate', 'consolidate', ['--period', 'FY2026', '--format', 'json']);
    opsplan('variance', 'variance', ['--period', '2026-11', '--as-of', '2026-11-30', '--format', 'json']);
    opsplan('stock', 'stock', ['--as-of', '2026-11-30', '--format', 'json']);
    opsplan('mrp', 'mrp', ['--as-of', '2026-11-30', '--format', 'json']);
    opsplan('service', 'service', ['--period', '2026-11', '--as-of', '2026-11-30', '--format', 'json']);
    opsplan('report', 'report', ['--period', '2026-11', '--as-of', '2026-11-30']);
    if (wanted('ajv-cli validate')) contenders.push(() => {
      const ajv = measure('ajv-cli validate', ajvCliCommand(ws, args.out), runs);
      ajv.note = ajvCliNote(path.join(runs, 'ajv-cli_validate.out'));
      return ajv;
    });
    if (args.errors > 0) {
      opsplan(`validate, ${args.errors} findings`, 'validate', ['--format', 'json', '--max-findings', '100'], wsErr);
      add(`floor, ${args.errors} findings`, [node, floorJs, wsErr]);
    }
  }
  const rounds: BenchRow[][] = [];
  for (let k = 0; k < args.rounds; k++) {
    log(`bench: round ${k + 1} of ${args.rounds}`);
    const round: BenchRow[] = [];
    for (let i = 0; i < contenders.length; i++) round.push(contenders[(i + k) % contenders.length]!());
    rounds.push(round);
  }
  const rows = rounds[rounds.length - 1]!;
  // A clean workspace must give exit 0 everywhere: flag anything else so a fast but wrong
  // run cannot pass for a result.
  for (const r of rows) {
    if (r.exitCode === 1 && !r.name.includes('findings') && r.name !== 'ajv-cli validate') r.note = `exit 1 on the clean workspace! ${r.note}`;
  }
  // The floor's own phase times, and what validate counted.
  for (const r of rows.filter((x) => x.name.startsWith(FLOOR))) {
    const out = readFileSync(path.join(runs, `${r.name.replace(/[^A-Za-z0-9.-]+/g, '_')}.out`), 'utf8').trim();
    if (out.startsWith('{')) {
      const f = JSON.parse(out) as { files: number; invalid: number; readMs: number; parseMs: number; validateMs: number };
      r.note = `${r.note ? r.note + '; ' : ''}${f.files} files, ${f.invalid} invalid; read ${f.readMs} ms, parse ${f.parseMs} ms, validate ${f.validateMs} ms`;
    }
  }
  for (const r of rows) {
    if (!r.name.startsWith('validate') || r.wallSeconds === null) continue;
    try {
      const out = JSON.parse(readFileSync(path.join(runs, `${r.name.replace(/[^A-Za-z0-9.-]+/g, '_')}.out`), 'utf8')) as { summary: { files: number; errors: number; warnings: number } };
      if (!r.note) r.note = `${out.summary.files} files, ${out.summary.errors} errors, ${out.summary.warnings} warnings`;
    } catch {
      /* not JSON: keep the note */
    }
  }

  const rated = summarizeRounds(rounds, (name) => (STARTUP.has(name) ? STARTUP_BASE : FLOOR)).map((r) => ({ ...r, note: rows.find((x) => x.name === r.name)?.note ?? r.note }));
  const table = formatTable(rated);
  process.stdout.write(`\nopsplan bench, size ${args.size}, ${args.rounds} interleaved round(s), medians (${os.cpus().length} cpus, node ${process.version})\n\n${table}`);
  // Issue 14's target: mrp within 2x of stock, each round's pair compared within the round.
  const pair = summarizeRounds(rounds.map((r) => r.filter((x) => x.name === 'mrp' || x.name === 'stock')), () => 'stock').find((r) => r.name === 'mrp');
  if (pair?.timeRatio != null) process.stdout.write(`\nmrp / stock wall time: median ${pair.timeRatio.toFixed(2)}x${pair.ratioSpread ? ` (${pair.ratioSpread[0].toFixed(2)}-${pair.ratioSpread[1].toFixed(2)})` : ''} over ${args.rounds} round(s)\n`);
  const json = { version: 2, kind: 'bench', size: args.size, rounds: args.rounds, spec: SIZES[args.size], machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? null, node: process.version, platform: `${os.platform()} ${os.release()}`, memoryGiB: Math.round(os.totalmem() / 2 ** 30) }, rssSource: existsSync(GNU_TIME) ? 'GNU time -v' : null, rows: rated };
  const target = path.join(args.out, `bench-${args.size}.json`);
  writeFileSync(target, JSON.stringify(json, null, 2) + '\n');
  log(`bench: wrote ${target}`);
}

try {
  main();
} catch (e) {
  log(`bench: ${(e as Error).message}`);
  process.exitCode = 2;
}
