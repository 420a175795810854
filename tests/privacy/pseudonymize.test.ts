import { describe, expect, it } from "vitest";
import { PII_KINDS, describeCounts, emptyMapping, pseudonymize, restore } from "../../src/privacy/index.js";
import { CONTRACT, NOT_PERSONAL, PLANTED, WELCOME_BOOKLET, WELCOME_NOT_PERSONAL, WELCOME_PLANTED } from "./contract-fixture.js";

const ALL_PLANTED = Object.values(PLANTED).flat();

describe("pseudonymize on a contract full of planted personal data", () => {
  const result = pseudonymize(CONTRACT);

  it("leaves none of the planted values in the text", () => {
    const leaked = ALL_PLANTED.filter((value) => result.text.includes(value));
    expect(leaked).toEqual([]);
    // Surnames and birth dates must not survive as fragments either.
    for (const fragment of ["Perrin", "PERRIN", "Lefèvre", "Benali", "Arnoult", "Marchal", "1938", "Acacias", "Jaurès"]) {
      expect(result.text).not.toContain(fragment);
    }
  });

  it("masks each planted value as its own kind", () => {
    for (const [kind, values] of Object.entries(PLANTED)) {
      for (const value of values) {
        const entry = result.mapping.entries.find((candidate) => candidate.value === value);
        expect(entry?.kind, value).toBe(kind);
      }
    }
  });

  it("masks nothing but planted values (and surnames of planted people)", () => {
    const extra = result.mapping.entries
      .map((entry) => entry.value)
      .filter((value) => !ALL_PLANTED.includes(value));
    expect(extra).toEqual(["Perrin"]);
  });

  it("leaves look-alikes and ordinary facts as written", () => {
    for (const value of NOT_PERSONAL) expect(result.text).toContain(value);
    expect(result.text).toContain("Madame [PERSONNE_");
    expect(result.text).toContain("Dr [PERSONNE_");
  });

  it("counts occurrences per kind, without values", () => {
    expect(result.counts).toEqual({
      PERSONNE: 11,
      TELEPHONE: 6,
      EMAIL: 2,
      NIR: 1,
      IBAN: 1,
      ADRESSE: 4,
      CODE_POSTAL_VILLE: 4,
      DATE_NAISSANCE: 2,
    });
    expect(Object.keys(result.counts)).toEqual([...PII_KINDS]);
    expect(JSON.stringify(result.counts)).not.toMatch(/Perrin|@|\d{4}/);
  });

  it("gives the same value the same placeholder everywhere", () => {
    // « 72190 Bourg-Lavande » appears twice: once in the header, once in the doctor's address.
    expect(result.text.match(/\[CODE_POSTAL_VILLE_1\]/g)).toHaveLength(2);
    expect(result.text.match(/La famille (\[PERSONNE_\d+\])/)?.[1]).toBe(
      result.text.match(/de Madame (\[PERSONNE_\d+\])/)?.[1],
    );
  });

  it("restores the exact original text when every placeholder comes back", () => {
    const back = restore(result.text, result.mapping, result.placeholders);
    expect(back.text).toBe(CONTRACT);
    expect(back.missing).toEqual([]);
    expect(back.unknown).toEqual([]);
  });

  it("keeps a serialisable mapping", () => {
    const copy = JSON.parse(JSON.stringify(result.mapping)) as typeof result.mapping;
    expect(restore(result.text, copy).text).toBe(CONTRACT);
  });
});

describe("pseudonymize on a held-out livret d'accueil", () => {
  const result = pseudonymize(WELCOME_BOOKLET);

  it("masks every planted value and only them", () => {
    expect(WELCOME_PLANTED.filter((value) => result.text.includes(value))).toEqual([]);
    expect(result.mapping.entries.map((entry) => entry.value).sort()).toEqual([...WELCOME_PLANTED].sort());
    for (const value of WELCOME_NOT_PERSONAL) expect(result.text).toContain(value);
    expect(restore(result.text, result.mapping, result.placeholders).text).toBe(WELCOME_BOOKLET);
  });
});

