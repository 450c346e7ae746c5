/**
 * Order numbers already seen in one sheet. A shared-string cell is remembered by its index in a
 * bitmap, which never reads the string (with a million distinct order numbers, reading each one
 * costs about as much as the rest of the review); other cells (CSV, numbers, inline strings) by
 * their text. Writers keep one shared-string entry per distinct text, so equal text has one index.
 */
export class SeenIds {
  private bits = new Uint8Array(1024);
  private readonly texts = new Set<string>();

  /** Remembers the id; true when it was seen before. */
  add(text: string, key?: number): boolean {
    if (key !== undefined) {
      if (key >= this.bits.length) {
        const bigger = new Uint8Array(Math.max(key + 1, this.bits.length * 2));
        bigger.set(this.bits);
        this.bits = bigger;
      }
      if (this.bits[key]) return true;
      this.bits[key] = 1;
      return false;
    }
    if (this.texts.has(text)) return true;
    this.texts.add(text);
    return false;
  }
}
