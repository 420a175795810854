import type { Run, RunStyle } from "../../model/types.js";
import { isKeyCharAt, pushRun } from "../runs.js";
import type { XmlParagraph } from "./paragraphs.js";

/**
 * mammoth gives the structure (headings, lists, tables) but not the effective fonts, sizes or
 * alignment; our own read of document.xml gives those. Both list the same paragraphs in the same
 * order, so each paragraph of mammoth's HTML is matched to the next XML paragraph with the same
 * letters and digits, looking a bounded distance ahead. A paragraph that finds no match keeps
 * mammoth's bold/italic/underline and no layout; the matcher counts it for one warning.
 */

/** How many non-empty XML paragraphs to look ahead before giving up on a match. */
const WINDOW = 64;

export class ParagraphMatcher {
  private cursor = 0;
  failures = 0;

  constructor(private readonly paragraphs: XmlParagraph[]) {}

  match(key: string): XmlParagraph | undefined {
    // Text without letters or digits (« * * * ») cannot be matched reliably, nor does it matter.
    if (key === "") return undefined;
    let seen = 0;
    for (let index = this.cursor; index < this.paragraphs.length && seen < WINDOW; index++) {
      const paragraph = this.paragraphs[index]!;
      if (paragraph.key === "") continue;
      seen++;
      if (paragraph.key === key) {
        this.cursor = index + 1;
        return paragraph;
      }
    }
    this.failures++;
    return undefined;
  }
}

/**
 * Gives mammoth's runs the effective formatting of the XML runs that hold the same characters.
 * Both texts have the same letters and digits (that is how they were matched) and nearly the same
 * rest: they are walked side by side, equal characters pairing up, and a character only one side
 * has (a note mark, a tab written as spaces) taking the formatting of the XML position reached.
 */
export function overlayRuns(htmlRuns: Run[], paragraph: XmlParagraph): Run[] {
  const xml = paragraph.runs;
  let run = 0;
  let offset = 0; // position in xml[run].text
  const skipEmpty = () => {
    while (run < xml.length - 1 && offset >= xml[run]!.text.length) {
      run++;
      offset = 0;
    }
  };
  const out: Run[] = [];
  for (const htmlRun of htmlRuns) {
    const text = htmlRun.text;
    let start = 0;
    let owner = -1;
    for (let i = 0; i < text.length; i++) {
      skipEmpty();
      const xmlText = xml[run]?.text ?? "";
      // Drop XML characters mammoth did not write (they are never letters or digits).
      while (offset < xmlText.length && xmlText[offset] !== text[i] && !isKeyCharAt(xmlText, offset) && isKeyCharAt(text, i)) {
        offset++;
        skipEmpty();
      }
      const current = run;
      const xmlChar = xml[run]?.text[offset];
      if (xmlChar === text[i] || (xmlChar !== undefined && !isKeyCharAt(text, i) && !isKeyCharAt(xml[run]!.text, offset))) offset++;
      if (current !== owner) {
        if (owner >= 0 && i > start) pushRun(out, text.slice(start, i), styleOf(xml[owner]));
        if (owner >= 0) start = i;
        owner = current;
      }
    }
    pushRun(out, text.slice(start), styleOf(xml[Math.max(owner, 0)]));
  }
  return out;
}

/**
 * The XML formatting alone: mammoth's tags come from the same XML but ignore styles (a bold
 * paragraph style, toggles), so they add nothing once the paragraph is matched.
 */
function styleOf(xml: Run | undefined): RunStyle {
  if (!xml) return {};
  const { text: _text, ...style } = xml;
  return style;
}
