import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { readReviewDocx } from "../../src/review/read-docx.js";
import { renderReviewDocx } from "../../src/render/review-docx.js";
import type { ConvertResult } from "../../src/rewrite/types.js";
import { buildConvertResult } from "../helpers/convert-result.js";
import { ReviewFiller } from "../helpers/fill-review.js";
import { tempDir, thrown } from "../helpers/temp.js";

/** Reading filled review documents back: as written, moved about, cut, re-saved by LibreOffice, or not falc's at all. */

let result: ConvertResult;
let blank: Uint8Array;
beforeAll(async () => {
  result = buildConvertResult();
  blank = await renderReviewDocx(result);
});

const verdicts = (bytes: Uint8Array) => readReviewDocx(bytes, "relecture.docx").sections.map((row) => [row.stored.index, row.verdict]);

describe("a review document read back", () => {
  it("finds every row of the document falc wrote, untouched: no verdict, no remark, no edit", () => {
    const read = readReviewDocx(blank, "relecture.docx");
    expect(read.state.round).toBe(1);
    expect(read.sections.map((row) => row.stored.index)).toEqual(result.sections.map((s) => s.index));
    expect(read.sections.every((row) => row.verdict === "none" && row.remarks.length === 0 && !row.edited)).toBe(true);
    expect(read.missingRows).toEqual([]);
    expect(read.validation).toEqual({ reviewers: [], date: null, organisation: null });
  });

  it("reads verdicts, typed remarks, a Word comment, a tracked change and the closing table", () => {
    const filled = new ReviewFiller(blank)
      .tick(0, "compris")
      .tick(1, "pas compris")
      .remark(1, "Le mot « préavis » est difficile.")
      .comment(2, "Animatrice", "Ajouter une image de la chambre.")
      .trackedChange(3, "quand vous voulez", "quand vous le voulez")
      .validation({ reviewers: ["Lina Benali", "Jo Petit"], date: "3 mars 2027", organisation: "ESAT du Parc" })
      .bytes();
    const read = readReviewDocx(filled, "relecture.docx");
    const [s0, s1, s2, s3] = read.sections;
    expect([s0!.verdict, s1!.verdict, s2!.verdict, s3!.verdict]).toEqual(["understood", "not-understood", "none", "none"]);
    expect(s1!.remarks).toEqual(["Le mot « préavis » est difficile."]);
    expect(s2!.remarks).toEqual(["Ajouter une image de la chambre."]);
    expect(s3!.edited).toBe(true);
    // Read back into the same structure, bold and list introduction included: only the edit differs.
    const expected = JSON.parse(JSON.stringify(result.sections[3]!.rewrite).replace("quand vous voulez", "quand vous le voulez"));
    expect(s3!.editedRewrite).toEqual(expected);
    expect([s0, s1, s2].map((row) => row!.edited)).toEqual([false, false, false]);
    expect(read.validation).toEqual({ reviewers: ["Lina Benali", "Jo Petit"], date: "3 mars 2027", organisation: "ESAT du Parc" });
  });

  it("matches rows moved about by their bookmark, and reports deleted ones", () => {
    const moved = new ReviewFiller(blank).tick(1, "pas compris").tick(2, "compris").moveRowToEnd(1).deleteRow(3).bytes();
    const read = readReviewDocx(moved, "relecture.docx");
    expect(read.sections.map((row) => [row.stored.index, row.verdict])).toEqual([
      [0, "none"],
      [2, "understood"],
      [4, "none"],
      [1, "not-understood"],
    ]);
    expect(read.missingRows.map((section) => section.index)).toEqual([3]);
  });

  it("matches rows by their title when every bookmark is gone", () => {
    const pasted = new ReviewFiller(blank).tick(2, "compris").dropBookmarks().bytes();
    expect(verdicts(pasted)).toEqual([
      [0, "none"],
      [1, "none"],
      [2, "understood"],
      [3, "none"],
      [4, "none"],
    ]);
  });

  it("refuses a document that is not a falc review document, naming it", async () => {
    const error = await thrown(async () => readReviewDocx(readFileSync("fixtures/contrat-de-sejour.docx"), "contrat-de-sejour.docx"));
    expect(error).toMatchObject({ code: "review-not-falc", exitCode: 2 });
    expect(error.message).toContain("contrat-de-sejour.docx n’est pas un document de relecture écrit par falc");
  });

  it("says the document is damaged when its review table is gone, and names a cut file", async () => {
    const noTable = new ReviewFiller(blank).deleteTable().bytes();
    const error = await thrown(async () => readReviewDocx(noTable, "relecture.docx"));
    expect(error).toMatchObject({ code: "review-damaged", exitCode: 2 });
    const cut = await thrown(async () => readReviewDocx(blank.slice(0, blank.length / 2), "coupé.docx"));
    expect(cut.exitCode).toBe(2);
    expect(cut.message).toContain("coupé.docx");
  });
});

const hasSoffice = spawnSync("sh", ["-c", "command -v soffice"]).status === 0;

describe.skipIf(!hasSoffice)("a filled review document saved again by LibreOffice", () => {
  it("reads the same verdicts, remarks, comment and edit", () => {
    const temp = tempDir("falc-review-lo-");
    const filled = new ReviewFiller(blank)
      .tick(0, "compris")
      .tick(1, "pas compris")
      .remark(1, "Trop long.")
      .comment(2, "Animatrice", "Le mot APA.")
      .trackedChange(3, "quand vous voulez", "quand vous le voulez")
      .validation({ reviewers: ["Lina Benali"], date: "3 mars 2027" })
      .bytes();
    const input = temp.write("filled.docx", filled);
    execFileSync("soffice", [`-env:UserInstallation=file://${temp.path("profile")}`, "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir", temp.path("lo"), input], {
      stdio: "ignore",
      timeout: 120_000,
    });
    const read = readReviewDocx(readFileSync(temp.path("lo/filled.docx")), "filled.docx");
    expect(read.sections.slice(0, 4).map((row) => row.verdict)).toEqual(["understood", "not-understood", "none", "none"]);
    expect(read.sections[1]!.remarks).toEqual(["Trop long."]);
    expect(read.sections[2]!.remarks).toEqual(["Le mot APA."]);
    expect(read.sections.map((row) => row.edited)).toEqual([false, false, false, true, false]);
    expect(read.validation.reviewers).toEqual(["Lina Benali"]);
  });
});
