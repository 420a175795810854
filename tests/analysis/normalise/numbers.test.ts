import { describe, expect, it } from "vitest";
import {
  numberToFrenchWords,
  parseFrenchNumber,
  parseFrenchOrdinal,
} from "../../../src/analysis/normalise/index.js";

describe("parseFrenchNumber", () => {
  it.each([
    ["zéro", 0],
    ["un", 1],
    ["une", 1],
    ["seize", 16],
    ["dix-sept", 17],
    ["dix neuf", 19],
    ["vingt et un", 21],
    ["vingt-et-un", 21],
    ["vingt-deux", 22],
    ["vingt deux", 22],
    ["trente", 30],
    ["trente et une", 31],
    ["soixante-dix", 70],
    ["soixante et onze", 71],
    ["soixante-dix-sept", 77],
    ["quatre-vingts", 80],
    ["quatre-vingt", 80],
    ["quatre-vingt-un", 81],
    ["quatre vingt dix", 90],
    ["quatre-vingt-dix-neuf", 99],
    ["septante", 70],
    ["septante-cinq", 75],
    ["septante et un", 71],
    ["huitante", 80],
    ["octante-deux", 82],
    ["nonante", 90],
    ["nonante-neuf", 99],
    ["cent", 100],
    ["cent un", 101],
    ["deux cents", 200],
    ["deux-cents", 200],
    ["deux cent", 200],
    ["deux cent trente-cinq", 235],
    ["deux-cent-trente-cinq", 235],
    ["neuf cent quatre-vingt-dix-neuf", 999],
    ["mille", 1000],
    ["mille un", 1001],
    ["deux mille", 2000],
    ["deux mille vingt-six", 2026],
    ["deux mille deux cent trente-cinq", 2235],
    ["dix mille", 10_000],
    ["quatre-vingt mille", 80_000],
    ["cent mille", 100_000],
    ["deux cent mille", 200_000],
    ["un million", 1_000_000],
    ["deux millions", 2_000_000],
    ["deux cents millions", 200_000_000],
    ["trois millions deux cent mille cinq", 3_200_005],
    ["un milliard", 1_000_000_000],
    ["Vingt-Deux", 22],
    ["vingt\u00A0deux", 22],
  ])("%s = %d", (words, value) => {
    expect(parseFrenchNumber(words)).toBe(value);
  });

  it.each([
    "deux trois",
    "trente dix",
    "vingt douze",
    "cent cent",
    "mille mille",
    "la moitié",
    "et",
    "",
    "premier",
    "chambre",
  ])("rejects %j", (words) => {
    expect(parseFrenchNumber(words)).toBeNull();
  });
});

describe("parseFrenchOrdinal", () => {
  it.each([
    ["premier", 1],
    ["première", 1],
    ["deuxième", 2],
    ["troisième", 3],
    ["quatrième", 4],
    ["neuvième", 9],
    ["dixième", 10],
    ["vingtième", 20],
    ["vingt et unième", 21],
    ["quatre-vingt-dix-neuvième", 99],
    ["centième", 100],
    ["deuxieme", 2],
  ])("%s = %d", (words, value) => {
    expect(parseFrenchOrdinal(words)).toBe(value);
  });

  it.each(["unième", "deux", "vingt premier", "second"])("rejects %j", (words) => {
    expect(parseFrenchOrdinal(words)).toBeNull();
  });
});

describe("numberToFrenchWords", () => {
  it.each([
    [0, "zéro"],
    [1, "un"],
    [17, "dix-sept"],
    [21, "vingt et un"],
    [22, "vingt-deux"],
    [70, "soixante-dix"],
    [71, "soixante et onze"],
    [80, "quatre-vingts"],
    [81, "quatre-vingt-un"],
    [91, "quatre-vingt-onze"],
    [99, "quatre-vingt-dix-neuf"],
    [100, "cent"],
    [101, "cent un"],
    [200, "deux cents"],
    [235, "deux cent trente-cinq"],
    [1000, "mille"],
    [2026, "deux mille vingt-six"],
    [2235, "deux mille deux cent trente-cinq"],
    [80_000, "quatre-vingt mille"],
    [200_000, "deux cent mille"],
    [1_000_000, "un million"],
    [200_000_000, "deux cents millions"],
    [999_999_999, "neuf cent quatre-vingt-dix-neuf millions neuf cent quatre-vingt-dix-neuf mille neuf cent quatre-vingt-dix-neuf"],
  ])("%d → %s", (n, words) => {
    expect(numberToFrenchWords(n)).toBe(words);
  });

  it("writes the 1990 spelling on request", () => {
    expect(numberToFrenchWords(21, { reform1990: true })).toBe("vingt-et-un");
    expect(numberToFrenchWords(235, { reform1990: true })).toBe("deux-cent-trente-cinq");
    expect(numberToFrenchWords(2235, { reform1990: true })).toBe("deux-mille-deux-cent-trente-cinq");
    expect(numberToFrenchWords(2_000_001, { reform1990: true })).toBe("deux millions un");
  });

  it.each([-1, 1.5, 1_000_000_000, Number.NaN])("refuses %d", (n) => {
    expect(() => numberToFrenchWords(n)).toThrow(RangeError);
  });

  it("round-trips through parseFrenchNumber for 0…3000 and a spread of large numbers", () => {
    const samples: number[] = [];
    for (let n = 0; n <= 3000; n++) samples.push(n);
    for (let n = 3001; n < 999_999_999; n = Math.floor(n * 1.37) + 11) samples.push(n);
    samples.push(999_999_999, 1_000_001, 80_080_080, 71_071_071);
    for (const n of samples) {
      expect(parseFrenchNumber(numberToFrenchWords(n))).toBe(n);
      expect(parseFrenchNumber(numberToFrenchWords(n, { reform1990: true }))).toBe(n);
    }
  });
});
