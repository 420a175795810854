import { describe, expect, it } from "vitest";
import { findFields, insideSpans, maskFields } from "../../src/analysis/fields.js";
import { computeStats } from "../../src/score/stats.js";

const fieldsOf = (text: string): string[] => findFields(text).map((f) => text.slice(f.start, f.end));

describe("findFields: the blanks and boxes of a form", () => {
  it("finds every kind of blank, each as one field", () => {
    expect(fieldsOf("Nom : ______ Prénom : _ _ _ _ _ _")).toEqual(["______", "_ _ _ _ _ _"]);
    expect(fieldsOf("Date : __/__/____ ou _ _ /_ _ /_ _ _ _")).toEqual(["__/__/____", "_ _ /_ _ /_ _ _ _"]);
    expect(fieldsOf("Né le ..../..../........ à ...........")).toEqual(["..../..../........", "..........."]);
    expect(fieldsOf("Fait à …………………., le …………………………")).toEqual(["………………….", "…………………………"]);
    expect(fieldsOf("sur la personne ……:……………")).toEqual(["……:……………"]);
    expect(fieldsOf("N° de sécurité sociale : |__|__|__|__|")).toEqual(["|__|__|__|__|"]);
    expect(fieldsOf("Baignade ☐ oui □ non ❑ ne sait pas")).toEqual(["☐", "□", "❑"]);
    expect(fieldsOf("[ ] Oui [x] Non ( ) Peut-être")).toEqual(["[ ]", "[x]", "( )"]);
    expect(fieldsOf("Se déplace en fauteuil -------------□ en permanence")).toEqual(["-------------", "□"]);
    expect(fieldsOf("Madame «SAR_PP_LASTNAME», le «SAR_A_CITYNAME»")).toEqual(["«SAR_PP_LASTNAME»", "«SAR_A_CITYNAME»"]);
  });

  it("leaves ellipses, dashes, brackets and quotes of prose alone", () => {
    expect(fieldsOf("Il a dit… et puis... rien.")).toEqual([]);
    expect(fieldsOf("Les fruits, les légumes, etc.... et le pain.")).toEqual([]);
    expect(fieldsOf("C'est une chambre d'hôtes !......")).toEqual([]);
    expect(fieldsOf("La chambre – au rez-de-chaussée – est grande (voir le plan) [page 3].")).toEqual([]);
    expect(fieldsOf("Le mot « mon_nom » et __init__ ne sont pas des blancs.")).toEqual([]);
  });

  it("masks fields as spaces, keeping every offset", () => {
    const text = "Nom : ____ ☐ oui";
    const masked = maskFields(text);
    // « Nom : » then the space, four underscores, the space, the box and the space before « oui ».
    expect(masked).toBe(`Nom :${" ".repeat(8)}oui`);
    expect(masked).toHaveLength(text.length);
  });

  it("tells whether a range lies inside fields, touching fields counting as one", () => {
    const spans = [
      { start: 2, end: 5 },
      { start: 5, end: 8 },
      { start: 10, end: 12 },
    ];
    expect(insideSpans(spans, 3, 7)).toBe(true);
    expect(insideSpans(spans, 2, 8)).toBe(true);
    expect(insideSpans(spans, 7, 11)).toBe(false);
    expect(insideSpans(spans, 0, 3)).toBe(false);
    expect(insideSpans(spans, 10, 12)).toBe(true);
    expect(insideSpans([], 0, 1)).toBe(false);
  });
});

describe("readability figures leave fields out", () => {
  it("counts neither a word nor a sentence end in a blank", () => {
    // Without the dots: « Nom : Prénom : » is 2 words in 1 sentence (« : » does not end one).
    const stats = computeStats("Nom : ........ Prénom : ........");
    expect(stats.words).toBe(2);
    expect(stats.sentences).toBe(1);
    // « ☐ oui ☐ non » is two words, one line, one sentence.
    expect(computeStats("☐ oui ☐ non")).toMatchObject({ words: 2, sentences: 1 });
    // A line made only of a blank is no sentence at all.
    expect(computeStats("Votre nom.\n______________").sentences).toBe(1);
  });
});
