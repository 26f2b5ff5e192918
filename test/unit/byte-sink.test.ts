import { describe, expect, it } from 'vitest';
import { ByteSink } from '../../src/render/byte-sink.js';
import { centsText } from '../../src/render/xlsx.js';

/** A sink over blocks of `size` bytes that records what it sends and how blocks come back. */
function collect(size: number): { sink: ByteSink; bytes: () => Buffer; sent: Buffer[]; released: number } {
  const sent: Buffer[] = [];
  const state = { released: 0 };
  const sink = new ByteSink({
    take: () => Buffer.alloc(size),
    send: (data) => void sent.push(Buffer.from(data)),
    release: () => void state.released++,
  });
  return {
    sink,
    sent,
    bytes: () => Buffer.concat(sent),
    get released() {
      return state.released;
    },
  };
}

describe('ByteSink', () => {
  it('writes integers as their decimal digits', () => {
    const values = [0, 7, 9, 10, 99, 100, 1234, 1_000_000, 123_456_789_012, Number.MAX_SAFE_INTEGER];
    const c = collect(64);
    for (const n of values) {
      c.sink.int(n);
      c.sink.ascii(',');
    }
    c.sink.end();
    expect(c.bytes().toString('utf8')).toBe(values.map((n) => `${n},`).join(''));
  });

  it('writes negative integers with their sign, and other numbers as String(n) does', () => {
    const values = [-5, -0, -1_000_000, Number.MIN_SAFE_INTEGER, 1.5, -0.25, 2 ** 60, 1e21];
    const c = collect(64);
    for (const n of values) {
      c.sink.int(n);
      c.sink.ascii(',');
    }
    c.sink.end();
    expect(c.bytes().toString('utf8')).toBe(values.map((n) => `${String(n)},`).join(''));
  });

  it('writes minor units as the same exact decimal as centsText, across block boundaries', () => {
    const values = [0, -0, 5, -5, 100, -100, 120, 7, 1234567, -1234501, 99, 2 ** 53 - 1, -(2 ** 53 - 1), 10_000_000_000];
    for (const scale of [1, 2, 3, 6]) {
      // Blocks a little larger than the longest number (17 bytes), so numbers often straddle two.
      const c = collect(24);
      for (const n of values) {
        c.sink.decimal(n, scale);
        c.sink.ascii(',');
      }
      c.sink.end();
      expect(c.bytes().toString('utf8')).toBe(values.map((n) => `${centsText(n, scale)},`).join(''));
    }
  });

  it('encodes text as UTF-8, ASCII first and wider characters after', () => {
    const texts = ['plain', 'café', '中文 text', '😀 emoji', 'a\u0000b'];
    const c = collect(1024);
    for (const t of texts) c.sink.text(t);
    c.sink.end();
    expect(c.bytes()).toEqual(Buffer.from(texts.join(''), 'utf8'));
  });

  it('moves to a new block when a piece does not fit, and sends a piece larger than a block on its own', () => {
    const c = collect(16);
    const big = 'x'.repeat(40);
    c.sink.ascii('<row r="');
    c.sink.int(12345);
    c.sink.text('中文中文');
    c.sink.text(big);
    c.sink.bytes(Buffer.from('end'));
    c.sink.end();
    expect(c.bytes().toString('utf8')).toBe(`<row r="12345中文中文${big}end`);
    expect(c.sent.every((b) => b.length <= 16 || b.toString() === big)).toBe(true);
    expect(c.sent.some((b) => b.toString() === big)).toBe(true);
  });

  it('gives an unused last block back instead of sending it empty', () => {
    const c = collect(16);
    c.sink.end();
    expect(c.sent).toEqual([]);
    expect(c.released).toBe(1);
  });
});
