import { SaxesParser } from 'saxes';
import { UnreadableFileError } from '../types.js';

/**
 * Whether a part is well-formed XML (XML 1.0 §2.1), checked by a conforming parser (saxes) as
 * its text streams in: a raw `<` or `&`, a tag left open, a second root, an undefined entity.
 * The fast readers are lenient by design; this is what keeps a malformed part from being read
 * around or copied on as if it were XML. A part that fails is `corrupt`, naming the part and the line.
 */
export class WellFormed {
  // by XML 1.1's characters: a control character written as a reference (`&#x1;`, which Excel's own files
  // never hold but other writers do) is kept as the reader keeps it; a raw one is still refused
  private readonly parser = new SaxesParser({ position: true, defaultXMLVersion: '1.1', forceXMLVersion: true });
  private problem?: string;

  constructor(private readonly part: string) {
    this.parser.on('error', (err) => { this.problem ??= err.message.split('\n')[0]; });
  }

  private readonly decoder = new TextDecoder('utf-8');

  /** More of the part: text, or UTF-8 bytes (a character cut between chunks is kept for the next). */
  push(chunk: string | Uint8Array): void {
    if (this.problem === undefined) this.parser.write(typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true }));
  }

  /** Throws when the part was not well formed. */
  end(): void {
    if (this.problem === undefined) this.parser.close();
    if (this.problem !== undefined) throw new UnreadableFileError('corrupt', { detail: `${this.part} is not well-formed XML: ${this.problem.slice(0, 160)}` });
  }
}

/** Checks a whole part's text (see WellFormed). */
export function checkWellFormed(part: string, text: string): void {
  const w = new WellFormed(part);
  w.push(text);
  w.end();
}
