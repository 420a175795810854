import { describe, expect, it } from "vitest";
import { ingestFile } from "../../src/ingest/index.js";
import { tempDir, thrown } from "../helpers/temp.js";

const tmp = tempDir();

describe("plain text", () => {
  it("joins wrapped lines, keeps one-sentence-per-line breaks, finds lists and headings", async () => {
    const path = tmp.write(
      "reglement.txt",
      [
        "REGLEMENT DE FONCTIONNEMENT",
        "",
        "Le présent règlement définit les règles de vie",
        "collective au sein de l'établissement.",
        "",
        "Vous pouvez recevoir des visites.",
        "Les visites ont lieu de 10 h à 19 h.",
        "",
        "1. Les repas",
        "",
        "Les repas sont servis :",
        "- à 8 h pour le petit déjeuner,",
        "- à 12 h pour le déjeuner",
        "  et à 19 h pour le dîner.",
        "",
      ].join("\r\n"),
    );
    const document = await ingestFile(path);
    const blocks = document.sections.flatMap((s) => s.blocks);
    expect(blocks.map((b) => b.type)).toEqual(["heading", "paragraph", "paragraph", "heading", "paragraph", "list"]);
    expect(blocks[1]!.text).toBe("Le présent règlement définit les règles de vie collective au sein de l'établissement.");
    expect(blocks[2]!.text).toBe("Vous pouvez recevoir des visites.\nLes visites ont lieu de 10 h à 19 h.");
    const list = blocks[5]!;
    expect(list.type === "list" && list.items.map((i) => i.text)).toEqual([
      "à 8 h pour le petit déjeuner,",
      "à 12 h pour le déjeuner et à 19 h pour le dîner.",
    ]);
    expect(document.sections.map((s) => s.title)).toEqual(["REGLEMENT DE FONCTIONNEMENT", "1. Les repas"]);
  });

  it("detects Windows-1252 and says so", async () => {
    const cp1252 = Uint8Array.from([0x50, 0x72, 0x69, 0x78, 0xa0, 0x3a, 0x20, 0x38, 0x20, 0x80, 0x2c, 0x20, 0xe9, 0x74, 0xe9, 0x20, 0x9c, 0x75, 0x66, 0x2e]);
    const document = await ingestFile(tmp.write("ansi.txt", cp1252));
    expect(document.text).toBe("Prix\u00a0: 8 €, été œuf.");
    expect(document.warnings.map((w) => w.code)).toContain("encoding-windows-1252");
  });

  it("strips a UTF-8 byte order mark and reads UTF-16", async () => {
    const bom = await ingestFile(tmp.write("bom.txt", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("Déjà lu.")])));
    expect(bom.text).toBe("Déjà lu.");
    const utf16 = await ingestFile(tmp.write("utf16.txt", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Ça marche.", "utf16le")])));
    expect(utf16.text).toBe("Ça marche.");
  });

  it("warns, without failing, when a text does not look French", async () => {
    const english = "The residents of the home have the right to receive visits from their family and friends at any time of the day. They are asked to respect the quiet of the other residents and the rules of the house.";
    const document = await ingestFile(tmp.write("english.txt", english));
    expect(document.warnings.map((w) => w.code)).toContain("not-french");
    const french = await ingestFile(tmp.write("fr.txt", "Les résidents ont le droit de recevoir des visites de leur famille et de leurs amis à tout moment de la journée. Ils respectent le calme des autres résidents et les règles de la maison."));
    expect(french.warnings).toEqual([]);
  });
});

describe("Markdown", () => {
  it("reads headings, emphasis, nested lists and tables", async () => {
    const path = tmp.write(
      "contrat.md",
      "# Contrat de séjour\n\nLe **prix de journée** est de *74,50 €* et <u>ne change pas</u>.\n\n## Les prestations\n\n1. Le logement\n2. Les repas\n   - petit déjeuner\n   - déjeuner\n\n| Prestation | Prix |\n| --- | --- |\n| Repas | 8 € |\n\n```\ncode ignoré\n```\n",
    );
    const document = await ingestFile(path);
    const [intro, prestations] = document.sections;
    const paragraph = intro!.blocks[1]!;
    expect(paragraph.type === "paragraph" && paragraph.runs).toEqual([
      { text: "Le " },
      { text: "prix de journée", bold: true },
      { text: " est de " },
      { text: "74,50 €", italic: true },
      { text: " et " },
      { text: "ne change pas", underline: true },
      { text: "." },
    ]);
    const list = prestations!.blocks[1]!;
    expect(list.type).toBe("list");
    if (list.type !== "list") return;
    expect(list.ordered).toBe(true);
    expect(list.items.map((i) => i.text)).toEqual(["Le logement", "Les repas"]);
    expect(list.items[1]!.children[0]!.items.map((i) => i.text)).toEqual(["petit déjeuner", "déjeuner"]);
    const table = prestations!.blocks[2]!;
    expect(table.type === "table" && table.rows.map((r) => r.map((c) => c.text))).toEqual([["Prestation", "Prix"], ["Repas", "8 €"]]);
    expect(document.warnings.map((w) => w.code)).toContain("markdown-code-skipped");
    expect(document.text).not.toContain("code ignoré");
    expect(list.firstNumber).toBeUndefined();
  });

  it("keeps the number an ordered list starts at", async () => {
    const path = tmp.write("annexes.md", "# Annexes\n\nLisez aussi :\n\n3. CGU\n4. Règlement de fonctionnement\n");
    const document = await ingestFile(path);
    const list = document.sections[0]!.blocks.find((block) => block.type === "list");
    expect(list?.type === "list" && list.firstNumber).toBe(3);
    expect(list?.type === "list" && list.items.map((item) => item.text)).toEqual(["CGU", "Règlement de fonctionnement"]);
  });
});

describe("Markdown the parser would choke on (found by the ingestion fuzz test)", () => {
  // micromark takes cubic time on deep lists and quadratic time on emphasis delimiters, synchronously:
  // 50 000 of them froze falc for minutes. Such input is refused before parsing.
  const cases: [string, string][] = [
    ["lists nested 300 deep", Array.from({ length: 300 }, (_, i) => `${"  ".repeat(i)}- élément ${i}`).join("\n")],
    ["block quotes nested 300 deep", `${"> ".repeat(300)}Citation.`],
    ["6 000 emphasis delimiters in one paragraph", `${"*_".repeat(1_500)}texte${"_*".repeat(1_500)}`],
  ];
  for (const [name, bomb] of cases) {
    it(`refuses ${name} with a clean error`, async () => {
      const path = tmp.write("piege.md", `# Titre\n\nUn paragraphe ordinaire.\n\n${bomb}\n`);
      const error = await thrown(() => ingestFile(path));
      expect(error.code).toBe("too-complex");
      expect(error.exitCode).toBe(2);
      expect(error.message).toContain(path);
    });
  }

  it("still reads ordinary nesting and emphasis", async () => {
    const lists = Array.from({ length: 8 }, (_, i) => `${"  ".repeat(i)}- élément ${i}`).join("\n");
    const path = tmp.write("normal.md", `# Titre\n\n> Une *citation* en __gras__.\n\n${lists}\n\nNom : ________________\n`);
    const document = await ingestFile(path);
    expect(document.text).toContain("élément 7");
    expect(document.text).toContain("citation");
  });
});
