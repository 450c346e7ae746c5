import { SaxesParser } from 'saxes';
import { PlainXml, plainlyWellFormed } from './plain-xml.js';
import { UnreadableFileError } from '../types.js';

/**
 * Whether a part is well-formed XML (XML 1.0 §2.1), checked by a conforming parser (saxes) as
 * its text streams in: a raw `<` or `&`, a tag left open, a second root, an undefined entity.
 * The fast readers are lenient by design; this is what keeps a malformed part from being read
 * around or copied on as if it were XML. A part that fails is `corrupt`, naming the part and the line.
 *
 * The parser is made only when the quick check (plainlyWellFormed, plain-xml.ts), which says yes
 * only where the parser would, cannot tell. A part of up to HOLD_CHARS is held and checked whole by
 * it first. A longer one streams through the parser as it comes — or, when the part can be read
 * again (`again`), through the quick check (PlainXml), and through the parser from its start only
 * if that cannot tell: `end()` then reads it again, and returns the promise of that.
 */
export class WellFormed {
  // by XML 1.1's characters: a control character written as a reference (`&#x1;`, which Excel's own files
  // never hold but other writers do) is kept as the reader keeps it; a raw one is still refused; and by
  // XML 1.0's for what 1.1 restricted (asXml10)
  private parser?: SaxesParser;
  private problem?: string;
  /** the text while it is short enough to be checked whole by plainlyWellFormed first */
  private held: string[] = [];
  private heldChars = 0;
  /** past HOLD_CHARS, with `again`: the quick check the text streams through; undefined once it cannot tell */
  private plain?: PlainXml;
  /** the quick check could not tell: the part is read again through the parser at the end */
  private unsure = false;

  /** `again`: the part's text from its start once more (UTF-8 bytes), for the parser when the quick check cannot tell */
  constructor(private readonly part: string, private readonly again?: () => AsyncIterable<string | Uint8Array>) {}

  private readonly decoder = new TextDecoder('utf-8');

  /** More of the part: text, or UTF-8 bytes (a character cut between chunks is kept for the next). */
  push(chunk: string | Uint8Array): void {
    if (this.problem !== undefined || this.unsure) return;
    const text = typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true });
    if (this.parser) { this.parser.write(asXml10(text)); return; }
    if (this.plain) { if (!this.plain.push(text)) this.unsure = true; return; }
    this.held.push(text);
    this.heldChars += text.length;
    if (this.heldChars <= HOLD_CHARS) return;
    // a long part streams on as it comes: through the quick check when it can be read again, else through the parser
    if (!this.again) { this.startParser(); return; }
    this.plain = new PlainXml();
    for (const t of this.held) if (!this.plain.push(t)) { this.unsure = true; break; }
    this.held = [];
  }

  /**
   * Throws when the part was not well formed. A promise when the part is read again through the
   * parser (see the class): await it whenever the part was given `again`.
   */
  end(): void | Promise<void> {
    // bytes of a character cut short at the very end are a character too (U+FFFD), as anywhere else in the part
    const last = this.decoder.decode();
    if (last) this.push(last);
    if (this.problem === undefined && this.plain && !this.unsure && !this.plain.end()) this.unsure = true;
    if (this.unsure) return this.readAgain();
    if (this.problem === undefined && !this.plain && (this.parser || !plainlyWellFormed(this.held.join('')))) this.startParser().close();
    this.verdict();
  }

  /** The part from its start through the parser (the quick check could not tell). */
  private async readAgain(): Promise<void> {
    this.unsure = false;
    this.plain = undefined;
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
    if (this.problem !== undefined) throw new UnreadableFileError('corrupt', { detail: `${this.part} is not well-formed XML: ${this.problem.slice(0, 160)}` });
  }

  /** The conforming parser, made when first needed and given the text held until then. */
  private startParser(): SaxesParser {
    if (this.parser) return this.parser;
    const parser = new SaxesParser({ position: true, defaultXMLVersion: '1.1', forceXMLVersion: true });
    parser.on('error', (err) => { this.problem ??= err.message.split('\n')[0]; });
    this.parser = parser;
    for (const text of this.held) if (this.problem === undefined) parser.write(asXml10(text));
    this.held = [];
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

/** Parts up to this many characters are held and checked whole by plainlyWellFormed before the parser is made. */
const HOLD_CHARS = 1 << 20;

/** Checks a whole part's text (see WellFormed). */
export function checkWellFormed(part: string, text: string): void {
  const w = new WellFormed(part);
  w.push(text);
  w.end();
}
