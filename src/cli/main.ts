// The CLI core: handed argv, environment and streams, returns an exit code. Only this layer
// knows about exit codes; bin/opsplan just sets process.exitCode.
import { Command, CommanderError } from 'commander';
import { useStandaloneLoader } from '../load/standalone-loader.js';
import type { StandaloneLoader } from '../load/standalone-loader.js';
import { ExitError } from './context.js';
import type { CliContext, TextSink } from './context.js';
import { commandsFor } from './commands/index.js';
import { describeIoError, isIoError } from './io-errors.js';
import { EXIT, watchProcessStreams } from './process-streams.js';
import { readVersion } from './version.js';

export { EXIT };

/** Runs opsplan with the given arguments (without `node` and the script) and world. */
export async function main(args: readonly string[], world: Omit<CliContext, 'version' | 'argv'>): Promise<number> {
  const ctx: CliContext = { ...world, stdout: guardSink(world.stdout, 'standard output'), stderr: guardSink(world.stderr, 'standard error'), version: readVersion(), argv: args };
  let exitCode: number = EXIT.ok;
  const setExit = (code: number): void => {
    exitCode = Math.max(exitCode, code);
  };
  const program = new Command('opsplan')
    .description('Operations plans, budgets, variance and stock over plain YAML files')
    .version(ctx.version, '-V, --version')
    .showHelpAfterError('(run opsplan --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => ctx.stdout.write(s), writeErr: (s) => ctx.stderr.write(s) });
  for (const entry of commandsFor(args)) (await entry.load())(program, ctx, setExit);
  // commander's own usage errors read like opsplan's ("opsplan: ...") and point at the help of
  // the command that was mistyped, not the top-level one.
  const outputError = (s: string, write: (text: string) => void): void => write(s.replace(/^error: /, 'opsplan: '));
  program.configureOutput({ writeOut: (s) => ctx.stdout.write(s), writeErr: (s) => ctx.stderr.write(s), outputError });
  for (const cmd of program.commands) {
    cmd.exitOverride();
    cmd.showHelpAfterError(`(run opsplan ${cmd.name()} --help for usage)`);
    cmd.configureOutput({ writeOut: (s) => ctx.stdout.write(s), writeErr: (s) => ctx.stderr.write(s), outputError });
  }
  try {
    await program.parseAsync([...args], { from: 'user' });
    if (args.length === 0) {
      ctx.stdout.write(program.helpInformation());
    }
    return exitCode;
  } catch (e) {
    return exitCodeOf(e, ctx.stderr);
  }
}

/**
 * The one mapping from a failure to an exit code: commander's usage errors 2, ExitError its
 * own code, a file-system or stream failure 3 (in words, never a stack trace), anything else
 * is a bug: 4 with the stack.
 */
function exitCodeOf(e: unknown, stderr: TextSink): number {
  // When stderr itself is what failed, the code is all that is left to say it.
  const say = (text: string): void => {
    try {
      stderr.write(text);
    } catch {
      /* stderr is gone */
    }
  };
  if (e instanceof CommanderError) {
    // --help and --version end through here with exit code 0.
    return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (e instanceof ExitError) {
    say(`opsplan: ${e.message}\n`);
    return e.exitCode;
  }
  if (isIoError(e)) {
    say(`opsplan: cannot ${e.syscall === 'read' || e.syscall === 'open' || e.syscall === 'scandir' ? 'read' : 'write'}${e.path ? ` ${e.path}` : ''}: ${describeIoError(e)}\n`);
    return EXIT.output;
  }
  const err = e as Error | undefined;
  say(`opsplan: internal error: ${err?.stack ?? String(e)}\nPlease report this with the command you ran.\n`);
  return EXIT.internal;
}

/**
 * A sink whose failures (a full disk behind `> file`, a closed descriptor) become exit 3
 * with the reason in words, wherever in a command the write happens.
 */
function guardSink(sink: TextSink, name: string): TextSink {
  return {
    isTTY: sink.isTTY,
    write(chunk: string): unknown {
      try {
        return sink.write(chunk);
      } catch (e) {
        if (e instanceof ExitError) throw e;
        throw new ExitError(3, `cannot write ${name}: ${describeIoError(e)}`);
      }
    },
  };
}

/**
 * Entry point for bin/opsplan (through boot.ts): the real process world. `loadValidators`
 * loads the precompiled schema validators (boot passes one with a V8 code cache).
 */
export async function runCli(loadValidators?: StandaloneLoader): Promise<number> {
  const finalCode = watchProcessStreams();
  if (loadValidators) useStandaloneLoader(loadValidators);
  return finalCode(await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), now: new Date() }));
}
