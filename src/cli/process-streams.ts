// Failures of the process's own stdout and stderr, for bin/opsplan's runs (main.ts's runCli
// and boot.ts's bare --version): a module without imports of the CLI, so --version stays small.
import process from 'node:process';
import { describeIoError } from './io-errors.js';

/** Exit codes, documented in the README. */
export const EXIT = { ok: 0, findings: 1, usage: 2, output: 3, internal: 4 } as const;

/**
 * A reader that stops early (`opsplan stock ... | head`) closes the pipe: the rest of the
 * output is dropped, quietly, and the command still ends with its own exit code. Other
 * stream failures arrive as events, possibly after main has returned: they end the run with
 * exit 3 and the reason, never an uncaught exception. Returns the final exit code of a run
 * that returned `code`.
 */
export function watchProcessStreams(): (code: number) => number {
  let streamFailed = false;
  for (const [stream, name] of [
    [process.stdout, 'standard output'],
    [process.stderr, 'standard error'],
  ] as const) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') return;
      streamFailed = true;
      process.exitCode = EXIT.output;
      if (stream !== process.stderr) process.stderr.write(`opsplan: cannot write ${name}: ${describeIoError(e)}\n`);
    });
  }
  return (code) => (streamFailed ? Math.max(code, EXIT.output) : code);
}
