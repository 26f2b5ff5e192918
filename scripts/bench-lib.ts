// Pure pieces of the benchmark harness (scripts/bench.ts), kept apart so the smoke test can
// check them without running the benchmark.

/** One measured (or skipped) child process. */
export interface BenchRow {
  name: string;
  /** The command line as run, for the record. */
  command: string;
  wallSeconds: number | null;
  peakRssMiB: number | null;
  exitCode: number | null;
  /** Why a row has no numbers, or what the child reported. */
  note: string;
}

/** A row with its ratios to the floor. */
export interface RatedRow extends BenchRow {
  timeRatio: number | null;
  rssRatio: number | null;
}

/** Peak RSS in KiB from GNU time's `-v` report, or null when absent. */
export function parseTimeVerbose(text: string): { maxRssKiB: number | null; exitStatus: number | null } {
  const rss = /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(text);
  const exit = /Exit status:\s*(\d+)/.exec(text);
  return { maxRssKiB: rss ? Number(rss[1]) : null, exitStatus: exit ? Number(exit[1]) : null };
}

/** value / base, or null when either is missing or the base is not positive. */
export function ratio(value: number | null, base: number | null): number | null {
  if (value === null || base === null || !(base > 0)) return null;
  return value / base;
}

/** Adds the ratios of every row to the row named `floorName`. */
export function rateRows(rows: BenchRow[], floorName: string): RatedRow[] {
  const floor = rows.find((r) => r.name === floorName);
  return rows.map((r) => ({ ...r, timeRatio: ratio(r.wallSeconds, floor?.wallSeconds ?? null), rssRatio: ratio(r.peakRssMiB, floor?.peakRssMiB ?? null) }));
}

const fixed = (v: number | null, digits: number): string => (v === null ? 'n/a' : v.toFixed(digits));

/** A plain Markdown table (it reads well in a terminal and pastes into the README). */
export function formatTable(rows: RatedRow[]): string {
  const head = ['command', 'wall s', 'peak RSS MiB', 'time / floor', 'RSS / floor', 'exit', 'note'];
  const body = rows.map((r) => [
    r.name,
    fixed(r.wallSeconds, 2),
    fixed(r.peakRssMiB, 0),
    r.timeRatio === null ? 'n/a' : `${r.timeRatio.toFixed(2)}x`,
    r.rssRatio === null ? 'n/a' : `${r.rssRatio.toFixed(2)}x`,
    r.exitCode === null ? '-' : String(r.exitCode),
    r.note,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const numeric = [false, true, true, true, true, true, false];
  const line = (cells: string[]): string => '| ' + cells.map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ') + ' |';
  const rule = '|' + widths.map((w, i) => (numeric[i] ? '-'.repeat(w + 1) + ':' : '-'.repeat(w + 2))).join('|') + '|';
  return [line(head), rule, ...body.map(line)].join('\n') + '\n';
}
