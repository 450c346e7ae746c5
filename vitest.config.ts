import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// Test files share their workers' module cache (isolate: false): ecsop's modules keep no state a
// test could leak (caches are of pure results), and re-importing them for each of ~80 files was
// half of the run. Threads start faster than forks. At least two workers even on a 2-core machine
// (vitest's default there is one): many tests wait on a child process (the CLI, npm, LibreOffice,
// chromium), and a second worker runs other files meanwhile.
// ECSOP_STATE_DIR: the log of files ecsop wrote (src/workbook/written-log.ts) kept out of the user's home
export default defineConfig({
  test: { env: { ECSOP_STATE_DIR: join(tmpdir(), `ecsop-test-state-${process.pid}`) }, include: ['test/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000, pool: 'threads', isolate: false, maxWorkers: Math.max(2, availableParallelism() - 1) },
});
