import { describe, expect, it } from "vitest";
import { transformJSONSchema } from "@anthropic-ai/sdk/lib/transform-json-schema";
import { ANSWER_LIMITS, parseAnswer, REWRITE_SCHEMA } from "../../src/rewrite/answer.js";

const valid = {
  title: "Les repas",
  blocks: [
    { type: "paragraph", sentences: ["Vous mangez à 12 heures.", "Le repas coûte **7,50 euros**."] },
    { type: "list", intro: "Vous apportez :", items: ["vos vêtements", "votre carte Vitale"] },
  ],
  glossary: [{ word: "réfectoire", explanation: "La salle où tout le monde mange." }],
};

function problemsOf(value: unknown): string[] {
  const parsed = parseAnswer(value);
  if (parsed.ok) throw new Error(`expected problems, got ${JSON.stringify(parsed.result)}`);
  return parsed.problems;
}

describe("parseAnswer", () => {
  it("accepts a valid answer as it is", () => {
    expect(parseAnswer(valid)).toEqual({ ok: true, result: valid });
  });

  it("accepts the JSON text of an answer, bare or in a code fence", () => {
    expect(parseAnswer(JSON.stringify(valid))).toEqual({ ok: true, result: valid });
    expect(parseAnswer("```json\n" + JSON.stringify(valid) + "\n```")).toEqual({ ok: true, result: valid });
  });

  it("normalises: trims, collapses blanks, splits lines, drops empty sentences, items and blocks, removes typed bullets", () => {
    const parsed = parseAnswer({
      title: "  Les   repas \n",
      blocks: [
        { type: "paragraph", sentences: ["  Vous mangez à 12 heures.\nLe repas est servi dans la salle. ", "", "   "] },
        { type: "paragraph", sentences: ["  "] },
        { type: "list", items: ["- vos vêtements", "• votre carte Vitale", " "] },
        { type: "list", intro: "Vous apportez :", items: [] },
        { type: "list", intro: "  ", items: ["vos lunettes"] },
      ],
      glossary: [
        { word: " réfectoire ", explanation: "La salle où tout le monde mange. " },
        { word: "Réfectoire", explanation: "Un doublon." },
        { word: "", explanation: "" },
      ],
    });
    expect(parsed).toEqual({
      ok: true,
      result: {
        title: "Les repas",
        blocks: [
          { type: "paragraph", sentences: ["Vous mangez à 12 heures.", "Le repas est servi dans la salle."] },
          { type: "list", items: ["vos vêtements", "votre carte Vitale"] },
          { type: "paragraph", sentences: ["Vous apportez :"] },
          { type: "list", items: ["vos lunettes"] },
        ],
        glossary: [{ word: "réfectoire", explanation: "La salle où tout le monde mange." }],
      },
    });
  });

  it("keeps placeholders, e-mail addresses and URLs with underscores, and bold", () => {
    const sentences = [
      "Vous appelez [PERSONNE_1] au [TELEPHONE_2].",
      "Écrivez à jean_dupont@residence.fr ou allez sur https://www.residence.fr/nous_contacter.",
      "Vous ne pouvez **pas** fumer.",
    ];
    const parsed = parseAnswer({ title: "Contacts", blocks: [{ type: "paragraph", sentences }], glossary: [] });
    expect(parsed.ok && parsed.result.blocks[0]).toEqual({ type: "paragraph", sentences });
  });

  it.each([
    ["une balise HTML", "Vous mangez <b>à midi</b>."],
    ["un lien Markdown", "Lisez [le règlement](https://exemple.fr)."],
    ["un titre Markdown", "## Les repas"],
    ["de l'italique", "Vous mangez _à midi_."],
    ["un astérisque", "Vous mangez *à midi*."],
    ["un astérisque", "Vous mangez **à midi."],
    ["un accent grave", "Vous mangez `à midi`."],
    ["du texte barré", "Vous mangez ~~à midi~~."],
  ])("rejects markup other than bold: %s", (kind, sentence) => {
    const problems = problemsOf({ title: "Les repas", blocks: [{ type: "paragraph", sentences: [sentence] }], glossary: [] });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain("blocks[0].sentences[0]");
    expect(problems[0]).toContain(kind.split(" ")[1]!);
  });

  it("rejects an empty answer", () => {
    expect(problemsOf({ title: "Les repas", blocks: [], glossary: [] })).toEqual(["La réponse ne contient aucune phrase : réécrivez toute la section."]);
    expect(problemsOf({ title: "Les repas", blocks: [{ type: "paragraph", sentences: [" ", ""] }], glossary: [] })[0]).toContain("aucune phrase");
  });

  it("rejects what the schema forbids, with the path of each problem", () => {
    expect(problemsOf("ceci n'est pas du JSON")[0]).toMatch(/^La réponse n'est pas du JSON valide/);
    expect(problemsOf("Voici la section réécrite : {pas du JSON")[0]).not.toMatch(/Unexpected|token|JSON at position/);
    expect(problemsOf([valid])).toEqual(["La réponse doit être un objet JSON (reçu : une liste)."]);
    expect(problemsOf({ ...valid, note: "bonjour" })).toEqual(["La réponse contient une clé inconnue « note » (clés permises : title, blocks, glossary)."]);
    expect(problemsOf({ blocks: valid.blocks, glossary: [] })).toEqual(["« title » doit être un texte (reçu : rien)."]);
    expect(problemsOf({ ...valid, title: "  " })).toEqual(["« title » est vide : donnez un titre court."]);
    expect(problemsOf({ ...valid, blocks: [{ type: "image", src: "logo.png" }] })[0]).toContain("« blocks[0].type » doit valoir");
    expect(problemsOf({ ...valid, blocks: [{ type: "paragraph", sentences: "Une phrase." }] })).toEqual(["« blocks[0].sentences » doit être une liste (reçu : un texte)."]);
    expect(problemsOf({ ...valid, blocks: [{ type: "paragraph", sentences: [12] }] })).toEqual(["« blocks[0].sentences[0] » doit être un texte (reçu : un nombre)."]);
    expect(problemsOf({ ...valid, blocks: [{ type: "list", items: ["a"], extra: 1 }] })[0]).toContain("« blocks[0] » contient une clé inconnue « extra »");
    expect(problemsOf({ ...valid, glossary: [{ word: "réfectoire", explanation: "" }] })).toEqual([
      "« glossary[0].explanation » est vide : expliquez « réfectoire » en une phrase simple.",
    ]);
  });

  it("rejects runaway output beyond the safety bounds", () => {
    const long = "mot ".repeat(ANSWER_LIMITS.sentence).trim() + ".";
    expect(problemsOf({ ...valid, blocks: [{ type: "paragraph", sentences: [long] }] })[0]).toContain("est trop long");
    const many = Array.from({ length: ANSWER_LIMITS.blocks + 1 }, () => ({ type: "paragraph", sentences: ["Une phrase."] }));
    expect(problemsOf({ ...valid, blocks: many })[0]).toContain("a trop d'éléments");
  });

  it("reports ten problems at most, and says how many more there were", () => {
    const blocks = Array.from({ length: 15 }, () => ({ type: "paragraph", sentences: ["<b>Gras</b>."] }));
    const problems = problemsOf({ ...valid, blocks });
    expect(problems).toHaveLength(11);
    expect(problems[10]).toBe("… et 5 autres problèmes du même genre.");
  });
});

describe("REWRITE_SCHEMA", () => {
  it("is strict at every level: every object lists its required keys and forbids others", () => {
    const objects: Record<string, unknown>[] = [];
    const walk = (node: unknown) => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (typeof node !== "object" || node === null) return;
      const record = node as Record<string, unknown>;
      if (record.type === "object") objects.push(record);
      Object.values(record).forEach(walk);
    };
    walk(REWRITE_SCHEMA);
    expect(objects).toHaveLength(5);
    for (const object of objects) {
      expect(object.additionalProperties).toBe(false);
      expect((object.required as string[]).every((key) => key in (object.properties as object))).toBe(true);
    }
  });

  it("goes through the SDK's transform for the API, which keeps the structure and moves the limits into descriptions", () => {
    const wire = transformJSONSchema(structuredClone(REWRITE_SCHEMA) as unknown as Record<string, unknown>) as any;
    expect(wire.required).toEqual(["title", "blocks", "glossary"]);
    expect(wire.additionalProperties).toBe(false);
    expect(wire.properties.blocks.items.anyOf.map((variant: any) => variant.properties.type.const)).toEqual(["paragraph", "list", "table"]);
    expect(wire.properties.title.maxLength).toBeUndefined();
    expect(wire.properties.title.description).toContain(`maxLength: ${ANSWER_LIMITS.title}`);
  });
});