describe("a mapping shared across sections", () => {
  const section2 = "Madame Simone Perrin, tél. 06 12 34 56 78, est accueillie.";
  const section7 = "En cas d'absence, Madame Simone Perrin prévient l'accueil au 06 12 34 56 78. Mme Perrin signe.";

  it("keeps placeholders stable across calls", () => {
    const mapping = emptyMapping();
    const first = pseudonymize(section2, {}, mapping);
    const second = pseudonymize(section7, {}, first.mapping);
    expect(first.text).toBe("Madame [PERSONNE_1], tél. [TELEPHONE_1], est accueillie.");
    expect(second.text).toBe(
      "En cas d'absence, Madame [PERSONNE_1] prévient l'accueil au [TELEPHONE_1]. Mme [PERSONNE_2] signe.",
    );
    expect(second.placeholders.sort()).toEqual(["[PERSONNE_1]", "[PERSONNE_2]", "[TELEPHONE_1]"]);
  });

  it("extends the mapping passed in, so every section shares one numbering", () => {
    const mapping = emptyMapping();
    const result = pseudonymize(section2, {}, mapping);
    expect(result.mapping).toBe(mapping);
    expect(mapping.entries.map((entry) => entry.placeholder)).toEqual(["[PERSONNE_1]", "[TELEPHONE_1]"]);
  });

  it("masks the surname of a named person in its other written forms", () => {
    const text = "Simone PERRIN est présente. La famille Perrin et M. de La Tour (Jean-Pierre de La Tour) aussi.";
    const result = pseudonymize(text);
    expect(result.text).toBe(
      "[PERSONNE_1] est présente. La famille [PERSONNE_2] et M. [PERSONNE_3] ([PERSONNE_4]) aussi.",
    );
    expect(restore(result.text, result.mapping).text).toBe(text);
  });

  it("does not mask a first name alone because it was part of a name", () => {
    const text = "Jean Michel, kinésithérapeute, intervient le mardi. Michel Ange est un peintre.";
    expect(pseudonymize("Jean Michel arrive. Michel viendra.").text).toBe("[PERSONNE_1] arrive. Michel viendra.");
    expect(pseudonymize(text).text).toContain("intervient le mardi");
  });

  it("masks a known surname met alone in a later section", () => {
    const first = pseudonymize("Monsieur Luc Xuereb est le fils.", {});
    const later = pseudonymize("La famille Xuereb est prévenue.", {}, first.mapping);
    expect(later.text).toBe("La famille [PERSONNE_2] est prévenue.");
  });
});

describe("restore", () => {
  const { text, mapping, placeholders } = pseudonymize("Contact : Luc Perrin, 06 12 34 56 78, luc.perrin@exemple.fr.");

  it("reports the placeholders that did not come back", () => {
    const rewritten = text.replace(/, \[TELEPHONE_1\]/, "");
    const back = restore(rewritten, mapping, placeholders);
    expect(back.missing).toEqual(["[TELEPHONE_1]"]);
    expect(back.text).toBe("Contact : Luc Perrin, luc.perrin@exemple.fr.");
  });

  it("accepts placeholders a model slightly altered, and flags invented ones", () => {
    const back = restore("Appelez \\[TELEPHONE_1\\] ou [PERSONNE 1] ([EMAIL_1]) et [PERSONNE_9].", mapping, placeholders);
    expect(back.text).toBe("Appelez 06 12 34 56 78 ou Luc Perrin (luc.perrin@exemple.fr) et [PERSONNE_9].");
    expect(back.missing).toEqual([]);
    expect(back.unknown).toEqual(["[PERSONNE_9]"]);
  });
});

describe("precision on ordinary text", () => {
  const ordinary = [
    "Le résident peut recevoir des visites le lundi 2 mars 2026 à 14 h. Le prix est de 74,50 €.",
    "La directrice reçoit les familles. Madame la Directrice préside le conseil de la vie sociale.",
    "Monsieur le Maire et l'Association Les Amis de Pierre Loti organisent une fête.",
    "Au cours de la Réunion du conseil, la place du résident est rappelée (article L. 311-3).",
    "Le contrat du 12/04/2025 est signé en 2 exemplaires ; le dépôt de garantie est de 1 850 €.",
    "L'association, née en 1975, a rénové le bâtiment le 03/02/2020.",
    "L'EHPAD accueille 84 résidents dans 3 unités ; la rue du village est calme.",
    "Numéro SIRET : 123 456 789 00012. Facture n° 2026-0042.",
  ];

  it.each(ordinary)("leaves « %s » unchanged", (sentence) => {
    const result = pseudonymize(sentence);
    expect(result.text).toBe(sentence);
    expect(result.mapping.entries).toEqual([]);
  });
});

