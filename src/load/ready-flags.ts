// The states of a file in parallel loading's shared `ready` array, read by the main thread
// (parallel-load.ts) and by the workers (load-worker.ts) alike. Kept apart from both: the
// main thread must not import the worker module (it would load node:worker_threads at start-up).

/** The main thread has not read the file yet. */
export const PENDING = 0;
/** The file's bytes are in place. */
export const READY = 1;
/** The threads leave the file alone (it changed while being read, or reading failed). */
export const SKIP = 2;
