import { describe, expect, it } from "vitest";
import { readOpinion, standaloneMark } from "../../src/review/marks.js";

const opinion = (...lines: string[]) => readOpinion(lines.map((text) => ({ text })));

describe("the readers' verdict, however it was written", () => {
  it("reads falc's own boxes, ticked or not (☒ is a ticked content control)", () => {
    expect(opinion("☒ Compris", "☐ Pas compris", "Remarques :")).toEqual({ verdict: "understood", remarks: [] });
    expect(opinion("☐ Compris", "☒ Pas compris", "Remarques :")).toEqual({ verdict: "not-understood", remarks: [] });
    expect(opinion("☐ Compris", "☐ Pas compris", "Remarques :")).toEqual({ verdict: "none", remarks: [] });
    expect(opinion("☒ Compris", "☒ Pas compris")).toEqual({ verdict: "contradictory", remarks: [] });
  });

  it("reads a mark typed beside a label, before or after it, in place of a box", () => {
    expect(opinion("x Compris", "☐ Pas compris").verdict).toBe("understood");
    expect(opinion("☐ Compris", "X Pas compris").verdict).toBe("not-understood");
    expect(opinion("☐ Compris ✔", "☐ Pas compris").verdict).toBe("understood");
    expect(opinion("☐ Compris", "☐ Pas compris ✘").verdict).toBe("not-understood");
    expect(opinion("Compris : oui").verdict).toBe("understood");
    expect(opinion("Compris : non").verdict).toBe("not-understood");
  });

  it("reads a verdict typed alone, with odd capitals, accents and repeated letters", () => {
    for (const yes of ["oui", "Oui !", "OUIII", "OK", "ok.", "Compris", "compris !", "✔", "✓", "👍", "d’accord", "C'est compris"]) expect(standaloneMark(yes), yes).toBe("yes");
    for (const no of ["non", "Non.", "NONNN", "pas compris", "Pas Compris !", "pa compris", "pas compri", "non compris", "✘", "✗", "❌"]) expect(standaloneMark(no), no).toBe("no");
    for (const neither of ["Le mot curateur est difficile.", "x", "?", "oui mais le mot APA", "compris le mot préavis ?"]) expect(standaloneMark(neither), neither).toBeUndefined();
  });

  it("keeps everything else as remarks, the « Remarques : » label left out", () => {
    expect(opinion("☐ Compris", "☒ Pas compris", "Remarques : le mot « préavis » est difficile.", "Trop de chiffres.")).toEqual({
      verdict: "not-understood",
      remarks: ["le mot « préavis » est difficile.", "Trop de chiffres."],
    });
    // A label inside a sentence is a remark, not a verdict.
    expect(opinion("Pas compris le mot préavis ?")).toEqual({ verdict: "none", remarks: ["Pas compris le mot préavis ?"] });
    // A paper session typed in: the verdict alone, then a remark.
    expect(opinion("pas compris", "Il faut une image pour le repas.")).toEqual({ verdict: "not-understood", remarks: ["Il faut une image pour le repas."] });
  });
});
