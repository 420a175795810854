import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { splitSentences } from "../../src/analysis/sentences.js";
import { evalSentences } from "../../scripts/eval/sentences.js";

/** The sentences' texts, after checking that every span is exact, trimmed and non-empty. */
function split(input: string): string[] {
  const spans = splitSentences(input);
  for (const span of spans) {
    expect(input.slice(span.start, span.end)).toBe(span.text);
    expect(span.text.trim()).toBe(span.text);
    expect(span.text.length).toBeGreaterThan(0);
  }
  return spans.map((span) => span.text);
}

describe("splitSentences: basics", () => {
  it("returns nothing for empty or blank text", () => {
    expect(splitSentences("")).toEqual([]);
    expect(splitSentences("  \n\t\u00a0\n")).toEqual([]);
  });

  it("keeps text without punctuation as one sentence", () => {
    expect(split("le résident choisit son repas")).toEqual(["le résident choisit son repas"]);
  });

  it("splits on . ! ? and gives exact offsets", () => {
    const input = "  Le repas est servi. Vous venez ? Oui !  ";
    expect(splitSentences(input)).toEqual([
      { text: "Le repas est servi.", start: 2, end: 21 },
      { text: "Vous venez ?", start: 22, end: 34 },
      { text: "Oui !", start: 35, end: 40 },
    ]);
  });

  it("treats a line break as a hard boundary (headings, list items, one sentence per line)", () => {
    const input = "Le contrat de séjour\nVos droits\n- manger à votre faim\n- dormir au calme\nVous signez le contrat.";
    expect(split(input)).toEqual([
      "Le contrat de séjour",
      "Vos droits",
      "- manger à votre faim",
      "- dormir au calme",
      "Vous signez le contrat.",
    ]);
  });

  it("handles CRLF line ends and blank lines", () => {
    const input = "Titre\r\n\r\nPremière phrase. Deuxième phrase.\r\nDernière ligne";
    const spans = splitSentences(input);
    expect(spans.map((span) => span.text)).toEqual(["Titre", "Première phrase.", "Deuxième phrase.", "Dernière ligne"]);
    expect(spans[3]?.start).toBe(input.indexOf("Dernière"));
    expect(spans.every((span) => !span.text.includes("\r"))).toBe(true);
  });

  it("accepts the no-break spaces French puts before : ; ! ?", () => {
    expect(split("Vous venez\u00a0? Oui\u202f! Voici la liste\u00a0: pain, eau.")).toEqual([
      "Vous venez\u00a0?",
      "Oui\u202f!",
      "Voici la liste\u00a0: pain, eau.",
    ]);
  });
});

describe("splitSentences: abbreviations and initials", () => {
  it("does not split after titles and inline abbreviations", () => {
    expect(split("M. Dupont et Mme Durand voient le Dr. Martin. Ils partent.")).toEqual([
      "M. Dupont et Mme Durand voient le Dr. Martin.",
      "Ils partent.",
    ]);
    expect(split("Lisez le guide, cf. Annexe 2, avant de signer. Merci.")).toEqual([
      "Lisez le guide, cf. Annexe 2, avant de signer.",
      "Merci.",
    ]);
  });

  it("does not split after a reference followed by a number or a code", () => {
    expect(split("Selon l'art. 3 et l'art. L. 311-4 du code, voir p. 12 et le n° 5. Le contrat est signé.")).toEqual([
      "Selon l'art. 3 et l'art. L. 311-4 du code, voir p. 12 et le n° 5.",
      "Le contrat est signé.",
    ]);
  });

  it("splits when the same letters are a word ending the sentence", () => {
    expect(split("C'est de l'art. Le public aime.")).toEqual(["C'est de l'art.", "Le public aime."]);
  });

  it("ends a sentence at « etc. » before a capital, not before a lower-case word", () => {
    expect(split("Il y a des pommes, des poires, etc. Les enfants choisissent.")).toEqual([
      "Il y a des pommes, des poires, etc.",
      "Les enfants choisissent.",
    ]);
    expect(split("Il y a des pommes, des poires, etc. et des fraises.")).toEqual([
      "Il y a des pommes, des poires, etc. et des fraises.",
    ]);
  });

  it("keeps « p. ex. », « c.-à-d. » and « J.-C. » inside the sentence", () => {
    expect(split("Un document, p. ex. Le Livret, c.-à-d. Le Guide. Né en 52 av. J.-C. à Rome. Fin.")).toEqual([
      "Un document, p. ex. Le Livret, c.-à-d. Le Guide.",
      "Né en 52 av. J.-C. à Rome.",
      "Fin.",
    ]);
    expect(split("Il est mort en 10 av. J.-C. Il avait 60 ans.")).toEqual([
      "Il est mort en 10 av. J.-C.",
      "Il avait 60 ans.",
    ]);
  });

  it("ends a sentence after an abbreviation closed by a bracket", () => {
    expect(split("Prenez un fruit (une pomme par ex.) Ensuite, lavez-vous les mains.")).toEqual([
      "Prenez un fruit (une pomme par ex.)",
      "Ensuite, lavez-vous les mains.",
    ]);
  });

  it("keeps initials with the name", () => {
    expect(split("J. R. R. Tolkien a écrit ce livre. Charles de G. était là. J.-P. Sartre aussi.")).toEqual([
      "J. R. R. Tolkien a écrit ce livre.",
      "Charles de G. était là.",
      "J.-P. Sartre aussi.",
    ]);
  });

  it("ends a sentence at a capital letter followed by a pronoun", () => {
    expect(split("Le logiciel tourne sous Mac OS X. Il est gratuit.")).toEqual([
      "Le logiciel tourne sous Mac OS X.",
      "Il est gratuit.",
    ]);
  });

  it("ends a sentence after a unit following a number", () => {
    expect(split("Le bus part à 14 h. Le trajet dure 10 min. Soyez à l'heure.")).toEqual([
      "Le bus part à 14 h.",
      "Le trajet dure 10 min.",
      "Soyez à l'heure.",
    ]);
  });
});

