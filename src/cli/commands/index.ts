// Every command, in help order. A new command is one file, its name in ../command-names.ts and
// its loader here. Each loads its module on demand: a run imports only the command it runs (and none for
// --version), so the workbook writer, the charts and the domain of other commands never
// cost start-up time (issue 12: `opsplan --version` took 0.43 s against 0.11 s for node -e 0).
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { COMMAND_NAMES } from '../command-names.js';
import type { CommandName } from '../command-names.js';

/** Adds a command to the program; `setExit` raises the run's exit code. */
export type RegisterCommand = (program: Command, ctx: CliContext, setExit: (code: number) => void) => void;

/** A command's name and how to load its registration. */
export interface CommandEntry {
  name: string;
  load: () => Promise<RegisterCommand>;
}

/** Each command's loader (a command missing here fails the typecheck). */
const LOADERS: Record<CommandName, () => Promise<RegisterCommand>> = {
  validate: async () => (await import('./validate.js')).registerValidate,
  init: async () => (await import('./init.js')).registerInit,
  stock: async () => (await import('./stock.js')).registerStock,
  mrp: async () => (await import('./mrp.js')).registerMrp,
  production: async () => (await import('./production.js')).registerProduction,
  variance: async () => (await import('./variance.js')).registerVariance,
  consolidate: async () => (await import('./consolidate.js')).registerConsolidate,
  service: async () => (await import('./service.js')).registerService,
  accounts: async () => (await import('./accounts.js')).registerAccounts,
  report: async () => (await import('./report.js')).registerReport,
  kpi: async () => (await import('./kpi.js')).registerKpi,
  diff: async () => (await import('./diff.js')).registerDiff,
  quality: async () => (await import('./quality.js')).registerQuality,
  equipment: async () => (await import('./equipment.js')).registerEquipment,
  safety: async () => (await import('./safety.js')).registerSafety,
  suppliers: async () => (await import('./suppliers.js')).registerSuppliers,
};

/** The commands, in help order. */
export const COMMANDS: CommandEntry[] = COMMAND_NAMES.map((name) => ({ name, load: LOADERS[name] }));

/**
 * The commands a run needs: none for a bare --version, the one named by the first
 * argument, or all of them (help, a mistyped command, no arguments).
 */
export function commandsFor(args: readonly string[]): CommandEntry[] {
  const first = args[0];
  if (args.length === 1 && (first === '-V' || first === '--version')) return [];
  const named = COMMANDS.find((c) => c.name === first);
  return named ? [named] : COMMANDS;
}
