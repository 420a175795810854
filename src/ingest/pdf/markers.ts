import { romanValue } from "../../rules/text/roman.js";

/**
 * List markers at the start of a line. Word exports its Symbol-font bullets as private-use
 * characters (U+F0B7 and friends), which are bullets too.
 */

export interface ListMarker {
  ordered: boolean;
  /** A glyph that is only ever a bullet (•, ▪…), as opposed to a dash or a number that could also start a wrapped line. */
  certain: boolean;
  /** The line's text after the marker. */
  rest: string;
  /** The item's number, for « 3. » or « c) » (a = 1). */
  number?: number;
}

const BULLET_GLYPHS = "•●▪■◦○‣∙·◆◇►▸➢➤✓✔□❖\uF0A7\uF0B7\uF076\uF0D8\uF0FC\uF0A8\uF06E\uF071";
const CERTAIN_BULLET = new RegExp(`^[${BULLET_GLYPHS}]\\s*`, "u");
// No « * »: in a PDF it is a footnote call (« handicap* ») far more often than a bullet.
const DASH_BULLET = /^[-–—]\s+/u;
const NUMBERED = /^(?:\d{1,2}[.)]|[a-z][).]|[ivx]{1,4}[.)])\s+/u;

export function matchMarker(text: string): ListMarker | undefined {
  const certain = CERTAIN_BULLET.exec(text);
  if (certain) return marker(text, certain[0].length, false, true);
  const dash = DASH_BULLET.exec(text);
  if (dash) return marker(text, dash[0].length, false, false);
  const numbered = NUMBERED.exec(text);
  if (numbered) {
    const found = marker(text, numbered[0].length, true, false);
    const number = itemNumber(numbered[0]);
    return found && number !== undefined ? { ...found, number } : found;
  }
  return undefined;
}

function itemNumber(marker: string): number | undefined {
  const label = marker.trim().slice(0, -1);
  if (/^\d+$/.test(label)) return Number(label);
  if (/^[ivx]+$/.test(label) && label.length > 1) return romanValue(label.toUpperCase());
  if (/^[a-z]$/.test(label)) return label.charCodeAt(0) - 96;
  return undefined;
}

function marker(text: string, length: number, ordered: boolean, certain: boolean): ListMarker | undefined {
  const rest = text.slice(length);
  // A marker on a line of its own is drawn apart from its text: keep it only if text follows.
  if (rest.trim() === "") return undefined;
  return { ordered, certain, rest };
}
