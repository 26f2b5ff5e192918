// Parallel loading gives exactly what sequential loading gives. The workers run compiled
// code, so this test uses dist/ (npm test builds before running vitest).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/run-cli.js';

type Loaded = { kind: string | null; doc: unknown; text: string | null; diagnostics: unknown[]; parsed: { locate: (p: (string | number)[]) => { line: number; column: number } } | null };
type Module = {
  loadDocumentsInParallel: (items: { file: string; bytes: Uint8Array }[], limits: unknown, threads: number, options?: object, internals?: { workerUrl?: URL; stallMs?: number }) => Loaded[];
  canLoadInParallel: () => boolean;
  readAndLoadInParallel: (items: { file: string; absolute: string; size: number }[], read: (absolute: string, into: Uint8Array) => number | null, limits: unknown, threads: number) => { bytes: Uint8Array | null; loaded: Loaded | null }[];
  takingOrder: (sizes: number[]) => Int32Array;
};
type Sequential = { loadDocument: (file: string, bytes: Uint8Array) => Loaded };
type Limits = { DEFAULT_PARSE_LIMITS: unknown };

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : e.name.endsWith('.yaml') ? [path.join(dir, e.name)] : []));
}

/** The compiled modules and the example files, set up inside each test (never in a describe body). */
async function setUp() {
  const dist = path.join(REPO, 'dist', 'load');
  const parallel = (await import(path.join(dist, 'parallel-load.js'))) as Module;
  const { loadDocument } = (await import(path.join(dist, 'load-document.js'))) as Sequential;
  const { DEFAULT_PARSE_LIMITS } = (await import(path.join(dist, 'parse-yaml.js'))) as Limits;
  const items = ['acme', 'invalid'].flatMap((ex) => listFiles(path.join(REPO, 'examples', ex)).map((f) => ({ file: path.relative(path.join(REPO, 'examples', ex), f), absolute: f, bytes: readFileSync(f) })));
  return { parallel, loadDocument, DEFAULT_PARSE_LIMITS, items };
}

describe('parallel loading', () => {
  it('runs from the compiled worker', async () => {
    const { parallel } = await setUp();
    expect(parallel.canLoadInParallel()).toBe(true);
  });

  it('takes the largest files first, ties in input order', async () => {
    const { parallel } = await setUp();
    expect([...parallel.takingOrder([10, 300, 0, 300, 20, 10])]).toEqual([1, 3, 4, 0, 5, 2]);
    expect([...parallel.takingOrder([])]).toEqual([]);
  });

  it('returns the same kinds, documents and diagnostics as loadDocument, in order', async () => {
    const { parallel, loadDocument, DEFAULT_PARSE_LIMITS, items } = await setUp();
    const got = parallel.loadDocumentsInParallel(items, DEFAULT_PARSE_LIMITS, 3);
    const want = items.map((i) => loadDocument(i.file, i.bytes));
    expect(got).toHaveLength(items.length);
    got.forEach((g, i) => {
      expect(g.kind).toBe(want[i]!.kind);
      expect(JSON.stringify(g.doc)).toBe(JSON.stringify(want[i]!.doc));
      expect(g.diagnostics).toEqual(want[i]!.diagnostics);
      expect(g.text).toBe(want[i]!.text);
    });
    // Positions of documents loaded by a worker are still found (lazily, on this thread).
    const budget = items.findIndex((i) => i.file === 'budgets/FY2026/marketing.yaml');
    expect(got[budget]!.parsed!.locate(['lines', 0, 'account'])).toEqual(want[budget]!.parsed!.locate(['lines', 0, 'account']));
  });

  it('reading into a shared buffer while the workers load gives the same results, in order', async () => {
    const { parallel, loadDocument, DEFAULT_PARSE_LIMITS, items } = await setUp();
    const { readFileInto } = (await import(path.join(REPO, 'dist', 'load', 'read-files.js'))) as { readFileInto: (absolute: string, into: Uint8Array) => number | null };
    const got = parallel.readAndLoadInParallel(
      items.map((i) => ({ file: i.file, absolute: i.absolute, size: i.bytes.length })),
      readFileInto,
      DEFAULT_PARSE_LIMITS,
      3,
    );
    const want = items.map((i) => loadDocument(i.file, i.bytes));
    expect(got).toHaveLength(items.length);
    got.forEach((g, i) => {
      expect(g.bytes!.buffer).toBeInstanceOf(SharedArrayBuffer);
      expect(Buffer.from(g.bytes!).equals(items[i]!.bytes)).toBe(true);
      expect(JSON.stringify([g.loaded!.kind, g.loaded!.doc, g.loaded!.diagnostics, g.loaded!.text])).toBe(JSON.stringify([want[i]!.kind, want[i]!.doc, want[i]!.diagnostics, want[i]!.text]));
    });
  });

  it('leaves out a file that grew since it was listed and keeps one that shrank, as read', async () => {
    const { parallel, loadDocument, DEFAULT_PARSE_LIMITS, items } = await setUp();
    const byPath = new Map(items.map((i) => [i.absolute, i.bytes]));
    const [grown, shrunk] = [items[3]!, items[5]!];
    // The listed sizes are off for two files: one is now longer, one shorter (a truncated copy).
    const listed = items.map((i) => ({ file: i.file, absolute: i.absolute, size: i === grown ? i.bytes.length - 1 : i === shrunk ? i.bytes.length + 7 : i.bytes.length }));
    const read = (absolute: string, into: Uint8Array): number | null => {
      const bytes = byPath.get(absolute)!;
      if (bytes.length > into.length) return null;
      into.set(bytes);
      return bytes.length;
    };
    const got = parallel.readAndLoadInParallel(listed, read, DEFAULT_PARSE_LIMITS, 2);
    expect(got[3]).toEqual({ bytes: null, loaded: null });
    expect(Buffer.from(got[5]!.bytes!).equals(shrunk.bytes)).toBe(true);
    expect(got[5]!.loaded!.doc).toEqual(loadDocument(shrunk.file, shrunk.bytes).doc);
    expect(got.filter((g) => g.loaded === null)).toHaveLength(1);
  });

  it('throws what reading throws, without waiting for the workers', async () => {
    const { parallel, DEFAULT_PARSE_LIMITS, items } = await setUp();
    const listed = items.map((i) => ({ file: i.file, absolute: i.absolute, size: i.bytes.length }));
    let reads = 0;
    const failing = (): number | null => {
      if (++reads === 4) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      return 0;
    };
    expect(() => parallel.readAndLoadInParallel(listed, failing, DEFAULT_PARSE_LIMITS, 2)).toThrow(/EACCES/);
  });

  it('does not hang on a worker that dies: its files are loaded on the main thread', async () => {
    const { parallel, loadDocument, DEFAULT_PARSE_LIMITS, items } = await setUp();
    const dead = new URL(`file://${path.join(REPO, 'test', 'fixtures', 'dead-load-worker.mjs')}`);
    // Before, this waited on the worker's flag forever (the test's own timeout would end it).
    const got = parallel.loadDocumentsInParallel(items, DEFAULT_PARSE_LIMITS, 2, {}, { workerUrl: dead, stallMs: 1500 });
    const want = items.map((i) => loadDocument(i.file, i.bytes));
    expect(got).toHaveLength(items.length);
    got.forEach((g, i) => expect(JSON.stringify([g.kind, g.doc, g.diagnostics])).toBe(JSON.stringify([want[i]!.kind, want[i]!.doc, want[i]!.diagnostics])));
  }, 60_000);
});
