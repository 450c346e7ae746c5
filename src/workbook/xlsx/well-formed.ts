import { localized } from '../../i18n/catalog.js';
import { SaxesParser } from 'saxes';
import { PlainXml, PlainXmlBytes } from './plain-xml.js';
import { UnreadableFileError } from '../types.js';

/**
 * Whether a part is well-formed XML (XML 1.0 §2.1), checked by a conforming parser (saxes) as
 * its text streams in: a raw `<` or `&`, a tag left open, a second root, an undefined entity.
 * The fast readers are lenient by design; this is what keeps a malformed part from being read
 * around or copied on as if it were XML. A part that fails is `corrupt`, naming the part and the line.
 *
 * The parser is made only when the quick check (PlainXml, plain-xml.ts), which says yes only where
 * the parser would, cannot tell; the text streams through that first. The first HOLD_CHARS are held
 * meanwhile for the parser. Past them a part streams on through the parser as it comes — or, when it
 * can be read again (`again`), through the quick check still, and through the parser from its start
 * only if that cannot tell: `end()` then reads it again, and returns the promise of that.
 */
export class WellFormed {
  // by XML 1.1's characters: a control character written as a reference (`&#x1;`, which Excel's own files
  // never hold but other writers do) is kept as the reader keeps it; a raw one is still refused; and by
  // XML 1.0's for what 1.1 restricted (asXml10)
  private parser?: SaxesParser;
  private problem?: string;
  /** the quick check, as the text comes: over its bytes when it comes as bytes (the first piece says), else over its text */
  private plain?: PlainXml | PlainXmlBytes;
  /** the pieces while they are short enough to be given to the parser should the quick check not tell (up to HOLD_CHARS characters or bytes) */
  private held: Array<string | Uint8Array> | undefined = [];
  private heldSize = 0;
  /** the quick check could not tell past what was held: the part is read again through the parser at the end */
  private unsure = false;

  /** `again`: the part's text from its start once more (UTF-8 bytes), for the parser when the quick check cannot tell */
  constructor(private readonly part: string, private readonly again?: () => AsyncIterable<string | Uint8Array>) {}

  /** made when first needed: a part that comes as bytes and that the quick check tells is never decoded (a TextDecoder is ~6 µs a part, every small workbook's) */
  private decoderMade?: TextDecoder;
  private get decoder(): TextDecoder {
    return (this.decoderMade ??= new TextDecoder('utf-8'));
  }

  /** More of the part: text, or UTF-8 bytes (a character cut between chunks is kept for the next). */
  push(chunk: string | Uint8Array): void {
    if (this.problem !== undefined || this.unsure) return;
    if (this.parser) { this.parser.write(asXml10(this.text(chunk))); return; }
    const plain = (this.plain ??= typeof chunk === 'string' ? new PlainXml() : new PlainXmlBytes());
    // the pieces as the quick check reads them: bytes are not decoded unless the parser is to read them
    const piece = plain instanceof PlainXmlBytes ? (typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk) : this.text(chunk);
    if (this.held) {
      this.held.push(piece);
      this.heldSize += piece.length;
      // too long to hold: the parser takes it from here, unless the part can be read again
      if (this.heldSize > HOLD_CHARS) {
        if (!this.again) { this.startParser(); return; }
        this.held = undefined;
      }
    }
    if (!(plain instanceof PlainXmlBytes ? plain.push(piece as Uint8Array) : plain.push(piece as string))) this.cannotTell();
  }

  /** A piece as text, through the one decoder (a character cut between pieces is kept for the next). */
  private text(chunk: string | Uint8Array): string {
    return typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true });
  }

  /**
   * Throws when the part was not well formed. A promise when the part is read again through the
   * parser (see the class): await it whenever the part was given `again`.
   */
  end(): void | Promise<void> {
    const plain = this.plain ?? new PlainXml();
    // the quick check over bytes reads a character cut short at the end as one itself; the parser, when it
    // now has to judge, is given it as the text's last character below
    if (plain instanceof PlainXmlBytes && this.problem === undefined && !this.parser && !this.unsure && !plain.end()) this.cannotTell();
    if (this.parser || plain instanceof PlainXml) {
      // bytes of a character cut short at the very end are a character too (U+FFFD), as anywhere else in the part
      const last = this.decoder.decode();
      if (last) this.push(last);
      if (plain instanceof PlainXml && this.problem === undefined && !this.parser && !this.unsure && !plain.end()) this.cannotTell();
    }
    if (this.unsure) return this.readAgain();
    if (this.problem === undefined) this.parser?.close();
    this.verdict();
  }

  /** The quick check cannot tell: the parser decides, from the text held, or from the part read again. */
  private cannotTell(): void {
    if (this.held) this.startParser();
    else this.unsure = true;
  }

  /** The part from its start through the parser (the quick check could not tell past what was held). */
  private async readAgain(): Promise<void> {
    const parser = this.startParser();
    const decoder = new TextDecoder('utf-8');
    for await (const chunk of this.again!()) {
      if (this.problem !== undefined) break;
      parser.write(asXml10(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true })));
    }
    if (this.problem === undefined) parser.write(asXml10(decoder.decode()));
    if (this.problem === undefined) parser.close();
    this.verdict();
  }

  private verdict(): void {
    if (this.problem !== undefined) {
      // the parser's words are English: where it stopped is said in the run's language (saxes: `line:column: what`)
      const at = /^(\d+):(\d+):/.exec(this.problem);
      throw new UnreadableFileError('corrupt', { detail: at ? localized('corrupt.not-well-formed-at', { part: this.part, line: Number(at[1]), column: Number(at[2]) }) : localized('corrupt.not-well-formed', { part: this.part }) });
    }
  }

  /** The conforming parser, made when first needed and given the text held until then. */
  private startParser(): SaxesParser {
    if (this.parser) return this.parser;
    const parser = new SaxesParser({ position: true, defaultXMLVersion: '1.1', forceXMLVersion: true });
    parser.on('error', (err) => { this.problem ??= err.message.split('\n')[0]; });
    this.parser = parser;
    for (const piece of this.held ?? []) if (this.problem === undefined) parser.write(asXml10(this.text(piece)));
    this.held = undefined;
    return parser;
  }
}

/**
 * The text as the parser is to judge it by XML 1.0's characters where 1.1 differs: 1.0 allows DEL and
 * the C1 controls (U+007F–U+009F) as they are, and LibreOffice writes them so into its shared strings
 * when a cell holds one (text pasted from another system); 1.1 refuses them unless written as references,
 * and reads U+0085 and U+2028 as line ends, which 1.0 does not. Each becomes U+00A0, which both allow
 * wherever 1.0 allows those (text, attribute values, comments) and neither allows in a name: the verdict
 * is 1.0's, and positions in a message stay where they were.
 */
export function asXml10(text: string): string {
  return XML11_ONLY.test(text) ? text.replace(XML11_ONLY_ALL, '\u00a0') : text;
}

const XML11_ONLY = /[\u007f-\u009f\u2028]/;
const XML11_ONLY_ALL = new RegExp(XML11_ONLY.source, 'g');

/** Text held for the parser, at most, while the quick check reads a part (a part that cannot be read again streams through the parser past it): characters of a part given as text, bytes of one given as bytes. */
const HOLD_CHARS = 1 << 20;

/** Checks a whole part's text (see WellFormed). */
export function checkWellFormed(part: string, text: string): void {
  const w = new WellFormed(part);
  w.push(text);
  w.end();
}
