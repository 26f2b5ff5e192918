// A minimal, deterministic zip writer for the workbook: entries are deflated through node:zlib
// streams (which run on libuv's thread pool, so compression overlaps with the XML being
// generated on the main thread), every entry carries the same fixed date, and the archive is
// handed on entry by entry (an entry is held until it is complete: its header comes first and
// carries its size and checksum). No zip64: an entry or archive over 4 GiB is refused, far
// beyond what a sheet of Excel's 1,048,576 rows can reach in practice.
import { once } from 'node:events';
import { crc32, createDeflateRaw } from 'node:zlib';
import { ByteSink } from './byte-sink.js';
import type { BlockTarget } from './byte-sink.js';

const MAX_32 = 0xffffffff;
/** Uncompressed bytes that may wait for the compressor (bounds memory, keeps both cores busy). */
const QUEUE_BYTES = 8 << 20;
/** Size of the blocks an entry's bytes are packed into for the compressor. */
const BLOCK_BYTES = 1 << 20;
/** General-purpose flag bit 11: file names are UTF-8. */
const UTF8_NAMES = 0x0800;

/** MS-DOS date and time of a UTC date, as zip headers store them (2-second resolution). */
export function dosDateTime(date: Date): { time: number; date: number } {
  const y = Math.min(2107, Math.max(1980, date.getUTCFullYear()));
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    date: ((y - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

/** An entry's content: pieces (strings are UTF-8 encoded), or a producer writing into a sink that yields now and then. */
export type EntrySource = Iterable<string | Uint8Array> | ((sink: ByteSink) => Iterable<unknown>);

interface Entry {
  name: Buffer;
  method: number;
  crc: number;
  compressed: number;
  size: number;
  /** Where the local header starts. */
  offset: number;
}

/**
 * Builds a zip archive entry by entry, in the order added: each entry's bytes go to `write`
 * as soon as the entry is complete, so the archive never exists whole in memory (the
 * workbook goes straight to its file); `finish()` writes the central directory.
 */
export class ZipWriter {
  private readonly entries: Entry[] = [];
  /** Blocks zlib is done with, reused so that pending input stays within a few blocks of memory. */
  private readonly spare: Buffer[] = [];
  private offset = 0;
  private readonly time: number;
  private readonly date: number;

  /**
   * @param when the modification date of every entry (UTC), so the bytes do not depend on the clock
   * @param level zlib deflate level
   * @param write takes the archive's bytes in order (it may throw to abort the archive)
   */
  constructor(
    when: Date,
    private readonly level: number,
    private readonly write: (bytes: Uint8Array) => void,
  ) {
    ({ time: this.time, date: this.date } = dosDateTime(when));
  }

  /**
   * Adds an entry from a sequence of pieces (strings are UTF-8 encoded), or from a producer
   * that writes into a ByteSink and yields now and then. Bytes go to the compressor block by
   * block as they come, so a generator can produce a large sheet without ever holding its
   * whole XML.
   */
  async add(name: string, source: EntrySource, compress = true): Promise<void> {
    let crc = 0;
    let size = 0;
    const out: Buffer[] = [];
    // zlib compresses on the thread pool, but hands each finished block back through the
    // event loop before taking the next: the producer must let the loop run after a block was
    // sent, or compression would wait for generation and the two would never overlap.
    // Pending input is bounded by QUEUE_BYTES; output comes back in 1 MiB buffers.
    const z = compress ? createDeflateRaw({ level: this.level, chunkSize: 1 << 20 }) : null;
    z?.on('data', (c: Buffer) => out.push(c));
    const ended = z ? once(z, 'end') : Promise.resolve([]);
    // Awaited below; until then a zlib error must not count as an unhandled rejection.
    ended.catch(() => undefined);
    let pending = 0;
    let sent = false;
    let wake: (() => void) | null = null;
    const target: BlockTarget = {
      take: () => this.spare.pop() ?? Buffer.allocUnsafe(BLOCK_BYTES),
      release: (block) => void this.spare.push(block),
      send: (data, block) => {
        crc = crc32(data, crc);
        size += data.length;
        sent = true;
        if (!z) {
          out.push(Buffer.from(data));
          if (block) this.spare.push(block);
          return;
        }
        pending += data.length;
        z.write(data, () => {
          pending -= data.length;
          // zlib has consumed the input when it calls back: the block can be filled again.
          if (block) this.spare.push(block);
          if (wake && pending <= QUEUE_BYTES / 2) {
            wake();
            wake = null;
          }
        });
      },
    };
    const sink = new ByteSink(target);
    for (const piece of typeof source === 'function' ? source(sink) : source) {
      if (typeof piece === 'string') sink.text(piece);
      else if (piece instanceof Uint8Array) sink.bytes(piece);
      if (pending > QUEUE_BYTES) await new Promise<void>((resolve) => (wake = resolve));
      else if (sent) await new Promise<void>((resolve) => setImmediate(resolve));
      sent = false;
    }
    sink.end();
    if (z) {
      z.end();
      await ended;
      // zlib hands out slices of 1 MiB buffers: one right-sized copy, so a small entry does
      // not keep a whole buffer alive until the archive is finished.
      const data = Buffer.concat(out);
      out.length = 0;
      out.push(data);
    }
    const compressed = out.reduce((n, b) => n + b.length, 0);
    if (size > MAX_32 || compressed > MAX_32) throw new Error(`zip entry ${name} is over 4 GiB`);
    const entry: Entry = { name: Buffer.from(name, 'utf8'), method: compress ? 8 : 0, crc: crc >>> 0, compressed, size, offset: this.offset };
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(UTF8_NAMES, 6);
    header.writeUInt16LE(entry.method, 8);
    header.writeUInt16LE(this.time, 10);
    header.writeUInt16LE(this.date, 12);
    header.writeUInt32LE(entry.crc, 14);
    header.writeUInt32LE(compressed, 18);
    header.writeUInt32LE(size, 22);
    header.writeUInt16LE(entry.name.length, 26);
    header.writeUInt16LE(0, 28);
    for (const b of [header, entry.name, ...out]) this.push(b);
    this.entries.push(entry);
  }

  /** Ends the archive: central directory and end record. Returns the archive's size in bytes. */
  finish(): number {
    if (this.entries.length > 0xffff) throw new Error('zip has more than 65,535 entries');
    const start = this.offset;
    for (const e of this.entries) {
      const c = Buffer.alloc(46);
      c.writeUInt32LE(0x02014b50, 0);
      c.writeUInt16LE(20, 4);
      c.writeUInt16LE(20, 6);
      c.writeUInt16LE(UTF8_NAMES, 8);
      c.writeUInt16LE(e.method, 10);
      c.writeUInt16LE(this.time, 12);
      c.writeUInt16LE(this.date, 14);
      c.writeUInt32LE(e.crc, 16);
      c.writeUInt32LE(e.compressed, 20);
      c.writeUInt32LE(e.size, 24);
      c.writeUInt16LE(e.name.length, 28);
      // extra, comment, disk number, internal and external attributes: all zero.
      c.writeUInt32LE(e.offset, 42);
      this.push(c);
      this.push(e.name);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    this.push(end);
    return this.offset;
  }

  private push(b: Buffer): void {
    if (this.offset + b.length > MAX_32) throw new Error('zip archive is over 4 GiB');
    this.write(b);
    this.offset += b.length;
  }
}
