import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { PlainXml, PlainXmlBytes, plainlyWellFormed } from '../../src/workbook/xlsx/plain-xml.js';
import { asXml10, checkWellFormed, WellFormed } from '../../src/workbook/xlsx/well-formed.js';
import { xlsxParts, NS } from '../corpus/build.js';
import { tempDir } from '../helpers/cli.js';
import { writeWorkbook } from '../helpers/workbook.js';
import { unzipAll } from '../helpers/zip.js';

/**
 * The quick check of plain XML (src/workbook/xlsx/plain-xml.ts) may only say "well-formed" where
 * the conforming parser (saxes, as WellFormed sets it up) says so too; on what real writers
 * produce it should say so, or it saves nothing.
 */
function saxesAccepts(text: string): boolean {
  const p = new SaxesParser({ position: true, defaultXMLVersion: '1.1', forceXMLVersion: true });
  let ok = true;
  p.on('error', () => { ok = false; });
  p.write(asXml10(text));
  p.close();
  return ok;
}

const dir = tempDir('plain-xml');

async function realParts(): Promise<Array<{ from: string; text: string }>> {
  const fixtures = join(__dirname, '..', 'fixtures');
  const files = readdirSync(fixtures).filter((f) => f.endsWith('.xlsx') && !f.includes('renamed-ods')).map((f) => join(fixtures, f));
  const exceljs = join(dir, 'exceljs.xlsx');
  await writeWorkbook(exceljs, { 订单: [['订单号', '金额', '备注'], ['20240520001', 99.5, 'A&B <加急> "礼盒"'], ['20240520002', 0, '新疆\n乌鲁木齐']] });
  const out: Array<{ from: string; text: string }> = [];
  for (const file of [...files, exceljs]) {
    for (const e of await unzipAll(file)) if (/\.(xml|rels)$/i.test(e.name)) out.push({ from: `${file}:${e.name}`, text: e.data.toString('utf8').replace(/^\uFEFF/, '') });
  }
  for (const p of xlsxParts({ strings: `<sst xmlns="${NS}"><si><t xml:space="preserve"> 共享 </t></si></sst>` })) if (typeof p.data === 'string') out.push({ from: `corpus:${p.name}`, text: p.data });
  return out;
}

