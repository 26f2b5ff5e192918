// The shape every command shares: `-f, --format NAME[=FILE]` checked against the command's
// format table, `-o, --output FILE` resolved against the folder the command runs in, the
// outputs written one way, and the one check that the workspace has a usable company file.
import path from 'node:path';
import { InvalidArgumentError, Option } from 'commander';
import type { Command } from 'commander';
import type { Company } from '../model/workspace.js';
import { usageError } from './context.js';
import type { CliContext } from './context.js';
import { noCompanyError } from './load-for-command.js';
import type { CommandLoad } from './load-for-command.js';
import { writeFileAtomic } from './write-output.js';

/** One requested output: a format and the absolute file it goes to (stdout when none). */
export interface OutputTarget<F extends string> {
  format: F;
  file?: string;
}

/** The format and output flags, as commander collects them. */
export interface OutputFlags {
  format: string[];
  output?: string;
}

const collect = (v: string, prev: string[]): string[] => [...prev, v];

/**
 * An option that may be given several times, collected into a list. The help shows
 * `defaultText` instead of commander's "(default: [])", the empty list it starts from.
 */
export function repeatableOption(flags: string, description: string, defaultText = 'none'): Option {
  return new Option(flags, description).argParser(collect).default([] as string[], defaultText);
}

/**
 * Adds `-f, --format` (repeatable; `name=FILE` writes that format to a file) and, unless the
 * command gives `--output` its own meaning, `-o, --output FILE`.
 */
export function addOutputOptions(cmd: Command, formats: readonly string[], options: { output?: string | false; files?: boolean } = {}): Command {
  const files = options.files !== false;
  cmd.addOption(repeatableOption('-f, --format <name>', `output format: ${formats.join(' | ')}${files ? '; name=FILE writes it to FILE, repeat for several' : ''}`, formats[0]!));
  if (options.output !== false) cmd.option('-o, --output <file>', options.output ?? 'write the output to FILE instead of stdout');
  return cmd;
}

/** Resolves an output path the user typed against the folder the command runs in. */
export function resolveOutputPath(ctx: CliContext, file: string): string {
  if (file.trim() === '') throw usageError('the output file name is empty; give --output FILE');
  return path.resolve(ctx.cwd, file);
}

/**
 * Checks `--format` against the command's table and pairs it with `--output`. At most one
 * format goes to stdout: two documents one after the other are neither of them. `defaults`
 * are used when no `--format` is given (the first format of the table unless said).
 */
export function resolveOutputs<F extends string>(ctx: CliContext, command: string, formats: readonly F[], flags: OutputFlags, options: { defaults?: F[]; files?: boolean } = {}): OutputTarget<F>[] {
  const targets: OutputTarget<F>[] = flags.format.map((value) => {
    const eq = options.files === false ? -1 : value.indexOf('=');
    const name = eq < 0 ? value : value.slice(0, eq);
    if (!(formats as readonly string[]).includes(name)) throw usageError(`unknown format "${name}" for ${command}; use one of ${formats.join(', ')}`);
    return eq < 0 ? { format: name as F } : { format: name as F, file: resolveOutputPath(ctx, value.slice(eq + 1)) };
  });
  const chosen = targets.length > 0;
  if (!chosen) targets.push(...(options.defaults ?? [formats[0]!]).map((format) => ({ format })));
  const open = targets.filter((t) => t.file === undefined);
  if (flags.output !== undefined) {
    if (open.length !== 1) throw usageError(open.length === 0 ? '--output has no format to apply to: every --format already names its file' : `--output is ambiguous with several formats; name each file with --format ${open[0]!.format}=FILE`);
    open[0]!.file = resolveOutputPath(ctx, flags.output);
  } else if (chosen && open.length > 1) {
    throw usageError(`several formats to standard output (${open.map((t) => t.format).join(', ')}) would print documents one after the other, which is none of them; write all but one to files: --format ${open[1]!.format}=FILE`);
  }
  const files = targets.flatMap((t) => (t.file === undefined ? [] : [t.file]));
  const twice = files.find((f, i) => files.indexOf(f) !== i);
  if (twice !== undefined) throw usageError(`two formats would be written to ${path.relative(ctx.cwd, twice) || twice}; give each its own file`);
  return targets;
}

/** What a renderer may return: text, bytes, or text in pieces (written as they come). */
export type OutputData = string | Uint8Array | Iterable<string>;

/**
 * Writes each output: to its file atomically (never over an input), or to stdout.
 * `render` is called once per output, so a format nobody asked for is never computed.
 * `inputs` may depend on the output (a generated file may be regenerated in its own format).
 */
export function writeOutputs<F extends string>(ctx: CliContext, targets: readonly OutputTarget<F>[], render: (target: OutputTarget<F>) => OutputData, inputs: readonly string[] | ((target: OutputTarget<F>) => readonly string[])): void {
  for (const target of targets) {
    const data = render(target);
    if (target.file !== undefined) writeFileAtomic(target.file, data, typeof inputs === 'function' ? inputs(target) : inputs);
    else if (typeof data === 'string' || data instanceof Uint8Array) ctx.stdout.write(typeof data === 'string' ? data : Buffer.from(data).toString('utf8'));
    else for (const piece of data) ctx.stdout.write(piece);
  }
}

/** The company file, or the one usage error every computing command gives without it. */
export function requireCompany(load: CommandLoad): Company {
  const company = load.result.workspace.company;
  if (!company) throw noCompanyError(load.displayRoot);
  return company;
}

/** The levels `--fail-on` takes on the commands whose findings are warn or critical. */
export const FAIL_LEVELS = ['warn', 'critical'] as const;

/** An option parser that accepts one of `allowed` (else commander's usage error, exit 2). */
export function oneOf<T extends string>(name: string, allowed: readonly T[]): (v: string) => T {
  return (v) => {
    if (!(allowed as readonly string[]).includes(v)) throw new InvalidArgumentError(`Use one of ${allowed.join(', ')}.`);
    return v as T;
  };
}
