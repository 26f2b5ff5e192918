// Every command, registered in help order. A new command is one file and one entry here.
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { registerConsolidate } from './consolidate.js';
import { registerDiff } from './diff.js';
import { registerInit } from './init.js';
import { registerReport } from './report.js';
import { registerStock } from './stock.js';
import { registerValidate } from './validate.js';
import { registerVariance } from './variance.js';

/** Adds a command to the program; `setExit` raises the run's exit code. */
export type RegisterCommand = (program: Command, ctx: CliContext, setExit: (code: number) => void) => void;

/** The commands, in help order. */
export const COMMANDS: RegisterCommand[] = [
  registerValidate,
  registerInit,
  registerStock,
  registerVariance,
  registerConsolidate,
  registerReport,
  registerDiff,
];