/** A small random generator (the same cases every run). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => { s = (s * 1664525 + 1013904223) >>> 0; return s / 2 ** 32; };
}

const PIECES = ['<', '>', '&', ';', '"', "'", '/', '=', ' ', ':', '!', '?', '[', ']', ']]>', '&amp;', '&#', '&#x', '&#0;', '&#x1;', '&#xD800;', '&#x110000;', '&nbsp;', '&lt', '<!--', '-->', '<![CDATA[', '<?pi?>', '<!DOCTYPE x>',
  'a', 'x:', ':a', 'é', '订', '\u0000', '\u0001', '\u0008', '\u000b', '\u001f', '\u007f', '\u0085', '\u0099', '\u2028', '\ud800', '\udc00', '\ud83d\ude00', '\ufffe', '\uffff', '\ufeff', '\t', '\r', '\n', '1', '-', '.', '_', 'xmlns', 'xmlns:r="x"', ' a="1"', ' a="1" a="2"'];

describe('plainlyWellFormed against the conforming parser', () => {
  it('says well-formed for every part real writers made (openpyxl, LibreOffice, exceljs), as the parser does', async () => {
    const parts = await realParts();
    expect(parts.length).toBeGreaterThan(40);
    for (const { from, text } of parts) {
      expect(saxesAccepts(text), from).toBe(true);
      expect(plainlyWellFormed(text), from).toBe(true);
    }
  });

  it('never says well-formed where the parser does not: 60,000 mutations of real parts', async () => {
    const parts = await realParts();
    const next = random(20261204);
    let agreedOk = 0;
    for (let round = 0; round < 60_000; round++) {
      const { text } = parts[Math.floor(next() * parts.length)];
      // a short part whole; a window of a long one, cut at its tags (elements it closes and opens are often left so)
      let t = text;
      if (text.length > 3000) {
        const from = text.indexOf('<', Math.floor(next() * text.length));
        const to = text.indexOf('<', from + 40 + Math.floor(next() * 600));
        t = from < 0 ? text.slice(0, 3000) : `<r>${text.slice(from, to < 0 ? undefined : to)}</r>`;
      }
      const edits = 1 + Math.floor(next() * 3);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(next() * (t.length + 1));
        const op = next();
        const piece = PIECES[Math.floor(next() * PIECES.length)];
        if (op < 0.4) t = t.slice(0, at) + piece + t.slice(at);
        else if (op < 0.7) t = t.slice(0, at) + t.slice(at + 1 + Math.floor(next() * 4));
        else t = t.slice(0, at) + piece + t.slice(at + piece.length);
      }
      const quick = plainlyWellFormed(t);
      if (quick) {
        expect(saxesAccepts(t), JSON.stringify(t)).toBe(true);
        agreedOk++;
      }
    }
    // the mutations are not all broken: the check has said yes to a good share, and been right each time
    expect(agreedOk).toBeGreaterThan(3_000);
  });

  it('passes on what it does not handle to the parser, which words the problem as before', () => {
    const cases: Array<[string, boolean]> = [
      ['<a><!-- note --></a>', true], ['<a><![CDATA[x < y]]></a>', true], ['<?xml version="1.0"?><!DOCTYPE a><a/>', true], ['<a b="订"/>', true], ['<订/>', true],
      ['<a>&nbsp;</a>', false], ['<a>x]]>y</a>', false], ['<a>\u0001</a>', false], ['<a>&#x1;</a>', true], ['<a>&#0;</a>', false], ['<a b="1" b="2"/>', false], ['<a></b>', false], ['<a/><b/>', false], ['<a>', false], ['', false], ['<a b="<"/>', false], ['<a b="]]>">x</a>', true], ['<a b="]]>">x<c/>y]]>z</a>', false], ['<a>x<b c="]]>"/>y</a>', true],
    ];
    for (const [xml, ok] of cases) {
      expect(saxesAccepts(xml), xml).toBe(ok);
      if (plainlyWellFormed(xml)) expect(ok, xml).toBe(true);
      if (ok) expect(() => checkWellFormed('x.xml', xml), xml).not.toThrow();
      else expect(() => checkWellFormed('x.xml', xml), xml).toThrow(/x\.xml is not well-formed XML/);
    }
  });

  it('a part streamed in pieces (UTF-8 cut inside a character), short or past what is held, is judged as whole', () => {
    const body = Array.from({ length: 40_000 }, (_, i) => `<si><t>共享字符串${i} &amp; 😀</t></si>`).join('');
    for (const xml of [`<sst xmlns="${NS}">${body}</sst>`, `<sst xmlns="${NS}">${body}<si></sst>`, `<sst>${body.slice(0, 2000)}</sst>`, `<sst>${body.slice(0, 2000)}<</sst>`]) {
      const bytes = Buffer.from(xml, 'utf8');
      const w = new WellFormed('xl/sharedStrings.xml');
      for (let at = 0; at < bytes.length; at += 7001) w.push(bytes.subarray(at, at + 7001));
      if (saxesAccepts(xml)) expect(() => w.end()).not.toThrow();
      else expect(() => w.end()).toThrow(/sharedStrings\.xml is not well-formed XML/);
    }
  });
});

/** `whole` through a quick check in pieces of the sizes `next` gives (1 to `most` characters or bytes each; bytes are cut anywhere, inside characters too). */
function piecewise<T extends string | Buffer>(check: { push(piece: T): boolean; end(): boolean }, whole: T, next: () => number, most: number): boolean {
  for (let at = 0; at < whole.length;) {
    const n = 1 + Math.floor(next() * most);
    check.push(whole.slice(at, at + n) as T);
    at += n;
  }
  return check.end();
}

/** A real part's first `chars` characters with one to three pieces put in or characters taken out. */
function mutated(parts: ReadonlyArray<{ text: string }>, next: () => number, chars: number): string {
  let t = parts[Math.floor(next() * parts.length)].text.slice(0, chars);
  for (let e = 0, edits = 1 + Math.floor(next() * 3); e < edits; e++) {
    const at = Math.floor(next() * (t.length + 1));
    const piece = PIECES[Math.floor(next() * PIECES.length)];
    t = next() < 0.5 ? t.slice(0, at) + piece + t.slice(at) : t.slice(0, at) + t.slice(at + 1 + Math.floor(next() * 4));
  }
  return t;
}

/** `text` through PlainXml in pieces. */
const inPieces = (text: string, next: () => number, most: number): boolean => piecewise<string>(new PlainXml(), text, next, most);

