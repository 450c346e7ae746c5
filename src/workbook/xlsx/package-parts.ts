import { xmlText } from '../../encode/xml-text.js';
import { widenedFilter, type SheetPatch } from './sheet-patch.js';
import { setAttr } from './styles-editor.js';
import { decodeXml } from './xml.js';

/** The edits a copy makes to a package's own parts: the workbook, its relationships, the content types. */

export const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const STYLES_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles';
export const WORKSHEET_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
export const WORKSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const OFFICE_RELS_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A relationship a copy adds. */
export interface NewRel { id: string; type: string; target: string }

/** The relationships part of a part: `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`. */
export function relsPathOf(part: string): string {
  return part.replace(/([^/]+)$/, '_rels/$1.rels');
}

/** An id none of `taken` has: `rIdEcsop1`, `rIdEcsop2` … */
export function freeId(taken: Iterable<string>, stem = 'rIdEcsop'): string {
  const have = new Set(taken);
  let i = 1;
  while (have.has(`${stem}${i}`)) i++;
  return `${stem}${i}`;
}

function relXml(r: NewRel): string {
  return `<Relationship Id="${xmlText(r.id)}" Type="${r.type}" Target="${xmlText(r.target)}"/>`;
}

/** A new relationships part. */
export function relsXml(rels: readonly NewRel[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS_NS}">${rels.map(relXml).join('')}</Relationships>`;
}

/** Relationships added to a part's own (and, when asked, the calculation chain's dropped). */
export function patchRels(xml: string, add: readonly NewRel[], dropCalcChain = false): string {
  let out = dropCalcChain ? xml.replace(/<([\w.-]+:)?Relationship\s[^>]*Type="[^"]*\/calcChain"[^>]*\/>/g, '') : xml;
  if (!add.length) return out;
  const p = /<([\w.-]+:)?Relationships[\s>]/.exec(out)?.[1] ?? '';
  const items = add.map((r) => relXml(r).replace(/^<Relationship/, `<${p}Relationship`)).join('');
  const close = out.lastIndexOf(`</${p}Relationships>`);
  if (close >= 0) return out.slice(0, close) + items + out.slice(close);
  // <Relationships/>: opened so it can hold them
  return out.replace(new RegExp(`<${p}Relationships([^>]*?)\\s*/>`), `<${p}Relationships$1>${items}</${p}Relationships>`);
}

/** The content types with a part's dropped, overrides and default extensions added. */
export function patchContentTypes(xml: string, opts: { drop?: string; overrides?: ReadonlyArray<[string, string]>; defaults?: ReadonlyArray<[string, string]> }): string {
  let out = opts.drop ? xml.replace(/<([\w.-]+:)?Override\s[^>]*PartName="([^"]*)"[^>]*\/>/g, (m, _p, name: string) => (name.replace(/^\//, '').toLowerCase() === opts.drop ? '' : m)) : xml;
  const p = /<([\w.-]+:)?Types[\s>]/.exec(out)?.[1] ?? '';
  let add = '';
  for (const [ext, type] of opts.defaults ?? []) {
    if (!new RegExp(`<${p}Default\\s[^>]*Extension="${ext}"`, 'i').test(out)) add += `<${p}Default Extension="${ext}" ContentType="${type}"/>`;
  }
  for (const [part, type] of opts.overrides ?? []) add += `<${p}Override PartName="/${xmlText(part.replace(/^\//, ''))}" ContentType="${type}"/>`;
  if (!add) return out;
  const close = out.lastIndexOf(`</${p}Types>`);
  return close >= 0 ? out.slice(0, close) + add + out.slice(close) : out;
}

/** What a copy changes in the workbook part. */
export interface WorkbookEdits {
  /** the patched sheets by their index, for the hidden filter ranges */
  sheets: ReadonlyMap<string, { patch: SheetPatch; index: number }>;
  /** formulas were written: recalculated when opened */
  formulas: boolean;
  /** a sheet put in front of the others and opened first, with its print titles' defined name (made for prefix `''`) */
  first?: { name: string; relId: string; printTitles?: (prefix: string) => string };
}

/**
 * The workbook part of a copy: recalculated when opened if formulas were written (other cells
 * may depend on them), the hidden filter ranges widened with the sheets' auto-filters, and a
 * sheet put first: sheet-scoped names move with their sheets, and the new one opens.
 */
