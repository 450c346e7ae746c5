import fc from 'fast-check';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { SeenIds, TextIds } from '../../src/domain/seen-ids.js';

/**
 * Order numbers seen in a sheet, by their text: digits are kept as numbers (leading zeros apart),
 * the rest as strings; either way an id is "seen before" exactly when the same text was added.
 */
describe('SeenIds', () => {
  // ids as exports write them: 16–19 digits, short codes with leading zeros, digits past 19, letters and digits
  const id = fc.oneof(
    fc.stringMatching(/^[0-9]{1,25}$/),
    fc.stringMatching(/^0{0,3}[0-9]{1,4}$/),
    fc.bigInt({ min: 10n ** 15n, max: 10n ** 19n - 1n }).map(String),
    fc.stringMatching(/^[A-Z]{0,2}[0-9]{3,20}[a-z]?$/),
    fc.string({ maxLength: 25 }),
  );

  it('says "seen" exactly when the same text was added before, whatever its form', () => {
    fc.assert(fc.property(fc.array(id, { maxLength: 3000 }), fc.integer({ min: 0, max: 3000 }), (ids, repeatAt) => {
      const seen = new SeenIds();
      const reference = new Set<string>();
      const all = repeatAt < ids.length ? [...ids, ...ids.slice(repeatAt)] : ids;
      for (const x of all) {
        expect(seen.add(x), x).toBe(reference.has(x));
        reference.add(x);
      }
    }), { numRuns: 60 });
  });

  it('tells apart what numbers would not: leading zeros, 19 digits one apart, a digit past the 19th', () => {
    const seen = new SeenIds();
    for (const x of ['123', '0123', '00123', '3000000000000000000', '3000000000000000001', '9999999999999999999', '99999999999999999999', '0000000000', '0']) expect(seen.add(x), x).toBe(false);
    for (const x of ['0123', '3000000000000000001', '99999999999999999999', '0000000000']) expect(seen.add(x), x).toBe(true);
  });

  it('holds a million distinct order numbers, each found again', () => {
    const seen = new SeenIds();
    const base = 3_000_000_000_000_000_000n;
    for (let i = 0n; i < 1_000_000n; i++) seen.add(String(base + i * 7919n));
    for (let i = 0n; i < 1_000_000n; i += 997n) expect(seen.add(String(base + i * 7919n))).toBe(true);
    expect(seen.add(String(base + 7918n))).toBe(false);
  });

  it('texts that are not digits, held as bytes: any character (Chinese, emoji halves, Latin-1 above 0x7F, NUL), long ones, one-byte and two-byte forms of one length, across many chunks', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.string({ unit: 'binary', maxLength: 12 }),
      fc.stringMatching(/^[0-9]{6}-[0-9]{12}$/),
      fc.constantFrom('订单A', '订单Á', '\u00ff', '\u0100', 'ÿ', '\ud83d', '\ude00', '😀', '\u0000', 'a\u0000', ''),
      fc.string({ minLength: 1020, maxLength: 1100 }),
    );
    fc.assert(fc.property(fc.array(text, { maxLength: 2000 }), fc.integer({ min: 0, max: 2000 }), (texts, repeatAt) => {
      const seen = new TextIds();
      const reference = new Set<string>();
      for (const x of repeatAt < texts.length ? [...texts, ...texts.slice(repeatAt)] : texts) {
        expect(seen.add(x), JSON.stringify(x)).toBe(reference.has(x));
        reference.add(x);
      }
    }), { numRuns: 80 });
    // a million ids with a dash, past many chunks of bytes: each found again, a near one not
    const seen = new TextIds();
    for (let i = 0; i < 1_000_000; i++) seen.add(`260517-${String(i).padStart(12, '0')}`);
    for (let i = 0; i < 1_000_000; i += 991) expect(seen.add(`260517-${String(i).padStart(12, '0')}`)).toBe(true);
    expect(seen.add('260517-000001000000')).toBe(false);
    expect(seen.add('260517-00000100000')).toBe(false);
  });

  it('a million order numbers with a dash take tens of megabytes, not the ~120 MB of a string and a set entry each (outsider helper-91: over the 400 MB line at a million rows)', () => {
    // what is kept, not what is made on the way: a full collection before each look
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    gc();
    const before = process.memoryUsage();
    const seen = new SeenIds();
    for (let i = 0; i < 1_000_000; i++) seen.add(`260517-${String(i).padStart(12, '0')}`);
    gc();
    const after = process.memoryUsage();
    // (external holds the array buffers: counted once)
    const grew = (after.heapUsed - before.heapUsed + after.external - before.external) / 2 ** 20;
    expect(seen.add('260517-000000000007')).toBe(true);
    expect(grew).toBeLessThan(60);
  });
});

