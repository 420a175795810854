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
    let column = offset - lineStart + 1;
    for (let i = lineStart; i < offset; i++) {
      const code = this.text.charCodeAt(i);
      if (code >= 0xdc00 && code <= 0xdfff && i > lineStart) column--;
    }
    return { line: low + 1, column };
  }
}
