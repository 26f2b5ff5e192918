// Worker side of parallel loading: loads a batch of files with loadDocument and hands the
// results back through a port, then wakes the (synchronously waiting) main thread.
import { isMainThread, workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { loadDocument } from './load-document.js';
import type { ParseLimits } from './parse-yaml.js';

/** What the main thread sends. */
export interface WorkerInput {
  port: MessagePort;
  /** Int32Array over a SharedArrayBuffer: set to 1 when the results are posted. */
  done: Int32Array;
  files: { file: string; bytes: Uint8Array }[];
  limits: ParseLimits;
  deferPositions: boolean;
}

/** What a worker sends back per file: the parts of a LoadedDocument that can be cloned. */
export interface WorkerResult {
  kind: string | null;
  doc: unknown;
  diagnostics: unknown[];
  provisional: boolean;
}

if (!isMainThread && workerData) {
  const input = workerData as WorkerInput;
  const results: WorkerResult[] = [];
  try {
    for (const f of input.files) {
      const r = loadDocument(f.file, f.bytes, input.limits, { deferPositions: input.deferPositions });
      results.push({ kind: r.kind, doc: r.doc, diagnostics: r.diagnostics, provisional: r.provisional === true });
    }
    input.port.postMessage({ results });
  } catch (e) {
    input.port.postMessage({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  } finally {
    Atomics.store(input.done, 0, 1);
    Atomics.notify(input.done, 0);
  }
}
