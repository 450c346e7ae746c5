import { attr, attrSpan, endsName, tagEnd as tagEndAt } from './xml.js';

/** What a written cell's look adds to the style it had: a fill, bold text, a number format. */
export interface StyleWant {
  /** solid fill colour, ARGB (`FFFFF2CC`) */
  fill?: string;
  bold?: boolean;
  numFmt?: string;
  /** text that begins like a formula: shown as typed, never run (Excel's leading apostrophe) */
  quotePrefix?: boolean;
  /** blue underlined text, as Excel shows a hyperlink */
  link?: boolean;
  /** long text wrapped, aligned to the top */
  wrap?: boolean;
}

const LINK_COLOR = 'FF0563C1';

/** Excel's built-in number formats that need no entry of their own. */
const BUILTIN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '@': 49 };

/** The children of a styles section (`<fonts>` → each `<font>…</font>`), as source text. */
function items(section: string, prefix: string, name: string): string[] {
  const out: string[] = [];
  const open = `<${prefix}${name}`;
  const close = `</${prefix}${name}>`;
  for (let i = section.indexOf(open); i >= 0;) {
    if (!endsName(section.charCodeAt(i + open.length))) { i = section.indexOf(open, i + 1); continue; }
    const tagEnd = tagEndAt(section, i);
    if (tagEnd < 0) break;
    let end: number;
    if (section[tagEnd - 1] === '/') end = tagEnd + 1;
    else {
      const c = section.indexOf(close, tagEnd);
      if (c < 0) break;
      end = c + close.length;
    }
    out.push(section.slice(i, end));
    i = section.indexOf(open, end);
  }
  return out;
}

/** Sets attribute `name` in the start tag at the beginning of `element`. */
export function setAttr(element: string, name: string, value: string): string {
  const tagEnd = tagEndAt(element, 0);
  const selfClosing = element[tagEnd - 1] === '/';
  const tag = element.slice(0, tagEnd + 1);
  // the value found by the attribute grammar (never a look-alike inside another attribute's value), written with the quotes it had
  const at = attrSpan(tag, name);
  const changed = at
    ? `${tag.slice(0, at.from)}${value}${tag.slice(at.to)}`
    : `${tag.slice(0, selfClosing ? tagEnd - 1 : tagEnd).trimEnd()} ${name}="${value}"${selfClosing ? '/>' : '>'}`;
  return changed + element.slice(tagEnd + 1);
}

/** Removes attribute `name` from a start tag. */
export function dropAttr(tag: string, name: string): string {
  return tag.replace(new RegExp(`\\s${name}\\s*=\\s*(["'])[^"']*\\1`), '');
}

/** The order of a stylesheet's sections (a missing one is inserted where it belongs). */
const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

/** `seeded`: the stylesheet lacked the section, and its items are the defaults every workbook has (written with any change) */
interface Section { name: string; items: string[]; added: string[]; seeded?: boolean }

/**
 * What a section the stylesheet lacks holds by default, under the indexes its formats use (fill 0
 * none and 1 gray125, which Excel reserves; font 0 every cell's font; format 0 every cell's): a fill
 * or font added to a stylesheet without them went to index 0, the whole sheet's (helper-49).
 */
function defaults(p: string): Record<string, string[]> {
  return {
    fonts: [`<${p}font><${p}sz val="11"/><${p}name val="等线"/><${p}family val="2"/><${p}charset val="134"/></${p}font>`],
    fills: [`<${p}fill><${p}patternFill patternType="none"/></${p}fill>`, `<${p}fill><${p}patternFill patternType="gray125"/></${p}fill>`],
    borders: [`<${p}border><${p}left/><${p}right/><${p}top/><${p}bottom/><${p}diagonal/></${p}border>`],
    cellXfs: [`<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>`],
  };
}

/**
 * A workbook's styles part, to which cell formats are added (never changed: every existing
 * index keeps its meaning). A cell that must look different gets a copy of its own format with
 * the fill, bold font or number format added; equal requests share one new format.
 */
export class StylesEditor {
  private readonly prefix: string;
  private readonly sections = new Map<string, Section>();
  private readonly memo = new Map<string, number>();
  private nextFormatId = 164;

  private readonly xml: string;

