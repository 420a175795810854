/**
 * Spans that rules must not read as prose: web addresses, e-mail addresses, phone numbers, numeric
 * dates and times, as the tokenizer recognised them (see UnitContext). « / » in « www.caf.fr/aides »,
 * « @ » in an e-mail or « + » in « +33 » are not special characters a writer chose; « 12 h 30 » is not
 * an abbreviation.
 */
export type MaskKind = "url" | "email" | "phone" | "date" | "time";
export const MASK_KINDS: readonly MaskKind[] = ["url", "email", "phone", "date", "time"];

export interface Span {
  start: number;
  end: number;
}

/**
 * Non-overlapping spans kept sorted, for « the first pattern wins » bookkeeping: `claim` refuses a span
 * that overlaps one already claimed. Logarithmic lookup, so thousands of matches stay cheap.
 */
export class SpanClaims {
  private readonly spans: Span[] = [];

  claim(start: number, end: number): boolean {
    if (overlaps(this.spans, start, end)) return false;
    let low = 0;
    let high = this.spans.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.spans[mid]!.start < start) low = mid + 1;
      else high = mid;
    }
    this.spans.splice(low, 0, { start, end });
    return true;
  }
}

/** True when [start, end) overlaps one of the sorted `spans`. */
export function overlaps(spans: readonly Span[], start: number, end: number): boolean {
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const span = spans[mid]!;
    if (span.end <= start) low = mid + 1;
    else if (span.start >= end) high = mid - 1;
    else return true;
  }
  return false;
}
