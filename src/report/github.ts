import type { CheckReport } from './types.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'notice' } as const;
const escData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escProp = (s: string) => escData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** `--format github`: GitHub Actions workflow annotations, one line per finding. */
export function formatGithub(report: CheckReport): string {
  return report.findings
    .map((f) => {
      const where = [f.sheet, f.cell].filter(Boolean).join('!');
      const title = `${f.ruleId}${where ? ` ${where}` : ''}`;
      return `::${LEVEL[f.severity]} file=${escProp(f.file)},title=${escProp(title)}::${escData(f.message)}`;
    })
    .map((l) => `${l}\n`)
    .join('');
}
