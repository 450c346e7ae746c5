import { FINDING_KEYS, JsonWriter, stringifyAt } from '../../src/report/json.js';
import type { Totals } from '../../src/report/totals.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell } from '../../src/encode/csv-line.js';
import { xmlText } from '../../src/encode/xml-text.js';
import { escapeControls } from '../../src/report/layout.js';
import { shiftFormula } from '../../src/workbook/xlsx/formula-shift.js';

const RUNS = { numRuns: 1000, ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {}) };

/**
 * What a spreadsheet runs as a formula when a CSV cell starts with it (OWASP, "CSV Injection"):
 * = + - @, and tab or carriage return. Written here from that list, not taken from the code.
 */
const RUNS_AS_FORMULA = /^[=+\-@\t\r]/;
/** Any text, with the characters that make trouble over-represented. */
const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', ',', "'", '<', '>', '&', '\u001b', '\u0000', '\u0085', '\u009b', '\ufffe', '\uffff', '\ud800', '\udc00', 'a', '中', '1'), maxLength: 30 }),
);

describe('output escaping: examples', () => {
  it.each([
    ['=1+1', "'=1+1"], ['@SUM(A1:A9)', "'@SUM(A1:A9)"], ['+86 138', "'+86 138"], ['-2+3', "'-2+3"], ['\tx', "'\tx"], ['\r=1', `"'\r=1"`],
    ['-5', '-5'], ['+3.5', '+3.5'], [123456789012, '"=""123456789012"""'], [12345678901, '12345678901'], [1e15, '1000000000000000'], ['0123', '"=""0123"""'], ['面膜', '面膜'], ['a,b', '"a,b"'], ['说"好"', '"说""好"""'],
  ])('%j is written %j', (cell, written) => {
    expect(csvCell(cell)).toBe(written);
  });
});

