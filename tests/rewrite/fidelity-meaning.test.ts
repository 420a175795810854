import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { changedConversions } from "../helpers/changed-rewrite.js";
import { tempDir } from "../helpers/temp.js";
import { all, readParts, text } from "../render/docx-xml.js";

const tmp = tempDir("falc-meaning-");
const KEY = "sk-ant-test-SECRET-1718";

const RULES = [
  "# Règlement de la crèche",
  "",
  "## Résiliation",
  "",
  "Un e-mail ne suffit pas pour résilier le contrat. La lettre est envoyée au Président de l’association.",
  "",
].join("\n");

const convert = changedConversions({ tmp, key: KEY, markdown: RULES });

describe("a negation the rewrite reverses (« ne suffit pas » → « suffit »)", () => {
  it("is « à vérifier » in the report, the review and the Markdown, and passes --strict", async () => {
    const { outcome, out } = await convert("reversed", (s) => s.replace("ne suffit pas", "suffit"));
    expect(outcome.exitCode).toBe(0);

    const report = JSON.parse(readFileSync(join(out, "reversed.falc.json"), "utf8"));
    expect(report.facts).toMatchObject({ missing: 0, added: 0, meaning: 1 });
    const section = report.sections.find((s: { original: string }) => s.original.includes("e-mail"));
    expect(section.facts.meaning).toEqual([
      {
        kind: "negation",
        marker: "ne … pas",
        original: "Un e-mail ne suffit pas pour résilier le contrat.",
        rewrite: "Un e-mail suffit pour résilier le contrat.",
      },
    ]);

    const review = readParts(readFileSync(join(out, "reversed.relecture.docx")));
    const paragraphs = all(review.document, "p").map(text);
    expect(paragraphs).toContain("À vérifier : négation inversée (« ne … pas ») dans « Un e-mail suffit pour résilier le contrat. »");

    expect(readFileSync(join(out, "reversed.falc.md"), "utf8")).toContain("négation inversée (« ne … pas »)");
  });

  it("a faithful rewrite gives no point and keeps the report's shape", async () => {
    const { outcome, out } = await convert("kept", (s) => s.replace("Un e-mail ne suffit pas pour résilier le contrat.", "Un e-mail ne suffit pas pour arrêter le contrat."));
    expect(outcome.exitCode).toBe(0);
    const report = JSON.parse(readFileSync(join(out, "kept.falc.json"), "utf8"));
    expect(report.facts.meaning).toBeUndefined();
    expect(report.sections.every((s: { facts: object }) => !("meaning" in s.facts))).toBe(true);
  });
});
