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

function writeAll(fd: number, data: string | Uint8Array | Iterable<string>): void {
  for (const bytes of piecesOf(data)) {
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
  }
}

/**
 * Writes `data` to `target` atomically; throws ExitError(3) on failure, leaving no temp file.
 * `data` may be a sequence of pieces, written as they come (large outputs never exist whole).
 */
export function writeFileAtomic(target: string, data: string | Uint8Array | Iterable<string>, inputs: readonly string[] = []): void {
  if (target.trim() === '') throw new ExitError(2, 'the output file name is empty; give --output FILE');
  assertNotInput(target, inputs);
  const existing = statOrNull(target);
  if (existing && !existing.isFile() && !existing.isDirectory()) {
    // A device or pipe (/dev/stdout, /dev/full): write straight to it; renaming over it would
    // replace the device node.
    let device: number | null = null;
    try {
      device = openSync(target, 'w');
      writeAll(device, data);
      closeSync(device);
      return;
    } catch (e) {
      if (device !== null) {
        try {
          closeSync(device);
        } catch {
          /* already failing */
        }
      }
      throw new ExitError(3, `cannot write ${target}: ${describeIoError(e)}`);
    }
  }
  if (existing?.isDirectory()) throw new ExitError(3, `cannot write ${target}: it is a directory`);
  const dir = path.dirname(path.resolve(target));
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  let fd: number | null = null;
  try {
    fd = openSync(tmp, 'wx', 0o644);
    writeAll(fd, data);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(tmp, resolveTarget(target));
  } catch (e) {
    if (fd !== null) {
      try {
        closeSync(fd);
      } catch {
        /* already failing */
      }
    }
    removeQuietly(tmp);
    throw new ExitError(3, `cannot write ${target}: ${describeIoError(e)}; the previous file, if any, is unchanged`);
  }
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
