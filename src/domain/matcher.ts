/**
 * Multi-pattern matching (Aho–Corasick) with leftmost-longest selection: of the matches that
 * start earliest the longest wins, then matching resumes after it. So with the allow-list word
 * 最近 and the banned word 最 in one automaton, `最近` is the allowed word, and `第一次` wins over
 * `第一`.
 */
interface Node {
  next: Map<string, number>;
  fail: number;
  /** patterns ending here: index into `patterns` (this node's and its suffix links') */
  out: number[];
}

export interface Match<T> {
  /** first character, in the matched text */
  start: number;
  /** one past the last character */
  end: number;
  value: T;
}

export class WordMatcher<T> {
  private readonly nodes: Node[] = [{ next: new Map(), fail: 0, out: [] }];
  private readonly patterns: Array<{ length: number; value: T }> = [];

  constructor(entries: Iterable<{ pattern: string; value: T }>) {
    for (const { pattern, value } of entries) {
      if (!pattern) continue;
      let s = 0;
      for (const ch of pattern) {
        let n = this.nodes[s].next.get(ch);
        if (n === undefined) {
          n = this.nodes.length;
          this.nodes.push({ next: new Map(), fail: 0, out: [] });
          this.nodes[s].next.set(ch, n);
        }
        s = n;
      }
      this.nodes[s].out.push(this.patterns.length);
      this.patterns.push({ length: pattern.length, value });
    }
    // breadth-first failure links
    const queue: number[] = [];
    for (const n of this.nodes[0].next.values()) queue.push(n);
    for (let q = 0; q < queue.length; q++) {
      const s = queue[q];
      for (const [ch, t] of this.nodes[s].next) {
        let f = this.nodes[s].fail;
        while (f && !this.nodes[f].next.has(ch)) f = this.nodes[f].fail;
        const target = this.nodes[f].next.get(ch);
        this.nodes[t].fail = target !== undefined && target !== t ? target : 0;
        this.nodes[t].out.push(...this.nodes[this.nodes[t].fail].out);
        queue.push(t);
      }
    }
  }

  /** Every occurrence of every pattern. */
  all(text: string): Array<Match<T>> {
    const found: Array<Match<T>> = [];
    let s = 0;
    let i = 0;
    for (const ch of text) {
      const width = ch.length;
      while (s && !this.nodes[s].next.has(ch)) s = this.nodes[s].fail;
      s = this.nodes[s].next.get(ch) ?? 0;
      i += width;
      for (const p of this.nodes[s].out) {
        const { length, value } = this.patterns[p];
        found.push({ start: i - length, end: i, value });
      }
    }
    return found;
  }

  /** Leftmost-longest, non-overlapping matches. */
  find(text: string): Array<Match<T>> {
    const all = this.all(text).sort((a, b) => a.start - b.start || b.end - a.end);
    const out: Array<Match<T>> = [];
    let covered = 0;
    for (const m of all) {
      if (m.start < covered) continue;
      out.push(m);
      covered = m.end;
    }
    return out;
  }
}
