import { describe, expect, it } from "vitest";
import { tokenize, wordTokens } from "../../src/analysis/tokens.js";
import type { TokenKind } from "../../src/analysis/tokens.js";
import { countWords } from "../../src/analysis/words.js";
import { abbreviationByForm, abbreviationByLastWord, ABBREVIATIONS } from "../../src/analysis/abbreviations.js";

/** `text/kind` for every token, after checking that offsets are exact. */
function tokens(input: string): string[] {
  return tokenize(input).map((token) => {
    expect(input.slice(token.start, token.end)).toBe(token.text);
    return `${token.text}/${token.kind}`;
  });
}

function kindsOf(input: string, kind: TokenKind): string[] {
  return tokenize(input)
    .filter((token) => token.kind === kind)
    .map((token) => token.text);
}

describe("tokenize: words", () => {
  it("returns nothing for empty text", () => {
    expect(tokenize("")).toEqual([]);
    expect(tokenize(" \n\u00a0")).toEqual([]);
  });

  it("splits elisions from the next word, with exact offsets", () => {
    expect(tokenize("l'école")).toEqual([
      { text: "l'", start: 0, end: 2, kind: "elision" },
      { text: "école", start: 2, end: 7, kind: "word" },
    ]);
    expect(tokens("D’abord, qu'il vienne jusqu'à lui, lorsqu'elle part, presqu'entièrement.")).toEqual([
      "D’/elision",
      "abord/word",
      ",/punct",
      "qu'/elision",
      "il/word",
      "vienne/word",
      "jusqu'/elision",
      "à/word",
      "lui/word",
      ",/punct",
      "lorsqu'/elision",
      "elle/word",
      "part/word",
      ",/punct",
      "presqu'/elision",
      "entièrement/word",
      "./punct",
    ]);
  });

  it("keeps lexicalised apostrophes inside one word", () => {
    expect(kindsOf("aujourd'hui, quelqu'un, la presqu'île, les prud'hommes", "word")).toEqual([
      "aujourd'hui",
      "quelqu'un",
      "la",
      "presqu'île",
      "les",
      "prud'hommes",
    ]);
  });

  it("keeps hyphenated compounds as one word; « c'est-à-dire » is « c' » + « est-à-dire »", () => {
    expect(tokens("Peut-être, c'est-à-dire a-t-il vu Saint-Étienne ?")).toEqual([
      "Peut-être/word",
      ",/punct",
      "c'/elision",
      "est-à-dire/word",
      "a-t-il/word",
      "vu/word",
      "Saint-Étienne/word",
      "?/punct",
    ]);
    expect(countWords("peut-être")).toBe(1);
    expect(countWords("c'est-à-dire")).toBe(1);
  });

  it("marks acronyms of two capitals or more, accented ones included", () => {
    expect(kindsOf("La MDPH, l'ÉSAT, la CAF et la COVID-19 ; À Paris, Anne et XIV.", "acronym")).toEqual([
      "MDPH",
      "ÉSAT",
      "CAF",
      "COVID-19",
      "XIV",
    ]);
    expect(kindsOf("la S.N.C.F. part", "acronym")).toEqual(["S.N.C.F."]);
    // Decomposed accents (E + U+0301), as some PDF and macOS text comes.
    expect(kindsOf("l'E\u0301SAT et l'e\u0301cole", "acronym")).toEqual(["E\u0301SAT"]);
  });

  it("marks ordinals", () => {
    expect(kindsOf("le 1er mai, la 1re fois, le 2e étage, le XXe siècle, Napoléon Ier, le 3ème", "ordinal")).toEqual([
      "1er",
      "1re",
      "2e",
      "XXe",
      "Ier",
      "3ème",
    ]);
  });
});

describe("tokenize: numbers and quantities", () => {
  it("keeps digit groups, decimals and commas in one number", () => {
    expect(kindsOf("2 235 personnes, 1\u00a0500,00 et 12\u202f000 ; 74,50 ou 3.5 ou 1.000", "number")).toEqual([
      "2 235",
      "1\u00a0500,00",
      "12\u202f000",
      "74,50",
      "3.5",
      "1.000",
    ]);
  });

  it("does not join a year with the next number", () => {
    expect(kindsOf("en 2005 100 soldats", "number")).toEqual(["2005", "100"]);
  });

  it("reads amounts with € or euros as currency", () => {
    expect(kindsOf("Il paie 74,50 €, puis 1 500,00 € et 10 euros, soit 1 euro de plus.", "currency")).toEqual([
      "74,50 €",
      "1 500,00 €",
      "10 euros",
      "1 euro",
    ]);
  });

  it("reads percentages", () => {
    expect(kindsOf("15 % des résidents et 7,5% des visiteurs", "percent")).toEqual(["15 %", "7,5%"]);
  });

  it("reads dates", () => {
    expect(kindsOf("le 01/03/2026, le 1/3/26 ou le 2026-03-01", "date")).toEqual(["01/03/2026", "1/3/26", "2026-03-01"]);
  });

  it("reads times, but not hours glued to a word", () => {
    expect(kindsOf("à 12 h 00, 14h30, 14:30 ou 9 h ; 12 habitants", "time")).toEqual(["12 h 00", "14h30", "14:30", "9 h"]);
  });

  it("reads French phone numbers", () => {
    expect(kindsOf("Appelez le 01 23 45 67 89, le 01.23.45.67.89, le +33 1 23 45 67 89 ou le 0612345678.", "phone")).toEqual([
      "01 23 45 67 89",
      "01.23.45.67.89",
      "+33 1 23 45 67 89",
      "0612345678",
    ]);
  });
});

