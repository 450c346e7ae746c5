import { cpSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../..');

/**
 * An install of ecsop of its own, for a test that changes it (a bundle edited, a file beside it
 * damaged): bin, dist (without source maps and the scripts' bundles) and package.json copied under
 * the repository's node_modules/.cache, so that node_modules is found from the folder above it.
 * The caller removes it (`rmSync(install, { recursive: true, force: true })`).
 */
export function installOfItsOwn(name: string): string {
  const install = join(root, 'node_modules', '.cache', `ecsop-${name}-${process.pid}`);
  cpSync(join(root, 'bin'), join(install, 'bin'), { recursive: true });
  cpSync(join(root, 'dist'), join(install, 'dist'), { recursive: true, filter: (f) => !f.endsWith('.map') && !/(generate|readme|bench)\.js$/.test(f) });
  cpSync(join(root, 'package.json'), join(install, 'package.json'));
  return install;
}
