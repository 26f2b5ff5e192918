// The bytes of one zip entry, written in place: the worksheet writer puts its markup, numbers
// and texts straight into fixed-size blocks, which go to the compressor as they fill. Building
// the XML as JavaScript strings first (a template per cell, concatenated per row and chunk)
// made the render phase at L allocate gigabytes of short-lived strings: most of its time went
// to building them, encoding them again as UTF-8, and collecting them.

/** Where a sink gets empty blocks and sends full ones (`block` is null for a one-off buffer). */
export interface BlockTarget {
  take(): Buffer;
  send(data: Buffer, block: Buffer | null): void;
  release(block: Buffer): void;
}

/** Digits of a non-negative integer below 10^16. */
function digitCount(n: number): number {
  let d = 1;
  for (let p = 10; p <= n && d < 16; p *= 10) d++;
  return d;
}

/** Appends UTF-8 bytes to blocks of a zip entry; `end()` sends the last one. */
export class ByteSink {
  private block: Buffer;
  private used = 0;

  constructor(private readonly target: BlockTarget) {
    this.block = target.take();
  }

  /** Text whose every UTF-16 unit is below 0x80 (markup, numbers), copied unit by unit. */
  ascii(s: string): void {
    const n = s.length;
    if (this.used + n > this.block.length && !this.next(n)) return this.large(s);
    const b = this.block;
    let u = this.used;
    for (let i = 0; i < n; i++) b[u++] = s.charCodeAt(i);
    this.used = u;
  }

  /** Any text (already escaped for XML), encoded as UTF-8. */
  text(s: string): void {
    const n = s.length;
    // UTF-8 takes at most 3 bytes per UTF-16 unit (a surrogate pair: 4 bytes for 2 units).
    if (this.used + 3 * n > this.block.length && !this.next(3 * n)) return this.large(s);
    const b = this.block;
    let u = this.used;
    let i = 0;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) break;
      b[u++] = c;
    }
    // The rest from the first wider unit on: everything before it was ASCII, so no pair is split.
    if (i < n) u += b.write(i === 0 ? s : s.slice(i), u, 'utf8');
    this.used = u;
  }

  /** Bytes as they are. */
  bytes(data: Uint8Array): void {
    const n = data.length;
    if (this.used + n > this.block.length && !this.next(n)) return this.target.send(Buffer.from(data), null);
    this.block.set(data, this.used);
    this.used += n;
  }

  /** A safe integer in decimal digits (as String(n) writes it), without building its string; other numbers as String(n). */
  int(n: number): void {
    if (!Number.isSafeInteger(n)) return this.ascii(String(n));
    if (n < 0) {
      this.ascii('-');
      n = -n;
    }
    const d = digitCount(n);
    if (this.used + d > this.block.length) this.next(d);
    this.digits(n, this.used + d);
    this.used += d;
  }

  /**
   * `units / 10^scale` as its exact, shortest decimal (trailing zeros dropped, no point for a
   * whole number), for a safe integer `units` and scale 1 to 15: the same digits as centsText,
   * without building a string per money cell (1.6 million of them at L).
   */
  decimal(units: number, scale: number): void {
    const div = 10 ** scale;
    const abs = Math.abs(units);
    const major = Math.floor(abs / div);
    let minor = abs - major * div;
    if (units < 0) this.ascii('-');
    this.int(major);
    if (minor === 0) return;
    let width = scale;
    while (minor % 10 === 0) {
      minor /= 10;
      width--;
    }
    if (this.used + width + 1 > this.block.length) this.next(width + 1);
    const b = this.block;
    b[this.used] = 46; // '.'
    const end = this.used + 1 + width;
    // Leading zeros of the fraction first, then its digits right-aligned.
    for (let i = this.used + 1; i < end; i++) b[i] = 48;
    this.digits(minor, end);
    this.used = end;
  }

  /** Writes the digits of non-negative integer `n` so that the last one lands before `end`. */
  private digits(n: number, end: number): void {
    const b = this.block;
    let u = end;
    let v = n;
    do {
      const q = Math.floor(v / 10);
      b[--u] = 48 + (v - q * 10);
      v = q;
    } while (v > 0);
  }

  /** Sends the last block (or gives it back unused). */
  end(): void {
    if (this.used > 0) this.target.send(this.block.subarray(0, this.used), this.block);
    else this.target.release(this.block);
    this.used = 0;
  }

  /** Sends the current block and starts another; false when `n` bytes would not fit even an empty one. */
  private next(n: number): boolean {
    if (this.used > 0) {
      this.target.send(this.block.subarray(0, this.used), this.block);
      this.block = this.target.take();
      this.used = 0;
    }
    return n <= this.block.length;
  }

  /** A text larger than a block goes to the compressor on its own (the current block was sent first). */
  private large(s: string): void {
    this.target.send(Buffer.from(s, 'utf8'), null);
  }
}
