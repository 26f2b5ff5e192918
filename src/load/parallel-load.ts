// Loads many files on several threads and returns the results in input order, synchronously,
// so the loader keeps its simple synchronous shape. The main thread loads its own share while
// the workers run, then waits on a shared flag and reads each worker's results from its port.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type * as WorkerThreads from 'node:worker_threads';
import type { Diagnostic } from '../model/diagnostic.js';
import type { FileKind } from '../model/documents.js';
import { loadDocument } from './load-document.js';
import type { KindDocument, LoadDocumentOptions, LoadedDocument } from './load-document.js';
import { parseYaml } from './parse-yaml.js';
import { PENDING, READY, SKIP } from './ready-flags.js';
import type { ParseLimits, ParsedYaml } from './parse-yaml.js';
import type { WorkerInput, WorkerMessage, WorkerResult } from './load-worker.js';

/** Below this many bytes in all, threads cost more (start-up, schema compilation) than they save. */
export const PARALLEL_MIN_BYTES = 16 * 1024 * 1024;

// From dist/load/ (tsc's output) and from the bundle dist/cli/opsplan.cjs alike, the worker is
// tsc's dist/load/load-worker.js: threads start only for large workspaces, where its module
// loading is no matter.
const WORKER_URL = new URL('../load/load-worker.js', import.meta.url);

// node:worker_threads is loaded when threads start (workspaces over PARALLEL_MIN_BYTES), not
// by every run that imports this file.
let workerThreads: typeof WorkerThreads | undefined;

/** True when the compiled worker exists (not when running from TypeScript sources in tests). */
export function canLoadInParallel(): boolean {
  return !import.meta.url.endsWith('.ts') && existsSync(fileURLToPath(WORKER_URL));
}

/** A ParsedYaml whose YAML document is built only when a position is asked for. */
function lazyParsed(file: string, text: string, data: unknown, limits: ParseLimits): ParsedYaml {
  let slow: ParsedYaml | null = null;
  const reference = (): ParsedYaml => (slow ??= parseYaml(text, file, limits));
  return { data, diagnostics: [], locate: (p, at) => reference().locate(p, at), nodeAt: (p) => reference().nodeAt(p) };
}

/** How long a worker may go without finishing a file before it is taken for dead. */
const STALL_MS = 60_000;

/** Files a thread takes between looks at its ports for finished batches of the workers. */
const DRAIN_EVERY = 16;

/**
 * The order in which the threads take the files: largest first (ties in input order). The
 * last files taken are then small, so no thread is left loading a big one while the other
 * waits; at L the workspace lists its largest files (service logs) last, and the main thread
 * waited on the worker and copied its last big documents for 0.4 s after its own files.
 */
export function takingOrder(sizes: readonly number[]): Int32Array {
  const order = Int32Array.from(sizes, (_, i) => i);
  return order.sort((a, b) => sizes[b]! - sizes[a]! || a - b);
}

/** Files in one shared buffer, as every thread sees them. */
interface SharedFiles {
  files: string[];
  /** Every file's bytes, back to back, in a SharedArrayBuffer. */
  bytes: Uint8Array;
  /** File i starts at offsets[i]; its bytes end at ends[i] once ready[i] is READY (shared). */
  offsets: Float64Array;
  ends: Float64Array;
  /** Shared: PENDING until file i is read, then READY or SKIP. */
  ready: Int32Array;
  order: Int32Array;
}

/** Shared, zero-filled arrays of `n` items. */
function sharedArrays(n: number): { ends: Float64Array; ready: Int32Array } {
  return { ends: new Float64Array(new SharedArrayBuffer(8 * Math.max(1, n))), ready: new Int32Array(new SharedArrayBuffer(4 * Math.max(1, n))) };
}

/** File i's bytes in the shared buffer. */
function sharedBytes(s: SharedFiles, i: number): Uint8Array {
  return s.bytes.subarray(s.offsets[i]!, s.ends[i]!);
}

/**
 * Loads `items` with `threads` threads in all (the main thread is one of them). Results are
 * in input order and equal to what loadDocument gives on the main thread.
 *
 * Work is shared, not split up front: every thread takes the next file from one shared
 * counter, so a worker that starts late or a thread that meets big files never leaves the
 * other idle. Workers post their results in batches as they go, and the main thread takes
 * them in between its own files, so copying the documents across threads overlaps with the
 * parsing instead of following it.
 */