export function patchWorkbook(xml: string, edits: WorkbookEdits): string {
  const prefix = /<([\w.-]+:)?workbook[\s>]/.exec(xml)?.[1] ?? '';
  let out = xml.replace(new RegExp(`(<${prefix}definedName\\s[^>]*name="_xlnm\\._FilterDatabase"[^>]*>)([^<]*)(</${prefix}definedName>)`, 'g'), (m, open: string, ref: string, close: string) => {
    const local = /localSheetId="(\d+)"/.exec(open)?.[1];
    const sheet = [...edits.sheets.values()].find((s) => String(s.index) === local);
    return sheet?.patch.added ? `${open}${xmlText(widenedFilter(decodeXml(ref), sheet.patch.added, true))}${close}` : m;
  });
  if (edits.first) out = withFirstSheet(out, prefix, edits.first);
  if (!edits.formulas) return out;
  const calc = new RegExp(`<${prefix}calcPr(\\s[^>]*)?/?>`).exec(out);
  if (calc) return out.slice(0, calc.index) + setAttr(calc[0], 'fullCalcOnLoad', '1') + out.slice(calc.index + calc[0].length);
  // calcPr comes after sheets, functionGroups, externalReferences and definedNames
  let at = -1;
  for (const name of ['definedNames', 'externalReferences', 'functionGroups', 'sheets']) {
    const close = new RegExp(`</${prefix}${name}>|<${prefix}${name}(\\s[^>]*)?/>`).exec(out);
    if (close) { at = close.index + close[0].length; break; }
  }
  if (at < 0) return out;
  return `${out.slice(0, at)}<${prefix}calcPr fullCalcOnLoad="1"/>${out.slice(at)}`;
}

function withFirstSheet(xml: string, p: string, first: NonNullable<WorkbookEdits['first']>): string {
  const sheets = new RegExp(`<${p}sheets(\\s[^>]*)?>`).exec(xml);
  if (!sheets) return xml;
  let maxId = 0;
  for (const m of xml.matchAll(new RegExp(`<${p}sheet\\s[^>]*?sheetId="(\\d+)"`, 'g'))) maxId = Math.max(maxId, Number(m[1]));
  // the prefix the workbook binds to the relationships namespace, or one of our own
  const root = new RegExp(`<${p}workbook[^>]*>`).exec(xml)?.[0] ?? '';
  const bound = new RegExp(`xmlns:([\\w.-]+)="${OFFICE_RELS_NS}"`).exec(root)?.[1];
  const idAttr = bound ? `${bound}:id="${xmlText(first.relId)}"` : `xmlns:r="${OFFICE_RELS_NS}" r:id="${xmlText(first.relId)}"`;
  const element = `<${p}sheet name="${xmlText(first.name)}" sheetId="${maxId + 1}" ${idAttr}/>`;
  let out = xml.slice(0, sheets.index + sheets[0].length) + element + xml.slice(sheets.index + sheets[0].length);
  // names scoped to a sheet follow it one place on
  out = out.replace(new RegExp(`(<${p}definedName\\s[^>]*?localSheetId=")(\\d+)(")`, 'g'), (_m, a: string, n: string, b: string) => `${a}${Number(n) + 1}${b}`);
  // the new sheet is the one open, and the tab strip starts at it
  out = out.replace(new RegExp(`<${p}workbookView(\\s[^>]*)?/?>`), (tag) => setAttr(setAttr(tag, 'activeTab', '0'), 'firstSheet', '0'));
  const titles = first.printTitles?.(p);
  return titles ? withDefinedName(out, p, titles) : out;
}

/** A defined name added: into definedNames, or a new definedNames where the schema puts it (after sheets, functionGroups, externalReferences). */
function withDefinedName(xml: string, p: string, name: string): string {
  const names = new RegExp(`</${p}definedNames>`).exec(xml);
  if (names) return xml.slice(0, names.index) + name + xml.slice(names.index);
  for (const before of ['externalReferences', 'functionGroups', 'sheets']) {
    const close = new RegExp(`</${p}${before}>|<${p}${before}(\\s[^>]*)?/>`).exec(xml);
    if (close) { const at = close.index + close[0].length; return `${xml.slice(0, at)}<${p}definedNames>${name}</${p}definedNames>${xml.slice(at)}`; }
  }
  return xml;
}
