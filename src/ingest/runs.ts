import type { Run, RunStyle } from "../model/types.js";

/** Helpers shared by the DOCX and ODT readers for building runs and layout values. */

const STYLE_KEYS = ["bold", "italic", "underline", "allCaps", "fontFamily", "fontSizePt"] as const;

export function sameStyle(a: RunStyle, b: RunStyle): boolean {
  return STYLE_KEYS.every((key) => a[key] === b[key]);
}

/** Only the style keys that are set, so that runs compare and serialise cleanly. */
export function cleanStyle(style: RunStyle): RunStyle {
  const out: RunStyle = {};
  for (const key of STYLE_KEYS) {
    const value = style[key];
    if (value !== undefined) (out as Record<string, unknown>)[key] = value;
  }
  return out;
}

/** Appends a run, merging it into the previous one when both look the same. */
export function pushRun(runs: Run[], text: string, style: RunStyle): void {
  if (text === "") return;
  const last = runs[runs.length - 1];
  if (last && sameStyle(last, style)) last.text += text;
  else runs.push({ text, ...cleanStyle(style) });
}

/** Joins the runs of several paragraphs (a table cell, a list item) with line breaks. */
export function joinRuns(parts: Run[][]): Run[] {
  const out: Run[] = [];
  for (const part of parts) {
    if (part.every((run) => run.text.trim() === "")) continue;
    if (out.length > 0) out.push({ text: "\n" });
    for (const run of part) pushRun(out, run.text, run);
  }
  return out;
}

/**
 * A comparison key for matching the same paragraph read two ways: its letters and digits only.
 * Spaces, tabs, symbols, soft hyphens and note marks differ between readers; letters do not.
 */
export function textKey(text: string): string {
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    if (isKeyChar(text.charCodeAt(i), text, i)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      words.push(text.slice(start, i));
      start = -1;
    }
  }
  if (start >= 0) words.push(text.slice(start));
  // Joined once, into one flat string: appended word by word, a key kept one string per word
  // and one per append alive (about 5 kB a paragraph, 40 MB for a 1,000-page document).
  return words.join("");
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function isKeyChar(code: number, text: string, index: number): boolean {
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
  return LETTER_OR_DIGIT.test(text[index]!);
}

/** Whether one UTF-16 code unit counts in `textKey`. */
export function isKeyCharAt(text: string, index: number): boolean {
  return isKeyChar(text.charCodeAt(index), text, index);
}

/**
 * An exact or minimum line height in points, as a multiple of single spacing. Single spacing is
 * about 1.15 times the font size for common fonts (Arial, Calibri, Times New Roman): an
 * approximation, since the true value depends on each font's metrics.
 */
export function lineSpacingFromPoints(points: number, fontSizePt: number, atLeast: boolean): number {
  const multiple = points / (fontSizePt * SINGLE_LINE_FACTOR);
  return roundSpacing(atLeast ? Math.max(1, multiple) : multiple);
}

export const SINGLE_LINE_FACTOR = 1.15;

export function roundSpacing(value: number): number {
  return Math.round(value * 100) / 100;
}
