// Every file opsplan writes goes through here: a temp file beside the target, then an atomic
// rename, so a failure or a kill mid-write leaves the previous file intact, and an input file
// can never be the target.
import { closeSync, fsyncSync, mkdirSync, openSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { ExitError } from './context.js';
import { describeIoError } from './io-errors.js';

function statOrNull(p: string): ReturnType<typeof statSync> | null {
  try {
    return statSync(p);
  } catch {
    return null;
  }
}

/** Removes a temp file; `force` only forgives ENOENT, and below a regular file it is ENOTDIR. */
function removeQuietly(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    /* nothing was created there */
  }
}

/** Resolves symlinks of the target (or of its folder when it does not exist yet). */
function resolveTarget(target: string): string {
  try {
    return realpathSync(target);
  } catch {
    try {
      return path.join(realpathSync(path.dirname(target)), path.basename(target));
    } catch {
      return path.resolve(target);
    }
  }
}

/** Refuses (exit 2) a target that is, or links to, one of the input files. */
export function assertNotInput(target: string, inputs: readonly string[]): void {
  const real = resolveTarget(target);
  for (const input of inputs) {
    let inputReal: string;
    try {
      inputReal = realpathSync(input);
    } catch {
      continue;
    }
    if (inputReal === real) throw new ExitError(2, `refusing to write ${target}: it is an input file${path.resolve(input) === path.resolve(target) ? '' : ` (${input})`}; choose another --output`);
  }
}

/** The bytes of data given as a string, bytes, or a sequence of string pieces. */
function* piecesOf(data: string | Uint8Array | Iterable<string>): Generator<Uint8Array> {
  if (typeof data === 'string') yield Buffer.from(data, 'utf8');
  else if (data instanceof Uint8Array) yield data;
  else for (const piece of data) yield Buffer.from(piece, 'utf8');
}

/**
 * An output file being written: a device or pipe written in place, or a temp file beside the
 * target that `commit()` fsyncs and renames over it. Any I/O failure closes it, removes the
 * temp file and becomes ExitError(3); the target is then left as it was.
 */
class AtomicOutput {
  private fd: number | null = null;

  private constructor(
    private readonly target: string,
    /** The temp file, or null for a device (renaming over it would replace the device node). */
    private readonly tmp: string | null,
  ) {}

  /** Checks the target (exit 2: empty or an input file; exit 3: a folder) and opens it. */
  static open(target: string, inputs: readonly string[]): AtomicOutput {
    if (target.trim() === '') throw new ExitError(2, 'the output file name is empty; give --output FILE');
    assertNotInput(target, inputs);
    const existing = statOrNull(target);
    // A device or pipe (/dev/stdout, /dev/full) is written straight.
    const device = existing ? !existing.isFile() && !existing.isDirectory() : false;
    if (existing?.isDirectory()) throw new ExitError(3, `cannot write ${target}: it is a directory`);
    const tmp = device ? null : path.join(path.dirname(path.resolve(target)), `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
    const out = new AtomicOutput(target, tmp);
    out.attempt(() => (out.fd = tmp === null ? openSync(target, 'w') : openSync(tmp, 'wx', 0o644)));
    return out;
  }

  write(data: string | Uint8Array | Iterable<string>): void {
    this.attempt(() => {
      for (const bytes of piecesOf(data)) {
        let off = 0;
        while (off < bytes.length) off += writeSync(this.fd!, bytes, off, bytes.length - off);
      }
    });
  }

  /** Makes the output final: the temp file synced and renamed over the target. */
  commit(): void {
    this.attempt(() => {
      if (this.tmp !== null) fsyncSync(this.fd!);
      closeSync(this.fd!);
      this.fd = null;
      if (this.tmp !== null) renameSync(this.tmp, resolveTarget(this.target));
    });
  }

  /** Gives up (after a failure here or in what produces the bytes): closed, temp file removed. */
  abort(): void {
    if (this.fd !== null) {
      try {
        closeSync(this.fd);
      } catch {
        /* already failing */
      }
      this.fd = null;
    }
    if (this.tmp !== null) removeQuietly(this.tmp);
  }

  private attempt(step: () => void): void {
    try {
      step();
    } catch (e) {
      this.abort();
      throw new ExitError(3, `cannot write ${this.target}: ${describeIoError(e)}${this.tmp === null ? '' : '; the previous file, if any, is unchanged'}`);
    }
  }
}

/**
 * Writes `data` to `target` atomically; throws ExitError(3) on failure, leaving no temp file.
 * `data` may be a sequence of pieces, written as they come (large outputs never exist whole).
 */
export function writeFileAtomic(target: string, data: string | Uint8Array | Iterable<string>, inputs: readonly string[] = []): void {
  const out = AtomicOutput.open(target, inputs);
  out.write(data);
  out.commit();
}

/**
 * Writes to `target` atomically what `produce` hands to its `write` as it goes, so a large
 * output (the workbook) never exists whole in memory. Returns what `produce` returns. A write
 * failure is ExitError(3); an error of `produce` itself is rethrown as it is. Either way the
 * temp file is removed and the target left as it was.
 */
export async function writeFileAtomicStreaming<T>(target: string, inputs: readonly string[], produce: (write: (bytes: Uint8Array) => void) => Promise<T>): Promise<T> {
  const out = AtomicOutput.open(target, inputs);
  let result: T;
  try {
    result = await produce((bytes) => out.write(bytes));
  } catch (e) {
    out.abort();
    throw e;
  }
  out.commit();
  return result;
}

/**
 * Creates the folders up to `dir`, one level at a time: Node 20's recursive mkdir loops
 * forever under /proc. Throws ExitError(3) when a level cannot be created.
 */
export function ensureDir(dir: string): void {
  const missing: string[] = [];
  let d = path.resolve(dir);
  while (statOrNull(d) === null) {
    missing.push(d);
    const up = path.dirname(d);
    if (up === d) break;
    d = up;
  }
  const existing = statOrNull(d);
  if (existing && !existing.isDirectory()) throw new ExitError(3, `cannot create ${dir}: ${d} is not a folder`);
  for (const m of missing.reverse()) {
    try {
      mkdirSync(m);
    } catch (e) {
      throw new ExitError(3, `cannot create ${dir}: ${describeIoError(e)}`);
    }
  }
}
