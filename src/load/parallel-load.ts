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

/**
 * Copies every item's bytes into one SharedArrayBuffer and points the items at their slices,
 * so the separate buffers can be freed before parsing starts and the threads share one copy.
 */
export function packShared<T extends { bytes: Uint8Array }>(items: T[]): void {
  const shared = new Uint8Array(new SharedArrayBuffer(Math.max(1, items.reduce((s, it) => s + it.bytes.length, 0))));
  let at = 0;
  for (const it of items) {
    shared.set(it.bytes, at);
    it.bytes = shared.subarray(at, at + it.bytes.length);
    at += it.bytes.length;
  }
}

/** The shared buffer the items are consecutive slices of (packShared), or null. */
function isPacked(items: readonly { bytes: Uint8Array }[]): Uint8Array | null {
  const first = items[0]?.bytes;
  if (!first || !(first.buffer instanceof SharedArrayBuffer)) return null;
  let at = 0;
  for (const it of items) {
    if (it.bytes.buffer !== first.buffer || it.bytes.byteOffset !== at) return null;
    at += it.bytes.length;
  }
  return new Uint8Array(first.buffer);
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
  const stallMs = internals.stallMs ?? STALL_MS;
  workerThreads ??= createRequire(import.meta.url)('node:worker_threads') as typeof WorkerThreads;
  const { MessageChannel, Worker, receiveMessageOnPort } = workerThreads;
  const n = items.length;
  // Every file's bytes in one shared buffer, so any thread can take any file; callers that
  // packed them already (packShared) save the copy.
  const packed = isPacked(items);
  const shared = packed ?? new Uint8Array(new SharedArrayBuffer(Math.max(1, items.reduce((s, it) => s + it.bytes.length, 0))));
  const offsets = new Float64Array(n + 1);
  items.forEach((it, i) => {
    offsets[i] = packed ? it.bytes.byteOffset : (offsets[i] ?? 0);
    if (!packed) shared.set(it.bytes, offsets[i]!);
    offsets[i + 1] = offsets[i]! + it.bytes.length;
  });
  const order = takingOrder(items.map((it) => it.bytes.length));
  // [0]: how many files have been taken (the next is order[control[0]]); [1 + k]: worker k has posted everything;
  // [threads + k]: files worker k has finished (its heartbeat).
  const control = new Int32Array(new SharedArrayBuffer(4 * 2 * threads));
  const workers = Array.from({ length: threads - 1 }, (_, k) => {
    const { port1, port2 } = new MessageChannel();
    const input: WorkerInput = { port: port2, control, slot: 1 + k, progressSlot: threads + k, bytes: shared, offsets, order, files: items.map((it) => it.file), limits, deferPositions: options.deferPositions === true, rules: options.rules };
    const worker = new Worker(internals.workerUrl ?? WORKER_URL, { workerData: input, transferList: [port2] });
    return { worker, port: port1, slot: 1 + k, progressSlot: threads + k };
  });

  const results = new Array<LoadedDocument | undefined>(n);
  let failure: string | null = null;
  const take = (message: WorkerMessage): void => {
    if (message.error !== undefined) failure ??= message.error;
    for (const r of message.results ?? []) results[r.index] = fromWorker(items[r.index]!, r, limits);
  };
  const drain = (): void => {
    for (const w of workers) for (let m = receiveMessageOnPort(w.port); m; m = receiveMessageOnPort(w.port)) take(m.message as WorkerMessage);
  };
  for (let taken = 0; ; taken++) {
    const k = Atomics.add(control, 0, 1);
    if (k >= n) break;
    const i = order[k]!;
    results[i] = loadDocument(items[i]!.file, items[i]!.bytes, limits, options);
    if (taken % DRAIN_EVERY === DRAIN_EVERY - 1) drain();
  }
  for (const w of workers) {
    // A worker that dies (out of memory, failed start) never raises its flag: after STALL_MS
    // without finishing a file it is given up, and its files are loaded below, here.
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
    void w.worker.terminate();
    w.port.close();
  }
  drain();
  if (failure !== null) throw new Error(`load worker failed: ${failure}`);
  return results.map((r, i) => r ?? loadDocument(items[i]!.file, items[i]!.bytes, limits, options));
}

/** A worker's result as a LoadedDocument (closures cannot cross threads: text and locator are rebuilt here). */
function fromWorker(item: { file: string; bytes: Uint8Array }, r: WorkerResult, limits: ParseLimits): LoadedDocument {
  const text = Buffer.from(item.bytes.buffer, item.bytes.byteOffset, item.bytes.byteLength).toString('utf8');
  const valid = r.doc !== null;
  const diagnostics = r.diagnostics as Diagnostic[];
  const textOk = !diagnostics.some((d) => d.code === 'file/encoding');
  return {
    kind: r.kind as FileKind | null,
    doc: r.doc as KindDocument | null,
    rejectedData: r.rejectedData,
    text: textOk ? text : null,
    parsed: textOk && !r.provisional ? lazyParsed(item.file, text, valid ? r.doc : undefined, limits) : null,
    diagnostics,
    ...(r.provisional ? { provisional: true } : {}),
  };
}