export function loadDocumentsInParallel(
  items: readonly { file: string; bytes: Uint8Array }[],
  limits: ParseLimits,
  threads: number,
  options: LoadDocumentOptions = {},
  /** For tests: another worker script, and a shorter wait before a silent worker is given up. */
  internals: { workerUrl?: URL; stallMs?: number } = {},
): LoadedDocument[] {
  const n = items.length;
  // Every file's bytes in one shared buffer, so any thread can take any file.
  const bytes = new Uint8Array(new SharedArrayBuffer(Math.max(1, items.reduce((sum, it) => sum + it.bytes.length, 0))));
  const offsets = new Float64Array(n + 1);
  const { ends, ready } = sharedArrays(n);
  items.forEach((it, i) => {
    bytes.set(it.bytes, offsets[i]!);
    offsets[i + 1] = ends[i] = offsets[i]! + it.bytes.length;
  });
  ready.fill(READY);
  const s: SharedFiles = { files: items.map((it) => it.file), bytes, offsets, ends, ready, order: takingOrder(items.map((it) => it.bytes.length)) };
  const results = loadShared(s, limits, threads, options, internals, null);
  return results.map((r, i) => r ?? loadDocument(items[i]!.file, items[i]!.bytes, limits, options));
}

/** A file to read: its workspace name, its path, and its size when it was listed. */
export interface FileToRead {
  file: string;
  absolute: string;
  size: number;
}

/**
 * Reads `items` into one shared buffer on this thread, largest first, while the worker
 * threads already load the files read so far; then this thread loads files with them. At L
 * reading the 15,700 files took the main thread about a second before any parsing started.
 *
 * `read` fills `into` (as long as the file's listed size) and returns how many bytes the file
 * had, or null when it has grown since it was listed: that file gets `bytes: null` and is not
 * loaded (the caller reads it again on its own). Each result's `bytes` is a view of the
 * shared buffer; results are in input order. An exception from `read` stops the workers and
 * is thrown.
 */
export function readAndLoadInParallel(
  items: readonly FileToRead[],
  read: (absolute: string, into: Uint8Array) => number | null,
  limits: ParseLimits,
  threads: number,
  options: LoadDocumentOptions = {},
): { bytes: Uint8Array | null; loaded: LoadedDocument | null }[] {
  const n = items.length;
  const offsets = new Float64Array(n + 1);
  items.forEach((it, i) => (offsets[i + 1] = offsets[i]! + it.size));
  const bytes = new Uint8Array(new SharedArrayBuffer(Math.max(1, offsets[n]!)));
  const s: SharedFiles = { files: items.map((it) => it.file), bytes, offsets, ...sharedArrays(n), order: takingOrder(items.map((it) => it.size)) };
  const fill = (drain: () => void): void => {
    for (let k = 0; k < n; k++) {
      const i = s.order[k]!;
      const got = read(items[i]!.absolute, bytes.subarray(offsets[i]!, offsets[i + 1]!));
      if (got !== null) s.ends[i] = offsets[i]! + got;
      // The store publishes ends[i] and the bytes to a thread that sees the flag.
      Atomics.store(s.ready, i, got === null ? SKIP : READY);
      Atomics.notify(s.ready, i);
      if (k % DRAIN_EVERY === DRAIN_EVERY - 1) drain();
    }
  };
  const results = loadShared(s, limits, threads, options, {}, fill);
  return items.map((it, i) => {
    if (s.ready[i] !== READY) return { bytes: null, loaded: null };
    const view = sharedBytes(s, i);
    return { bytes: view, loaded: results[i] ?? loadDocument(it.file, view, limits, options) };
  });
}

/**
 * The threads' shared work: starts the workers, lets `fill` (if any) put the bytes in place
 * while they wait for each file, then loads files on this thread too until none is left, and
 * takes the workers' results. A file missing from the result was left to a worker that died.
 */
