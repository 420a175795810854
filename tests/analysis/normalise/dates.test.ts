import { describe, expect, it } from "vitest";
import { extractFacts, formatFullDate, weekdayMismatch } from "../../../src/analysis/normalise/index.js";

function dates(text: string): string[] {
  return extractFacts(text)
    .filter((f) => f.type === "date")
    .map((f) => f.value);
}

describe("date extraction", () => {
  it.each([
    ["à compter du 01/03/2026", "2026-03-01"],
    ["à compter du 1/3/2026", "2026-03-01"],
    ["à compter du 01.03.2026", "2026-03-01"],
    ["à compter du 01-03-26", "2026-03-01"],
    ["à compter du 2026-03-01", "2026-03-01"],
    ["à compter du 1er mars 2026", "2026-03-01"],
    ["à compter du 1ᵉʳ mars 2026", "2026-03-01"],
    ["à compter du premier mars 2026", "2026-03-01"],
    ["à compter du dimanche 1er mars 2026", "2026-03-01"],
    ["à compter du 1 mars 2026", "2026-03-01"],
    ["le 3 avril", "--04-03"],
    ["le mardi 3 mars 2026", "2026-03-03"],
    ["le 15 février 2026", "2026-02-15"],
    ["le 15 fevrier 2026", "2026-02-15"],
    ["le 15 août 2026", "2026-08-15"],
    ["le 15 aout 2026", "2026-08-15"],
    ["le 31 décembre 2025", "2025-12-31"],
    ["le 31 decembre 2025", "2025-12-31"],
    ["le 1er janv. 2026", "2026-01-01"],
    ["le vingt et un mars 2026", "2026-03-21"],
    ["le trente et un décembre", "--12-31"],
    ["le 1er janvier de chaque année", "--01-01"],
    ["le 01/03", "--03-01"],
    ["en mars 2026", "2026-03"],
    ["le 29 février 2024", "2024-02-29"],
    ["né le 12 juin 1940", "1940-06-12"],
  ])("%s → %s", (text, value) => {
    expect(dates(text)).toEqual([value]);
  });

  it("includes the weekday in the span but not in the value", () => {
    const [fact] = extractFacts("Entrée le dimanche 1er mars 2026.");
    expect(fact).toMatchObject({ type: "date", value: "2026-03-01", text: "dimanche 1er mars 2026" });
  });

  it("reads both ends of a range", () => {
    expect(dates("du 1er au 15 mars 2026")).toEqual(["2026-03-01", "2026-03-15"]);
    expect(dates("les 3 et 4 avril")).toEqual(["--04-03", "--04-04"]);
  });

  it("rejects impossible dates, which stay numbers", () => {
    expect(dates("le 29 février 2026")).toEqual([]);
    expect(dates("le 31/04/2026")).toEqual([]);
    expect(dates("le 13/25/2026")).toEqual([]);
  });

  it("does not take a bare ratio for a date", () => {
    expect(dates("un score de 10/12")).toEqual([]);
  });

  it("does not read a non-year number after the month as the year", () => {
    const found = extractFacts("le 3 mars 150 personnes");
    expect(found.map((f) => `${f.type} ${f.value}`)).toEqual(["date --03-03", "number 150"]);
  });

  it("does not take the month alone for a date", () => {
    expect(dates("Le loyer de mars est payé en mai.")).toEqual([]);
  });
});

describe("formatFullDate", () => {
  it.each([
    ["2026-03-01", "dimanche 1er mars 2026"],
    ["2026-03-03", "mardi 3 mars 2026"],
    ["2015-10-13", "mardi 13 octobre 2015"],
    ["2017-11-18", "samedi 18 novembre 2017"],
    ["2024-02-29", "jeudi 29 février 2024"],
    ["2000-01-01", "samedi 1er janvier 2000"],
    ["2025-08-15", "vendredi 15 août 2025"],
    ["2025-12-25", "jeudi 25 décembre 2025"],
    ["--03-01", "1er mars"],
  ])("%s → %s", (value, full) => {
    expect(formatFullDate(value)).toBe(full);
  });

  it("takes calendar parts and local dates", () => {
    expect(formatFullDate({ year: 2026, month: 3, day: 1 })).toBe("dimanche 1er mars 2026");
    expect(formatFullDate(new Date(2026, 2, 1))).toBe("dimanche 1er mars 2026");
  });

  it("refuses impossible dates", () => {
    expect(() => formatFullDate({ year: 2026, month: 2, day: 29 })).toThrow(RangeError);
    expect(() => formatFullDate("demain")).toThrow(RangeError);
  });

  it("round-trips through extraction", () => {
    for (const value of ["2026-03-01", "2026-12-31", "2027-07-14", "2028-02-29"]) {
      expect(dates(`le ${formatFullDate(value)}`)).toEqual([value]);
    }
  });
});

describe("weekdayMismatch", () => {
  it("names the right weekday when the written one is wrong", () => {
    const [wrong] = extractFacts("le mardi 1er mars 2026");
    expect(wrong && weekdayMismatch(wrong)).toBe("dimanche");
  });

  it("accepts a right weekday, a missing weekday or a missing year", () => {
    for (const text of ["le dimanche 1er mars 2026", "le 1er mars 2026", "le mardi 3 mars", "le mardi 03/03/2026"]) {
      const [fact] = extractFacts(text);
      expect(fact && weekdayMismatch(fact)).toBeNull();
    }
  });

  it("checks numeric dates written with a weekday", () => {
    const [fact] = extractFacts("le lundi 03/03/2026");
    expect(fact && weekdayMismatch(fact)).toBe("mardi");
  });
});