describe("detection of each format", () => {
  const masked = (text: string, kinds?: (typeof PII_KINDS)[number][]) =>
    pseudonymize(text, kinds === undefined ? {} : { kinds }).text;

  it.each([
    ["01 23 45 67 89"],
    ["01.23.45.67.89"],
    ["01-23-45-67-89"],
    ["0123456789"],
    ["+33 1 23 45 67 89"],
    ["+33 (0)1 23 45 67 89"],
    ["+33123456789"],
    ["0033 1 23 45 67 89"],
    ["0 800 123 456"],
    ["(+33) 6 12 34 56 78"],
  ])("masks the phone number %s", (phone) => {
    expect(masked(`Appeler le ${phone} en semaine.`)).toBe("Appeler le [TELEPHONE_1] en semaine.");
  });

  it("keeps an opening bracket that is not part of the number", () => {
    expect(masked("Urgences (+33 6 12 34 56 78).")).toBe("Urgences ([TELEPHONE_1]).");
  });

  it("checks the NIR key, Corsica included", () => {
    expect(masked("NIR 2 38 04 53 130 012 34.")).toBe("NIR [NIR_1].");
    expect(masked("NIR 238045313001234.")).toBe("NIR [NIR_1].");
    expect(masked("NIR 1 47 05 2A 045 123 09.")).toBe("NIR [NIR_1].");
    expect(masked("NIR 1 47 05 2B 045 123 36.")).toBe("NIR [NIR_1].");
    expect(masked("NIR 1 47 05 2A 045 123 36.")).toBe("NIR 1 47 05 2A 045 123 36.");
    expect(masked("NIR 2 38 04 53 130 012 35.")).toBe("NIR 2 38 04 53 130 012 35.");
  });

  it("checks the IBAN checksum, any country", () => {
    expect(masked("IBAN : FR7630006000011234567890189.")).toBe("IBAN : [IBAN_1].");
    expect(masked("IBAN : DE89 3704 0044 0532 0130 00, BIC COBADEFFXXX.")).toBe("IBAN : [IBAN_1], BIC COBADEFFXXX.");
    expect(masked("IBAN : DE89 3704 0044 0532 0130 01.")).toBe("IBAN : DE89 3704 0044 0532 0130 01.");
  });

  it.each([
    ["14, rue des Acacias", "rue"],
    ["3 bis avenue Jean Jaurès", "avenue"],
    ["5 chemin de la Croix Blanche", "chemin"],
    ["27 boulevard Victor Hugo", "boulevard"],
    ["2 place du Marché", "place"],
    ["9 allée des Tilleuls", "allée"],
    ["1 impasse du Moulin", "impasse"],
    ["40 rue du 8 Mai 1945", "rue with a date"],
    ["rue de l'Église", "without number"],
  ])("masks the address %s (%s)", (address) => {
    expect(masked(`Domicile : ${address}, en ville.`)).toBe("Domicile : [ADRESSE_1], en ville.");
  });

  it.each(["75011 Paris", "72190 Bourg-Lavande", "72000 Le Mans", "85100 Les Sables-d'Olonne", "20000 Ajaccio", "2A004 Ajaccio", "64500 Saint-Jean-de-Luz", "69003 LYON CEDEX 03"])(
    "masks the post code and town %s",
    (place) => {
      expect(masked(`Ville : ${place}.`)).toBe("Ville : [CODE_POSTAL_VILLE_1].");
    },
  );

  it.each([
    ["né le 12/04/1938", "né le "],
    ["née le 12 avril 1938", "née le "],
    ["né(e) le 1er mars 1940", "né(e) le "],
    ["Date de naissance : 03.11.1945", "Date de naissance : "],
    ["date et lieu de naissance : 7 juin 1932", "date et lieu de naissance : "],
  ])("masks the birth date in « %s »", (phrase, kept) => {
    expect(masked(`Il est ${phrase}.`, ["DATE_NAISSANCE"])).toBe(`Il est ${kept}[DATE_NAISSANCE_1].`);
  });

  it.each([
    ["M. Dupont", "M. [PERSONNE_1]"],
    ["Mme Le Goff", "Mme [PERSONNE_1]"],
    ["Mlle Sophie d'Ormesson", "Mlle [PERSONNE_1]"],
    ["Maître Arnoult", "Maître [PERSONNE_1]"],
    ["Docteur Jean-Marc Vasseur", "Docteur [PERSONNE_1]"],
    ["Monsieur J.-P. Martin", "Monsieur [PERSONNE_1]"],
    ["Marie-Thérèse Gaudin", "[PERSONNE_1]"],
    ["PERRIN Simone", "[PERSONNE_1]"],
    ["Yvette de Villiers", "[PERSONNE_1]"],
    ["madame Vasseur", "madame [PERSONNE_1]"],
    ["Mme Yvette Gaudin, née Le Goff", "Mme [PERSONNE_1], née [PERSONNE_2]"],
    ["Mme Gaudin épouse Martin", "Mme [PERSONNE_1] épouse [PERSONNE_2]"],
  ])("masks the person in « %s »", (name, expected) => {
    expect(masked(`Présent : ${name}, au titre de la famille.`)).toBe(`Présent : ${expected}, au titre de la famille.`);
  });

  it("tells a place named after someone from a person's place", () => {
    expect(masked("La résidence Marie Curie accueille la maison de Simone Perrin.")).toBe(
      "La résidence Marie Curie accueille la maison de [PERSONNE_1].",
    );
  });

  it("masks a name after an elided article", () => {
    expect(masked("La chambre d'Hélène Marchal est au rez-de-chaussée.")).toBe(
      "La chambre d'[PERSONNE_1] est au rez-de-chaussée.",
    );
  });

  it("keeps a list of names apart and survives long capitalised runs", () => {
    const list = Array.from({ length: 300 }, (_, i) => `Jean Dupont${String.fromCharCode(97 + (i % 26))}`).join(" ");
    const result = pseudonymize(list);
    expect(result.text).not.toMatch(/Jean|Dupont/);
    expect(result.mapping.entries).toHaveLength(26);
    expect(result.mapping.entries.every((entry) => /^Jean Dupont[a-z]$/.test(entry.value))).toBe(true);
    expect(restore(result.text, result.mapping).text).toBe(list);
  });

  it("recognises extra first names", () => {
    expect(masked("Contact : Tiphaine Rolland.")).toBe("Contact : Tiphaine Rolland.");
    expect(pseudonymize("Contact : Tiphaine Rolland.", { extraFirstNames: [" tiphaine"] }).text).toBe(
      "Contact : [PERSONNE_1].",
    );
  });

  it("masks only the requested kinds", () => {
    const text = "Luc Perrin, 06 12 34 56 78, luc@exemple.fr";
    expect(masked(text, ["EMAIL"])).toBe("Luc Perrin, 06 12 34 56 78, [EMAIL_1]");
  });
});

describe("describeCounts", () => {
  it("summarises kinds and numbers in French", () => {
    const counts = pseudonymize(CONTRACT).counts;
    expect(describeCounts(counts)).toBe(
      "11 noms de personnes, 6 numéros de téléphone, 2 adresses électroniques, 1 numéro de sécurité sociale, " +
        "1 IBAN, 4 adresses postales, 4 codes postaux et villes et 2 dates de naissance masqués",
    );
  });

  it("agrees with a single item and says when nothing was masked", () => {
    expect(describeCounts({ EMAIL: 1 })).toBe("1 adresse électronique masquée");
    expect(describeCounts({ ADRESSE: 2, DATE_NAISSANCE: 1 })).toBe("2 adresses postales et 1 date de naissance masquées");
    expect(describeCounts({ PERSONNE: 1 })).toBe("1 nom de personne masqué");
    expect(describeCounts(pseudonymize("Rien à masquer ici.").counts)).toBe("Aucune donnée personnelle masquée");
  });
});
