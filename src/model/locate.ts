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
    const column = [...this.text.slice(lineStart, offset)].length + 1;
    return { line: low + 1, column };
  }
}
