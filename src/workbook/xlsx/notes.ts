import { columnLetter } from '../../cells/address.js';
import { xmlText } from '../../encode/xml-text.js';
import { attr } from './xml.js';

/** A note (Excel's classic comment) on one cell; row and column are Excel's (1-based). */
export interface CellNote {
  row: number;
  column: number;
  text: string;
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const COMMENTS_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml';
export const VML_TYPE = 'application/vnd.openxmlformats-officedocument.vmlDrawing';
export const COMMENTS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
export const VML_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing';

/** Notes by row, then column. */
const byCell = (a: CellNote, b: CellNote) => a.row - b.row || a.column - b.column;

function commentXml(n: CellNote, authorId: number, p = ''): string {
  return `<${p}comment ref="${columnLetter(n.column)}${n.row}" authorId="${authorId}"><${p}text><${p}t xml:space="preserve">${xmlText(n.text)}</${p}t></${p}text></${p}comment>`;
}

/** A new comments part holding the notes, written by `author`. */
export function commentsXml(notes: readonly CellNote[], author: string): string {
  const list = [...notes].sort(byCell).map((n) => commentXml(n, 0)).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN_NS}"><authors><author>${xmlText(author)}</author></authors><commentList>${list}</commentList></comments>`;
}

/**
 * The notes added to a sheet's existing comments part: the user's comments are kept as they
 * are, and a cell that has one gets no note of ours. Returns the part and the notes it took.
 */
export function mergeComments(existing: string, notes: readonly CellNote[], author: string): { xml: string; added: CellNote[] } {
  const p = /<([\w.-]+:)?comments[\s>]/.exec(existing)?.[1] ?? '';
  const taken = new Set<string>();
  for (const m of existing.matchAll(new RegExp(`<${p}comment\\s[^>]*>`, 'g'))) {
    const ref = attr(m[0], 'ref');
    if (ref) taken.add(ref.toUpperCase());
  }
  const added = [...notes].sort(byCell).filter((n) => !taken.has(`${columnLetter(n.column)}${n.row}`));
  if (!added.length) return { xml: existing, added };
  // our author, after theirs
  let authorId = 0;
  let xml = existing;
  const authors = new RegExp(`<${p}authors\\s*>([\\s\\S]*?)</${p}authors>|<${p}authors\\s*/>`).exec(xml);
  const ours = `<${p}author>${xmlText(author)}</${p}author>`;
  if (authors) {
    authorId = authors[1] ? (authors[1].match(new RegExp(`<${p}author[\\s>]`, 'g')) ?? []).length : 0;
    xml = xml.slice(0, authors.index) + `<${p}authors>${authors[1] ?? ''}${ours}</${p}authors>` + xml.slice(authors.index + authors[0].length);
  } else {
    const root = new RegExp(`<${p}comments[^>]*>`).exec(xml);
    if (!root) return { xml: existing, added: [] };
    xml = xml.slice(0, root.index + root[0].length) + `<${p}authors>${ours}</${p}authors>` + xml.slice(root.index + root[0].length);
  }
  const list = added.map((n) => commentXml(n, authorId, p)).join('');
  const close = xml.lastIndexOf(`</${p}commentList>`);
  if (close >= 0) xml = xml.slice(0, close) + list + xml.slice(close);
  else {
    const empty = new RegExp(`<${p}commentList\\s*/>`).exec(xml);
    if (empty) xml = xml.slice(0, empty.index) + `<${p}commentList>${list}</${p}commentList>` + xml.slice(empty.index + empty[0].length);
    else {
      const end = xml.lastIndexOf(`</${p}comments>`);
      xml = xml.slice(0, end) + `<${p}commentList>${list}</${p}commentList>` + xml.slice(end);
    }
  }
  return { xml, added };
}

/** VML's namespaces, declared on each shape added, as another program's drawing may bind them to other prefixes or not at its root. */
const VML_NS = 'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"';

const SHAPE_TYPE = '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

/** The box of one note: hidden until the cell is pointed at, beside the cell, tall enough for its lines. */
function shapeXml(n: CellNote, id: number, local = false): string {
  const lines = n.text.split('\n').reduce((sum, l) => sum + Math.max(1, Math.ceil(l.length / 24)), 0);
  const col = n.column - 1;
  const row = n.row - 1;
  const tall = Math.min(14, lines + 1);
  const top = Math.max(0, row - 1);
  return `<v:shape ${local ? `${VML_NS} ` : ''}id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:180pt;height:${tall * 13}pt;z-index:${id};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">`
    + '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>'
    + '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>'
    + `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${col + 1}, 15, ${top}, 2, ${col + 4}, 15, ${top + tall}, 2</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`;
}

/** The shape-id blocks (of 1,024) that `count` shapes from `first` take, as VML's idmap lists them. */
function blocks(first: number, count: number): string {
  const out: number[] = [];
  for (let b = Math.floor(first / 1024); b <= Math.floor((first + Math.max(count, 1) - 1) / 1024); b++) out.push(b);
  return out.join(',');
}

/** A new drawing of the notes' boxes; shape ids from `first` (each sheet's drawing its own block). */
export function vmlXml(notes: readonly CellNote[], first: number): string {
  const shapes = [...notes].sort(byCell).map((n, i) => shapeXml(n, first + i)).join('');
  return '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">'
    + `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${blocks(first, notes.length)}"/></o:shapelayout>${SHAPE_TYPE}${shapes}</xml>`;
}

/** The notes' boxes added to a sheet's existing drawing (its buttons and the user's notes kept). */
export function mergeVml(existing: string, notes: readonly CellNote[]): string {
  let max = 1024;
  for (const m of existing.matchAll(/_x0000_s(\d+)/g)) max = Math.max(max, Number(m[1]));
  const first = max + 1;
  const shapes = (existing.includes('_x0000_t202') ? '' : SHAPE_TYPE.replace('<v:shapetype ', `<v:shapetype ${VML_NS} `)) + [...notes].sort(byCell).map((n, i) => shapeXml(n, first + i, true)).join('');
  let xml = existing.replace(/(<(?:[\w.-]+:)?idmap\b[^>]*\bdata=")([^"]*)(")/, (_m, a: string, data: string, b: string) => {
    const have = new Set(data.split(',').map((x) => x.trim()).filter(Boolean));
    for (const x of blocks(first, notes.length).split(',')) have.add(x);
    return `${a}${[...have].join(',')}${b}`;
  });
  const close = xml.lastIndexOf('</xml>');
  xml = close >= 0 ? xml.slice(0, close) + shapes + xml.slice(close) : xml + shapes;
  return xml;
}

