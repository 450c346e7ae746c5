import { localized, t } from '../../src/i18n/catalog.js';
import { UsageError } from '../../src/cli/io.js';

/**
 * A message's data is typed by its placeholders (issue #24: `收件地址在{region}` reached a person):
 * a call that leaves a placeholder out fails `tsc`, which `npm test` runs (this file is
 * type-checked, not run). The @ts-expect-error lines fail the check the day such a call is accepted.
 */
export function probe(): string[] {
  return [
    t('zh', 'order.reason.outside-mainland', { region: '香港' }),
    // @ts-expect-error the placeholder {region} left out
    t('zh', 'order.reason.outside-mainland'),
    // @ts-expect-error the placeholder misspelt
    t('en', 'order.reason.outside-mainland', { regoin: '香港' }),
    // a text without placeholders needs no data
    t('zh', 'help.usage-options'),
    // plural forms count as their placeholder: {files|file|files}
    localized('text.sheet-rows', { rows: 3 }).zh,
    // @ts-expect-error the plural's placeholder left out
    localized('text.sheet-rows', {}).zh,
    new UsageError('error.weight', { value: '0' }).message,
    // @ts-expect-error a usage error's data is checked where it is made
    new UsageError('error.weight').message,
  ];
}
