/**
 * A light reading of an XML part as a string, for edits that leave every other byte as it was: tags
 * with their offsets, the prefix bound to a namespace, character data decoded with its offsets. A DOM
 * would re-serialise the whole part (quotes, namespaces, empty elements), which the annotated copy
 * must not do.
 */

export interface Tag {
  /** Offset of « < ». */
  start: number;
  /** Offset just after « > ». */
  end: number;
  /** Qualified name, as written (« w:t »). */
  name: string;
  closing: boolean;
  selfClosing: boolean;
}

const TAG = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<!DOCTYPE[^>]*>|<(\/?)([A-Za-z_][\w.:-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;

/** The tags of `xml` between `from` and `to`, in order (comments, declarations and CDATA left out). */
export function* tags(xml: string, from = 0, to = xml.length): Generator<Tag> {
  TAG.lastIndex = from;
  for (let match = TAG.exec(xml); match !== null && match.index < to; match = TAG.exec(xml)) {
    if (match[2] === undefined) continue;
    const tag: Tag = { start: match.index, end: match.index + match[0].length, name: match[2], closing: match[1] === "/", selfClosing: match[4] === "/" };
    yield tag;
    // A caller that stops early leaves the shared regex where it was: start again from `from` next time.
    TAG.lastIndex = tag.end;
  }
}

/** The prefix the root element binds to `namespace` (« w », « text »), or undefined. */
export function prefixOf(xml: string, namespace: string): string | undefined {
  const root = /<(?![?!])[^>]*>/.exec(xml)?.[0] ?? "";
  const escaped = namespace.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`xmlns:([\\w.-]+)=["']${escaped}["']`).exec(root)?.[1];
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Character data between `from` and `to`, decoded, each character with the offsets of what wrote it. */
export function decodedChars(xml: string, from: number, to: number): { char: string; start: number; end: number }[] {
  const out: { char: string; start: number; end: number }[] = [];
  for (let i = from; i < to; ) {
    if (xml.charCodeAt(i) === 38) {
      const semicolon = xml.indexOf(";", i);
      if (semicolon > i && semicolon < to) {
        const body = xml.slice(i + 1, semicolon);
        const decoded = body.startsWith("#x") ? String.fromCodePoint(Number.parseInt(body.slice(2), 16)) : body.startsWith("#") ? String.fromCodePoint(Number.parseInt(body.slice(1), 10)) : NAMED[body];
        if (decoded !== undefined) {
          for (const unit of decoded.split("")) out.push({ char: unit, start: i, end: semicolon + 1 });
          i = semicolon + 1;
          continue;
        }
      }
    }
    out.push({ char: xml[i]!, start: i, end: i + 1 });
    i++;
  }
  return out;
}

export function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, "&quot;");
}

/** An edit of the part's string: `text` replaces [at, end). */
export interface Edit {
  at: number;
  end: number;
  text: string;
}

/**
 * Applies edits that do not overlap, in one pass (a long document gets thousands of them): at one place,
 * an insertion comes before a replacement of what follows it.
 */
export function applyEdits(xml: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((p, q) => p.at - q.at || p.end - q.end);
  const pieces: string[] = [];
  let from = 0;
  for (const edit of sorted) {
    pieces.push(xml.slice(from, edit.at), edit.text);
    from = edit.end;
  }
  pieces.push(xml.slice(from));
  return pieces.join("");
}

/**
 * Finds `wanted` (the kept characters of a paragraph as falc read it) in `found` (the characters of
 * the same paragraph in the XML), in order: each of them, with the two after it, is looked for from
 * where the last one was found; a character found nowhere stays unplaced (undefined) and the next
 * ones go on from the same place.
 */
export function alignChars(wanted: readonly string[], found: readonly string[]): (number | undefined)[] {
  const out: (number | undefined)[] = [];
  let from = 0;
  for (let i = 0; i < wanted.length; i++) {
    const width = Math.min(3, wanted.length - i);
    let at = search(wanted, i, width, found, from);
    if (at < 0 && width > 1) at = search(wanted, i, 1, found, from);
    if (at < 0) {
      out.push(undefined);
      continue;
    }
    out.push(at);
    from = at + 1;
  }
  return out;
}

function search(wanted: readonly string[], i: number, width: number, found: readonly string[], from: number): number {
  outer: for (let k = from; k + width <= found.length; k++) {
    for (let w = 0; w < width; w++) if (found[k + w] !== wanted[i + w]) continue outer;
    return k;
  }
  return -1;
}

/** The start and end of every element with one of these qualified names, in document order (nested ones included). */
export function elementExtents(xml: string, names: ReadonlySet<string>): { start: number; end: number }[] {
  const extents: { start: number; end: number }[] = [];
  const open: number[] = [];
  for (const tag of tags(xml)) {
    if (!names.has(tag.name)) continue;
    if (tag.closing) {
      const index = open.pop();
      if (index !== undefined) extents[index]!.end = tag.end;
    } else {
      extents.push({ start: tag.start, end: tag.end });
      if (!tag.selfClosing) open.push(extents.length - 1);
    }
  }
  return extents;
}
