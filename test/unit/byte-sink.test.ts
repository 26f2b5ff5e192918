import { describe, expect, it } from 'vitest';
import { ByteSink } from '../../src/render/byte-sink.js';

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

  it('falls back to the decimal text for numbers that are not safe non-negative integers', () => {
    const c = collect(64);
    for (const n of [-5, 1.5, 2 ** 60]) c.sink.int(n);
    c.sink.end();
    expect(c.bytes().toString('utf8')).toBe(`-51.5${String(2 ** 60)}`);
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
