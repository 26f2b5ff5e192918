// How dist/validators.cjs (the precompiled schema validators) is loaded: CommonJS `require`
// unless the CLI passes a loader with a V8 code cache (src/cli/code-cache.ts). A module of
// its own, without imports of ours, so that setting it costs `opsplan --version` nothing.
import { createRequire } from 'node:module';

/** Loads a CommonJS file and returns its exports. */
export type StandaloneLoader = (file: string) => unknown;

let loader: StandaloneLoader = (file) => createRequire(import.meta.url)(file);

/** Sets how the precompiled validators are loaded. */
export function useStandaloneLoader(next: StandaloneLoader): void {
  loader = next;
}

/** Loads the precompiled validators' file with the current loader. */
export function loadStandalone(file: string): unknown {
  return loader(file);
}
