import { isCollapsible } from "../ingest/origin.js";
import type { CommentAnchor, PlannedComment } from "./plan.js";
import { alignChars, applyEdits, decodedChars, escapeAttribute, escapeText, prefixOf, tags, type Edit, elementExtents } from "./xml-scan.js";

/**
 * LibreOffice comments in content.xml: an office:annotation (author « falc », the message paragraphs)
 * right before the first flagged character, an office:annotation-end of the same name right after the
 * last one. ODF paragraphs take them anywhere in their text, spans included: nothing is split.
 */

const TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
const OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
const DC_NS = "http://purl.org/dc/elements/1.1/";

interface XmlChar {
  char: string;
  start: number;
  end: number;
}

export function anchorOdtComments(xml: string, comments: readonly PlannedComment[], date: string): { xml: string; placed: number } {
  const text = prefixOf(xml, TEXT_NS) ?? "text";
  const office = prefixOf(xml, OFFICE_NS) ?? "office";
  const dcPrefix = prefixOf(xml, DC_NS);
  const dc = dcPrefix ?? "dc";
  const paragraphs = paragraphExtents(xml, text);
  const cache = new Map<number, XmlChar[]>();
  const charOf = (anchor: CommentAnchor, direction: 1 | -1): XmlChar | undefined => {
    const extent = paragraphs[anchor.paragraph];
    if (!extent) return undefined;
    let chars = cache.get(anchor.paragraph);
    if (!chars) cache.set(anchor.paragraph, (chars = paragraphChars(xml, extent, text, office)));
    const wanted = anchor.text.split("").filter((char) => !isCollapsible(char.charCodeAt(0)));
    const aligned = alignChars(wanted, chars.map((c) => c.char));
    for (let k = anchor.kept; k >= 0 && k < aligned.length; k += direction) {
      const index = aligned[k];
      if (index !== undefined) return chars[index];
    }
    return undefined;
  };
  const edits: Edit[] = [];
  let placed = 0;
  for (const comment of comments) {
    const first = charOf(comment.start, 1);
    const last = charOf(comment.end, -1);
    if (!first || !last || (comment.start.paragraph === comment.end.paragraph && last.start < first.start)) continue;
    const name = `falc-${placed + 1}`;
    const declare = dcPrefix ? "" : ` xmlns:dc="${DC_NS}"`;
    const body = comment.paragraphs.map((paragraph) => `<${text}:p>${escapeText(paragraph)}</${text}:p>`).join("");
    const annotation = `<${office}:annotation ${office}:name="${name}"${declare}><${dc}:creator>falc</${dc}:creator><${dc}:date>${escapeText(date)}</${dc}:date>${body}</${office}:annotation>`;
    edits.push({ at: first.start, end: first.start, text: annotation });
    edits.push({ at: last.end, end: last.end, text: `<${office}:annotation-end ${office}:name="${escapeAttribute(name)}"/>` });
    placed++;
  }
  return { xml: applyEdits(xml, mergeSamePlace(edits)), placed };
}

/** Two edits at one place keep the order they were made in: an end written before a later start. */
function mergeSamePlace(edits: Edit[]): Edit[] {
  const byPlace = new Map<number, Edit>();
  for (const edit of edits) {
    const found = byPlace.get(edit.at);
    if (found) found.text = isEnd(edit.text) && !isEnd(found.text) ? edit.text + found.text : found.text + edit.text;
    else byPlace.set(edit.at, { ...edit });
  }
  return [...byPlace.values()];
}

function isEnd(text: string): boolean {
  return /^<[\w.-]+:annotation-end /.test(text);
}

/** Every text:p and text:h element of content.xml in document order (what the reader's paragraph index counts). */
function paragraphExtents(xml: string, text: string): { start: number; end: number }[] {
  return elementExtents(xml, new Set([`${text}:p`, `${text}:h`]));
}

/** Elements whose text the reader leaves out of the paragraph (see OdtWalker). */
const SKIPPED = new Set(["note", "number", "note-citation", "ruby-text", "tracked-changes"]);

/** Kept characters of a paragraph's own text: not those of nested paragraphs, notes, comments or frames. */
function paragraphChars(xml: string, extent: { start: number; end: number }, text: string, office: string): XmlChar[] {
  const chars: XmlChar[] = [];
  let depth = 0;
  let skipped = 0;
  let position = extent.start;
  for (const tag of tags(xml, extent.start, extent.end)) {
    if (depth === 1 && skipped === 0 && tag.start > position) {
      for (const c of decodedChars(xml, position, tag.start)) if (!isCollapsible(c.char.charCodeAt(0))) chars.push(c);
    }
    position = tag.end;
    if (tag.name === `${text}:p` || tag.name === `${text}:h`) {
      if (!tag.selfClosing) depth += tag.closing ? -1 : 1;
      continue;
    }
    const local = tag.name.slice(tag.name.indexOf(":") + 1);
    const skip = (tag.name.startsWith(`${text}:`) && SKIPPED.has(local)) || tag.name === `${office}:annotation` || tag.name.startsWith("draw:");
    if (skip && !tag.selfClosing) skipped += tag.closing ? -1 : 1;
  }
  return chars;
}
