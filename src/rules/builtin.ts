import { msg } from '../i18n/catalog.js';
import type { BuiltinRule } from './types.js';

/** Findings made by the engine itself; configurable like any rule (`"sheet/unknown-kind": "off"`). */
export const BUILTIN_RULES: readonly BuiltinRule[] = [
  {
    id: 'file/unreadable', defaultSeverity: 'error',
    description: msg('rule.file/unreadable.description'),
    messages: { unreadable: msg('rule.file/unreadable.unreadable') },
  },
  {
    id: 'file/too-large', defaultSeverity: 'error',
    description: msg('rule.file/too-large.description'),
    messages: { tooLarge: msg('rule.file/too-large.tooLarge') },
  },
  {
    id: 'file/unsafe', defaultSeverity: 'error',
    description: msg('rule.file/unsafe.description'),
    messages: { unsafe: msg('rule.file/unsafe.unsafe') },
  },
  {
    id: 'file/timeout', defaultSeverity: 'error',
    description: msg('rule.file/timeout.description'),
    messages: { timeout: msg('rule.file/timeout.timeout') },
  },
  {
    id: 'sheet/unreadable', defaultSeverity: 'error',
    description: msg('rule.sheet/unreadable.description'),
    messages: { unreadable: msg('rule.sheet/unreadable.unreadable') },
  },
  {
    id: 'sheet/unknown-kind', defaultSeverity: 'info',
    description: msg('rule.sheet/unknown-kind.description'),
    messages: { unknown: msg('rule.sheet/unknown-kind.unknown'), sopNamed: msg('rule.sheet/unknown-kind.sopNamed') },
  },
  {
    id: 'sheet/summary-rows', defaultSeverity: 'info',
    description: msg('rule.sheet/summary-rows.description'),
    messages: { passed: msg('rule.sheet/summary-rows.passed'), banner: msg('rule.sheet/summary-rows.banner') },
  },
  {
    id: 'sheet/merges-unread', defaultSeverity: 'warning',
    description: msg('rule.sheet/merges-unread.description'),
    messages: { large: msg('rule.sheet/merges-unread.large'), many: msg('rule.sheet/merges-unread.many'), unread: msg('rule.sheet/merges-unread.unread') },
  },
  {
    id: 'sheet/missing-column', defaultSeverity: 'error',
    description: msg('rule.sheet/missing-column.description'),
    messages: { missing: msg('rule.sheet/missing-column.missing') },
  },
  {
    id: 'schema/required', defaultSeverity: 'error',
    description: msg('rule.schema/required.description'),
    messages: { required: msg('rule.schema/required.required') },
  },
  {
    id: 'schema/type', defaultSeverity: 'error',
    description: msg('rule.schema/type.description'),
    messages: { type: msg('rule.schema/type.type') },
  },
  {
    id: 'schema/lost-digits', defaultSeverity: 'error',
    description: msg('rule.schema/lost-digits.description'),
    messages: {
      lost: msg('rule.schema/lost-digits.lost'),
      suspect: msg('rule.schema/lost-digits.suspect'),
      stored: msg('rule.schema/lost-digits.stored'),
    },
  },
  {
    id: 'schema/range', defaultSeverity: 'error',
    description: msg('rule.schema/range.description'),
    messages: { range: msg('rule.schema/range.range') },
  },
  {
    id: 'schema/enum', defaultSeverity: 'error',
    description: msg('rule.schema/enum.description'),
    messages: { enum: msg('rule.schema/enum.enum') },
  },
  {
    id: 'media/main-image', defaultSeverity: 'error',
    description: msg('rule.media/main-image.description'),
    messages: {
      ratio: msg('rule.media/main-image.ratio'),
      small: msg('rule.media/main-image.small'),
    },
  },
  {
    id: 'media/main-count', defaultSeverity: 'warning',
    description: msg('rule.media/main-count.description'),
    messages: { count: msg('rule.media/main-count.count') },
  },
  {
    id: 'media/detail-width', defaultSeverity: 'error',
    description: msg('rule.media/detail-width.description'),
    messages: { wide: msg('rule.media/detail-width.wide') },
  },
  {
    id: 'media/poster-size', defaultSeverity: 'error',
    description: msg('rule.media/poster-size.description'),
    messages: { size: msg('rule.media/poster-size.size') },
  },
  {
    id: 'media/video-ratio', defaultSeverity: 'error',
    description: msg('rule.media/video-ratio.description'),
    messages: { ratio: msg('rule.media/video-ratio.ratio') },
  },
  {
    id: 'media/unreadable', defaultSeverity: 'error',
    description: msg('rule.media/unreadable.description'),
    messages: { unreadable: msg('rule.media/unreadable.unreadable') },
  },
  {
    id: 'schema/date-ambiguous', defaultSeverity: 'warning',
    description: msg('rule.schema/date-ambiguous.description'),
    messages: { ambiguous: msg('rule.schema/date-ambiguous.ambiguous') },
  },
  {
    id: 'schema/formula', defaultSeverity: 'warning',
    description: msg('rule.schema/formula.description'),
    messages: {
      error: msg('rule.schema/formula.error'),
      noResult: msg('rule.schema/formula.noResult'),
    },
  },
];