describe("splitSentences: numbers, addresses and labels", () => {
  it("does not split inside decimals, amounts, times, ordinals or section numbers", () => {
    expect(split("Le repas coûte 74,50 € ou 3.5 points, soit 1.000 francs. Il est servi à 12 h 30 le 1er mai, voir 3.2 ci-dessous.")).toEqual([
      "Le repas coûte 74,50 € ou 3.5 points, soit 1.000 francs.",
      "Il est servi à 12 h 30 le 1er mai, voir 3.2 ci-dessous.",
    ]);
  });

  it("splits before a sentence that starts with a number", () => {
    expect(split("Il y a 30 chambres. 12 sont libres.")).toEqual(["Il y a 30 chambres.", "12 sont libres."]);
  });

  it("does not split inside URLs and e-mail addresses, but after them", () => {
    expect(split("Consultez www.service-public.fr. Écrivez à accueil.ehpad@exemple.fr. Merci.")).toEqual([
      "Consultez www.service-public.fr.",
      "Écrivez à accueil.ehpad@exemple.fr.",
      "Merci.",
    ]);
  });

  it("keeps list and article numbers with their text", () => {
    expect(split("1. L'établissement accueille les résidents.")).toEqual(["1. L'établissement accueille les résidents."]);
    expect(split("Art. 3. Le résident a des droits. Article 1er. Le contrat est écrit.")).toEqual([
      "Art. 3. Le résident a des droits.",
      "Article 1er. Le contrat est écrit.",
    ]);
    expect(split("3.2. Les visites\nA. Le matin\nIV. Les repas")).toEqual(["3.2. Les visites", "A. Le matin", "IV. Les repas"]);
  });
});

describe("splitSentences: quotes, ellipses, ? and !", () => {
  it("keeps closing quotes with the sentence they end", () => {
    expect(split("« Il a dit : \"Viens.\" » Puis il est parti.")).toEqual(["« Il a dit : \"Viens.\" »", "Puis il est parti."]);
    expect(split("Elle répond : « Oui, je viens. » Nous partons.")).toEqual([
      "Elle répond : « Oui, je viens. »",
      "Nous partons.",
    ]);
  });

  it("starts a sentence at an opening quote", () => {
    expect(split("Il entre. « Bonjour ! » Elle sourit.")).toEqual(["Il entre.", "« Bonjour ! »", "Elle sourit."]);
  });

  it("does not split after ? or ! followed by a lower-case word", () => {
    expect(split("« Qui va là ? » demanda-t-il. Personne ! Il rit. Ah ! mon Dieu.")).toEqual([
      "« Qui va là ? » demanda-t-il.",
      "Personne !",
      "Il rit.",
      "Ah ! mon Dieu.",
    ]);
  });

  it("handles ellipses written … or ...", () => {
    expect(split("Attendez… Il arrive... et il repart. Voilà.")).toEqual(["Attendez…", "Il arrive... et il repart.", "Voilà."]);
  });

  it("does not split at a cut marked […] in a quotation, nor at « (!) »", () => {
    expect(split("« Le résident […] Les visites sont libres. » Fin.")).toEqual([
      "« Le résident […] Les visites sont libres. »",
      "Fin.",
    ]);
    expect(split("Le prix (!) Le double de l'an passé.")).toEqual(["Le prix (!) Le double de l'an passé."]);
  });

  it("splits at a semicolon only before a capitalised closed-class word", () => {
    expect(split("Il adhère au parti ; Il est élu en 1930. Le repas ; la toilette ; Paris ; Lyon.")).toEqual([
      "Il adhère au parti ;",
      "Il est élu en 1930.",
      "Le repas ; la toilette ; Paris ; Lyon.",
    ]);
  });
});

describe("splitSentences: invariants", () => {
  it("returns ordered, exact, trimmed, non-empty spans that lose no text", () => {
    const pieces = ["M.", " ", "\u00a0", "\n", "\r\n", ".", "...", "…", "?", "!", ";", "«", "»", '"', "’", "(", ")", "[", "]"];
    pieces.push("Le", "le", "etc.", "J.", "3", "2 235", "h", "€", "@", "www.", "fr", "é", "É", "😀", "l'", "art.", "p. ex.", "1er");
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let k = 0; k < 3000; k++) {
      let input = "";
      const length = Math.floor(random() * 16);
      for (let i = 0; i < length; i++) input += pieces[Math.floor(random() * pieces.length)];
      let previousEnd = 0;
      const texts = split(input);
      splitSentences(input).forEach((span) => {
        expect(span.start).toBeGreaterThanOrEqual(previousEnd);
        previousEnd = span.end;
      });
      expect(texts.join("").replace(/\s/g, "")).toBe(input.replace(/\s/g, ""));
    }
  });
});

const corpusDir = resolve(import.meta.dirname, "../../../shared/corpus");
const hasCorpus = existsSync(join(corpusDir, "ud-fr-gsd-dev", "docs.jsonl"));

describe.skipIf(!hasCorpus)("splitSentences on UD French-GSD (dev)", () => {
  it("finds sentence boundaries with F1 ≥ 0.97", async () => {
    const result = await evalSentences(corpusDir);
    expect(result.docs).toBe(74);
    expect(result.f1).toBeGreaterThanOrEqual(0.97);
    expect(result.precision).toBeGreaterThanOrEqual(0.97);
  });
});
