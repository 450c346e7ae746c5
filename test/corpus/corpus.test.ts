import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { xlsx } from './build.js';
import { CASES } from './cases.js';
import { latinWords } from '../helpers/latin-words.js';

const run = promisify(execFile);
const bin = join(__dirname, '../../bin/ecsop.js');

interface Report {
  files: Array<{ path: string; status: string; sheets?: Array<{ name: string; rows: number }> }>;
  findings: Array<{ ruleId: string; file: string; sheet?: string; cell?: string; value?: unknown; message: string }>;
}

/** Every file and folder under `dir` with its size and time: what "nothing was written" compares. */
function snapshot(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let names: string[];
    try { names = readdirSync(d); } catch { return; }
    for (const n of names.sort()) {
      const p = join(d, n);
      const s = lstatSync(p);
      out.push(`${relative(dir, p)} ${s.size} ${s.mtimeMs}`);
      if (s.isDirectory()) walk(p);
    }
  };
  walk(dir);
  return out;
}

/** root reads every file: the permission cases are run as an ordinary user (nobody) when that user can run ecsop here. */
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const NOBODY = { uid: 65534, gid: 65534 };
const PERMISSION_CASES = new Set(['no-permission.xlsx', 'locked-folder']);

async function cli(args: string[], cwd: string, as: { uid?: number; gid?: number } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--max-old-space-size=256', bin, ...args], { cwd, maxBuffer: 1 << 26, env: { ...process.env, LANG: 'en_US.UTF-8', HOME: cwd }, ...as });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Whether nobody can read this checkout (decided before the tests are declared). */
function canDropRoot(): boolean {
  try {
    execFileSync(process.execPath, ['--version'], { ...NOBODY, stdio: 'ignore' });
    execFileSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(bin)}, require('fs').constants.R_OK); require('fs').accessSync(${JSON.stringify(join(__dirname, '../../dist/ecsop.js'))}, require('fs').constants.R_OK)`], { ...NOBODY, stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * The bad-input corpus in one run, as a nightly job would meet it: a folder of broken, hostile
 * and unusual files between two good ones. Each file becomes what its case says (a finding with
 * its reason, a clean read, or nothing), the good files are checked all the same, the report is
 * whole, and nothing in the folder is written.
 */
describe(`the bad-input corpus (${CASES.length} cases) in one run`, () => {
  let root: string;
  let dir: string;
  let before: string[];
  let json: { code: number; report: Report; stderr: string };
  let text: { code: number; stdout: string; stderr: string };
  /** the JSON report in Chinese */
  let zhReport: Report;
  /** as root, whether nobody can run ecsop from this checkout (a clone in a private folder cannot) */
  let nobodyRuns = false;
  const cases = CASES;

  beforeAll(async () => {
    if (!existsSync(join(__dirname, '../../dist/ecsop.js'))) throw new Error('run `npm run build` first (npm test does)');
    root = tempDir('ecsop-corpus-');
    chmodSync(root, 0o755);
    dir = join(root, 'drive');
    mkdirSync(dir, { mode: 0o755 });
    writeFileSync(join(dir, 'aa-good.xlsx'), xlsx());
    for (const c of cases) c.make(join(dir, c.file), dir);
    writeFileSync(join(dir, 'zz-good.csv'), '订单号,支付时间,收件人,电话,收件地址,商品,数量,金额,是否预售,买家备注,库存\r\n1,2024-05-20 09:12,*女士,13812345678,浙江省杭州市西湖区文三路90号,面膜,2,258,否,,120\r\n');
    // lower limits, so the limit cases stay small files
    writeFileSync(join(root, 'corpus.config.json'), JSON.stringify({ limits: { maxFileBytes: 2 * 1024 ** 2, maxPartBytes: 4 * 1024 ** 2, ratioFloorBytes: 1024 ** 2, maxStringChars: 200_000, maxRowBytes: 1024 ** 2, workerHeapMB: 256, fileSeconds: 60 } }));
    before = snapshot(root);
    if (isRoot) nobodyRuns = (await cli(['--version'], root, NOBODY)).code === 0;
    const as = isRoot && nobodyRuns ? NOBODY : {};
    const j = await cli(['check', 'drive', '--config', 'corpus.config.json', '--format', 'json', '--jobs', '4'], root, as);
    json = { code: j.code, report: JSON.parse(j.stdout) as Report, stderr: j.stderr };
    text = await cli(['check', 'drive', '--config', 'corpus.config.json', '--all', '--no-progress'], root, as);
    zhReport = JSON.parse((await cli(['check', 'drive', '--config', 'corpus.config.json', '--format', 'json', '--lang', 'zh'], root, as)).stdout) as Report;
  }, 120_000);

  afterAll(() => {
    // give back what chmod took, so the folder can be removed
    for (const c of cases) if (c.file.startsWith('no-permission') || c.file.startsWith('locked-folder')) try { chmodSync(join(dir, c.file), 0o755); } catch { /* gone */ }
  });

  it('the run ends with findings (exit 1), a whole JSON report, no stack trace', () => {
    expect(json.code).toBe(1);
    expect(json.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(text.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(text.code).toBe(1);
  });

  it('the good files before and after the bad ones were checked', () => {
    for (const name of ['aa-good.xlsx', 'zz-good.csv']) {
      const file = json.report.files.find((f) => f.path.endsWith(name));
      expect(file, name).toMatchObject({ status: 'ok' });
      expect(file!.sheets![0].rows, name).toBe(1);
    }
  });

  it('what a file or sheet could not be read for is said in one language: no English word in a Chinese message (its damage named in Chinese too)', () => {
    const refused = zhReport.findings.filter((f) => f.ruleId.startsWith('file/') || f.ruleId === 'sheet/unreadable');
    expect(refused.length).toBeGreaterThan(20);
    // a file's name, a part's (xl/sharedStrings.xml) and the system's error codes (ENOENT, EACCES) are shown as they are
    const said = (f: Report['findings'][number]) => f.message.split(f.file.split('/').pop()!).join('').replace(/[\w.-]+(?:\/[\w.-]+)+/g, '').replace(/\bE[A-Z]{3,}\b/g, '');
    const english = refused.map((f) => [f.file, f.message, latinWords(said(f))] as const).filter(([, , words]) => words.length);
    expect(english).toEqual([]);
  });

  it('nothing in the folder was written, moved or left behind', () => {
    expect(snapshot(root)).toEqual(before);
  });

  for (const c of CASES) {
    const title = `${c.file}: ${'finding' in c.expect ? `${c.expect.finding}${c.expect.reason ? ` (${c.expect.reason})` : ''}` : 'ok' in c.expect ? 'read' : 'passed over'}`;
    // as root, permissions mean nothing unless the run can be made as another user
    it.skipIf(PERMISSION_CASES.has(c.file) && isRoot && !canDropRoot())(title, () => {
      const path = (f: { path?: string; file?: string }) => (f.path ?? f.file ?? '').split('/').slice(1).join('/');
      const entry = json.report.files.find((f) => path(f) === c.file);
      const mine = json.report.findings.filter((f) => path(f) === c.file || (f.file ?? '').startsWith(`drive/${c.file}/`));
      const e = c.expect;
      if ('skipped' in e) {
        expect(entry, 'not in the report').toBeUndefined();
        return;
      }
      if ('ok' in e) {
        expect(entry, 'in the report').toBeDefined();
        expect(mine.filter((f) => f.ruleId.startsWith('file/') || f.ruleId.startsWith('sheet/unreadable'))).toEqual([]);
        if (e.rows !== undefined) expect(entry!.sheets?.reduce((n, s) => n + s.rows, 0)).toBe(e.rows);
        if (e.sheets !== undefined) expect(entry!.sheets).toHaveLength(e.sheets);
        return;
      }
      const found = mine.find((f) => f.ruleId === e.finding && (e.reason === undefined || f.value === e.reason));
      expect(found, `${e.finding} ${e.reason ?? ''} among ${JSON.stringify(mine.map((f) => [f.ruleId, f.value]))}`).toBeDefined();
      if (e.sheet) expect(found!.sheet).toBe(e.sheet);
      // the text report names the file (and the sheet) on the finding's line, on one line
      const line = text.stdout.split('\n').find((l) => l.includes(`[${e.finding}]`) && l.includes(c.file));
      expect(line, `a text line naming ${c.file}`).toBeDefined();
      if (e.sheet) expect(line).toContain(e.sheet);
      expect(line).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    });
  }

  afterAll(() => rmSync(root, { recursive: true, force: true }));
});
