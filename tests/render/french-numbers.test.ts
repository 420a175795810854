import { describe, expect, it } from "vitest";
import { fr, plural } from "../../src/french-numbers.js";

// Intl's fr-FR format is the reference falc's own formatting must give, without loading its locale data.
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, " ");
const intl = {
  int: new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 }),
  dec1: new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  dec2: new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
};

describe("French numbers", () => {
  it("write thousands with a space, decimals with a comma, rounded as the decimal form reads", () => {
    expect(fr.int(1234)).toBe("1 234");
    expect(fr.int(293800)).toBe("293 800");
    expect(fr.int(1234567)).toBe("1 234 567");
    expect(fr.dec1(22.44)).toBe("22,4");
    // 0.15 is stored as 0.1499999…: toFixed gives « 0,1 », a reader (and Intl) expects « 0,2 ».
    expect(fr.dec1(0.15)).toBe("0,2");
    expect(fr.dec2(1.005)).toBe("1,01");
    expect(fr.dec1(999.95)).toBe("1 000,0");
    expect(fr.dec2(0)).toBe("0,00");
    expect(fr.int(-1234)).toBe("-1 234");
    expect(plural(2000, "document")).toBe("2 000 documents");
  });

  it("agree with Intl on every value of a spread of magnitudes and halves", () => {
    const values: number[] = [0, 0.5, 1.5, 2.5, 0.05, 0.125, 9.995, 999.5, 1e15, 1e21, -0.25, -1e6];
    for (let i = 0; i < 5000; i++) {
      values.push((i * 7919) / 1000, (i * 104729) / 8, i / 20, i * 1e9 + 0.5);
    }
    for (const value of values) {
      expect([fr.int(value), fr.dec1(value), fr.dec2(value)]).toEqual([plain(intl.int.format(value)), plain(intl.dec1.format(value)), plain(intl.dec2.format(value))]);
    }
  });
});
