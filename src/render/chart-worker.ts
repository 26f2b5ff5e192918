// Draws charts on a worker thread, so that the report's workbook is written on the main
// thread while vega lays the charts out and resvg rasterises them: on two cores the charts
// (about a second at the L benchmark) then cost almost no wall time.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { ChartData } from '../report/monthly-report.js';
import { renderCharts } from './chart.js';
import type { ChartImage, ChartOptions } from './chart.js';

const WORKER_URL = new URL(import.meta.url);

/** Marks this module's own workers, so importing it in any other worker starts nothing. */
const ROLE = 'opsplan-charts';

interface Input {
  role: typeof ROLE;
  charts: ChartData[];
  options: ChartOptions;
}

type Output = { images: ChartImage[] } | { error: string };

/** Charts being drawn; `cancel` stops the worker (the workbook failed and will not wait). */
export interface BackgroundCharts {
  images: Promise<ChartImage[]>;
  cancel(): void;
}

/**
 * Renders charts on a worker thread; `images` resolves with the same images renderCharts
 * gives. Where no compiled worker exists (tests running the TypeScript sources) they are
 * drawn on this thread.
 */
export function renderChartsInBackground(charts: readonly ChartData[], options: ChartOptions): BackgroundCharts {
  if (charts.length === 0) return { images: Promise.resolve([]), cancel: () => undefined };
  if (!import.meta.url.endsWith('.js') || !existsSync(fileURLToPath(WORKER_URL))) return { images: renderCharts(charts, options), cancel: () => undefined };
  const worker = new Worker(WORKER_URL, { workerData: { role: ROLE, charts: [...charts], options } satisfies Input });
  const images = new Promise<ChartImage[]>((resolve, reject) => {
    let settled = false;
    worker.once('message', (m: Output) => {
      settled = true;
      if ('error' in m) reject(new Error(`chart worker failed: ${m.error}`));
      else resolve(m.images);
    });
    worker.once('error', (e) => {
      settled = true;
      reject(e);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`chart worker exited with code ${code} before answering`));
    });
  });
  return { images, cancel: () => void worker.terminate() };
}

if (!isMainThread && parentPort && (workerData as Partial<Input> | null)?.role === ROLE) {
  const port = parentPort;
  const input = workerData as Input;
  renderCharts(input.charts, input.options).then(
    (images) => port.postMessage({ images } satisfies Output, images.map((i) => i.png.buffer as ArrayBuffer)),
    (e: unknown) => port.postMessage({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies Output),
  );
}
