import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The run's state folder (vitest.config.ts's ECSOP_STATE_DIR, named by this process) removed when every test file is done. */
export default function setup(): () => void {
  return () => rmSync(join(tmpdir(), `ecsop-test-state-${process.pid}`), { recursive: true, force: true });
}
