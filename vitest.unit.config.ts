// The unit tests of the pure layers (model, domain, load), without the render, workbook and
// bench tests nor the ones that import dist/: what `npm run mutate` runs against each mutant.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    exclude: ['test/unit/xlsx*.test.ts', 'test/unit/table.test.ts', 'test/unit/bench-smoke.test.ts', 'test/unit/parallel-load.test.ts'],
    testTimeout: 30000,
  },
});