describe('PlainXml: the quick check of a part that comes in pieces', () => {
  it('gives the whole text\'s verdict however the text is cut: real parts and 20,000 mutations, in pieces of 1 to 4,000 characters', async () => {
    const parts = await realParts();
    const next = random(20261205);
    for (const { from, text } of parts) for (const most of [1, 3, 17, 4000]) expect([from, most, inPieces(text, next, most)]).toEqual([from, most, true]);
    let differ = 0;
    let yes = 0;
    for (let round = 0; round < 20_000; round++) {
      const t = mutated(parts, next, 2000);
      const whole = plainlyWellFormed(t);
      if (whole) yes++;
      // a cut may make it unsure of what the whole text passes; it is never surer than the whole text
      const cut = inPieces(t, next, [1, 2, 5, 40, 700][round % 5]);
      if (cut !== whole) differ++;
      if (cut) expect(saxesAccepts(t), JSON.stringify(t)).toBe(true);
    }
    expect(yes).toBeGreaterThan(1_000);
    expect(differ).toBe(0);
  });

  it('reads an XML declaration, a reference, a surrogate pair and `]]>` cut between pieces', () => {
    const cases: Array<[string, boolean]> = [
      ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst><si><t>a &amp; b &#x4E2D; 😀</t></si></sst>', true],
      ['<?xml version="1.0"?><a>x]]>y</a>', false],
      ['<?xml version="2.0"?><a/>', false],
      ['<?xml-stylesheet href="x"?><a/>', false],
      ['<a>&#xFFFE;</a>', false],
      ['<a>\ud83d</a>', false],
      ['<a b="]]>">x</a>', true],
    ];
    for (const [xml, ok] of cases) {
      expect([xml, plainlyWellFormed(xml)]).toEqual([xml, ok]);
      for (let size = 1; size <= 8; size++) expect([xml, size, inPieces(xml, () => (size - 1) / size, size)]).toEqual([xml, size, ok]);
    }
  });
});

describe('WellFormed over a long part that can be read again', () => {
  const long = (body: string) => `<sst xmlns="${NS}">${Array.from({ length: 40_000 }, (_, i) => `<si><t>共享字符串${i} &amp; 😀</t></si>`).join('')}${body}</sst>`;
  const judge = async (xml: string) => {
    const bytes = Buffer.from(xml, 'utf8');
    const pieces = (function* () { for (let at = 0; at < bytes.length; at += 65_536) yield bytes.subarray(at, at + 65_536); });
    let readAgain = 0;
    const w = new WellFormed('xl/sharedStrings.xml', async function* () { readAgain++; yield* pieces(); });
    for (const p of pieces()) w.push(p);
    let problem: string | undefined;
    try { await w.end(); } catch (err) { problem = (err as Error).message; }
    return { readAgain, problem };
  };

  it('is not read again when the quick check can tell (the parser is never made)', async () => {
    expect(long('').length).toBeGreaterThan(1 << 20);
    expect(await judge(long(''))).toEqual({ readAgain: 0, problem: undefined });
  });

  it('is read again through the parser when the quick check cannot tell, with the parser\'s verdict and words', async () => {
    // well-formed, and nothing the quick check reads: a comment, CDATA
    expect(await judge(long('<!-- 备注 --><si><t><![CDATA[a < b]]></t></si>'))).toEqual({ readAgain: 1, problem: undefined });
    // not well-formed: said as the parser says it without the quick check
    for (const bad of ['<si><t>a & b</t></si>', '<si><t>x</si>', '<si><t>\u0001</t></si>']) {
      const got = await judge(long(bad));
      expect(got.readAgain).toBe(1);
      let before: string | undefined;
      try { checkWellFormed('xl/sharedStrings.xml', long(bad)); } catch (err) { before = (err as Error).message; }
      expect(before).toMatch(/sharedStrings\.xml is not well-formed XML/);
      expect(got.problem).toBe(before);
    }
  });
});


describe('WellFormed at the part\'s last bytes', () => {
  it('reads a character cut short at the very end as a character (U+FFFD), as a stray byte there: text after the root, refused', async () => {
    const root = '<sst><si><t>订单</t></si></sst>';
    for (const tail of [Buffer.from([0xe4, 0xb8]), Buffer.from([0xff])]) {
      for (const body of ['', '<si><t>x</t></si>'.repeat(80_000)]) {
        const bytes = Buffer.concat([Buffer.from(root.replace('</sst>', `${body}</sst>`), 'utf8'), tail]);
        const w = new WellFormed('xl/sharedStrings.xml', async function* () { yield bytes; });
        for (let at = 0; at < bytes.length; at += 65_536) w.push(bytes.subarray(at, at + 65_536));
        await expect((async () => w.end())(), `${tail.toString('hex')} after ${bytes.length} bytes`).rejects.toThrow(/sharedStrings\.xml is not well-formed XML/);
      }
    }
  });
});


/** UTF-8 bytes through PlainXmlBytes in pieces. */
const bytesInPieces = (bytes: Buffer, next: () => number, most: number): boolean => piecewise<Buffer>(new PlainXmlBytes(), bytes, next, most);

/** What the text check says of the same bytes, decoded as WellFormed decodes them (a leading byte-order mark dropped, U+FFFD for what spells no character). */
const textVerdict = (bytes: Buffer): boolean => plainlyWellFormed(new TextDecoder('utf-8').decode(bytes));

