// `opsplan accounts [WORKSPACE]`: key-account visits and coverage, with open complaints and
// SLA breaches from the service logs beside each plan.
import type { Command } from 'commander';
import { computeAccounts } from '../../domain/accounts.js';
import { renderCsv } from '../../render/csv.js';
import { accountsTable, accountsToJson, buildAccountsReport } from '../../report/accounts.js';
import { addOutputOptions, resolveOutputs, writeOutputs } from '../command-shape.js';
import { addLangOption, renderTerminal, resolveLang } from '../lang-option.js';
import type { OutputFlags } from '../command-shape.js';
import type { Lang } from '../../report/i18n.js';
import { useColor } from '../context.js';
import type { CliContext } from '../context.js';
import { sharedLoadOptions } from '../load-for-command.js';
import type { SharedLoadFlags } from '../load-for-command.js';
import { loadServiceCommand } from './service.js';

const FORMATS = ['table', 'json', 'csv'] as const;

interface AccountsFlags extends SharedLoadFlags, OutputFlags {
  asOf?: string;
  color?: boolean;
  lang?: Lang;
}

/** Registers `accounts`. */
export function registerAccounts(program: Command, ctx: CliContext, setExit: (code: number) => void): void {
  const cmd = program
    .command('accounts')
    .description('key accounts: return visits planned, done, overdue and next due; coverage by tier and owner; open complaints and SLA breaches')
    .argument('[workspace]', 'workspace folder (default: .)')
    .option('--as-of <date>', 'judge visits and cases as of the end of this day YYYY-MM-DD in the company time zone (default: today); its fiscal year is shown');
  addOutputOptions(cmd, FORMATS);
  addLangOption(cmd);
  sharedLoadOptions(cmd);
  cmd.action((workspace: string | undefined, flags: AccountsFlags) => {
    const outputs = resolveOutputs(ctx, 'accounts', FORMATS, flags);
    const lang = resolveLang(ctx, flags.lang);
    const { load, ws, input, asOf, inputErrors } = loadServiceCommand(ctx, workspace, flags);
    const result = computeAccounts(ws.accountPlans, input, asOf);
    writeOutputs(ctx, outputs, ({ format, file }) => {
      if (format === 'json') return accountsToJson(result);
      if (format === 'csv') return renderCsv(accountsTable(result), 2);
      return renderTerminal(buildAccountsReport(result), lang, { color: file === undefined && useColor(ctx, flags.color) });
    }, load.inputFiles);
    setExit(inputErrors ? 1 : 0);
  });
}
