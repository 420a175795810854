import type { Run, SourceMark } from "../model/types.js";
import { Locator } from "../model/locate.js";

/**
 * Helpers for the source marks ingesters attach to what they read (see SourceMark in the model):
 * a mark's `at` counts the characters rendering never drops, which is all but collapsible white space.
 */

/** White space that rendering may collapse, trim or drop (normaliseRuns): space, tab, line breaks, form feeds. */
export function isCollapsible(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 11 || code === 12;
}

/** Characters of `text` that rendering keeps, whatever it does with white space. */
export function keptCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) if (!isCollapsible(text.charCodeAt(i))) count++;
  return count;
}

export function runsKeptCount(runs: readonly Run[]): number {
  let count = 0;
  for (const run of runs) count += keptCount(run.text);
  return count;
}

/**
 * Marks for `text` copied as is from one source line, its first character at `column`: one at its
 * first kept character, and one after each white-space run that rendering could change (anything but
 * a single space or tab), so that within a mark the rendering and the source match character for
 * character.
 */
export function lineMarks(text: string, line: number, column: number, at: number, out: SourceMark[]): number {
  let needMark = true;
  let codePoints = 0;
  let spaceRun = 0;
  let spaceChanges = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isCollapsible(code)) {
      spaceRun++;
      spaceChanges ||= code !== 32 && code !== 9;
    } else {
      if (spaceRun > 1 || spaceChanges) needMark = true;
      if (needMark) out.push({ at, line, column: column + codePoints });
      needMark = false;
      spaceRun = 0;
      spaceChanges = false;
      at++;
    }
    if (!(code >= 0xdc00 && code <= 0xdfff)) codePoints++;
  }
  return at;
}

/** The marks of several pieces joined into one unit (a table cell, a list item of several paragraphs). */
export function joinedOrigin(parts: readonly { runs: readonly Run[]; origin?: SourceMark[] | undefined }[]): SourceMark[] | undefined {
  const out: SourceMark[] = [];
  let at = 0;
  for (const part of parts) {
    // joinRuns leaves out parts with nothing to read: they add no characters.
    if (part.runs.every((run) => run.text.trim() === "")) continue;
    for (const mark of part.origin ?? []) out.push({ ...mark, at: at + mark.at });
    at += runsKeptCount(part.runs);
  }
  return out.length > 0 ? out : undefined;
}

const ENTITY = /^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/;

/**
 * Places text read from a source file (a Markdown text node's value, after unwrapping) back in that
 * file: its characters are found in order in `source[from, to)`, skipping what the parser dropped
 * (block-quote and list markers, indentation, backslashes, emphasis marks) and taking a character
 * reference (« &amp; », « &eacute; ») as the one character it stands for. Returns the updated `at`.
 */
export function alignedMarks(value: string, source: string, from: number, to: number, locator: Locator, at: number, out: SourceMark[]): number {
  const end = at + keptCount(value);
  let j = from;
  let previous = -2;
  let needMark = true;
  let spaceRun = 0;
  let spaceChanges = false;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (isCollapsible(code)) {
      spaceRun++;
      spaceChanges ||= code !== 32 && code !== 9;
      continue;
    }
    const char = value[i]!;
    let found = -1;
    let width = 1;
    while (j < to) {
      const entity = source.charCodeAt(j) === 38 ? ENTITY.exec(source.slice(j, j + 40)) : null;
      if (entity) {
        found = j;
        width = entity[0].length;
        break;
      }
      if (source[j] === char) {
        found = j;
        break;
      }
      j++;
    }
    if (found < 0) break; // lost: the marks so far still hold for what comes before
    const contiguous = found === previous + 1 + spaceRun && !spaceChanges && spaceRun <= 1 && (spaceRun === 0 || isSpaceOrTab(source.charCodeAt(found - 1)));
    if (needMark || !contiguous) {
      const { line, column } = locator.locate(found);
      out.push({ at, line, column });
    }
    // After a reference, the source is longer than what it stands for: the next character needs its own mark.
    needMark = width > 1;
    previous = found + width - 1;
    j = found + width;
    spaceRun = 0;
    spaceChanges = false;
    at++;
  }
  // Characters left over (if the source was lost) still count, so that later marks keep their place.
  return end;
}

function isSpaceOrTab(code: number): boolean {
  return code === 32 || code === 9;
}
