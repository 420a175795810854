import { isCollapsible } from "../ingest/origin.js";
import type { CommentAnchor, PlannedComment } from "./plan.js";
import { alignChars, applyEdits, decodedChars, escapeAttribute, escapeText, prefixOf, tags, type Edit, elementExtents } from "./xml-scan.js";

/**
 * Word comments in word/document.xml: each comment's range is opened by w:commentRangeStart before
 * its first flagged character and closed by w:commentRangeEnd after the last one, followed by the run
 * holding w:commentReference. A run is split only where a range starts or ends inside it, the copy
 * keeping its w:rPr, so the formatting is that of the original; nothing else of the part changes.
 */

export const TRANSITIONAL_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
export const STRICT_NS = "http://purl.oclc.org/ooxml/wordprocessingml/main";

interface RunInfo {
  start: number;
  /** After « </w:r> ». */
  end: number;
  rPr: string;
  items: Item[];
}

/** A child of a run that shows something: a w:t, a tab, a break, a picture… */
interface Item {
  run: RunInfo;
  tagStart: number;
  /** After the element (its end tag, or the empty tag). */
  tagEnd: number;
  /** For a w:t: its character data, and whether its start tag says xml:space="preserve". */
  contentStart?: number;
  contentEnd?: number;
  startTagEnd?: number;
  preserve?: boolean;
}

interface XmlChar {
  char: string;
  start: number;
  end: number;
  item: Item;
}

/** Where an anchor goes: between runs, or inside one (which is then split). */
interface Point {
  at: number;
  split?: { run: RunInfo; inText: boolean };
  ends: string[];
  starts: string[];
}

export interface DocxCommentsResult {
  xml: string;
  /** Comments whose words were found in the part, with the w:id each got. */
  placed: { comment: PlannedComment; id: number }[];
}

/** Adds the planned comments' anchors to document.xml (`firstId` and up); comments whose words are not found are left out. */
export function anchorComments(xml: string, comments: readonly PlannedComment[], firstId: number): DocxCommentsResult {
  const namespace = xml.includes(STRICT_NS) && !xml.includes(TRANSITIONAL_NS) ? STRICT_NS : TRANSITIONAL_NS;
  const w = prefixOf(xml, namespace) ?? "w";
  const paragraphs = paragraphExtents(xml, w);
  const cache = new Map<number, { chars: XmlChar[]; aligned: Map<string, (number | undefined)[]> }>();
  /** The XML character of an anchor; when falc's character is not in the XML, the nearest one found after it (or before it). */
  const charsOf = (anchor: CommentAnchor, direction: 1 | -1): XmlChar | undefined => {
    const extent = paragraphs[anchor.paragraph];
    if (!extent) return undefined;
    let entry = cache.get(anchor.paragraph);
    if (!entry) cache.set(anchor.paragraph, (entry = { chars: paragraphChars(xml, extent, w), aligned: new Map() }));
    let aligned = entry.aligned.get(anchor.text);
    if (!aligned) {
      const wanted = anchor.text.split("").filter((char) => !isCollapsible(char.charCodeAt(0)));
      aligned = alignChars(wanted, entry.chars.map((c) => c.char));
      entry.aligned.set(anchor.text, aligned);
    }
    for (let k = anchor.kept; k >= 0 && k < aligned.length; k += direction) {
      const index = aligned[k];
      if (index !== undefined) return entry.chars[index];
    }
    return undefined;
  };
  const points = new Map<number, Point>();
  const point = (at: number, split: Point["split"]): Point => {
    let found = points.get(at);
    if (!found) points.set(at, (found = { at, ...(split ? { split } : {}), ends: [], starts: [] }));
    return found;
  };
  const placed: DocxCommentsResult["placed"] = [];
  const edits: Edit[] = [];
  let id = firstId;
  for (const comment of comments) {
    const first = charsOf(comment.start, 1);
    const last = charsOf(comment.end, -1);
    if (!first || !last || (comment.start.paragraph === comment.end.paragraph && last.start < first.start)) continue;
    const before = startPoint(first);
    const after = endPoint(last);
    point(before.at, before.split).starts.push(`<${w}:commentRangeStart ${w}:id="${id}"/>`);
    point(after.at, after.split).ends.push(`<${w}:commentRangeEnd ${w}:id="${id}"/><${w}:r><${w}:commentReference ${w}:id="${id}"/></${w}:r>`);
    for (const item of [before.split?.inText ? first.item : undefined, after.split?.inText ? last.item : undefined]) {
      // A w:t cut in two keeps the spaces at the cut: its start tag must say so.
      if (item && !item.preserve) edits.push({ at: item.tagStart, end: item.startTagEnd!, text: withPreserve(xml.slice(item.tagStart, item.startTagEnd)) });
    }
    placed.push({ comment, id });
    id++;
  }
  for (const p of points.values()) {
    const anchors = [...p.ends, ...p.starts].join("");
    if (!p.split) edits.push({ at: p.at, end: p.at, text: anchors });
    else if (p.split.inText) edits.push({ at: p.at, end: p.at, text: `</${w}:t></${w}:r>${anchors}<${w}:r>${p.split.run.rPr}<${w}:t xml:space="preserve">` });
    else edits.push({ at: p.at, end: p.at, text: `</${w}:r>${anchors}<${w}:r>${p.split.run.rPr}` });
  }
  return { xml: applyEdits(xml, dedupe(edits)), placed };
}