describe("tokenize: addresses and abbreviations", () => {
  it("reads URLs without the final punctuation", () => {
    expect(kindsOf("Voir https://www.service-public.fr/particuliers. Ou www.falc.fr, ou service-public.fr.", "url")).toEqual([
      "https://www.service-public.fr/particuliers",
      "www.falc.fr",
      "service-public.fr",
    ]);
  });

  it("reads e-mail addresses", () => {
    expect(kindsOf("Écrivez à accueil.ehpad@exemple.fr ou à jean_dupont+info@mairie-lyon.fr.", "email")).toEqual([
      "accueil.ehpad@exemple.fr",
      "jean_dupont+info@mairie-lyon.fr",
    ]);
  });

  it("marks the abbreviations of the list", () => {
    expect(
      kindsOf("M. Dupont, Mme Durand, Me Martin, le Dr. House, p. ex. cf. art. 3, n° 5, c.-à-d. en 52 av. J.-C., etc.", "abbreviation"),
    ).toEqual(["M.", "Mme", "Me", "Dr.", "p. ex.", "cf.", "art.", "n°", "c.-à-d.", "av. J.-C.", "etc."]);
  });

  it("does not take words for abbreviations out of context", () => {
    expect(kindsOf("Me voici. C'est de l'art. Le public aime.", "abbreviation")).toEqual([]);
  });

  it("marks initials before a name", () => {
    expect(kindsOf("J. R. R. Tolkien et J.-P. Sartre", "initial")).toEqual(["J.", "R.", "R.", "J.-P."]);
  });

  it("separates punctuation and symbols", () => {
    expect(tokens("« Oui… » (non) & § 3 ...")).toEqual([
      "«/punct",
      "Oui/word",
      "…/punct",
      "»/punct",
      "(/punct",
      "non/word",
      ")/punct",
      "&/symbol",
      "§/symbol",
      "3/number",
      ".../punct",
    ]);
  });
});

describe("countWords and wordTokens", () => {
  it("counts what a reader sees as words", () => {
    expect(countWords("L'établissement accueille 30 résidents depuis le 1er janvier.")).toBe(8);
    expect(countWords("Le loyer est de 1 500,00 € par mois, soit 15 % de plus.")).toBe(11);
    expect(countWords("Appelez le 01 23 45 67 89 à 14 h 30.")).toBe(5);
    expect(countWords("« ! ? »")).toBe(0);
  });

  it("agrees with wordTokens", () => {
    const text = "Qu'est-ce que la MDPH ? C'est la Maison départementale, cf. www.mdph.fr, tél. 01 23 45 67 89.";
    expect(wordTokens(text).length).toBe(countWords(text));
    expect(wordTokens(text).map((token) => token.text)).toEqual([
      "est-ce",
      "que",
      "la",
      "MDPH",
      "est",
      "la",
      "Maison",
      "départementale",
      "cf.",
      "www.mdph.fr",
      "tél.",
      "01 23 45 67 89",
    ]);
  });
});

describe("abbreviations", () => {
  it("gives every abbreviation a French expansion and a role", () => {
    for (const abbreviation of ABBREVIATIONS) {
      expect(abbreviation.expansion.length).toBeGreaterThan(1);
      expect(["title", "inline", "reference", "final"]).toContain(abbreviation.role);
    }
  });

  it("finds abbreviations by form, capitalised or not, and by last word", () => {
    expect(abbreviationByForm("etc.")?.expansion).toBe("et cetera (et le reste)");
    expect(abbreviationByForm("Cf.")?.expansion).toBe("voir");
    expect(abbreviationByForm("p. ex.")?.expansion).toBe("par exemple");
    expect(abbreviationByLastWord("J.-C")?.role).toBe("final");
    expect(abbreviationByLastWord("av")?.expansion).toBe("avenue");
    expect(abbreviationByLastWord("Mme")?.role).toBe("title");
    expect(abbreviationByForm("chat")).toBeUndefined();
  });
});
