import { SaxesParser } from 'saxes';
import { plainlyWellFormed } from './plain-xml.js';
import { UnreadableFileError } from '../types.js';

/**
 * Whether a part is well-formed XML (XML 1.0 §2.1), checked by a conforming parser (saxes) as
 * its text streams in: a raw `<` or `&`, a tag left open, a second root, an undefined entity.
 * The fast readers are lenient by design; this is what keeps a malformed part from being read
 * around or copied on as if it were XML. A part that fails is `corrupt`, naming the part and the line.
 * A part of up to HOLD_CHARS is held and first checked by plainlyWellFormed (plain-xml.ts), which
 * says yes only where the parser would; the parser is made when that cannot tell.
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

  constructor(private readonly part: string) {}

  private readonly decoder = new TextDecoder('utf-8');

  /** More of the part: text, or UTF-8 bytes (a character cut between chunks is kept for the next). */
  push(chunk: string | Uint8Array): void {
    if (this.problem !== undefined) return;
    const text = typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true });
    if (this.parser) { this.parser.write(asXml10(text)); return; }
    this.held.push(text);
    this.heldChars += text.length;
    // a long part streams through the parser as it comes
    if (this.heldChars > HOLD_CHARS) this.startParser();
  }

  /** Throws when the part was not well formed. */
  end(): void {
    if (this.problem === undefined && (this.parser || !plainlyWellFormed(this.held.join('')))) this.startParser().close();
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
