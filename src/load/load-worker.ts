// Worker side of parallel loading: takes files from the shared counter (waiting for each one
// the main thread is still reading), loads each with loadDocument, and posts the results in
// batches; when the counter runs out it posts the rest and wakes the (synchronously waiting)
// main thread.
import { isMainThread, workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { loadDocument } from './load-document.js';
import { PENDING, READY } from './ready-flags.js';
import type { ParseLimits } from './parse-yaml.js';
import type { CompanyRules } from './validate-schema.js';

/** What the main thread sends. */
export interface WorkerInput {
  port: MessagePort;
  /** Over a SharedArrayBuffer: [0] the next file index to take; [slot] set to 1 when this worker is done. */
  control: Int32Array;
  slot: number;
  /** control[progressSlot]: files this worker has finished, so the main thread can tell slow from dead. */
  progressSlot: number;
  /** Every file's bytes, back to back, in a SharedArrayBuffer. */
  bytes: Uint8Array;
  /** File i is bytes[offsets[i], ends[i]) once ready[i] is 1. */
  offsets: Float64Array;
  /** Shared: where file i's bytes end, written before ready[i] is set. */
  ends: Float64Array;
  /** Shared: the file's state (ready-flags.ts): PENDING while the main thread reads it, then READY or SKIP. */
  ready: Int32Array;
  /** The order files are taken in: the k-th taken is file order[k] (largest first, see takingOrder). */
  order: Int32Array;
  files: string[];
  limits: ParseLimits;
  rules?: CompanyRules;
  deferPositions: boolean;
}

/** What a worker sends back per file: the parts of a LoadedDocument that can be cloned. */
export interface WorkerResult {
  index: number;
  kind: string | null;
  doc: unknown;
  rejectedData?: unknown;
  diagnostics: unknown[];
  provisional: boolean;
}

/** One message: a batch of results, or the error that stopped the worker. */
export interface WorkerMessage {
  results?: WorkerResult[];
  error?: string;
}

/** Results per message: big enough that cloning overhead is small, small enough to overlap. */
const BATCH = 64;

/**
 * A batch is posted sooner once its files add up to this many bytes: the main thread then
 * copies a big file's document while it still has files of its own to load, not at the end.
 */
const BATCH_BYTES = 1 << 20;

if (!isMainThread && workerData) {
  const input = workerData as WorkerInput;
  let batch: WorkerResult[] = [];
  let batchBytes = 0;
  try {
    for (;;) {
      const k = Atomics.add(input.control, 0, 1);
      if (k >= input.files.length) break;
      const i = input.order[k]!;
      // The main thread may still be reading files (largest first, the order they are taken in).
      while (Atomics.load(input.ready, i) === PENDING) Atomics.wait(input.ready, i, PENDING);
      if (Atomics.load(input.ready, i) !== READY) {
        Atomics.add(input.control, input.progressSlot, 1);
        continue;
      }
      // A private copy: decoding and parsing never look at shared memory.
      const bytes = input.bytes.slice(input.offsets[i]!, input.ends[i]!);
      batchBytes += bytes.length;
      const r = loadDocument(input.files[i]!, bytes, input.limits, { deferPositions: input.deferPositions, rules: input.rules });
      batch.push({ index: i, kind: r.kind, doc: r.doc, rejectedData: r.rejectedData, diagnostics: r.diagnostics, provisional: r.provisional === true });
      Atomics.add(input.control, input.progressSlot, 1);
      if (batch.length === BATCH || batchBytes >= BATCH_BYTES) {
        input.port.postMessage({ results: batch } satisfies WorkerMessage);
        batch = [];
        batchBytes = 0;
      }
    }
    input.port.postMessage({ results: batch } satisfies WorkerMessage);
  } catch (e) {
    input.port.postMessage({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies WorkerMessage);
  } finally {
    Atomics.store(input.control, input.slot, 1);
    Atomics.notify(input.control, input.slot);
  }
}
