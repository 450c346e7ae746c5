import { msg } from '../i18n/catalog.js';
import type { Localized } from '../i18n/format.js';

/** Why a file was not read: the reason code (in the finding's `value`) and what to tell the user. */
export const READ_REASONS = {
  'not-a-zip': msg('read.not-a-zip'),
  empty: msg('read.empty'),
  corrupt: msg('read.corrupt'),
  'legacy-xls': msg('read.legacy-xls'),
  encrypted: msg('read.encrypted'),
  ods: msg('read.ods'),
  'no-sheets': msg('read.no-sheets'),
  encoding: msg('read.encoding'),
  'encoding-at': msg('read.encoding-at'),
  'not-csv': msg('read.not-csv'),
  unsupported: msg('read.unsupported'),
  'too-large': msg('read.too-large'),
  'zip-entries': msg('read.zip-entries'),
  'zip-duplicate': msg('read.zip-duplicate'),
  'zip-ratio': msg('read.zip-ratio'),
  'zip-size': msg('read.zip-size'),
  'zip-total': msg('read.zip-total'),
  'zip-lying': msg('read.zip-lying'),
  'merged-cells': msg('read.merged-cells'),
  'defined-names': msg('read.defined-names'),
  permission: msg('read.permission'),
  gone: msg('read.gone'),
  internal: msg('read.internal'),
  memory: msg('read.memory'),
  timeout: msg('read.timeout'),
  'part-too-large': msg('read.part-too-large'),
  'dtd-entities': msg('read.dtd-entities'),
  'not-a-file': msg('read.not-a-file'),
  'name-encoding': msg('read.name-encoding'),
  'csv-quote': msg('read.csv-quote'),
  'csv-quote-joined': msg('read.csv-quote-joined'),
  'markup-tag': msg('read.markup-tag'),
  'too-many-columns': msg('read.too-many-columns'),
  'not-a-workbook': msg('read.not-a-workbook'),
  'runtime-limit': msg('read.runtime-limit'),
  'missing-part': msg('read.missing-part'),
} satisfies Record<string, Localized>;

export type ReadReason = keyof typeof READ_REASONS;

/** Which finding a reason comes with. */
export type ReasonRule = 'file/unreadable' | 'file/too-large' | 'file/unsafe' | 'file/timeout' | 'sheet/unreadable';

/**
 * What to do about each reason, for docs/errors.md (the message itself says what happened).
 * `rule`: the finding the reason comes with (a missing part of one sheet is sheet/unreadable).
 */
export const REASON_HELP: Record<ReadReason, { rules: readonly ReasonRule[]; help: Localized }> = {
'not-a-zip': { rules: ['file/unreadable'], help: msg('read.help.not-a-zip') },
empty: { rules: ['file/unreadable'], help: msg('read.help.empty') },
corrupt: { rules: ['file/unreadable', 'sheet/unreadable'], help: msg('read.help.corrupt') },
'legacy-xls': { rules: ['file/unreadable'], help: msg('read.help.legacy-xls') },
encrypted: { rules: ['file/unreadable'], help: msg('read.help.encrypted') },
ods: { rules: ['file/unreadable'], help: msg('read.help.ods') },
'no-sheets': { rules: ['file/unreadable'], help: msg('read.help.no-sheets') },
encoding: { rules: ['file/unreadable'], help: msg('read.help.encoding') },
'encoding-at': { rules: ['file/unreadable'], help: msg('read.help.encoding-at') },
'not-csv': { rules: ['file/unreadable'], help: msg('read.help.not-csv') },
unsupported: { rules: ['file/unreadable'], help: msg('read.help.unsupported') },
'too-large': { rules: ['file/too-large'], help: msg('read.help.too-large') },
'zip-entries': { rules: ['file/unsafe'], help: msg('read.help.zip-entries') },
'zip-duplicate': { rules: ['file/unsafe'], help: msg('read.help.zip-duplicate') },
'zip-ratio': { rules: ['file/unsafe'], help: msg('read.help.zip-ratio') },
'zip-size': { rules: ['file/unsafe'], help: msg('read.help.zip-size') },
'zip-total': { rules: ['file/unsafe'], help: msg('read.help.zip-total') },
'zip-lying': { rules: ['file/unsafe'], help: msg('read.help.zip-lying') },
'merged-cells': { rules: ['file/unsafe'], help: msg('read.help.merged-cells') },
'defined-names': { rules: ['file/unsafe'], help: msg('read.help.defined-names') },
permission: { rules: ['file/unreadable'], help: msg('read.help.permission') },
gone: { rules: ['file/unreadable'], help: msg('read.help.gone') },
internal: { rules: ['file/unreadable'], help: msg('read.help.internal') },
memory: { rules: ['file/too-large'], help: msg('read.help.memory') },
timeout: { rules: ['file/timeout'], help: msg('read.help.timeout') },
'part-too-large': { rules: ['file/too-large'], help: msg('read.help.part-too-large') },
'too-many-columns': { rules: ['file/too-large'], help: msg('read.help.too-many-columns') },
'dtd-entities': { rules: ['file/unreadable'], help: msg('read.help.dtd-entities') },
'not-a-file': { rules: ['file/unreadable'], help: msg('read.help.not-a-file') },
'name-encoding': { rules: ['file/unreadable'], help: msg('read.help.name-encoding') },
'csv-quote': { rules: ['file/unreadable'], help: msg('read.help.csv-quote') },
'csv-quote-joined': { rules: ['file/unreadable'], help: msg('read.help.csv-quote') },
'markup-tag': { rules: ['file/unreadable'], help: msg('read.help.markup-tag') },
'runtime-limit': { rules: ['file/too-large'], help: msg('read.help.runtime-limit') },
'not-a-workbook': { rules: ['file/unreadable'], help: msg('read.help.not-a-workbook') },
'missing-part': { rules: ['file/unreadable', 'sheet/unreadable'], help: msg('read.help.missing-part') },
};
