import { settingsAsJudged } from '../config/config.js';
import type { Command } from 'commander';
import { RecordTaker, SHEET_ENDS, SHEETS, type SheetPlace } from '../report/records.js';
import { scoreCollector } from '../score/collector.js';
import { sheetPlaces } from '../check/collectors.js';
import { formatScoreText, ScoreTable } from '../score/text.js';
import { scorePlan } from '../score/edits.js';
import { finishCopy, prepareCopy } from './copy.js';
import { encodingOf, maxRowsOf, setupCheck, withCheckFlags, withMaxRows, type CheckFlags } from './flags.js';
import { tableLayout, useColor, type Io } from './io.js';
import { findInputs, runReport } from './run-checks.js';
import { t } from '../i18n/catalog.js';
import { DEFAULT_LANG } from '../i18n/languages.js';
import { SCORES, type ScoreResult } from '../score/records.js';

interface ScoreFlags extends CheckFlags {
  write?: string;
  force?: boolean;
  maxRows?: string;
}

export function registerScore(program: Command, io: Io, setExit: (code: number) => void): void {
  const lang = io.lang ?? DEFAULT_LANG;
  withMaxRows(withCheckFlags(program.command('score').argument('<files...>', t(lang, 'arg.selection-files')).description(t(lang, 'cmd.score')), lang, { annotate: true })
    .option('--sheet <name>', t(lang, 'opt.score-sheet'))
    .option('--write <out.xlsx>', t(lang, 'opt.score-write')), lang)
    .action(async (paths: string[], flags: ScoreFlags) => {
      const setup = setupCheck(io, flags);
      const files = await findInputs(io, paths);
      const copy = flags.write ? await prepareCopy(io, files, flags.write, Boolean(flags.force)) : undefined;
      // every result only for the copy; the text shows the first --max-rows of each ranking
      const results: ScoreResult[] = [];
      const ranking = new ScoreTable(maxRowsOf(flags));
      const sheets: SheetPlace[] = [];
      const code = await runReport(io, paths, flags, setup, {
        files,
        onFinding: copy?.onFinding,
        onlyKinds: ['selection'],
        collect: [scoreCollector.ask(), ...(copy ? [sheetPlaces.ask()] : [])],
        records: new RecordTaker()
          .on(SCORES, (r) => { ranking.add(r); if (copy) results.push(r); })
          .on(SHEETS, (r) => sheets.push(r))
          .on(SHEET_ENDS, (e) => { const place = sheets.find((p) => p.file === e.file && p.sheet === e.sheet); if (place) place.usedColumn = e.usedColumn; }),
        extras: [{ key: 'results', records: SCORES.name }],
        sections: () => formatScoreText(ranking, { lang: setup.lang, color: !flags.output && useColor(io, io.stdoutTTY), layout: tableLayout(io, flags.output) }),
      });
      if (copy) await finishCopy(io, copy, scorePlan(results, sheets, settingsAsJudged(setup.config)), { lang: setup.lang, encoding: encodingOf(flags.encoding), limits: setup.config.limits });
      setExit(code);
    });
}