  constructor(xml: string) {
    const root = /<([\w.-]+:)?styleSheet[\s>/]/.exec(xml);
    this.prefix = root?.[1] ?? '';
    // a root closed at once (`<styleSheet/>`) is opened, so that sections go inside it
    const rootEnd = root ? tagEndAt(xml, root.index) : -1;
    this.xml = rootEnd > 0 && xml[rootEnd - 1] === '/' ? `${xml.slice(0, rootEnd - 1).trimEnd()}></${this.prefix}styleSheet>${xml.slice(rootEnd + 1)}` : xml;
    const seed = defaults(this.prefix);
    for (const name of ['numFmts', 'fonts', 'fills', 'borders', 'cellXfs']) {
      const child = name === 'numFmts' ? 'numFmt' : name === 'fonts' ? 'font' : name === 'fills' ? 'fill' : name === 'borders' ? 'border' : 'xf';
      const body = this.body(name);
      this.sections.set(name, body === undefined && seed[name] ? { name, items: seed[name], added: [], seeded: true } : { name, items: body === undefined ? [] : items(body, this.prefix, child), added: [] });
    }
    for (const f of this.sections.get('numFmts')!.items) {
      const id = Number(attr(f, 'numFmtId'));
      if (Number.isInteger(id) && id >= this.nextFormatId) this.nextFormatId = id + 1;
    }
  }

  /** A stylesheet with nothing but Excel's defaults, for a workbook made from a CSV. */
  static minimal(): StylesEditor {
    const d = defaults('');
    const section = (name: string) => `<${name} count="${d[name].length}">${d[name].join('')}</${name}>`;
    return new StylesEditor(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
      + section('fonts') + section('fills') + section('borders')
      + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
      + '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>'
      + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>',
    );
  }

  /** The text inside section `name`, or undefined when the stylesheet has none. */
  private body(name: string): string | undefined {
    const span = this.span(name);
    if (!span || span.selfClosing) return span ? '' : undefined;
    return this.xml.slice(span.bodyStart, span.bodyEnd);
  }

  private span(name: string): { start: number; bodyStart: number; bodyEnd: number; end: number; selfClosing: boolean } | undefined {
    const open = `<${this.prefix}${name}`;
    let i = this.xml.indexOf(open);
    while (i >= 0) {
      if (endsName(this.xml.charCodeAt(i + open.length))) break;
      i = this.xml.indexOf(open, i + 1);
    }
    if (i < 0) return undefined;
    const tagEnd = tagEndAt(this.xml, i);
    if (tagEnd < 0) return undefined;
    if (this.xml[tagEnd - 1] === '/') return { start: i, bodyStart: tagEnd + 1, bodyEnd: tagEnd + 1, end: tagEnd + 1, selfClosing: true };
    const close = `</${this.prefix}${name}>`;
    const c = this.xml.indexOf(close, tagEnd);
    if (c < 0) return undefined;
    return { start: i, bodyStart: tagEnd + 1, bodyEnd: c, end: c + close.length, selfClosing: false };
  }

  private count(name: string): number {
    const s = this.sections.get(name)!;
    return s.items.length + s.added.length;
  }

  private item(name: string, i: number): string | undefined {
    const s = this.sections.get(name)!;
    return i < s.items.length ? s.items[i] : s.added[i - s.items.length];
  }

  private add(name: string, text: string): number {
    const s = this.sections.get(name)!;
    s.added.push(text);
    return s.items.length + s.added.length - 1;
  }

