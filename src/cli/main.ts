// The CLI core: handed argv, environment and streams, returns an exit code. Only this layer
// knows about exit codes; bin/opsplan just sets process.exitCode.
import { Command, CommanderError } from 'commander';
import { ExitError } from './context.js';
import type { CliContext } from './context.js';
import { COMMANDS } from './commands/index.js';
import { readVersion } from './version.js';

/** Exit codes, documented in the README. */
export const EXIT = { ok: 0, findings: 1, usage: 2, output: 3, internal: 4 } as const;

/** Runs opsplan with the given arguments (without `node` and the script) and world. */
export async function main(args: readonly string[], world: Omit<CliContext, 'version' | 'argv'>): Promise<number> {
  const ctx: CliContext = { ...world, version: readVersion(), argv: args };
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
  for (const register of COMMANDS) register(program, ctx, setExit);
  for (const cmd of program.commands) {
    cmd.exitOverride();
    cmd.configureOutput({ writeOut: (s) => ctx.stdout.write(s), writeErr: (s) => ctx.stderr.write(s) });
  }
  try {
    await program.parseAsync([...args], { from: 'user' });
    if (args.length === 0) {
      ctx.stdout.write(program.helpInformation());
    }
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      if (e.exitCode === 0) return EXIT.ok;
      return EXIT.usage;
    }
    if (e instanceof ExitError) {
      ctx.stderr.write(`opsplan: ${e.message}\n`);
      return e.exitCode;
    }
    throw e;
  }
}

/** Entry point for bin/opsplan: the real process world. */
export async function runCli(): Promise<number> {
  // A reader that stops early (`opsplan stock ... | head`) closes the pipe: the rest of the
  // output is dropped, quietly, and the command still ends with its own exit code, instead
  // of crashing on an unhandled EPIPE. Other stream errors stay errors.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE' && e.code !== 'ERR_STREAM_DESTROYED') throw e;
    });
  }
  try {
    return await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), now: new Date() });
  } catch (e) {
    // A bug or an I/O failure, never a user mistake: say so plainly.
    const err = e as NodeJS.ErrnoException;
    process.stderr.write(`opsplan: internal error: ${err?.stack ?? String(e)}\nPlease report this with the command you ran.\n`);
    return EXIT.internal;
  }
}
