import type { ParsedRow } from '../domain/row-model.js';
import { isDitto } from '../cells/people.js';
import { OWNERS, SHEET_ENDS, SHEETS } from '../report/records.js';
import { KINDS } from '../sheets/registry.js';
import { defineCollector, registerCollectors } from './collector.js';

const KIND_IDS = KINDS.map((k) => k.id);

/**
 * Each checked sheet's place, header row and columns, when the sheet begins (before its rows'
 * records), and when it has been read the last column its rows use: for the commands that write
 * a copy (the columns they add go after it). The pass's own collector: it knows no command.
 */
export const sheetPlaces = defineCollector('sheets', () => ({
  kinds: KIND_IDS,
  sheet(info, ctx) {
    ctx.emit(SHEETS, { file: info.file, sheet: info.name, kind: info.kind.id, headerRow: info.headerRow, lastColumn: info.lastColumn, columns: [...info.columns] });
    return { end: () => ctx.emit(SHEET_ENDS, { file: info.file, sheet: info.name, usedColumn: info.usedColumn }) };
  },
}));

/** The columns that name the person responsible for a row: 负责人, 评估人, 分析人. */
export const PERSON_KEYS = ['owner', 'evaluator', 'analyst'] as const;

/** Those columns' words as the sheet kinds head them (负责人 …, Owner …): a header a team writes is read by them. */
const PERSON_COLUMNS = KINDS.flatMap((k) => k.columns).filter((c) => (PERSON_KEYS as readonly string[]).includes(c.key));
const ZH_PERSON = [...new Set(PERSON_COLUMNS.map((c) => c.header))].join('|');
const EN_PERSON = [...new Set(PERSON_COLUMNS.map((c) => c.en.toLowerCase()))].join('|');
/** ends in the word (运营负责人) */
const ENDS_IN_PERSON = new RegExp(`(?:${ZH_PERSON})$`);
/** the word and 姓名 after it (负责人姓名, 负责人_姓名, 负责人Owner) */
const PERSON_AND_NAME = new RegExp(`(${ZH_PERSON})[\\s_\\-·—]*(?:姓名|名字|名称|name|owner)$`, 'i');
/** the English word, as the kinds write it, or its common phrase (Owner, Owner Name, Person in charge) */
const EN_PERSON_HEADER = new RegExp(`^(?:${EN_PERSON}|person in charge)(?: name)?$`, 'i');

/**
 * A column a sheet kind does not have, headed as the person responsible for the row, as the issue
 * names them (负责人 / 评估人 / 分析人, and what qualifies them: `运营负责人`, `负责人(姓名)`, `【负责人】`,
 * `负责人：`) or in English as the kinds write them (`Owner`, `Owner Name`, `Person in charge`), one
 * of a header's names (`负责人/Owner`): a team adds one to its orders export or its listing sheet
 * (outsider helper-83: an orders sheet's 负责人 was not read). Not one that says it is not
 * (`非负责人`) or asks whether (`是否负责人`), nor one about the person (`负责人电话`); near words the issue does not name (责任人,
 * 跟进人, 经办人) are not taken for it.
 */
export function isPersonHeader(text: string): boolean {
  return text.split(/[/／|｜]/).some((part) => {
    let head = part.replace(/\s+/g, ' ').trim().replace(/[:：。.,，、]+$/, '');
    const enclosed = /^[【[（(](.*)[】\]）)]$/.exec(head);
    if (enclosed) head = enclosed[1].trim();
    // what a bracket after the word says the column holds: a way to reach the person, not the person (负责人(电话): outsider helper-87)
    if (/[（(【[][^）)】\]]*(?:电话|手机|邮箱|微信|联系|phone|tel|mobile|e-?mail)/i.test(head)) return false;
    head = head.replace(/\s*[（(【[].*$/, '');
    // what a header adds after the word: 姓名 (负责人姓名, 负责人_姓名, a line break between), a mark of a required column (*), a number (负责人①)
    head = head.replace(/[*＊\d①-⑳]+$/, '').replace(PERSON_AND_NAME, '$1');
    // not a person: a column that says someone is not one, or asks whether they are (是否负责人: outsider helper-86)
    // nor one who was (前负责人, 原负责人: outsider helper-87)
    if (/^(?:非|不是|无|是否|前|原|旧)/.test(head)) return false;
    return ENDS_IN_PERSON.test(head.replace(/ /g, '')) || EN_PERSON_HEADER.test(head);
  });
}

/**
 * Who is responsible for each row of a sheet that has a person column (its kind's, or one it does
 * not know headed as one: isPersonHeader), sent once the sheet is read as runs of rows (a sheet's
 * rows mostly share an owner): the dashboard counts findings by person with it. Rows without a name
 * are nobody's (left out).
 */
export const rowOwners = defineCollector('owners', () => ({
  kinds: KIND_IDS,
  sheet(info, ctx) {
    // every person column of the sheet: its kind's and those a team added (outsider helper-85: only the first was read)
    const keys = PERSON_KEYS.filter((k) => info.columns.has(k));
    const extras = info.extraHeaders.filter((h) => isPersonHeader(h.text) || (h.group !== undefined && isPersonHeader(`${h.group}${h.text}`))).map((h) => h.column);
    if (!keys.length && !extras.length) return undefined;
    // a row's people, one cell after another (the dashboard splits a cell into its people: peopleIn); 同上 is the
    // name above it in its column (outsider helper-115)
    const above: Array<string | undefined> = [];
    const nameOf = (row: ParsedRow) => {
      let name = '';
      for (let i = 0; i < keys.length + extras.length; i++) {
        let n = (i < keys.length ? row.cells.get(keys[i] as never)?.text : row.extraText?.(extras[i - keys.length]))?.trim();
        if (n && isDitto(n)) n = above[i];
        above[i] = n;
        if (n) name = name ? `${name}、${n}` : n;
      }
      return name;
    };
    const names: string[] = [];
    const index = new Map<string, number>();
    const runs: number[] = [];
    return {
      row(row) {
        const name = nameOf(row);
        if (!name) return;
        let i = index.get(name);
        if (i === undefined) { i = names.length; names.push(name); index.set(name, i); }
        const n = runs.length;
        if (n && runs[n - 1] === i && runs[n - 2] === row.row - 1) runs[n - 2] = row.row;
        else runs.push(row.row, row.row, i);
      },
      end() {
        if (names.length) ctx.emit(OWNERS, { file: info.file, sheet: info.name, names, runs });
      },
    };
  },
}));

registerCollectors([sheetPlaces, rowOwners]);
