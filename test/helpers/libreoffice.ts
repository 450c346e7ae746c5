import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { tempDir } from './cli.js';

/**
 * Opens a file in LibreOffice (Debian's libreoffice-calc-nogui, headless) the way a user opens it
 * — a CSV as UTF-8 with commas, formulas evaluated — saves it as .xlsx and reads every cell back
 * with openpyxl: its shown value and whether it is text. `.ci/run` installs LibreOffice; a machine
 * without it skips these tests (CI never does: `CI` makes them required).
 */
export const hasLibreOffice = spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;
export const libreofficeTests = hasLibreOffice || Boolean(process.env.CI);

export interface ShownCell { value: string | number | null; text: boolean }

export function openInLibreOffice(path: string): ShownCell[][] {
  const out = tempDir('ecsop-lo-');
  const profile = tempDir('ecsop-lo-profile-');
  const args = [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'xlsx', '--outdir', out, path];
  if (/\.csv$/i.test(path)) args.splice(2, 0, '--infilter=CSV:44,34,76,1');
  const lo = spawnSync('soffice', args, { encoding: 'utf8', timeout: 120_000 });
  const made = readdirSync(out).find((f) => f.startsWith(basename(path).replace(/\.[^.]+$/, '')));
  if (!made) throw new Error(`LibreOffice did not convert ${path}: ${lo.stderr || lo.error?.message}`);
  const py = spawnSync('/usr/bin/python3', ['-c', `
import json, sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1], data_only=True).active
json.dump([[{'value': c.value if isinstance(c.value, (str, int, float)) or c.value is None else str(c.value), 'text': c.data_type == 's'} for c in row] for row in ws.iter_rows()], sys.stdout, ensure_ascii=False)
`, join(out, made)], { encoding: 'utf8' });
  if (py.status !== 0) throw new Error(`openpyxl could not read LibreOffice's copy: ${py.stderr}`);
  return JSON.parse(py.stdout) as ShownCell[][];
}
