import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { convertFiles } from "../../src/commands/convert.js";
import { scoreFiles } from "../../src/commands/score.js";
import { loadRuleSet } from "../../src/config/ruleset.js";
import { ingestFile } from "../../src/ingest/index.js";
import { analyzeDocument } from "../../src/score/analyze.js";
import { draftFurniture } from "../../src/score/draft.js";
import { DRAFT_NOTE, DRAFT_NOTICE } from "../../src/score/draft-notice.js";
import { tempDir } from "../helpers/temp.js";

/**
 * One score (issue 11): the « after » score `convert` reports is the score `falc score` gives the
 * draft it wrote, in either format, so that `convert --fail-under` and a `falc score` gate agree.
 */
const tmp = tempDir("falc-one-score-");
const FIXTURES = ["contrat-de-sejour.md", "livret-d-accueil.md", "livret-falc.md", "reglement-de-fonctionnement.md", "contrat-de-sejour.docx"];

async function scoreOf(path: string): Promise<number | null> {
  const { report } = await scoreFiles([path]);
  return report.files[0]!.score;
}

describe("convert’s « after » score is falc score’s score of the written draft", () => {
  for (const [i, fixture] of FIXTURES.entries()) {
    it(`${fixture}: .falc.md and .falc.docx score what the report says`, async () => {
      const out = join(tmp.dir, String(i));
      const outcome = await convertFiles([join("fixtures", fixture)], { provider: "offline", out, cache: false, env: {} });
      const { result, outputs } = outcome.files[0]!;
      const after = result.score.after;
      expect(after).not.toBeNull();
      const md = outputs.find((p) => p.endsWith(".falc.md"))!;
      const docx = outputs.find((p) => p.endsWith(".falc.docx"))!;
      expect(await scoreOf(md)).toBe(after);
      expect(await scoreOf(docx)).toBe(after);
      const json = JSON.parse(readFileSync(outputs.find((p) => p.endsWith(".falc.json"))!, "utf8")) as { score: { after: number }; scoreNote: { after: string } };
      expect(json.score.after).toBe(after);
      expect(json.scoreNote.after).toBe("score du brouillon écrit, tel que « falc score » le calcule");
      // The original scores as falc score gives it too.
      expect(await scoreOf(join("fixtures", fixture))).toBe(result.score.before);
    });
  }
});

describe("the staff’s notice of a draft is not scored", () => {
  it("finds the notice of the .falc.md (one line) and of the .falc.docx (four lines), and nothing in a document falc did not write", async () => {
    const ruleSet = loadRuleSet();
    const md = tmp.write("brouillon.md", `# Le repas\n\n> ${DRAFT_NOTICE}\n\nVous mangez à midi.\n`);
    const doc = await ingestFile(md);
    const skipped = [...draftFurniture(doc)];
    expect(skipped.map((block) => (block.type === "paragraph" ? block.text : ""))).toEqual([DRAFT_NOTICE]);
    // Words: the title (2) and the sentence (4), not the 29 of the notice.
    expect(analyzeDocument(doc, ruleSet).stats.words).toBe(6);
    const plain = await ingestFile(tmp.write("texte.md", "# Le repas\n\nVous mangez à midi.\n"));
    expect(draftFurniture(plain).size).toBe(0);
    const partial = await ingestFile(tmp.write("note.md", `# Le repas\n\n${DRAFT_NOTE[1]}\n\nVous mangez à midi.\n`));
    expect(draftFurniture(partial).size).toBe(0);
  });
});