  /** The format of a cell that had format `base` (undefined: none) with `want` added. */
  variant(base: number | undefined, want: StyleWant): number {
    const b = base !== undefined && base >= 0 && base < this.count('cellXfs') ? base : 0;
    const key = `${b}|${want.fill ?? ''}|${want.bold ? 1 : 0}|${want.numFmt ?? ''}|${want.quotePrefix ? 1 : 0}|${want.link ? 1 : 0}|${want.wrap ? 1 : 0}`;
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    const p = this.prefix;
    let xf = this.item('cellXfs', b) ?? `<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    if (want.fill) {
      // fills 0 and 1 are Excel's own (none, gray125) whatever they say: a new fill goes after them
      const reserved = defaults(p).fills;
      while (this.count('fills') < reserved.length) this.add('fills', reserved[this.count('fills')]);
      const fill = this.add('fills', `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${want.fill}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`);
      xf = setAttr(setAttr(xf, 'fillId', String(fill)), 'applyFill', '1');
    }
    if (want.bold || want.link) {
      const fontId = Number(attr(xf, 'fontId') ?? 0);
      const font = this.item('fonts', fontId) ?? `<${p}font/>`;
      let changed = font.endsWith('/>') ? `${font.slice(0, -2)}></${p}font>` : font;
      if (want.bold && (!/<([\w.-]+:)?b(\s[^>]*)?\/>/.test(font) || /<([\w.-]+:)?b\s+val="(0|false)"/.test(font))) {
        changed = changed.replace(new RegExp(`<${p}b\\s+val="(0|false)"\\s*/>`), '').replace(/^(<[^>]*>)/, `$1<${p}b/>`);
      }
      if (want.link) {
        // the font's own colour and underline give way (a font's children may come in any order)
        changed = changed.replace(new RegExp(`<${p}(?:color|u)(\\s[^>]*)?/>`, 'g'), '').replace(/^(<[^>]*>)/, `$1<${p}u/><${p}color rgb="${LINK_COLOR}"/>`);
      }
      if (changed !== font) xf = setAttr(setAttr(xf, 'fontId', String(this.add('fonts', changed))), 'applyFont', '1');
    }
    if (want.wrap) {
      const alignment = `<${p}alignment wrapText="1" vertical="top"/>`;
      xf = setAttr(xf, 'applyAlignment', '1');
      if (xf.endsWith('/>')) xf = `${xf.slice(0, -2)}>${alignment}</${p}xf>`;
      else if (new RegExp(`<${p}alignment[\\s/>]`).test(xf)) xf = xf.replace(new RegExp(`<${p}alignment(\\s[^>]*)?/>|<${p}alignment(\\s[^>]*)?>[\\s\\S]*?</${p}alignment>`), alignment);
      else xf = xf.replace(/^(<[^>]*>)/, `$1${alignment}`);
    }
    if (want.numFmt) {
      let id = BUILTIN_FORMATS[want.numFmt];
      if (id === undefined) {
        const have = this.sections.get('numFmts')!;
        const found = [...have.items, ...have.added].find((f) => attr(f, 'formatCode') === want.numFmt);
        if (found) id = Number(attr(found, 'numFmtId'));
        else {
          id = this.nextFormatId++;
          this.add('numFmts', `<${p}numFmt numFmtId="${id}" formatCode="${escapeAttr(want.numFmt)}"/>`);
        }
      }
      xf = setAttr(setAttr(xf, 'numFmtId', String(id)), 'applyNumberFormat', '1');
    }
    if (want.quotePrefix) xf = setAttr(xf, 'quotePrefix', '1');
    const index = this.add('cellXfs', xf);
    this.memo.set(key, index);
    return index;
  }

  /** Whether any format was added (the part must be written). */
  get changed(): boolean {
    return [...this.sections.values()].some((s) => s.added.length > 0);
  }

  /** The stylesheet with the added formats. */
  toXml(): string {
    const xml = this.xml;
    if (!this.changed) return xml;
    const p = this.prefix;
    // each edit is a span of the original replaced (an inserted section: an empty span); several may
    // start at one offset (numFmts inserted where the fonts begin, and the fonts replaced), so the text
    // is made from the original's pieces in order, a section inserted before one replaced at the same place
    const edits: Array<{ at: number; end: number; text: string; order: number }> = [];
    for (const s of this.sections.values()) {
      if (!s.added.length && !s.seeded) continue;
      const all = [...s.items, ...s.added];
      const text = `<${p}${s.name} count="${all.length}">${all.join('')}</${p}${s.name}>`;
      const span = this.span(s.name);
      const order = ORDER.indexOf(s.name);
      if (span) edits.push({ at: span.start, end: span.end, text, order });
      else { const at = this.insertionPoint(s.name); edits.push({ at, end: at, text, order }); }
    }
    edits.sort((a, b) => a.at - b.at || (a.end - a.at) - (b.end - b.at) || a.order - b.order);
    const out: string[] = [];
    let from = 0;
    for (const e of edits) { out.push(xml.slice(from, e.at), e.text); from = e.end; }
    out.push(xml.slice(from));
    return out.join('');
  }

  /** Where a missing section goes: before the first section that follows it in the schema, or before the end. */
  private insertionPoint(name: string): number {
    for (const later of ORDER.slice(ORDER.indexOf(name) + 1)) {
      const span = this.span(later);
      if (span) return span.start;
    }
    const close = this.xml.lastIndexOf(`</${this.prefix}styleSheet>`);
    return close >= 0 ? close : this.xml.length;
  }
}

export function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
