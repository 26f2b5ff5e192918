// Finding and reading the workspace's files. Symbolic links are never followed: a link loop
// cannot make us read a file twice and a link cannot lead us out of the workspace. Each
// skipped link is reported as a warning so nothing disappears silently.
import { closeSync, lstatSync, openSync, readSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';

/** One file of the workspace, read as bytes. */
export interface SourceFile {
  /** Workspace-relative, forward slashes. */
  file: string;
  absolute: string;
  bytes: Buffer;
  sha256: string;
}

/** Options for collecting files. */
export interface ReadOptions {
  /** Largest file accepted, in bytes; bigger files are refused before they are read. */
  maxFileBytes: number;
}

/** 32 MiB: an inventory of 100,000 items is about 25 MB of YAML. */
export const DEFAULT_MAX_FILE_BYTES = 32 * 1024 * 1024;

const SKIPPED_DIRS = new Set(['node_modules', '.git']);

// The walk builds every path from the resolved root by appending the names readdir gives, so
// the relative path is the tail after the root and a child is the folder, a separator and a
// name: string operations, where path.relative and path.join resolve and normalize both
// paths in V8's interpreter at every call (about 4 ms of acme's 150 files, CPU profile,
// 2026-12-01). Any other path still goes through path.relative.
export function rel(root: string, abs: string): string {
  const tail = abs.startsWith(root) && abs.charAt(root.length) === path.sep && !root.endsWith(path.sep) ? abs.slice(root.length + 1) : path.relative(root, abs);
  return path.sep === '/' ? tail : tail.split(path.sep).join('/');
}

/** path.join of a folder below a normalized absolute root and a name from readdir (never `.`, `..` or with a separator). */
function child(dir: string, name: string): string {
  return dir.endsWith(path.sep) ? dir + name : dir + path.sep + name;
}

function warn(file: string, code: string, message: string): Diagnostic {
  return { code, severity: 'warning', message, file, line: 0, column: 0, path: '' };
}

function isYamlName(name: string): boolean {
  return name.endsWith('.yaml') || name.endsWith('.yml');
}

/** True when `candidate` (already resolved) lies inside `root` (already resolved). */
export function isInside(root: string, candidate: string): boolean {
  const r = path.relative(root, candidate);
  return r === '' || (!r.startsWith('..') && !path.isAbsolute(r));
}

/**
 * Lists the YAML files under `root` (sorted, so every output is stable), skipping dot
 * folders, node_modules and symbolic links.
 */
export function listYamlFiles(root: string): { files: string[]; diagnostics: Diagnostic[] } {
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const join = path.isAbsolute(root) && path.normalize(root) === root ? child : path.join;
  const walk = (dir: string): void => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const abs = join(dir, e.name);
      if (e.isSymbolicLink()) {
        if (e.name.startsWith('.')) continue;
        diagnostics.push(warn(rel(root, abs), 'workspace/symlink-skipped', 'symbolic link not followed (opsplan reads every real file once and nothing outside the workspace); copy the file into the workspace if it should be read'));
        continue;
      }
      if (e.isDirectory()) {
        if (e.name.startsWith('.') || SKIPPED_DIRS.has(e.name)) continue;
        walk(abs);
      } else if (e.isFile() && isYamlName(e.name)) {
        files.push(abs);
      }
    }
  };
  walk(root);
  return { files, diagnostics };
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Finds the first byte offset where `bytes` stop being valid UTF-8, or -1. */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    if (i + need >= n) return i; // truncated sequence at end of file
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/**
 * Decodes bytes as UTF-8, refusing anything else with the byte offset of the first bad
 * byte (Node's default decoding would silently replace it with U+FFFD).
 */
export function decodeUtf8(bytes: Buffer, file: string): { text?: string; diagnostic?: Diagnostic } {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16 || (bytes.length >= 2 && (bytes[0] === 0 || bytes[1] === 0))) {
    return { diagnostic: { code: 'file/encoding', severity: 'error', message: 'the file is UTF-16 (byte offset 0); save it as UTF-8', file, line: 1, column: 1, path: '' } };
  }
  try {
    // Native and fast; only when it refuses do we scan for the offset to report.
    return { text: STRICT_UTF8.decode(bytes) };
  } catch {
    /* fall through to locate the first bad byte */
  }
  const bad = invalidUtf8Offset(bytes);
  if (bad >= 0) {
    const before = bytes.subarray(0, bad).toString('utf8');
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    return {
      diagnostic: {
        code: 'file/encoding',
        severity: 'error',
        message: `invalid UTF-8 at byte offset ${bad} (byte 0x${bytes[bad]!.toString(16).padStart(2, '0')}); the file looks like Latin-1 or another legacy encoding, save it as UTF-8`,
        file,
        line,
        column,
        path: '',
      },
    };
  }
  return { text: bytes.toString('utf8') };
}

/** The finding for a file over the size cap. */
export function tooLargeDiagnostic(file: string, size: number, maxFileBytes: number): Diagnostic {
  return { code: 'file/too-large', severity: 'error', message: `file is ${size} bytes, over the ${maxFileBytes}-byte cap; split it or raise --max-file-size`, file, line: 0, column: 0, path: '' };
}

/** Reads one file if it is not over the size cap. */
export function readSourceFile(root: string, absolute: string, options: ReadOptions): { source?: SourceFile; diagnostic?: Diagnostic } {
  const file = rel(root, absolute);
  const size = statSync(absolute).size;
  if (size > options.maxFileBytes) return { diagnostic: tooLargeDiagnostic(file, size, options.maxFileBytes) };
  const bytes = readFileSync(absolute);
  return { source: { file, absolute, bytes, sha256: sha256Of(bytes) } };
}

/** The hex SHA-256 of bytes (a file's identity in the About sheet and in `diff`). */
export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** One byte, to find out whether a file goes on past the size it was listed with. */
const PAST_END = new Uint8Array(1);

/**
 * Reads a file into `into`, which is as long as the file was when it was listed, and returns
 * how many bytes it had (fewer if it shrank since), or null if it now goes on past that size.
 */
export function readFileInto(absolute: string, into: Uint8Array): number | null {
  const fd = openSync(absolute, 'r');
  try {
    let got = 0;
    for (let n = 1; got < into.length && n > 0; got += n) n = readSync(fd, into, got, into.length - got, null);
    return got === into.length && readSync(fd, PAST_END, 0, 1, null) > 0 ? null : got;
  } finally {
    closeSync(fd);
  }
}

/** Segments path.join would change: `.`, `..`, empty ones, a leading separator. */
const NOT_PLAIN = /^$|^\/|\/\/|(?:^|\/)\.\.?(?:\/|$)/;

/**
 * path.join(root, file) of each workspace-relative file (forward slashes), as string
 * concatenation where that is the same (a normalized absolute root on POSIX, plain segments):
 * path.join normalizes the whole path in V8's interpreter at every call, about 4 ms of a
 * start-up over acme's 150 files (CPU profile, 2026-12-01).
 */
export function absolutePaths(root: string, files: readonly string[]): string[] {
  const plainRoot = path.sep === '/' && path.isAbsolute(root) && path.normalize(root) === root && !root.endsWith('/');
  return files.map((f) => (plainRoot && !NOT_PLAIN.test(f) ? `${root}/${f}` : path.join(root, f)));
}

/** lstat that returns null instead of throwing for a missing path. */
export function statOrNull(p: string): ReturnType<typeof lstatSync> | null {
  try {
    return lstatSync(p);
  } catch {
    return null;
  }
}
