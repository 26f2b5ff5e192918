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

interface Input {
  charts: ChartData[];
  options: ChartOptions;
}

type Output = { images: ChartImage[] } | { error: string };

/**
 * Renders charts on a worker thread and resolves with the same images renderCharts gives.
 * Where no compiled worker exists (tests running the TypeScript sources) they are drawn here.
 */
export function renderChartsInBackground(charts: readonly ChartData[], options: ChartOptions): Promise<ChartImage[]> {
  if (charts.length === 0) return Promise.resolve([]);
  if (!import.meta.url.endsWith('.js') || !existsSync(fileURLToPath(WORKER_URL))) return renderCharts(charts, options);
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, { workerData: { charts: [...charts], options } satisfies Input });
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
}

if (!isMainThread && parentPort && workerData) {
  const port = parentPort;
  const input = workerData as Input;
  renderCharts(input.charts, input.options).then(
    (images) => port.postMessage({ images } satisfies Output, images.map((i) => i.png.buffer as ArrayBuffer)),
    (e: unknown) => port.postMessage({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies Output),
  );
}