function loadShared(
  s: SharedFiles,
  limits: ParseLimits,
  threads: number,
  options: LoadDocumentOptions,
  internals: { workerUrl?: URL; stallMs?: number },
  fill: ((drain: () => void) => void) | null,
): (LoadedDocument | undefined)[] {
  const stallMs = internals.stallMs ?? STALL_MS;
  workerThreads ??= createRequire(import.meta.url)('node:worker_threads') as typeof WorkerThreads;
  const { MessageChannel, Worker, receiveMessageOnPort } = workerThreads;
  const n = s.files.length;
  // [0]: how many files have been taken (the next is order[control[0]]); [1 + k]: worker k has posted everything;
  // [threads + k]: files worker k has finished (its heartbeat).
  const control = new Int32Array(new SharedArrayBuffer(4 * 2 * threads));
  const workers = Array.from({ length: threads - 1 }, (_, k) => {
    const { port1, port2 } = new MessageChannel();
    const input: WorkerInput = { port: port2, control, slot: 1 + k, progressSlot: threads + k, ...s, limits, deferPositions: options.deferPositions === true, rules: options.rules };
    const worker = new Worker(internals.workerUrl ?? WORKER_URL, { workerData: input, transferList: [port2] });
    return { worker, port: port1, slot: 1 + k, progressSlot: threads + k };
  });
  const stop = (): void => {
    for (const w of workers) {
      void w.worker.terminate();
      w.port.close();
    }
  };

  const results = new Array<LoadedDocument | undefined>(n);
  let failure: string | null = null;
  const take = (message: WorkerMessage): void => {
    if (message.error !== undefined) failure ??= message.error;
    for (const r of message.results ?? []) results[r.index] = fromWorker(s.files[r.index]!, sharedBytes(s, r.index), r, limits);
  };
  const drain = (): void => {
    for (const w of workers) for (let m = receiveMessageOnPort(w.port); m; m = receiveMessageOnPort(w.port)) take(m.message as WorkerMessage);
  };
  if (fill) {
    try {
      fill(drain);
    } catch (e) {
      // Workers waiting for a file that will never be read are let go before they are stopped.
      for (let i = 0; i < n; i++) if (Atomics.compareExchange(s.ready, i, PENDING, SKIP) === PENDING) Atomics.notify(s.ready, i);
      stop();
      throw e;
    }
  }
  for (let taken = 0; ; taken++) {
    const k = Atomics.add(control, 0, 1);
    if (k >= n) break;
    const i = s.order[k]!;
    // Every file is read before this thread takes one: it is READY or SKIP.
    if (s.ready[i] === READY) results[i] = loadDocument(s.files[i]!, sharedBytes(s, i), limits, options);
    if (taken % DRAIN_EVERY === DRAIN_EVERY - 1) drain();
  }
  for (const w of workers) {
    // A worker that dies (out of memory, failed start) never raises its flag: after STALL_MS
    // without finishing a file it is given up, and its files are loaded by the caller, here.
    let seen = Atomics.load(control, w.progressSlot);
    let since = Date.now();
    while (Atomics.wait(control, w.slot, 0, 1000) === 'timed-out') {
      drain();
      const now = Atomics.load(control, w.progressSlot);
      if (now !== seen) {
        seen = now;
        since = Date.now();
      } else if (Date.now() - since > stallMs) break;
    }
    drain();
  }
  stop();
  drain();
  if (failure !== null) throw new Error(`load worker failed: ${failure}`);
  return results;
}

/** A worker's result as a LoadedDocument (closures cannot cross threads: text and locator are rebuilt here). */
function fromWorker(file: string, bytes: Uint8Array, r: WorkerResult, limits: ParseLimits): LoadedDocument {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  const valid = r.doc !== null;
  const diagnostics = r.diagnostics as Diagnostic[];
  const textOk = !diagnostics.some((d) => d.code === 'file/encoding');
  return {
    kind: r.kind as FileKind | null,
    doc: r.doc as KindDocument | null,
    rejectedData: r.rejectedData,
    text: textOk ? text : null,
    parsed: textOk && !r.provisional ? lazyParsed(file, text, valid ? r.doc : undefined, limits) : null,
    diagnostics,
    ...(r.provisional ? { provisional: true } : {}),
  };
}
