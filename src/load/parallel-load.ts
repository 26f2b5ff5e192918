// Loads many files on several threads and returns the results in input order, synchronously,
// so the loader keeps its simple synchronous shape. The main thread loads its own share while
// the workers run, then waits on a shared flag and reads each worker's results from its port.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, Worker, receiveMessageOnPort } from 'node:worker_threads';
import type { Diagnostic } from '../model/diagnostic.js';
import type { AnyDoc, FileKind } from '../model/documents.js';
import { loadDocument } from './load-document.js';
import type { LoadDocumentOptions, LoadedDocument } from './load-document.js';
import { parseYaml } from './parse-yaml.js';
import type { ParseLimits, ParsedYaml } from './parse-yaml.js';
import type { WorkerResult } from './load-worker.js';

/** Below this many bytes in all, threads cost more (start-up, schema compilation) than they save. */
export const PARALLEL_MIN_BYTES = 16 * 1024 * 1024;

const WORKER_URL = new URL('./load-worker.js', import.meta.url);

/** True when the compiled worker exists (not when running from TypeScript sources in tests). */
export function canLoadInParallel(): boolean {
  return import.meta.url.endsWith('.js') && existsSync(fileURLToPath(WORKER_URL));
}

/** Splits items into `n` contiguous chunks of about equal byte size, preserving order. */
export function splitByBytes<T extends { bytes: Uint8Array }>(items: readonly T[], n: number): T[][] {
  const total = items.reduce((s, i) => s + i.bytes.length, 0);
  const chunks: T[][] = Array.from({ length: n }, () => []);
  let acc = 0;
  for (const it of items) {
    const k = Math.min(n - 1, Math.floor((acc / Math.max(1, total)) * n));
    chunks[k]!.push(it);
    acc += it.bytes.length;
  }
  return chunks;
}

/** A ParsedYaml whose YAML document is built only when a position is asked for. */
function lazyParsed(file: string, text: string, data: unknown, limits: ParseLimits): ParsedYaml {
  let slow: ParsedYaml | null = null;
  const reference = (): ParsedYaml => (slow ??= parseYaml(text, file, limits));
  return { data, diagnostics: [], locate: (p, at) => reference().locate(p, at), nodeAt: (p) => reference().nodeAt(p) };
}

/**
 * Loads `items` with `threads` threads in all (the main thread is one of them). Results are
 * in input order and equal to what loadDocument gives on the main thread.
 */
export function loadDocumentsInParallel(items: readonly { file: string; bytes: Uint8Array }[], limits: ParseLimits, threads: number, options: LoadDocumentOptions = {}): LoadedDocument[] {
  const chunks = splitByBytes(items, threads);
  const started = chunks.slice(1).map((files) => {
    const { port1, port2 } = new MessageChannel();
    const done = new Int32Array(new SharedArrayBuffer(4));
    // Copies, so the buffers can be transferred without detaching the caller's bytes.
    const payload = files.map((f) => ({ file: f.file, bytes: new Uint8Array(f.bytes) }));
    const worker = new Worker(WORKER_URL, {
      workerData: { port: port2, done, files: payload, limits, deferPositions: options.deferPositions === true },
      transferList: [port2, ...payload.map((p) => p.bytes.buffer as ArrayBuffer)],
    });
    return { worker, port: port1, done, files };
  });
  const results: LoadedDocument[] = chunks[0]!.map((f) => loadDocument(f.file, f.bytes, limits, options));
  for (const s of started) {
    Atomics.wait(s.done, 0, 0);
    const message = receiveMessageOnPort(s.port)?.message as { results?: WorkerResult[]; error?: string } | undefined;
    void s.worker.terminate();
    s.port.close();
    if (!message?.results) throw new Error(`load worker failed: ${message?.error ?? 'no result'}`);
    message.results.forEach((r, i) => {
      const f = s.files[i]!;
      // The worker could not send closures: rebuild text and a lazy locator here.
      const text = Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength).toString('utf8');
      const valid = r.doc !== null;
      const diagnostics = r.diagnostics as Diagnostic[];
      const textOk = !diagnostics.some((d) => d.code === 'file/encoding');
      results.push({
        kind: r.kind as FileKind | null,
        doc: r.doc as AnyDoc | null,
        text: textOk ? text : null,
        parsed: textOk && !r.provisional ? lazyParsed(f.file, text, valid ? r.doc : undefined, limits) : null,
        diagnostics,
        ...(r.provisional ? { provisional: true } : {}),
      });
    });
  }
  return results;
}
