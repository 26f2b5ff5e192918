// `--lang en|zh-CN` for the commands that print tables, and the terminal rendering in that
// language. Kept out of command-shape.ts so that commands without tables (validate, init) do
// not load the zh-CN catalogue at start-up.
import type { Command } from 'commander';
import { renderReport } from '../render/table.js';
import type { TableRenderOptions } from '../render/table.js';
import { emptyTableText, LANGS, translateReport } from '../report/i18n.js';
import type { Lang } from '../report/i18n.js';
import type { Report } from '../report/model.js';
import { oneOf } from './command-shape.js';
import { usageError } from './context.js';
import type { CliContext } from './context.js';

/** What `--lang` is described as on the commands that print tables. */
const LANG_HELP = `language of the table output: ${LANGS.join(' | ')} (json and csv keep English keys, headers and codes; default: OPSPLAN_LANG, else en)`;

/** Adds `--lang en|zh-CN` (no commander default, so OPSPLAN_LANG can supply one: see resolveLang). */
export function addLangOption(cmd: Command, description = LANG_HELP): Command {
  return cmd.option('--lang <lang>', description, oneOf('--lang', LANGS));
}

/**
 * The language of a run: `--lang`, else the environment's OPSPLAN_LANG (checked like the
 * option: anything else is exit 2, never a silent English), else English.
 */
export function resolveLang(ctx: CliContext, flag: Lang | undefined): Lang {
  if (flag !== undefined) return flag;
  const env = ctx.env.OPSPLAN_LANG;
  if (env === undefined || env === '') return 'en';
  if (!(LANGS as readonly string[]).includes(env)) throw usageError(`OPSPLAN_LANG takes ${LANGS.join(' or ')}, got "${env}"`);
  return env as Lang;
}

/** A report as terminal tables in a language: translated once, then drawn (CJK text takes two columns a character). */
export function renderTerminal(report: Report, lang: Lang, options: TableRenderOptions): string {
  return renderReport(translateReport(report, lang), { ...options, none: emptyTableText(lang) });
}
