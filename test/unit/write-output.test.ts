import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitError } from '../../src/cli/context.js';
import { writeFileAtomicStreaming } from '../../src/cli/write-output.js';
import { tempDir } from '../helpers/run-cli.js';

describe('writeFileAtomicStreaming', () => {
  it('writes the pieces in order and returns what the producer returns', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'out.bin');
    writeFileSync(target, 'previous');
    const result = await writeFileAtomicStreaming(target, [], async (write) => {
      write(Buffer.from('first '));
      await new Promise((resolve) => setImmediate(resolve));
      write(Buffer.from('second'));
      return 42;
    });
    expect(result).toBe(42);
    expect(readFileSync(target, 'utf8')).toBe('first second');
    expect(readdirSync(dir)).toEqual(['out.bin']);
  });

  it('rethrows a failure of the producer as it is, removes the temp file and keeps the previous file', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'out.bin');
    writeFileSync(target, 'previous');
    const failure = new Error('no more rows');
    await expect(
      writeFileAtomicStreaming(target, [], async (write) => {
        write(Buffer.from('half a file'));
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(readFileSync(target, 'utf8')).toBe('previous');
    expect(readdirSync(dir)).toEqual(['out.bin']);
  });

  it('fails with exit 3 before producing anything when the target cannot be created', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a-file'), 'x');
    let produced = false;
    const attempt = writeFileAtomicStreaming(path.join(dir, 'a-file', 'out.bin'), [], async () => {
      produced = true;
    });
    await expect(attempt).rejects.toBeInstanceOf(ExitError);
    await expect(attempt).rejects.toMatchObject({ exitCode: 3, message: /cannot write .*a-file\/out\.bin: a part of the path is a file/ });
    expect(produced).toBe(false);
  });

  it('refuses an input file as the target (exit 2)', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'budget.yaml');
    writeFileSync(input, 'lines: []\n');
    await expect(writeFileAtomicStreaming(input, [input], async () => undefined)).rejects.toMatchObject({ exitCode: 2 });
    expect(readFileSync(input, 'utf8')).toBe('lines: []\n');
  });
});
