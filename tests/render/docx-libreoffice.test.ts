import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { PDFParse } from "pdf-parse";
import { beforeAll, describe, expect, it } from "vitest";
import { renderFalcDocx } from "../../src/render/falc-docx.js";
import { renderReviewDocx } from "../../src/render/review-docx.js";
import { buildConvertResult } from "../helpers/convert-result.js";
import { tempDir } from "../helpers/temp.js";

/**
 * Both outputs rendered by LibreOffice, when it is installed: fields updated, the table header
 * repeated on every page, a sane number of pages. `scripts/render-docx.ts` makes PNGs to look at.
 */

const hasSoffice = spawnSync("sh", ["-c", "command -v soffice"]).status === 0;

async function pages(path: string): Promise<string[]> {
  const parser = new PDFParse({ data: readFileSync(path) });
  try {
    const { pages } = await parser.getText();
    return pages.map((page) => page.text.replace(/\u00a0/g, " "));
  } finally {
    await parser.destroy();
  }
}

describe.skipIf(!hasSoffice)("rendered by LibreOffice", () => {
  let draft: string[];
  let review: string[];

  beforeAll(async () => {
    const temp = tempDir("falc-render-");
    const result = buildConvertResult();
    const inputs = [temp.write("contrat.falc.docx", await renderFalcDocx(result)), temp.write("contrat.relecture.docx", await renderReviewDocx(result))];
    // A private profile: a LibreOffice already running elsewhere would otherwise swallow the job.
    execFileSync("soffice", [`-env:UserInstallation=file://${temp.path("profile")}`, "--headless", "--convert-to", "pdf", "--outdir", temp.dir, ...inputs], {
      stdio: "ignore",
      timeout: 120_000,
    });
    draft = await pages(temp.path("contrat.falc.pdf"));
    review = await pages(temp.path("contrat.relecture.pdf"));
  }, 150_000);

  it("lays the draft out on a few pages, numbered « Page X sur Y »", () => {
    expect(draft.length).toBeGreaterThanOrEqual(2);
    expect(draft.length).toBeLessThanOrEqual(5);
    draft.forEach((text, i) => expect(text).toContain(`Page ${i + 1} sur ${draft.length}`));
    expect(draft[0]).toContain("ce document est un brouillon");
    expect(draft[draft.length - 1]).toContain("Les mots difficiles");
  });

  it("repeats the review table's header on every page of the table", () => {
    expect(review.length).toBeGreaterThanOrEqual(4);
    expect(review.length).toBeLessThanOrEqual(9);
    review.forEach((text, i) => expect(text).toContain(`Page ${i + 1} sur ${review.length}`));
    expect(review[0]).toContain("Comment faire la relecture");
    expect(review[0]).not.toContain("Avis des relecteurs\n");
    const tablePages = review.slice(1, -1);
    for (const text of tablePages) expect(text).toMatch(/Original\s+Version facile à lire\s+Points à vérifier\s+Avis des relecteurs/);
    expect(review[review.length - 1]).toContain("Relu et validé par");
  });
});

