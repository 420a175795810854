/**
 * The one markup a rewrite may carry: `**key information**` in bold. Everything else is text as
 * written (a lone `*`, underscores, # …), so that a sentence is never mangled by a markdown parser.
 */

export interface Span {
  text: string;
  bold: boolean;
}

const MARKER = "**";

/** Splits a sentence into plain and bold spans; an unmatched trailing `**` is dropped (it was never meant for the reader). */
export function parseBold(text: string): Span[] {
  const parts = text.split(MARKER);
  const lastPaired = parts.length % 2 === 1 ? parts.length : parts.length - 1;
  const spans: Span[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part === "") continue;
    const bold = i % 2 === 1 && i < lastPaired;
    const previous = spans[spans.length - 1];
    if (previous && previous.bold === bold) previous.text += part;
    else spans.push({ text: part, bold });
  }
  return spans;
}

/** The sentence without its bold markers. */
export function stripBold(text: string): string {
  return text.split(MARKER).join("");
}

/** A provider's sentence may hold line breaks or stray spaces: one trimmed line per item, empty ones dropped. */
export function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/\s+/g, " ").trim())
    .filter((line) => line !== "");
}

const BEFORE_HIGH_PUNCTUATION = /[ \t]+([:;!?»])/g;
const AFTER_OPENING_QUOTE = /«[ \t]+/g;

/**
 * French typography on paper: a no-break space before « : ; ! ? » and inside guillemets, so that a
 * colon or a closing quote never starts a line. Ordinary spaces only: URLs and times stay untouched.
 */
export function frenchSpaces(text: string): string {
  return text.replace(BEFORE_HIGH_PUNCTUATION, "\u00a0$1").replace(AFTER_OPENING_QUOTE, "«\u00a0");
}