describe('a duplicate order in a workbook whose shared strings repeat a text (not every writer keeps one entry a text)', () => {
  it('is found whatever index each copy has, as in a CSV of the same rows (outsider helper-92: every duplicate missed)', async () => {
    const { xlsx } = await import('../corpus/build.js');
    const { ecsop, tempDir } = await import('../helpers/cli.js');
    const { writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    // the texts: 0 订单号, 1 金额, 2 收货地址, then each order number twice under two indexes (3/4, 5/6, 7/8)
    const texts = ['订单号', '金额', '收货地址', 'TB-0001', 'TB-0001', '20240520001', '20240520001', '淘宝20240001', '淘宝20240001'];
    const strings = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${texts.length}" uniqueCount="${texts.length}">${texts.map((x) => `<si><t>${x}</t></si>`).join('')}</sst>`;
    const address = '浙江省杭州市西湖区文三路90号';
    const row = (r: number, id: number) => `<row r="${r}"><c r="A${r}" t="s"><v>${id}</v></c><c r="B${r}"><v>99</v></c><c r="C${r}" t="inlineStr"><is><t>${address}</t></is></c></row>`;
    const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>${[3, 5, 7, 4, 6, 8].map((id, i) => row(i + 2, id)).join('')}</sheetData></worksheet>`;
    const dir = tempDir();
    writeFileSync(join(dir, 'orders.xlsx'), xlsx({ sheets: [{ name: '订单', xml: sheet }], strings }));
    writeFileSync(join(dir, 'orders.csv'), `订单号,金额,收货地址\n${[3, 5, 7, 4, 6, 8].map((id) => `${texts[id]},99,${address}`).join('\n')}\n`);
    const duplicates = async (file: string) => {
      const res = await ecsop(['review', file, '-f', 'json', '--now', '2024-05-21T12:00'], { cwd: dir });
      const report = JSON.parse(res.stdout) as { orders: Array<{ row: number; reasons: string[] }> };
      return report.orders.filter((o) => o.reasons.includes('duplicate-order')).map((o) => o.row);
    };
    expect(await duplicates('orders.xlsx')).toEqual([5, 6, 7]);
    expect(await duplicates('orders.csv')).toEqual([5, 6, 7]);
  });

  it('past the first 2,000 rows too: a writer that repeats texts (told from them) has its later duplicates found by text; one that keeps one entry a text, by index', async () => {
    const { xlsx } = await import('../corpus/build.js');
    const { ecsop, tempDir } = await import('../helpers/cli.js');
    const { writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const address = '浙江省杭州市西湖区文三路90号';
    /** 3,000 orders; order 2,900 repeats order 2,500's number; `repeats`: every status and every number a text of its own index */
    const book = (repeats: boolean) => {
      const texts: string[] = ['订单号', '金额', '收货地址', '订单状态'];
      const at = new Map<string, number>();
      const index = (t: string) => {
        if (!repeats && at.has(t)) return at.get(t)!;
        at.set(t, texts.length);
        texts.push(t);
        return texts.length - 1;
      };
      const rows = [`<row r="1">${[0, 1, 2, 3].map((k, c) => `<c r="${'ABCD'[c]}1" t="s"><v>${k}</v></c>`).join('')}</row>`];
      for (let i = 0; i < 3000; i++) {
        const r = i + 2;
        const id = `TB-${String(i === 2898 ? 2498 : i).padStart(6, '0')}`;
        rows.push(`<row r="${r}"><c r="A${r}" t="s"><v>${index(id)}</v></c><c r="B${r}"><v>99</v></c><c r="C${r}" t="inlineStr"><is><t>${address}</t></is></c><c r="D${r}" t="s"><v>${index('待发货')}</v></c></row>`);
      }
      const strings = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${texts.map((x) => `<si><t>${x}</t></si>`).join('')}</sst>`;
      const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`;
      return xlsx({ sheets: [{ name: '订单', xml: sheet }], strings });
    };
    const dir = tempDir();
    for (const repeats of [true, false]) {
      writeFileSync(join(dir, 'o.xlsx'), book(repeats));
      const res = await ecsop(['review', 'o.xlsx', '-f', 'json', '--now', '2024-05-21T12:00'], { cwd: dir });
      const report = JSON.parse(res.stdout) as { orders: Array<{ row: number; reasons: string[] }> };
      expect(report.orders.filter((o) => o.reasons.includes('duplicate-order')).map((o) => o.row), String(repeats)).toEqual([2900]);
    }
  });
});

describe('a duplicate order whose two copies are written differently, past the first 2,000 rows (outsider helper-93)', () => {
  type Form = 'shared' | 'number' | 'inline' | 'formula' | 'rich' | 'tab' | 'space' | 'wrapped' | 'apostrophe' | 'phonetic' | 'full-width' | 'decimal' | 'no-break space' | 'zero-width space' | 'apostrophe full-width' | 'escaped return';
  /** 3,000 orders of a writer that keeps one entry a text; order 2,900 repeats order 2,500's number, each written in its form */
  const book = async (id: (i: number) => string, first: Form, second: Form) => {
    const { xlsx } = await import('../corpus/build.js');
    const texts: string[] = ['订单号', '金额', '收货地址', '订单状态'];
    const at = new Map<string, number>();
    const index = (t: string) => {
      if (!at.has(t)) { at.set(t, texts.length); texts.push(t); }
      return at.get(t)!;
    };
    /** an entry of its own, as written in the table (rich text and phonetic runs: Excel and LibreOffice keep them apart from the plain text) */
    const items: string[] = [];
    const entry = (item: string) => { items.push(item); return -items.length; };
    const cell = (ref: string, text: string, form: Form) => {
      switch (form) {
        case 'shared': return `<c r="${ref}" t="s"><v>${index(text)}</v></c>`;
        case 'number': return `<c r="${ref}"><v>${text}</v></c>`;
        case 'inline': return `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
        case 'formula': return `<c r="${ref}" t="str"><f>"${text}"</f><v>${text}</v></c>`;
        case 'rich': return `<c r="${ref}" t="s"><v>${entry(`<r><t>${text.slice(0, 4)}</t></r><r><rPr><b/></rPr><t>${text.slice(4)}</t></r>`)}</v></c>`;
        case 'phonetic': return `<c r="${ref}" t="s"><v>${entry(`<t>${text}</t><rPh sb="0" eb="1"><t>ding</t></rPh><phoneticPr fontId="1"/>`)}</v></c>`;
        case 'tab': return `<c r="${ref}" t="s"><v>${index(`${text}\t`)}</v></c>`;
        case 'space': return `<c r="${ref}" t="s"><v>${index(` ${text} `)}</v></c>`;
        case 'wrapped': return `<c r="${ref}" t="s"><v>${index(`="${text}"`)}</v></c>`;
        case 'apostrophe': return `<c r="${ref}" t="s"><v>${index(`'${text}`)}</v></c>`;
        case 'full-width': return `<c r="${ref}" t="s"><v>${index(text.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)))}</v></c>`;
        case 'decimal': return `<c r="${ref}" t="s"><v>${index(`${text}.0`)}</v></c>`;
        case 'escaped return': return `<c r="${ref}" t="s"><v>${index(`${text}_x000D_`)}</v></c>`;
        case 'no-break space': return `<c r="${ref}" t="s"><v>${index(`${text}\u00a0`)}</v></c>`;
        case 'zero-width space': return `<c r="${ref}" t="s"><v>${index(`\u200b${text}\u200b`)}</v></c>`;
        case 'apostrophe full-width': return `<c r="${ref}" t="s"><v>${index(`'${text.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))}`)}</v></c>`;
      }
    };
    const rows = [`<row r="1">${[0, 1, 2, 3].map((k, c) => `<c r="${'ABCD'[c]}1" t="s"><v>${k}</v></c>`).join('')}</row>`];
    for (let i = 0; i < 3000; i++) {
      const r = i + 2;
      const form = i === 2498 ? first : i === 2898 ? second : 'shared';
      rows.push(`<row r="${r}">${cell(`A${r}`, id(i === 2898 ? 2498 : i), form)}<c r="B${r}"><v>99</v></c><c r="C${r}" t="inlineStr"><is><t>浙江省杭州市西湖区文三路90号</t></is></c><c r="D${r}" t="s"><v>${index('待发货')}</v></c></row>`);
    }
    // the entries of their own after the plain texts (a cell's negative placeholder: -1 the first)
    const all = [...texts.map((x) => `${/^\s|\s$/.test(x) ? '<t xml:space="preserve">' : '<t>'}${x.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</t>`), ...items];
    const sheetRows = rows.join('').replace(/<v>-(\d+)<\/v>/g, (_, n: string) => `<v>${texts.length + Number(n) - 1}</v>`);
    const strings = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${all.map((x) => `<si>${x}</si>`).join('')}</sst>`;
    const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetRows}</sheetData></worksheet>`;
    return xlsx({ sheets: [{ name: '订单', xml: sheet }], strings });
  };
  const digits = (i: number) => String(20240520000001 + i);
  const letters = (i: number) => `TB-${String(i).padStart(6, '0')}`;
  const cases: Array<[string, (i: number) => string, Form, Form]> = [
    ['a text, then the number typed as a number', digits, 'shared', 'number'],
    ['a number, then the same as a text', digits, 'number', 'shared'],
    ['a shared string, then an inline string', letters, 'shared', 'inline'],
    ['an inline string, then a shared string', letters, 'inline', 'shared'],
    ['a shared string, then a formula\'s text', letters, 'shared', 'formula'],
    ['digits as a shared string, then as an inline string', digits, 'shared', 'inline'],
    ['a plain text, then the same in rich text (LibreOffice, Excel: an entry of its own; helper-94)', digits, 'shared', 'rich'],
    ['rich text, then plain', letters, 'rich', 'shared'],
    ['a text with phonetic runs, then plain', digits, 'phonetic', 'shared'],
    ['an ERP\'s number with a tab after it, then without (helper-94)', digits, 'tab', 'shared'],
    ['a plain number, then with spaces about it', digits, 'shared', 'space'],
    ['a plain number, then wrapped as ="…"', digits, 'shared', 'wrapped'],
    ['a plain number, then after an apostrophe', digits, 'shared', 'apostrophe'],
    ['a plain number, then typed full-width (an IME\'s ４４０１…; helper-94)', digits, 'shared', 'full-width'],
    ['letters full-width, then plain', letters, 'full-width', 'shared'],
    ['a plain number, then as a program\'s decimal (4401….0; helper-94)', digits, 'shared', 'decimal'],
    ['a plain number, then copied from a web page with a no-break space (helper-95)', digits, 'shared', 'no-break space'],
    ['a plain number, then between zero-width spaces', digits, 'shared', 'zero-width space'],
    ['a plain number, then full-width after an apostrophe (helper-95)', digits, 'shared', 'apostrophe full-width'],
    ['a number with a carriage return Excel escaped (_x000D_), then plain (helper-95)', digits, 'escaped return', 'shared'],
  ];

  it.each(cases)('%s: the second is a duplicate, and only it', async (_name, id, first, second) => {
    const { ecsop, tempDir } = await import('../helpers/cli.js');
    const { writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const dir = tempDir();
    writeFileSync(join(dir, 'o.xlsx'), await book(id, first, second));
    const res = await ecsop(['review', 'o.xlsx', '-f', 'json', '--now', '2024-05-21T12:00'], { cwd: dir });
    const report = JSON.parse(res.stdout) as { orders: Array<{ row: number; reasons: string[] }> };
    expect(report.orders.filter((o) => o.reasons.includes('duplicate-order')).map((o) => o.row)).toEqual([2900]);
  });
});

describe('TextIds: numbers with characters past U+00FF, held as UTF-8', () => {
  it('one number twice is a duplicate; two that differ in any character are not — a lone surrogate kept as itself', () => {
    const ids = new TextIds();
    const wide = Array.from({ length: 3000 }, (_, i) => `ERP-旗舰店-${i}-订`);
    for (const id of wide) expect(ids.add(id)).toBe(false);
    for (const id of wide) expect(ids.add(id)).toBe(true);
    // the same UTF-8 length, another character; ASCII beside it; a full-width digit
    for (const id of ['ERP-旗舰店-0-单', 'ERP-旗舰店-0-', 'ERP-旗舰店-０-订', 'A\uD800', 'A\uD801', 'A\uFFFD']) expect(ids.add(id)).toBe(false);
    for (const id of ['A\uD800', 'A\uD801', 'A\uFFFD', 'ERP-旗舰店-2999-订']) expect(ids.add(id)).toBe(true);
  });
});
