/**
 * Offsets are the source of truth; line and column are derived from them once, here.
 * Lines and columns are 1-based; columns count Unicode code points, so that an emoji or a
 * character outside the BMP does not shift every column after it.
 */
export class Locator {
  private readonly lineStarts: number[];

  constructor(private readonly text: string) {
    this.lineStarts = [0];
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
    }
  }

  locate(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    const lineStart = this.lineStarts[low]!;
    // A surrogate pair is one code point: count only high surrogates' partners out, without slicing.
    // Findings come in offset order: on the same line, counting resumes where the last one stopped,
    // so that a long line with many findings is read once, not once per finding.
    let from = lineStart;
    let pairs = 0;
    if (this.lastLineStart === lineStart && this.lastOffset <= offset) {
      from = this.lastOffset;
      pairs = this.lastPairs;
    }
    for (let i = from; i < offset; i++) {
      const code = this.text.charCodeAt(i);
      if (code >= 0xdc00 && code <= 0xdfff && i > lineStart) pairs++;
    }
    this.lastLineStart = lineStart;
    this.lastOffset = offset;
    this.lastPairs = pairs;
    return { line: low + 1, column: offset - lineStart + 1 - pairs };
  }

  private lastLineStart = -1;
  private lastOffset = 0;
  /** Low surrogates (after the line's first character) between `lastLineStart` and `lastOffset`. */
  private lastPairs = 0;
}
