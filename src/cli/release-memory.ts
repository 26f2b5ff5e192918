// A full garbage collection at a phase boundary of a long run. V8 collects the old
// generation when its own heuristics say so, which on a large workspace can be long after
// the loaded documents became unreachable: `report` then holds the workspace, the domain
// results and the sheets at once (1.6 GB peak on the 1,000-department benchmark). One
// collection right after the workspace is dropped keeps the peak to what is really alive.
// `gc` is only exposed to contexts created after --expose-gc is set, hence the new context.
import v8 from 'node:v8';
import vm from 'node:vm';

let collect: (() => void) | null | undefined;

/** Runs a full collection now (a no-op where the runtime does not allow it). */
export function releaseMemory(): void {
  if (collect === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      collect = vm.runInNewContext('gc') as () => void;
      // Later contexts need not see it.
      v8.setFlagsFromString('--no-expose-gc');
    } catch {
      collect = null;
    }
  }
  collect?.();
}
