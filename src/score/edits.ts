import { columnLetter } from '../cells/address.js';
import type { Settings } from '../config/settings.js';
import type { SheetPlace } from '../report/records.js';
import { SCORE_KEYS } from '../domain/selection.js';
import { selection } from '../sheets/kinds/selection.js';
import type { ColumnDef, FormulaContext } from '../sheets/types.js';
import { CopyPlan } from '../workbook/write-copy.js';
import type { ScoreResult } from './records.js';

const columnOf = (key: string) => selection.columns.find((c) => c.key === key)!;

/** Whether a cell's formula is the one the template writes there (as `ecsop init` writes it now, or wrote it before). */
function isTemplateFormula(formula: string | undefined, col: ColumnDef, ctx: FormulaContext): boolean {
  if (formula === undefined || !col.formula) return false;
  const norm = (f: string) => f.replace(/^=/, '').replace(/\s+/g, '').toUpperCase();
  const ours = norm(col.formula(ctx));
  // templates before 0.1.1 counted the four scores as a range
  const cells = SCORE_KEYS.map((k) => `${ctx.col(k)}${ctx.row}`);
  const earlier = ours.replace(`COUNTA(${cells.join(',')})`, `COUNTA(${cells[0]}:${cells[3]})`);
  return norm(formula) === ours || norm(formula) === earlier;
}

/**
 * What `score --write` changes in the copy: 综合得分 and 选品建议 get the template's live formulas
 * (with the computed result cached, so the copy shows it before any recalculation) where the
 * cell is empty, typed, or holds a formula whose result is wrong. A formula whose result is right
 * is the user's and is left alone, and so is one with no saved result (it cannot be judged);
 * so is a typed verdict with its reason when the word is right (a wrong word is corrected and
 * the reason kept: a formula could not hold it). Missing columns are added after the header's
 * last one.
 */
export function scorePlan(results: ScoreResult[], sheets: SheetPlace[], settings: Settings): CopyPlan {
  const plan = new CopyPlan();
  const score = columnOf('score');
  const verdict = columnOf('recommendation');
  for (const info of sheets) {
    if (info.kind !== 'selection') continue;
    const mine = results.filter((r) => r.file === info.file && r.sheet === info.sheet && r.score !== null);
    if (!mine.length) continue;
    const columns = new Map(info.columns);
    // after the last column in use: data beyond the header (with no header of its own) is never written over
    const after = Math.max(info.lastColumn, info.usedColumn ?? 0);
    let next = after + 1;
    const widths = new Map<number, number>();
    for (const col of [score, verdict]) {
      if (columns.has(col.key)) continue;
      const at = next++;
      columns.set(col.key, at);
      widths.set(at, col.width ?? 12);
      plan.set(info.sheet, info.headerRow, { column: at, value: col.header, bold: true });
    }
    if (widths.size) plan.addColumns({ sheet: info.sheet, headerRow: info.headerRow, from: after + 1, to: next - 1, widths });
    const letter = (key: string) => columnLetter(columns.get(key) ?? 0);
    const scoreCol = columns.get('score')!;
    const verdictCol = columns.get('recommendation')!;
    for (const r of mine) {
      const ctx = { row: r.row, col: letter, settings };
      const formulas = r.stated.formulas ?? {};
      // a formula with no saved result is judged only when it is the template's own (then it gets its result)
      const uncalculated = (r.stated.uncalculated ?? []).filter((key) => !isTemplateFormula(formulas[key], key === 'score' ? score : verdict, ctx));
      // a formula with no saved result cannot be judged: it stays as the user wrote it
      if (!uncalculated.includes('score') && !(formulas.score !== undefined && r.stated.score !== null && !r.mismatch.score)) {
        plan.set(r.sheet, r.row, { column: scoreCol, value: r.score, formula: score.formula!(ctx), numFmt: score.numFmt });
      }
      const verdictRight = r.stated.recommendation !== null && !r.mismatch.recommendation;
      if (uncalculated.includes('recommendation') || (formulas.recommendation !== undefined && verdictRight)) continue;
      if (r.stated.reason && formulas.recommendation === undefined) {
        if (!verdictRight) plan.set(r.sheet, r.row, { column: verdictCol, value: `${r.recommendation}(${r.stated.reason})` });
        continue;
      }
      plan.set(r.sheet, r.row, { column: verdictCol, value: r.recommendation, formula: verdict.formula!(ctx) });
    }
  }
  return plan;
}
