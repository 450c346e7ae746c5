import { createReadStream } from 'node:fs';
import { basename, extname } from 'node:path';
import { sniff } from './sniff.js';
import { rowsOf, UnreadableFileError, type WorkbookSource } from './types.js';
import { type RawRow } from '../cells/raw.js';

/** Encodings a CSV may come in: Chinese Excel saves "CSV" in GB18030 (GBK), others UTF-8. */
export type CsvEncoding = 'utf-8' | 'gb18030' | 'utf-16le';

/**
 * Decides the encoding from the first 64 KB: a BOM wins; text that is valid UTF-8 is UTF-8;
 * otherwise GB18030 must decode it without replacement characters, or the file is refused.
 */
export function detectEncoding(head: Buffer): { encoding: CsvEncoding; bom: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return { encoding: 'utf-8', bom: 0 };
  } catch {
    // not UTF-8: try GB18030 below
  }
  try {
    new TextDecoder('gb18030', { fatal: true }).decode(head, { stream: true });
    return { encoding: 'gb18030', bom: 0 };
  } catch {
    throw new UnreadableFileError('encoding');
  }
}

function delimiterOf(firstLine: string): string {
  const counts = [',', '\t', ';'].map((d) => [d, firstLine.split(d).length] as const);
  return counts.sort((a, b) => b[1] - a[1])[0][0];
}

/** Reads a CSV as one sheet named after the file; rows stream as the file is read. */
export async function openCsv(path: string, forced?: CsvEncoding): Promise<WorkbookSource & { encoding: CsvEncoding }> {
  const { kind, head, size } = await sniff(path);
  if (kind === 'zip' || kind === 'ole') throw new UnreadableFileError('not-csv');
  const detected = kind === 'empty' ? { encoding: 'utf-8' as const, bom: 0 } : detectEncoding(head);
  const encoding = forced ?? detected.encoding;
  const bom = forced && forced !== detected.encoding ? 0 : detected.bom;
  return {
    path,
    format: 'csv',
    date1904: false,
    encoding,
    async *sheets() {
      const count = { bytes: 0 };
      const batches = () => csvBatches(path, encoding, bom, count);
      yield { name: basename(path, extname(path)), batches, rows: () => rowsOf(batches()), progress: () => Math.min(1, count.bytes / Math.max(1, size)) };
    },
  };
}

/** RFC 4180: quoted fields may hold delimiters, doubled quotes and line breaks. */
async function* csvBatches(path: string, encoding: CsvEncoding, bom: number, count: { bytes: number }): AsyncIterable<RawRow[]> {
  const decoder = new TextDecoder(encoding, { fatal: true });
  let delimiter: string | undefined;
  let field = '';
  let fields: string[] = [];
  let quoted = false;
  let afterQuote = false;
  let rowNumber = 0;
  const out: RawRow[] = [];
  const endRow = () => {
    fields.push(field);
    rowNumber += 1;
    const cells: RawRow['cells'] = [];
    fields.forEach((f, i) => {
      const v = f.trim() === '' && !f.includes('"') ? '' : f;
      if (v !== '') cells[i + 1] = { value: v };
    });
    if (cells.length) out.push({ row: rowNumber, cells });
    fields = [];
    field = '';
  };
  const consume = (text: string) => {
    if (delimiter === undefined) delimiter = delimiterOf(text.split(/\r?\n/, 1)[0]);
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (quoted) {
        if (ch === '"') {
          if (text[i + 1] === '"') { field += '"'; i++; } else { quoted = false; afterQuote = true; }
        } else field += ch;
        continue;
      }
      if (ch === '"' && field === '' && !afterQuote) { quoted = true; continue; }
      if (ch === delimiter) { fields.push(field); field = ''; afterQuote = false; continue; }
      if (ch === '\n') { endRow(); afterQuote = false; continue; }
      if (ch === '\r') continue;
      field += ch;
    }
  };
  let carry = '';
  try {
    for await (const chunk of createReadStream(path, { start: bom, highWaterMark: 1 << 20 })) {
      // a doubled quote may straddle chunks: keep a trailing quote for the next round
      count.bytes += (chunk as Buffer).length;
      let text = carry + decoder.decode(chunk as Buffer, { stream: true });
      carry = '';
      if (text.endsWith('"')) { carry = '"'; text = text.slice(0, -1); }
      consume(text);
      if (out.length) yield out.splice(0);
    }
    consume(carry + decoder.decode());
  } catch (err) {
    if (err instanceof TypeError) throw new UnreadableFileError('encoding');
    throw err;
  }
  if (field !== '' || fields.length) endRow();
  if (out.length) yield out.splice(0);
}
