/**
 * The memory (MB) a worker may use for one file unless the config says otherwise
 * (`limits.workerHeapMB`): here on its own, so that the worker started before the command has
 * loaded (src/check/worker-ahead.ts) is made with it without loading the config's schemas.
 */
export const DEFAULT_WORKER_HEAP_MB = 768;
