import { textOf } from '../cells/parse.js';
import { z } from 'zod';
import { joined, msg } from '../i18n/catalog.js';
import { cleanText } from '../cells/normalize.js';
import type { Rule } from './types.js';

/**
 * SOP 二.2: the default freight template states 江浙沪包邮, 首重10元 / 续重5元 elsewhere, and what
 * remote regions pay (不包邮, or 加收15元). The 运费模板 row's 配置内容, 配置标准 and 备注 together must
 * say each; the numbers are the config's (`sop.freight`), so a shop's own template is judged by it.
 */
export const storeFreightTemplate: Rule<Record<string, never>, 'store-config', 'missing'> = {
  id: 'store-freight-template',
  sheetKinds: ['store-config'],
  defaultSeverity: 'warning',
  description: msg('rule.store-freight-template.description'),
  options: () => z.object({}).strict(),
  messages: { missing: msg('rule.store-freight-template.missing') },
  create(ctx) {
    const f = ctx.settings.freight;
    // 江浙沪 as shops write it (江苏, 浙江, 上海; 皖 for 安徽); other regions by their names
    const SHORT: Record<string, string> = { 江苏: '江', 浙江: '浙', 上海: '沪', 安徽: '皖' };
    const free = f.freeRegions.every((r) => SHORT[r]) ? f.freeRegions.map((r) => SHORT[r]).join('') : f.freeRegions.join('、');
    const yuan = (n: number) => new RegExp(`${n}\\s*元`);
    return {
      row(row) {
        const item = textOf(row.cells.get('item'));
        if (!item.includes('运费模板')) return;
        const text = cleanText((['content', 'standard', 'note'] as const).map((k) => textOf(row.cells.get(k))).join(' '));
        const missing: string[] = [];
        const freeNamed = text.includes(`${free}包邮`) || f.freeRegions.every((r) => text.includes(r)) && text.includes('包邮');
        if (!freeNamed) missing.push(`${free}包邮`);
        if (!(/首重/.test(text) && yuan(f.firstKgYuan).test(text.slice(text.indexOf('首重'))))) missing.push(`首重${f.firstKgYuan}元`);
        if (!(/续重/.test(text) && yuan(f.extraKgYuan).test(text.slice(text.indexOf('续重'))))) missing.push(`续重${f.extraKgYuan}元`);
        const remote = /偏远|新疆|西藏|内蒙古/.test(text) && (/不包邮/.test(text) || yuan(f.remoteSurchargeYuan).test(text) || /加收|补运费/.test(text));
        if (!remote) missing.push(`偏远地区不包邮或加收${f.remoteSurchargeYuan}元`);
        if (missing.length) ctx.report({ row: row.row, field: 'content', messageId: 'missing', data: { value: textOf(row.cells.get('content')), missing: joined(missing) }, value: textOf(row.cells.get('content')), expected: `${free}包邮,其他首重${f.firstKgYuan}元/续重${f.extraKgYuan}元,偏远地区不包邮或加收${f.remoteSurchargeYuan}元` });
      },
    };
  },
};
