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
  /** Over several rounds: the lowest and highest time ratio (the median is `timeRatio`). */
  ratioSpread?: [number, number] | null;
  /** What the ratios are taken against. */
  base?: string;
  rounds?: number;
}

/** The median of the numbers (mean of the middle two for an even count); null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const v = [...values].sort((a, b) => a - b);
  const mid = v.length >> 1;
  return v.length % 2 === 1 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}

/**
 * Summarises interleaved rounds: each round's ratio is taken against its own base row (the
 * floor, or node -e 0 for start-up), so a machine that slows down between rounds moves the
 * contender and its base together; then the median ratio and its spread over the rounds.
 */
export function summarizeRounds(rounds: readonly (readonly BenchRow[])[], baseOf: (name: string) => string): RatedRow[] {
  const names = [...new Set(rounds.flatMap((r) => r.map((x) => x.name)))];
  return names.map((name) => {
    const base = baseOf(name);
    const mine = rounds.map((r) => r.find((x) => x.name === name)).filter((x): x is BenchRow => x !== undefined);
    const timeRatios: number[] = [];
    const rssRatios: number[] = [];
    for (const round of rounds) {
      const row = round.find((x) => x.name === name);
      const b = round.find((x) => x.name === base);
      const t = ratio(row?.wallSeconds ?? null, b?.wallSeconds ?? null);
      const m = ratio(row?.peakRssMiB ?? null, b?.peakRssMiB ?? null);
      if (t !== null) timeRatios.push(t);
      if (m !== null) rssRatios.push(m);
    }
    const walls = mine.flatMap((x) => (x.wallSeconds === null ? [] : [x.wallSeconds]));
    const rss = mine.flatMap((x) => (x.peakRssMiB === null ? [] : [x.peakRssMiB]));
    const last = mine[mine.length - 1]!;
    const exit = mine.find((x) => x.exitCode !== 0)?.exitCode ?? last.exitCode;
    return {
      ...last,
      exitCode: exit,
      wallSeconds: median(walls),
      peakRssMiB: median(rss),
      timeRatio: median(timeRatios),
      rssRatio: median(rssRatios),
      ratioSpread: timeRatios.length > 0 ? [Math.min(...timeRatios), Math.max(...timeRatios)] : null,
      base,
      rounds: walls.length,
    };
  });
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
  const head = ['command', 'wall s', 'peak RSS MiB', 'time / base', 'spread', 'RSS / base', 'base', 'exit', 'note'];
  const body = rows.map((r) => [
    r.name,
    fixed(r.wallSeconds, 2),
    fixed(r.peakRssMiB, 0),
    r.timeRatio === null ? 'n/a' : `${r.timeRatio.toFixed(2)}x`,
    r.ratioSpread ? `${r.ratioSpread[0].toFixed(2)}-${r.ratioSpread[1].toFixed(2)}x` : 'n/a',
    r.rssRatio === null ? 'n/a' : `${r.rssRatio.toFixed(2)}x`,
    r.base ?? 'floor',
    r.exitCode === null ? '-' : String(r.exitCode),
    r.note,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const numeric = [false, true, true, true, true, true, false, true, false];
  const line = (cells: string[]): string => '| ' + cells.map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ') + ' |';
  const rule = '|' + widths.map((w, i) => (numeric[i] ? '-'.repeat(w + 1) + ':' : '-'.repeat(w + 2))).join('|') + '|';
  return [line(head), rule, ...body.map(line)].join('\n') + '\n';
}
