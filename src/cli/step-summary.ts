// GitHub Actions' job summary: under GITHUB_ACTIONS=true, Markdown appended to the file named
// by GITHUB_STEP_SUMMARY is shown on the run's page.
import { appendFileSync } from 'node:fs';
import { ExitError } from './context.js';
import type { CliContext } from './context.js';

/** The step summary file to append to, or null outside GitHub Actions. */
export function stepSummaryFile(ctx: CliContext): string | null {
  if (ctx.env.GITHUB_ACTIONS !== 'true') return null;
  const file = ctx.env.GITHUB_STEP_SUMMARY;
  return file === undefined || file === '' ? null : file;
}

/** Appends Markdown to the step summary when there is one; a write failure is exit 3. */
export function appendStepSummary(ctx: CliContext, markdown: string): void {
  const file = stepSummaryFile(ctx);
  if (file === null) return;
  try {
    appendFileSync(file, markdown.endsWith('\n') ? markdown + '\n' : markdown + '\n\n');
  } catch (e) {
    throw new ExitError(3, `cannot append to the step summary GITHUB_STEP_SUMMARY=${file}: ${(e as Error).message}`);
  }
}
