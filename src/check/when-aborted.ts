/**
 * Calls `fn` once when `signal` aborts, and at once when it has already: a listener added after
 * the abort is never called, and a Ctrl-C that came before a command reached its checks went
 * unheard (outsider helper-33: `review --write --queue` wrote both and exited 0). Returns what
 * takes the listener off again.
 */
export function whenAborted(signal: AbortSignal | undefined, fn: () => void): () => void {
  if (!signal) return () => {};
  if (signal.aborted) {
    fn();
    return () => {};
  }
  signal.addEventListener('abort', fn, { once: true });
  return () => signal.removeEventListener('abort', fn);
}

/** Waits `ms`, or until `signal` aborts (a pause in the middle of a run ends with Ctrl-C). */
export function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    const off = whenAborted(signal, done);
    function done() { clearTimeout(timer); off(); resolve(); }
  });
}
