import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * The tests that run other programs (LibreOffice, chromium, npm, openpyxl's reading of our copies),
 * signals and child processes, zip bombs, the fuzzers and the big streamed runs: `npm run test:all`
 * runs them with the rest, and CI runs `test:all` (.ci/run). `npm test` runs the others, the quick
 * loop of a change (at most 45 s on the 2-core machine of docs/performance.md).
 */
export const SLOW = [
  'test/install.test.ts', 'test/demo.test.ts', 'test/fuzz/**/*.test.ts', 'test/browser/**/*.test.ts',
  'test/workbook/hostile.test.ts', 'test/workbook/write-copy.test.ts', 'test/workbook/differential.test.ts',
  'test/annotate/annotate.test.ts', 'test/report/streaming.test.ts', 'test/drive/watch*.test.ts', 'test/drive/cache.test.ts', 'test/drive/cache-journal.test.ts',
  'test/e2e/output-paths.test.ts', 'test/e2e/score.test.ts', 'test/e2e/score-shapes.test.ts', 'test/e2e/long-numbers.test.ts', 'test/e2e/init-check.test.ts',
  'test/corpus/corpus.test.ts', 'test/report/html.test.ts', 'test/cli/language.test.ts', 'test/e2e/check-folder.test.ts', 'test/workbook/safe-write.test.ts',
  'test/docs-readme.test.ts', 'test/report/text-all.test.ts', 'test/cli/exit-codes.test.ts', 'test/generated-workbooks.test.ts', 'test/workbook/xml-conformance.test.ts', 'test/i18n/placeholders.test.ts', 'test/annotate/print-setup.test.ts', 'test/report/junit-schema.test.ts', 'test/workbook/sheet-thread.test.ts', 'test/report/text-counted.test.ts', 'test/report/all-spooled-table.test.ts',
];

// Test files share their workers' module cache (isolate: false): ecsop's modules keep no state a
// test could leak (caches are of pure results), and re-importing them for each of ~80 files was
// half of the run. Threads start faster than forks. At least two workers even on a 2-core machine
// (vitest's default there is one): many tests wait on a child process (the CLI, npm, LibreOffice,
// chromium), and a second worker runs other files meanwhile.
// ECSOP_STATE_DIR: the log of files ecsop wrote (src/workbook/written-log.ts) kept out of the user's home
export default defineConfig({
  test: {
    // the folders a test file made with tempDir removed when it is done (test/helpers/temp-cleanup.ts)
    setupFiles: ['test/helpers/temp-cleanup.ts'],
    globalSetup: ['test/helpers/state-dir-teardown.ts'],
    env: { ECSOP_STATE_DIR: join(tmpdir(), `ecsop-test-state-${process.pid}`) }, testTimeout: 60_000, hookTimeout: 60_000, pool: 'threads', isolate: false, maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      { extends: true, test: { name: 'quick', include: ['test/**/*.test.ts'], exclude: SLOW } },
      { extends: true, test: { name: 'slow', include: SLOW } },
    ],
  },
});