/** Before a character: before its run when it opens the run, else where the run is cut. */
function startPoint(c: XmlChar): { at: number; split?: Point["split"] } {
  const { item } = c;
  const atItemStart = item.contentStart === undefined || c.start === item.contentStart;
  if (atItemStart && item.run.items[0] === item) return { at: item.run.start };
  if (atItemStart) return { at: item.tagStart, split: { run: item.run, inText: false } };
  return { at: c.start, split: { run: item.run, inText: true } };
}

/** After a character: after its run when it closes the run, else where the run is cut. */
function endPoint(c: XmlChar): { at: number; split?: Point["split"] } {
  const { item } = c;
  const atItemEnd = item.contentEnd === undefined || c.end === item.contentEnd;
  if (atItemEnd && item.run.items[item.run.items.length - 1] === item) return { at: item.run.end };
  if (atItemEnd) return { at: item.tagEnd, split: { run: item.run, inText: false } };
  return { at: c.end, split: { run: item.run, inText: true } };
}

function withPreserve(startTag: string): string {
  return startTag.replace(/\s*\/?>$/, (end) => ` xml:space="preserve"${end.trim()}`);
}

function dedupe(edits: Edit[]): Edit[] {
  const seen = new Set<string>();
  return edits.filter((edit) => {
    const key = `${edit.at}:${edit.end}:${edit.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Every w:p element of the part, in document order (what the reader's paragraph index counts): its start and end. */
function paragraphExtents(xml: string, w: string): { start: number; end: number }[] {
  return elementExtents(xml, new Set([`${w}:p`]));
}

/** Kept characters that a paragraph shows (its own runs, not those of paragraphs nested in text boxes). */
function paragraphChars(xml: string, extent: { start: number; end: number }, w: string): XmlChar[] {
  const chars: XmlChar[] = [];
  let depth = 0;
  let run: RunInfo | undefined;
  let text: Item | undefined;
  let childDepth = 0;
  for (const tag of tags(xml, extent.start, extent.end)) {
    if (tag.name === `${w}:p`) {
      if (!tag.selfClosing) depth += tag.closing ? -1 : 1;
      continue;
    }
    if (depth !== 1) continue;
    if (tag.name === `${w}:r`) {
      if (tag.closing && run) {
        run.end = tag.end;
        run = undefined;
      } else if (!tag.closing && !tag.selfClosing) {
        run = { start: tag.start, end: tag.end, rPr: "", items: [] };
        childDepth = 0;
      }
      continue;
    }
    if (!run) continue;
    if (tag.name === `${w}:rPr` && !tag.closing && childDepth === 0) {
      const close = xml.indexOf(`</${w}:rPr>`, tag.end);
      run.rPr = tag.selfClosing || close < 0 ? xml.slice(tag.start, tag.end) : xml.slice(tag.start, close + w.length + 7);
    }
    if (tag.name === `${w}:t` && childDepth === 0) {
      if (!tag.closing) {
        text = { run, tagStart: tag.start, tagEnd: tag.end, contentStart: tag.end, contentEnd: tag.end, startTagEnd: tag.end, preserve: /xml:space\s*=\s*["']preserve["']/.test(xml.slice(tag.start, tag.end)) };
        run.items.push(text);
        if (tag.selfClosing) text = undefined;
      } else if (text) {
        text.contentEnd = tag.start;
        text.tagEnd = tag.end;
        for (const c of decodedChars(xml, text.contentStart!, text.contentEnd)) {
          if (!isCollapsible(c.char.charCodeAt(0))) chars.push({ ...c, item: text });
        }
        text = undefined;
      }
      continue;
    }
    if (tag.name === `${w}:rPr` && childDepth === 0 && tag.selfClosing) continue;
    // Any other child of the run shows something (a tab, a break, a picture) or holds a field: it counts
    // as content, so that a range is never opened before it by mistake.
    if (!tag.closing && childDepth === 0 && tag.name !== `${w}:rPr`) {
      const item: Item = { run, tagStart: tag.start, tagEnd: tag.end };
      run.items.push(item);
      const shown = tag.name === `${w}:noBreakHyphen` ? "\u2011" : tag.name === `${w}:softHyphen` ? "\u00ad" : undefined;
      if (shown) chars.push({ char: shown, start: tag.start, end: tag.end, item });
    }
    if (!tag.selfClosing) childDepth += tag.closing ? -1 : 1;
    if (tag.closing && childDepth === 0) {
      const last = run.items[run.items.length - 1];
      if (last && last.contentStart === undefined) last.tagEnd = tag.end;
    }
  }
  return chars;
}

/** A w:comment element: author « falc », the message paragraphs. */
export function commentElement(w: string, id: number, paragraphs: readonly string[], date: string): string {
  const body = paragraphs
    .map((text, i) => `<${w}:p>${i === 0 ? `<${w}:r><${w}:annotationRef/></${w}:r>` : ""}<${w}:r><${w}:t xml:space="preserve">${escapeText(text)}</${w}:t></${w}:r></${w}:p>`)
    .join("");
  return `<${w}:comment ${w}:id="${id}" ${w}:author="falc" ${w}:date="${escapeAttribute(date)}" ${w}:initials="falc">${body}</${w}:comment>`;
}
