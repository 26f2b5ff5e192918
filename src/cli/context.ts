// What the outside world looks like to a command: streams, environment, working directory
// and today's date are handed in, so tests can run commands in-process and pin them.

/** Anything with a write method (process.stdout, a test buffer). */
export interface TextSink {
  write(chunk: string): unknown;
  /** True when attached to a terminal. */
  isTTY?: boolean;
}

/** The world a command runs in. */
export interface CliContext {
  stdout: TextSink;
  stderr: TextSink;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** The version of opsplan, for outputs that name it. */
  version: string;
  /** The current time; the only clock commands may read (tests pin it). */
  now: Date;
  /** The command line as typed (for the report's About sheet). */
  argv: readonly string[];
}

/** Thrown by commands for usage/configuration problems (2) and output failures (3). */
export class ExitError extends Error {
  constructor(
    readonly exitCode: 2 | 3,
    message: string,
  ) {
    super(message);
    this.name = 'ExitError';
  }
}

/** Usage or configuration error: exit 2. */
export function usageError(message: string): ExitError {
  return new ExitError(2, message);
}

/** Decides whether to colour: --no-color and NO_COLOR win, then FORCE_COLOR, then the terminal. */
export function useColor(ctx: CliContext, flag: boolean | undefined, sink: TextSink = ctx.stdout): boolean {
  if (flag === false) return false;
  if (ctx.env.NO_COLOR !== undefined && ctx.env.NO_COLOR !== '') return false;
  if (ctx.env.FORCE_COLOR !== undefined && ctx.env.FORCE_COLOR !== '0') return true;
  return sink.isTTY === true;
}