describe('output escaping: properties', () => {
  it('a CSV cell never runs a formula of the user\'s text, quoting keeps it one field, and a spreadsheet shows the text', () => {
    const digits = fc.string({ unit: fc.constantFrom('0', '1', '9'), minLength: 1, maxLength: 22 }).map((d) => (d.length % 3 ? d : `+${d}`));
    fc.assert(fc.property(fc.oneof(hostile, digits), (s) => {
      const out = csvCell(s);
      const unquoted = out.startsWith('"') ? out.slice(1, -1).replace(/""/g, '"') : out;
      if (/[",\r\n]/.test(unquoted)) expect(out.startsWith('"') && out.endsWith('"')).toBe(true);
      // what Excel, WPS and LibreOffice show: ="…" is the text inside, a leading ' is not shown
      const asText = /^="(.*)"$/.exec(unquoted);
      if (asText) {
        expect(unquoted, 'the one formula written is a quoted string of digits').toMatch(/^="[+-]?\d+(\.\d+)?([eE][+-]?\d+)?"$/);
        expect(asText[1]).toBe(s);
      } else {
        if (RUNS_AS_FORMULA.test(unquoted)) expect(unquoted).toMatch(/^[+-]?\d+(\.\d+)?$/); // only plain numbers may start with + or -
        expect(unquoted === s || unquoted === `'${s}`).toBe(true);
      }
      // long digits and leading zeros stay text: never a bare number a spreadsheet would round or strip
      if (/^\+?(\d{12,}|0\d+)$/.test(s)) expect(asText).not.toBeNull();
    }), RUNS);
  });

  it('XML text is well-formed to a real XML parser (saxes), and reads back as the text minus the characters XML 1.0 forbids', async () => {
    const { SaxesParser } = await import('saxes');
    // XML 1.0 §2.2: Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
    const isChar = (cp: number) => cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
    fc.assert(fc.property(hostile, (s) => {
      const out = xmlText(s);
      let text = '';
      let failed: Error | undefined;
      const parser = new SaxesParser();
      parser.on('text', (t) => { text += t; });
      parser.on('error', (e) => { failed ??= e; });
      parser.write(`<a t="${out}">${out}</a>`).close();
      expect(failed, out).toBeUndefined();
      // a lone surrogate is no code point of its own: it goes like any character XML forbids
      const allowed = [...s].filter((ch) => ch.length === 2 || !(ch.charCodeAt(0) >= 0xd800 && ch.charCodeAt(0) <= 0xdfff)).filter((ch) => isChar(ch.codePointAt(0)!)).join('');
      // an attribute would normalise its white space; the element's text is the text itself (CR as written)
      expect(text.replace(/\r\n?/g, '\n')).toBe(allowed.replace(/\r\n?/g, '\n'));
    }), RUNS);
  });

  it('terminal text carries no control character (C0, DEL, C1), no bidi control and no line separator: each is shown as an escape', () => {
    // by Unicode's properties: Cc, Bidi_Control, Zl, Zp
    const unsafe = /[\p{Cc}\p{Bidi_Control}\p{Zl}\p{Zp}]/u;
    const withBidi = fc.oneof(hostile, fc.string({ unit: fc.constantFrom('\u061c', '\u200e', '\u200f', '\u202a', '\u202e', '\u2066', '\u2069', '\u2028', '\u2029', 'a', '中'), maxLength: 12 }));
    fc.assert(fc.property(withBidi, (s) => {
      const out = escapeControls(s);
      expect(out).not.toMatch(unsafe);
      if (!unsafe.test(s)) expect(out).toBe(s);
    }), RUNS);
  });

  it('a JSON report\'s value is JSON.stringify(value, null, 2) at its indentation, with bidi controls and line separators as \\u escapes (issue #25 writes it in one native call)', () => {
    const unsafe = /[\p{Bidi_Control}\p{Zl}\p{Zp}]/u;
    const text = fc.oneof(hostile, fc.string({ unit: fc.constantFrom('\u061c', '\u200e', '\u202e', '\u2028', '\u2029', '\n', '"', '\\', 'a', '中'), maxLength: 12 }));
    const value = fc.letrec((tie) => ({
      leaf: fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.date({ noInvalidDate: true })),
      node: fc.oneof({ depthSize: 'small' }, tie('leaf'), fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(text, tie('node'), { maxKeys: 4 })),
    })).node;
    fc.assert(fc.property(value, fc.constantFrom('', '  ', '    '), (v, indent) => {
      const out = stringifyAt(v, indent);
      expect(out).not.toMatch(unsafe);
      // the same value to a parser, and the same layout as JSON.stringify moved to `indent`
      expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(v === undefined ? null : v)));
      const plain = (JSON.stringify(v, null, 2) ?? 'null').replace(/\n/g, `\n${indent}`);
      // the escapes back, every bidi control and line separator (`hostile` holds all of them; an escape, not an escaped backslash before the letters u2028)
      const back = out.replace(/(?<=(?:^|[^\\])(?:\\\\)*)\\u(061c|200e|200f|202[a-e]|206[6-9]|2028|2029)/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
      expect(back).toBe(plain);
    }), RUNS);
  });

  it('a whole JSON report is JSON.stringify(report, null, 2), findings and records written a batch at a time: any number of them, across the batches\' edges', async () => {
    const unsafe = /[\p{Bidi_Control}\p{Zl}\p{Zp}]/u;
    const text = fc.oneof(hostile, fc.string({ unit: fc.constantFrom('\u061c', '\u202e', '\u2028', '\n', '"', '\\', 'a', '中'), maxLength: 8 }));
    const value = fc.letrec((tie) => ({
      leaf: fc.oneof(text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.date({ noInvalidDate: true })),
      node: fc.oneof({ depthSize: 'small' }, tie('leaf'), fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(text, tie('node'), { maxKeys: 3 })),
    })).node;
    // findings with some of their keys, in any order (the report puts them in its own)
    const finding = fc.record({ ruleId: text, severity: fc.constantFrom('error', 'warning', 'info'), file: text, row: fc.integer({ min: 1 }), message: text, value, reasons: fc.array(text, { maxLength: 2 }) }, { requiredKeys: ['ruleId', 'severity', 'file', 'message'] });
    const count = fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 30, max: 34 }), fc.integer({ min: 62, max: 100 }));
    await fc.assert(fc.asyncProperty(count, count, fc.array(finding, { minLength: 1, maxLength: 5 }), fc.array(value, { minLength: 1, maxLength: 5 }), async (nf, nr, fs, rs) => {
      let out = '';
      const summary = { files: 1, errors: 0 };
      const writer = new JsonWriter({ write: (t) => { out += typeof t === 'string' ? t : Buffer.from(t).toString('utf8'); } }, [{ key: 'orders', records: 'order' }, { key: 'total', value: () => ({ n: nr }) }]);
      const findings = Array.from({ length: nf }, (_, i) => fs[i % fs.length]);
      const records = Array.from({ length: nr }, (_, i) => rs[i % rs.length]);
      for (const f of findings) writer.finding(f as never);
      for (const r of records) writer.record('order', r);
      writer.fileDone({ path: 'a.xlsx', status: 'ok', sheets: [] } as never);
      await writer.end({ summary: () => summary } as unknown as Totals);
      expect(out).not.toMatch(unsafe);
      const orderedKeys = (f: Record<string, unknown>) => Object.fromEntries(FINDING_KEYS.filter((k) => f[k] !== undefined).map((k) => [k, f[k]]));
      const report = { version: 1, files: [{ path: 'a.xlsx', status: 'ok', sheets: [] }], findings: findings.map(orderedKeys), summary, orders: records, total: { n: nr } };
      const back = out.replace(/(?<=(?:^|[^\\])(?:\\\\)*)\\u(061c|200e|200f|202[a-e]|206[6-9]|2028|2029)/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
      expect(back).toBe(`${JSON.stringify(report, null, 2)}\n`);
    }), { ...RUNS, numRuns: 200 });
  });

  it('a formula moved and moved back is the formula; moving never throws on any text', () => {
    const ref = fc.tuple(fc.constantFrom('', '$'), fc.integer({ min: 30, max: 500 }), fc.constantFrom('', '$'), fc.integer({ min: 30, max: 5000 }))
      .map(([a, c, b, r]) => `${a}${String.fromCharCode(64 + Math.floor(c / 26))}${String.fromCharCode(65 + (c % 26))}${b}${r}`);
    const formula = fc.array(fc.oneof(ref, fc.constantFrom('+', '*', 'SUM(', ')', ',', '"A1&B2"', "'Sheet 1'!", 'Sheet1!', '1.5E3', 'LOG10(', 'TRUE', ':', '[@列]')), { minLength: 1, maxLength: 12 }).map((a) => a.join(''));
    fc.assert(fc.property(formula, fc.integer({ min: -20, max: 20 }), fc.integer({ min: -20, max: 20 }), (f, dr, dc) => {
      expect(shiftFormula(shiftFormula(f, dr, dc), -dr, -dc)).toBe(f);
    }), RUNS);
    fc.assert(fc.property(hostile, fc.integer(), fc.integer(), (s, dr, dc) => { shiftFormula(s, dr % 2_000_000, dc % 20_000); }), RUNS);
  });
});
