import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { changedConversions } from "../helpers/changed-rewrite.js";
import { tempDir } from "../helpers/temp.js";
import { all, readParts, text } from "../render/docx-xml.js";

const tmp = tempDir("falc-to-check-");
const KEY = "sk-ant-test-SECRET-1717";

const RULES = [
  "# Règlement de la crèche",
  "",
  "## Contrat",
  "",
  "Le contrat annuel est signé en septembre. Les deux familles assurent la permanence.",
  "",
].join("\n");

const convert = changedConversions({ tmp, key: KEY, markdown: RULES });

describe("a value the rewrite makes explicit (« annuel » → « 1 an »)", () => {
  it("is « à vérifier » in the report, the review and the Markdown, and passes --strict", async () => {
    const { outcome, out } = await convert("explicit", (s) =>
      s.replace("Le contrat annuel est signé en septembre.", "Le contrat dure 1 an. Vous le signez en septembre.").replace("Les deux familles", "Les 2 familles"),
    );
    expect(outcome.exitCode).toBe(0);
    const section = outcome.files[0]!.result.sections.find((s) => s.original.includes("annuel"))!;
    expect(section.facts).toMatchObject({ missing: [], added: [], toCheck: [{ type: "duration", text: "1 an" }] });

    const report = JSON.parse(readFileSync(join(out, "explicit.falc.json"), "utf8"));
    expect(report.facts).toMatchObject({ missing: 0, added: 0, toCheck: 1 });

    const review = readParts(readFileSync(join(out, "explicit.relecture.docx")));
    const paragraphs = all(review.document, "p").map(text);
    expect(paragraphs).toContain("À vérifier : 1 an (durée)");
    expect(paragraphs.some((p) => p.includes("Information ajoutée"))).toBe(false);

    expect(readFileSync(join(out, "explicit.falc.md"), "utf8")).toContain("**À vérifier**");
  });

  it("a different value is still added, and fails --strict", async () => {
    const { outcome } = await convert("changed", (s) => s.replace("Le contrat annuel est signé en septembre.", "Le contrat dure 2 ans. Vous le signez en septembre."));
    expect(outcome.exitCode).toBe(1);
    const section = outcome.files[0]!.result.sections.find((s) => s.original.includes("annuel"))!;
    expect(section.facts).toMatchObject({ missing: [], added: [{ type: "duration", text: "2 ans" }], toCheck: [] });
  });
});
