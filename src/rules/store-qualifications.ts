import { textOf } from '../cells/parse.js';
import { z } from 'zod';
import { joined, msg, t } from '../i18n/catalog.js';
import { cleanText } from '../cells/normalize.js';
import { findNumbers } from '../cells/number.js';
import { PLATFORMS } from '../domain/platforms.js';
import type { Rule } from './types.js';

/**
 * SOP 二.2: a 资质 item names 营业执照 (经营范围含化妆品销售 for cosmetics), 商标注册证 (R标) and 质检报告,
 * scanned at ≥300dpi; a 保证金 item's amount is within the platform's range (天猫5-10万元, 抖音小店
 * 2-5万元; others from the config). The platform is the one the row names (a deposit row that
 * names none is not judged).
 */
/**
 * Whether a text names each platform: a Chinese name anywhere in it, a Latin one (Tmall, jd) as a
 * word of its own in any case, never the "red" of "required". Made once, not per row.
 */
const NAMES = PLATFORMS.map((p) => ({
  platform: p,
  named: [p.name, p.en, p.id, ...p.aliases].map((name) => (/^[\x20-\x7e]+$/.test(name)
    ? ((re: RegExp) => (text: string) => re.test(text))(new RegExp(`(?<![A-Za-z0-9])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9])`, 'i'))
    : (text: string) => text.includes(name))),
}));

export const storeQualifications: Rule<Record<string, never>, 'store-config', 'documents' | 'dpi' | 'deposit'> = {
  id: 'store-qualifications',
  sheetKinds: ['store-config'],
  defaultSeverity: 'warning',
  description: msg('rule.store-qualifications.description'),
  options: () => z.object({}).strict(),
  messages: {
    documents: msg('rule.store-qualifications.documents'),
    dpi: msg('rule.store-qualifications.dpi'),
    deposit: msg('rule.store-qualifications.deposit'),
  },
  create(ctx) {
    const { qualifications, minScanDpi, deposits } = ctx.settings.store;
    return {
      row(row) {
        const item = textOf(row.cells.get('item'));
        const text = cleanText((['item', 'content', 'standard', 'note'] as const).map((k) => textOf(row.cells.get(k))).join(' '));
        if (/资质/.test(item)) {
          const missing = qualifications.filter((words) => !words.some((w) => text.toUpperCase().includes(w.toUpperCase()))).map((w) => w[0]);
          if (missing.length) ctx.report({ row: row.row, field: 'content', messageId: 'documents', data: { value: textOf(row.cells.get('content')), missing: joined(missing) }, value: textOf(row.cells.get('content')), expected: joined(qualifications.map((w) => w[0])) });
          const dpi = /(\d{2,4})\s*dpi/i.exec(text);
          if (dpi && Number(dpi[1]) < minScanDpi) ctx.report({ row: row.row, field: 'content', messageId: 'dpi', data: { dpi: dpi[1], min: minScanDpi }, value: `${dpi[1]}dpi`, expected: `≥${minScanDpi}dpi` });
        }
        if (/保证金/.test(item) || /保证金/.test(textOf(row.cells.get('content')))) {
          // the platform the row names (天猫保证金5万, 抖音小店保证金2万)
          // the platform the text names (天猫保证金, Tmall deposit)
          const platform = NAMES.find((n) => n.named.some((named) => named(text)))?.platform;
          const range = platform ? deposits[platform.id] ?? platform.deposit : undefined;
          const amount = findNumbers(text.replace(/\d+\s*dpi/gi, '')).map((n) => n.value).find((v) => v >= 1000);
          if (!platform || !range || amount === undefined) return;
          if (amount < range[0] || amount > range[1]) {
            // each language picks its field (万元 in Chinese, yuan in English)
            const yuan = (v: number) => { const amount = { wan: v / 10000, yuan: v }; return t(ctx.lang, 'pick.wan-yuan', amount); };
            ctx.report({ row: row.row, field: 'content', messageId: 'deposit', data: { platform: t(ctx.lang, 'pick.platform', platform), amount, range: `${yuan(range[0])}-${yuan(range[1])}` }, value: amount, expected: `${range[0]}-${range[1]}` });
          }
        }
      },
    };
  },
};
