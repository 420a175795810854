import { W_MASKED, type UnitContext } from "../context.js";
import { canonicalWords } from "../text/elision.js";
import { allocateFirstBit, markFirstWord } from "../text/features.js";

interface Node<T> {
  next?: Map<string, Node<T>>;
  value?: T;
}

export interface PhraseMatch<T> {
  /** Word indices, end exclusive. */
  first: number;
  end: number;
  value: T;
}

/**
 * A word-level trie over canonical forms (lowercase, accent-exact, elisions expanded): one map lookup
 * per word finds every listed expression, whatever the size of the list.
 */
export class PhraseMatcher<T> {
  private readonly root: Node<T> = {};
  /**
   * This matcher's bit in the words' `wordFirst` (see text/features.ts): a word without it cannot
   * start any of the expressions, and is skipped without a lookup. 0 when no bit was left (the matcher
   * then does its own lookup). Allocated on the first expression, so an empty matcher costs none.
   */
  private bit = 0;
  private hasBit = false;
  size = 0;

  /** This matcher's bit in `wordFirst` (0 when it has none: any word may then start an expression). */
  get startBit(): number {
    return this.bit;
  }

  /** False when no listed expression can start at word `i` (one bit test, no lookup). */
  mayStartAt(ctx: UnitContext, i: number): boolean {
    return this.bit === 0 || (ctx.wordFirst[i]! & this.bit) !== 0;
  }

  /** Adds an expression; returns the value already stored for it, if any. */
  add(expression: string, value: T): T | undefined {
    const words = canonicalWords(expression);
    if (words.length === 0) return undefined;
    if (!this.hasBit) {
      this.bit = allocateFirstBit();
      this.hasBit = true;
    }
    markFirstWord(words[0]!, this.bit);
    let node = this.root;
    for (const word of words) {
      node.next ??= new Map();
      let child = node.next.get(word);
      if (child === undefined) {
        child = {};
        node.next.set(word, child);
      }
      node = child;
    }
    const previous = node.value;
    if (previous === undefined) this.size++;
    node.value = value;
    return previous;
  }

  /** The longest expression starting at word `i`, staying inside the sentence of that word. */
  matchAt(ctx: UnitContext, i: number): PhraseMatch<T> | undefined {
    if ((ctx.wordFlags[i]! & W_MASKED) !== 0 || !this.mayStartAt(ctx, i)) return undefined;
    let node = this.root.next?.get(ctx.canon(i));
    if (node === undefined) return undefined;
    let best: PhraseMatch<T> | undefined = node.value === undefined ? undefined : { first: i, end: i + 1, value: node.value };
    const sentence = ctx.wordSentence[i]!;
    for (let j = i + 1; j < ctx.wordCount && node.next !== undefined; j++) {
      if (ctx.wordSentence[j] !== sentence) break;
      node = node.next.get(ctx.canon(j));
      if (node === undefined) break;
      if (node.value !== undefined) best = { first: i, end: j + 1, value: node.value };
    }
    return best;
  }

  /** Leftmost-longest, non-overlapping matches over words [from, to). */
  findAll(ctx: UnitContext, from = 0, to = ctx.wordCount): PhraseMatch<T>[] {
    const matches: PhraseMatch<T>[] = [];
    const root = this.root.next;
    if (root === undefined) return matches;
    const bit = this.bit;
    // No word of the unit may start an expression: nothing to look at.
    if (bit !== 0 && (ctx.anyFirst & bit) === 0) return matches;
    const first = ctx.wordFirst;
    for (let i = from; i < to; i++) {
      if (bit !== 0 ? (first[i]! & bit) === 0 : !root.has(ctx.canon(i))) continue;
      const match = this.matchAt(ctx, i);
      if (match !== undefined) {
        matches.push(match);
        i = match.end - 1;
      }
    }
    return matches;
  }
}
