import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Lang } from '../i18n/format.js';
import type { Io } from './io.js';
import { run } from './main.js';
import { t } from '../i18n/catalog.js';

/**
 * The example outputs of the READMEs, produced by running the commands they show. A block
 *
 *     <!-- example: ecsop check 运营表格/01-市场调研与选品.xlsx -->
 *     ```text
 *     …
 *     ```
 *
 * is filled with `$ <command>` and what the command printed, run in one scratch folder per
 * README in order (the first example writes the workbooks the next ones read), in the README's
 * language, at a fixed time. The test renders them again: a README's examples cannot drift.
 */
const BLOCK = /<!-- example: (.+?) -->\n```(\w*)\n[\s\S]*?```\n/g;

/** The words of a command line, with "quoted words" kept whole. */
function words(command: string): string[] {
  return [...command.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}

/** When the examples run: the SOP's campaign week, so time-based checks say the same every day. */
const NOW = '2024-05-21T12:00';
const TIMED = new Set(['check', 'score', 'lint', 'review', 'roi', 'freight', 'media']);

async function output(command: string, cwd: string, lang: Lang): Promise<string> {
  return (await runCommand(command, cwd, lang)).text;
}

/** Runs one README command line as the README's reader would, at the examples' fixed time. */
async function runCommand(command: string, cwd: string, lang: Lang): Promise<{ text: string; code: number }> {
  const argv = words(command).slice(1);
  if (TIMED.has(argv[0]) && !argv.includes('--now') && !argv.includes('--help')) argv.push('--now', NOW);
  let text = '';
  const io: Io = {
    stdout: (t) => { text += t; },
    stderr: (t) => { text += t; },
    cwd,
    env: { LANG: t(lang, 'lang.posix') },
    systemLocale: t(lang, 'lang.locale'),
    stdoutTTY: false,
    stderrTTY: false,
    readStdin: async () => '',
  };
  const code = await run(argv, io);
  return { text: text.replace(/\s+$/, ''), code };
}

const SHELL_BLOCK = /```sh\n([\s\S]*?)```/g;

/** A shared drive the README names (`/mnt/共享盘`), found in the scratch folder where the walk-through's workbooks are. */
const DRIVE = /"\/mnt\/[^/"]+\//;

/**
 * Every `ecsop` command of the README's shell blocks (the ones shown without their output: the
 * HTML report and annotated copies, the nightly check of a shared drive, `--version`), run after
 * the example blocks in the same scratch folder, as a reader following the README would. The
 * shared drive is that folder. Returns each with its exit code and what it printed.
 */
export async function tryCommands(readme: string, lang: Lang): Promise<Array<{ command: string; code: number; text: string }>> {
  const dir = mkdtempSync(join(tmpdir(), 'ecsop-readme-'));
  try {
    for (const m of readme.matchAll(BLOCK)) await output(m[1], dir, lang);
    const out: Array<{ command: string; code: number; text: string }> = [];
    for (const block of readme.matchAll(SHELL_BLOCK)) {
      for (const line of block[1].split('\n')) {
        const command = line.replace(/\s+#.*$/, '').trim();
        if (!command.startsWith('ecsop ')) continue;
        out.push({ command, ...(await runCommand(command.replace(DRIVE, '"./'), dir, lang)) });
      }
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A README with every example block filled by running its command. */
export async function renderExamples(readme: string, lang: Lang): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'ecsop-readme-'));
  try {
    let out = '';
    let at = 0;
    for (const m of readme.matchAll(BLOCK)) {
      out += readme.slice(at, m.index);
      const text = await output(m[1], dir, lang);
      out += `<!-- example: ${m[1]} -->\n\`\`\`${m[2]}\n$ ${m[1]}\n${text}\n\`\`\`\n`;
      at = m.index! + m[0].length;
    }
    return out + readme.slice(at);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Fills the examples of README.md (Chinese) and README.en.md (English). */
export async function renderReadmes(root: string): Promise<void> {
  for (const [file, lang] of [['README.md', 'zh'], ['README.en.md', 'en']] as const) {
    const path = join(root, file);
    writeFileSync(path, await renderExamples(readFileSync(path, 'utf8'), lang));
  }
}
