import { describe, expect, it } from "vitest";
import { recordTokens, replayTokens } from "../../src/analysis/token-tape.js";
import type { TokenKind } from "../../src/analysis/tokens.js";
import { countWords } from "../../src/analysis/words.js";
import { ingestFile } from "../../src/ingest/index.js";
import { countBlockWords, takeTokens } from "../../src/model/token-tapes.js";
import { UnitContext } from "../../src/rules/context.js";

const SENTENCE = "L’école ouvre le 1er mars à 8 h 30, c’est-à-dire demain.";

function replayed(text: string): [string, TokenKind][] {
  const tokens: [string, TokenKind][] = [];
  replayTokens(recordTokens(text), (start, end, kind) => tokens.push([text.slice(start, end), kind]));
  return tokens;
}

describe("token tapes (one scan of a paragraph for the section cut and the rules)", () => {
  it("give back the tokens of the text, in order, and count its words", () => {
    expect(replayed(SENTENCE)).toEqual([
      ["L’", "elision"],
      ["école", "word"],
      ["ouvre", "word"],
      ["le", "word"],
      ["1er", "ordinal"],
      ["mars", "word"],
      ["à", "word"],
      ["8 h 30", "time"],
      [",", "punct"],
      ["c’", "elision"],
      ["est-à-dire", "word"],
      ["demain", "word"],
      [".", "punct"],
    ]);
    // école, ouvre, le, 1er, mars, à, 8 h 30, est-à-dire, demain: elisions are part of the next word.
    expect(recordTokens(SENTENCE).words).toBe(9);
  });

  it("are handed out once, and only while the unit's text is the one scanned", () => {
    const block = { type: "paragraph" as const, text: SENTENCE, start: 0, end: SENTENCE.length, runs: [{ text: SENTENCE }] };
    expect(countBlockWords(block)).toBe(9);
    expect(takeTokens(block)?.text).toBe(SENTENCE);
    expect(takeTokens(block)).toBeUndefined();
    countBlockWords(block);
    block.text = "Autre texte.";
    expect(takeTokens(block)).toBeUndefined();
  });

  it("give each paragraph of a real document the same words as a fresh scan", async () => {
    const document = await ingestFile("fixtures/livret-d-accueil.docx");
    let paragraphs = 0;
    for (const block of document.sections.flatMap((section) => section.blocks)) {
      if (block.type !== "paragraph" && block.type !== "heading") continue;
      paragraphs++;
      const fresh = new UnitContext(block.text, block.start, 0, new Map());
      const tape = recordTokens(block.text);
      const replayedCtx = new UnitContext(block.text, block.start, 0, new Map(), undefined, tape);
      expect(tape.words).toBe(countWords(block.text));
      expect([...replayedCtx.wordStart]).toEqual([...fresh.wordStart]);
      expect([...replayedCtx.wordEnd]).toEqual([...fresh.wordEnd]);
      expect([...replayedCtx.wordFlags]).toEqual([...fresh.wordFlags]);
      expect(replayedCtx.wordLower).toEqual(fresh.wordLower);
      expect([...replayedCtx.sentenceWordStart]).toEqual([...fresh.sentenceWordStart]);
    }
    expect(paragraphs).toBeGreaterThan(20);
  });
});