/** Byte sequences the text's reading sees otherwise than as characters of their own: not UTF-8, U+FFFE and U+FFFF, controls, a mark in the middle. */
const BYTE_PIECES = [[0xff], [0x80], [0xe4, 0xb8], [0xe4], [0xef, 0xbf, 0xbe], [0xef, 0xbf, 0xbf], [0xef, 0xbf, 0xbd], [0xef, 0xbf], [0xef, 0xbb, 0xbf], [0xc2, 0x85], [0xc2, 0x9f], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xf0, 0x9f, 0x98, 0x80], [0xe2, 0x80, 0xa8], [0x7f], [0x01], [0x0b], [0x3c], [0x26], [0x5d, 0x5d, 0x3e]].map((b) => Buffer.from(b));

describe('PlainXmlBytes: the quick check over the part\'s bytes, as the reading thread gives them', () => {
  // 31–51 s alone on this round's machine, past the suite's 60 s when the machine is busy: a time limit of its own (the checks are the same)
  it('says what the check over the decoded text says: real parts and 40,000 mutations of their text and of their bytes, cut anywhere', async () => {
    const parts = await realParts();
    const next = random(20261206);
    for (const { from, text } of parts) {
      const bytes = Buffer.from(text, 'utf8');
      for (const most of [1, 2, 3, 17, 65_536]) expect([from, most, bytesInPieces(bytes, next, most)]).toEqual([from, most, true]);
      // with the byte-order mark some writers put first, cut inside it too
      expect([from, bytesInPieces(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]), next, 2)]).toEqual([from, true]);
    }
    let yes = 0;
    let no = 0;
    for (let round = 0; round < 40_000; round++) {
      const t = mutated(parts, next, 1500);
      let bytes = Buffer.from(t, 'utf8');
      // half of them with bytes the text cannot hold as they are
      for (let e = 0, edits = round % 2 ? 1 + Math.floor(next() * 2) : 0; e < edits; e++) {
        const at = Math.floor(next() * (bytes.length + 1));
        const piece = BYTE_PIECES[Math.floor(next() * BYTE_PIECES.length)];
        bytes = Buffer.concat([bytes.subarray(0, at), piece, bytes.subarray(next() < 0.5 ? at : Math.min(bytes.length, at + 1 + Math.floor(next() * 3)))]);
      }
      const want = textVerdict(bytes);
      if (want) yes++;
      else no++;
      expect([JSON.stringify(bytes.toString('latin1')), bytesInPieces(bytes, next, [1, 2, 3, 7, 64, 5000][round % 6])]).toEqual([JSON.stringify(bytes.toString('latin1')), want]);
    }
    expect(yes).toBeGreaterThan(3_000);
    expect(no).toBeGreaterThan(3_000);
  }, 240_000);

  it('reads each kind of byte the text would hold otherwise as the text check does, in text, in a value, in a name and after the root', () => {
    for (const piece of BYTE_PIECES) {
      for (const where of ['<a>x#y</a>', '<a b="x#y"/>', '<a#/>', '<a>x</a>#', '#<a/>', '<a><b>#</b></a>', '<a>&#', '<a>]]#</a>']) {
        const [before, after] = where.split('#');
        const bytes = Buffer.concat([Buffer.from(before, 'utf8'), piece, Buffer.from(after, 'utf8')]);
        const want = textVerdict(bytes);
        for (let size = 1; size <= 5; size++) expect([piece.toString('hex'), where, size, bytesInPieces(bytes, () => (size - 1) / size, size)]).toEqual([piece.toString('hex'), where, size, want]);
      }
    }
  });

  it('WellFormed given bytes words the problem as it does given their text, in pieces cut inside characters', () => {
    const next = random(7);
    const cases = ['<sst><si><t>订单 &amp; 😀</t></si></sst>', '<sst><si><t>a & b</t></si></sst>', '<sst><si><t>x</si></sst>', '<sst><si><t>\u0001</t></si></sst>', '<sst><si><t>x</t></si></sst>\uffff', '<sst><si><t>\ufffe</t></si></sst>', '\ufeff<?xml version="1.0"?><sst/>', '<sst><!-- 备注 --><si><t>y</t></si></sst>'];
    for (const text of cases) {
      let before: string | undefined;
      try { checkWellFormed('xl/sharedStrings.xml', text.replace(/^\ufeff/, '')); } catch (err) { before = (err as Error).message; }
      const bytes = Buffer.from(text, 'utf8');
      for (const most of [1, 3, 9, 1000]) {
        const w = new WellFormed('xl/sharedStrings.xml');
        for (let at = 0; at < bytes.length;) { const n = 1 + Math.floor(next() * most); w.push(bytes.subarray(at, at + n)); at += n; }
        let got: string | undefined;
        try { w.end(); } catch (err) { got = (err as Error).message; }
        expect([text, most, got]).toEqual([text, most, before]);
      }
    }
  });
});
