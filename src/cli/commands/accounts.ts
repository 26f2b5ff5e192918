// `opsplan accounts [WORKSPACE]`: key-account visits and coverage, with open complaints and
// SLA breaches from the service logs beside each plan.
import path from 'node:path';
import type { Command } from 'commander';
import { computeAccounts } from '../../domain/accounts.js';
import { renderCsv } from '../../render/csv.js';
import { renderReport } from '../../render/table.js';
import { accountsTable, accountsToJson, buildAccountsReport } from '../../report/accounts.js';
import { usageError, useColor } from '../context.js';
import type { CliContext } from '../context.js';
import { loadForCommand, reportLoadProblems, sharedLoadOptions } from '../load-for-command.js';
import type { SharedLoadFlags } from '../load-for-command.js';
import { writeFileAtomic } from '../write-output.js';
import { serviceAsOf, serviceInputOf } from './service.js';

const FORMATS = ['table', 'json', 'csv'] as const;

interface AccountsFlags extends SharedLoadFlags {
  asOf?: string;
  format: string;
  output?: string;
  color?: boolean;
}

/** Registers `accounts`. */
export function registerAccounts(program: Command, ctx: CliContext, setExit: (code: number) => void): void {
  const cmd = program
    .command('accounts')
    .description('key accounts: return visits planned, done, overdue and next due; coverage by tier and owner; open complaints and SLA breaches')
    .argument('[workspace]', 'workspace folder (default: .)')
    .option('--as-of <date>', 'judge visits and cases as of the end of this day YYYY-MM-DD in the company time zone (default: today); its fiscal year is shown')
    .option('-f, --format <format>', `output format: ${FORMATS.join(' | ')}`, 'table')
    .option('-o, --output <file>', 'write the output to FILE instead of stdout');
  sharedLoadOptions(cmd);
  cmd.action((workspace: string | undefined, flags: AccountsFlags) => {
    if (!(FORMATS as readonly string[]).includes(flags.format)) throw usageError(`unknown format "${flags.format}"; use one of ${FORMATS.join(', ')}`);
    const load = loadForCommand(ctx, workspace ? [workspace] : [], flags);
    const inputErrors = reportLoadProblems(ctx, load);
    const ws = load.result.workspace;
    if (!ws.company) throw usageError(`${load.displayRoot} has no valid opsplan.yaml; run opsplan validate ${load.displayRoot}`);
    const input = serviceInputOf(load, ws);
    const asOf = serviceAsOf(flags.asOf, ctx.now, input.zone);
    const result = computeAccounts(ws.accountPlans, input, asOf);
    let text: string;
    if (flags.format === 'json') text = accountsToJson(result);
    else if (flags.format === 'csv') text = renderCsv(accountsTable(result), 2);
    else text = renderReport(buildAccountsReport(result), { color: flags.output === undefined && useColor(ctx, flags.color) });
    if (flags.output) writeFileAtomic(path.resolve(ctx.cwd, flags.output), text, load.inputFiles);
    else ctx.stdout.write(text);
    setExit(inputErrors ? 1 : 0);
  });
}
