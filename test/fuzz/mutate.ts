import { inflateRawSync } from 'node:zlib';
import { zip, type Part } from '../corpus/build.js';

/** A small seeded generator (mulberry32): a fuzz run is repeatable from its seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, a: readonly T[]): T => a[Math.floor(r() * a.length)];
const int = (r: () => number, n: number) => Math.floor(r() * n);

/** The parts of a zip written by the corpus builder or any plain zip (central directory read, deflate or store). */
export function unzipParts(b: Buffer): Part[] | undefined {
  let eocd = -1;
  for (let i = b.length - 22; i >= 0 && i >= b.length - 65_557; i--) if (b.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  if (eocd < 0) return undefined;
  const count = b.readUInt16LE(eocd + 10);
  let p = b.readUInt32LE(eocd + 16);
  const out: Part[] = [];
  try {
    for (let i = 0; i < count; i++) {
      if (b.readUInt32LE(p) !== 0x02014b50) return undefined;
      const method = b.readUInt16LE(p + 10);
      const csize = b.readUInt32LE(p + 20);
      const nlen = b.readUInt16LE(p + 28);
      const elen = b.readUInt16LE(p + 30);
      const clen = b.readUInt16LE(p + 32);
      const off = b.readUInt32LE(p + 42);
      const name = b.toString('utf8', p + 46, p + 46 + nlen);
      const start = off + 30 + b.readUInt16LE(off + 26) + b.readUInt16LE(off + 28);
      const raw = b.subarray(start, start + csize);
      out.push({ name, data: method === 8 ? inflateRawSync(raw) : Buffer.from(raw) });
      p += 46 + nlen + elen + clen;
    }
  } catch {
    return undefined;
  }
  return out;
}

const HOSTILE_VALUES = ['', '-1', '0', '99999999999999999999', 'ZZZZZZ1', 'A0', '"', '&', '&#x1;', '&#0;', '&#xFFFF;', '&bogus;', '1e308', 'NaN', '__proto__', 'constructor', 'XFD1048577', 'A1:XFD1048576', '$A$1', '-', ' '];
const HOSTILE_TEXT = ['<', '>', '&', ']]>', '<!--', '<![CDATA[x]]>', '<!DOCTYPE x [<!ENTITY a "aaaa">]>', '&a;', '\u0000', '\u001b[2J', '\ufeff', '\ud800', '𠀀', 'x'.repeat(5000), '<x:c>', '</row>', '<row r="1">', '<c r="A1" t="s"><v>7</v></c>', '<si><t>', '</sst>'];

/** One XML-level change to a part's text: a tag dropped or doubled, an attribute value or a text replaced, junk inserted. */
function mutateXml(r: () => number, text: string): string {
  const tags = [...text.matchAll(/<[^>]{1,200}>/g)];
  const op = int(r, 7);
  if (!tags.length || op === 0) {
    const at = int(r, text.length + 1);
    return text.slice(0, at) + pick(r, HOSTILE_TEXT) + text.slice(at);
  }
  const t = pick(r, tags);
  const at = t.index!;
  const tag = t[0];
  switch (op) {
    case 1: return text.slice(0, at) + text.slice(at + tag.length); // drop a tag (its element no longer closes)
    case 2: return text.slice(0, at) + tag + tag + text.slice(at + tag.length); // double it
    case 3: { // an attribute value replaced
      const attrs = [...tag.matchAll(/(\s[\w:]+=")([^"]*)"/g)];
      if (!attrs.length) return text;
      const a = pick(r, attrs);
      const changed = tag.replace(a[0], `${a[1]}${pick(r, HOSTILE_VALUES)}"`);
      return text.slice(0, at) + changed + text.slice(at + tag.length);
    }
    case 4: { // the element's name given another prefix
      const changed = tag.replace(/^<(\/?)([\w]+:)?/, (_m, slash: string) => `<${slash}${pick(r, ['', 'x:', 'ns1:', 'a:b:'])}`);
      return text.slice(0, at) + changed + text.slice(at + tag.length);
    }
    case 5: return text.slice(0, at); // cut short
    default: { // a text between tags replaced
      const end = text.indexOf('<', at + tag.length);
      return end < 0 ? text : text.slice(0, at + tag.length) + pick(r, HOSTILE_TEXT) + text.slice(end);
    }
  }
}

/** One byte-level change: flips, a cut, a range doubled or zeroed, random bytes inserted. */
function mutateBytes(r: () => number, b: Buffer): Buffer {
  const out = Buffer.from(b);
  switch (int(r, 5)) {
    case 0: { for (let i = 0, n = 1 + int(r, 8); i < n && out.length; i++) out[int(r, out.length)] ^= 1 << int(r, 8); return out; }
    case 1: return out.subarray(0, int(r, out.length + 1));
    case 2: { const a = int(r, out.length + 1); const len = int(r, 256); return Buffer.concat([out.subarray(0, a), out.subarray(a, a + len), out.subarray(a)]); }
    case 3: { const a = int(r, out.length + 1); out.fill(0, a, Math.min(out.length, a + int(r, 64))); return out; }
    default: { const a = int(r, out.length + 1); return Buffer.concat([out.subarray(0, a), Buffer.from(Array.from({ length: 1 + int(r, 32) }, () => int(r, 256))), out.subarray(a)]); }
  }
}

/** A mutant of `seed`: XML-level when the seed unzips (re-zipped, so the zip stays valid), or byte-level. */
export function mutate(r: () => number, seed: Buffer, isZip: boolean): Buffer {
  if (isZip && r() < 0.7) {
    const parts = unzipParts(seed);
    if (parts && parts.length) {
      const xml = parts.filter((p) => /\.(xml|rels)$/.test(p.name));
      for (let i = 0, n = 1 + int(r, 3); i < n && xml.length; i++) {
        const part = pick(r, xml);
        part.data = mutateXml(r, part.data.toString());
      }
      return zip(parts.map((p) => ({ ...p, method: r() < 0.2 ? 0 : 8 })));
    }
  }
  return mutateBytes(r, seed);
}

/**
 * One rewrite of a part that any conforming XML writer may make and that changes nothing a
 * reader may see (XML 1.0 §2.3, §2.5–2.7, §4.1): white space around `=`, single quotes, text in
 * a CDATA section, a character as a reference, a comment or processing instruction between
 * elements, an extra attribute whose value holds `>`, an attribute's character as a reference
 * (`s="&#49;"`), an element of another namespace that happens to be called `c` or `row` (Namespaces
 * in XML §6). The differential oracle: the workbook read after any of them is the workbook read
 * before, and so is a copy written from it.
 */
export function rewriteEquivalent(r: () => number, text: string): string {
  // only markup is rewritten: never inside a comment, an instruction or a CDATA section made before
  const op = int(r, 8);
  return text.split(/(<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>)/).map((seg, i) => (i % 2 ? seg : rewriteMarkup(r, seg, op))).join('');
}

function rewriteMarkup(r: () => number, text: string, op: number): string {
  switch (op) {
    case 0: return text.replace(/(<[\w:]+\s[^<>]*?)\s([\w:]+)="/g, (_m, head: string, name: string) => `${head} ${name}${pick(r, [' = ', '\n=\t', '= ', ' ='])}"`);
    case 1: return text.replace(/(<[\w:]+(?:\s+[\w:]+="[^"'<>]*")*\s+[\w:]+)="([^"'<>]*)"/g, (_m, head: string, v: string) => `${head}='${v}'`);
    case 2: return text.replace(/<((?:\w+:)?[tv])>([^<]+)<\/\1>/g, (m, name: string, v: string) => (r() < 0.5 ? `<${name}><![CDATA[${decode(v)}]]></${name}>` : m));
    case 3: return text.replace(/<((?:\w+:)?[tv])>([^<&]+)<\/\1>/g, (m, name: string, v: string) => (r() < 0.5 ? `<${name}>${[...v].map((ch) => (r() < 0.3 ? `&#${r() < 0.5 ? ch.codePointAt(0) : `x${ch.codePointAt(0)!.toString(16)}`};` : ch)).join('')}</${name}>` : m));
    case 4: return text.replace(/(<\/(?:\w+:)?(?:c|row|si|sheet|Relationship)>|<(?:\w+:)?(?:sheet|Relationship|c)\s[^<>]*\/>)/g, (m) => (r() < 0.3 ? `${m}${pick(r, ['<!-- </row><row r="1"> -->', '<?ecsop skip?>', '<!---->', '<?x </sheetData>?>'])}` : m));
    case 6: return text.replace(/(<(?:\w+:)?(?:c|row|sheet|xf|Relationship)\s[^<>]*?\s(?:s|t|r|name|numFmtId|Id)=")([^"&<>]+)"/g, (m, head: string, v: string) => (r() < 0.5 ? `${head}${[...v].map((ch) => (r() < 0.5 ? `&#${ch.codePointAt(0)};` : ch)).join('')}"` : m));
    case 7: return text.replace(/<\/((?:\w+:)?c)>/g, (m) => (r() < 0.3 ? `${m}${pick(r, ['<z:c xmlns:z="urn:z"><z:v>9</z:v></z:c>', '<c xmlns="urn:z"><v>9</v></c>', '<z:row xmlns:z="urn:z" r="1"/>'])}` : m));
    // a prefix of its own each time: an element rewritten twice must not declare the same attribute twice
    default: return text.replace(/<((?:\w+:)?(?:c|row|sheet|Relationship))(\s)/g, (m, name: string, sp: string) => {
      if (r() >= 0.3) return m;
      const z = `z${int(r, 1e9).toString(36)}`;
      return `<${name} xmlns:${z}="urn:z" ${z}:note="a>b&gt;c"${sp}`;
    });
  }
}

function decode(v: string): string {
  return v.replace(/&(lt|gt|amp|quot|apos);/g, (_m, e: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[e]!).replace(/&#(x[0-9a-f]+|\d+);/gi, (_m, n: string) => String.fromCodePoint(n[0] === 'x' || n[0] === 'X' ? parseInt(n.slice(1), 16) : Number(n))).replace(/]]>/g, ']]]]><![CDATA[>');
}

/** A seed rewritten by 1–3 equivalent rewrites in each of its XML parts, re-zipped. */
export function equivalent(r: () => number, seed: Buffer): Buffer | undefined {
  const parts = unzipParts(seed);
  if (!parts) return undefined;
  for (const p of parts) {
    if (!/\.(xml|rels)$/.test(p.name)) continue;
    let text = p.data.toString();
    for (let i = 0, n = 1 + int(r, 3); i < n; i++) text = rewriteEquivalent(r, text);
    p.data = Buffer.from(text);
  }
  return zip(parts.map((p) => ({ ...p, method: 8 })));
}
