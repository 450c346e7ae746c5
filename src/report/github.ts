import { escapeControls } from './layout.js';
import type { Totals } from './totals.js';
import type { Finding } from './types.js';
import type { Out, ReportWriter } from './writer.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'notice' } as const;
// line breaks as the workflow commands encode them; every other control character (ESC …) shown as an escape
const escData = (s: string) => escapeControls(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
const escProp = (s: string) => escData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** One GitHub Actions workflow annotation (`::error file=…,title=rule cell::message`). */
export function annotation(f: Finding): string {
  const where = [f.sheet, f.cell].filter(Boolean).join('!');
  const title = `${f.ruleId}${where ? ` ${where}` : ''}`;
  // GitHub names files with `/`, also for a run on Windows
  return `::${LEVEL[f.severity]} file=${escProp(f.file.replace(/\\/g, '/'))},title=${escProp(title)}::${escData(f.message)}\n`;
}

/** `--format github`: one annotation per finding, written as it comes. */
export class GithubWriter implements ReportWriter {
  constructor(private readonly out: Out) {}
  finding(f: Finding): void { this.out.write(annotation(f)); }
  record(): void {}
  fileDone(): void {}
  filesDone(): void {}
  async end(_totals: Totals): Promise<void> {}
}
