/**
 * Which characters already belong to a fact. Extraction runs in passes from the most specific pattern
 * (URL, phone, date) to the least (a bare number); a later pass must not re-read the digits of an
 * earlier fact, or « 01/03/2026 » would also yield the numbers 1, 3 and 2026. One byte per UTF-16
 * unit is the cheapest structure that answers « is this range free? » in constant time per character.
 */
export class SpanMask {
  /** Made at the first claim: most texts the rules engine reads have no fact of the kinds it asks for. */
  private taken: Uint8Array | undefined;

  constructor(private readonly length: number) {}

  isFree(start: number, end: number): boolean {
    const taken = this.taken;
    if (taken === undefined) return true;
    for (let i = start; i < end; i++) if (taken[i] === 1) return false;
    return true;
  }

  claim(start: number, end: number): void {
    (this.taken ??= new Uint8Array(this.length)).fill(1, start, end);
  }
}
