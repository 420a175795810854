/**
 * Which characters already belong to a fact. Extraction runs in passes from the most specific pattern
 * (URL, phone, date) to the least (a bare number); a later pass must not re-read the digits of an
 * earlier fact, or « 01/03/2026 » would also yield the numbers 1, 3 and 2026. One byte per UTF-16
 * unit is the cheapest structure that answers « is this range free? » in constant time per character.
 */
export class SpanMask {
  private readonly taken: Uint8Array;

  constructor(length: number) {
    this.taken = new Uint8Array(length);
  }

  isFree(start: number, end: number): boolean {
    for (let i = start; i < end; i++) if (this.taken[i] === 1) return false;
    return true;
  }

  claim(start: number, end: number): void {
    this.taken.fill(1, start, end);
  }
}
