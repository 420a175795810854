import { describe, expect, it } from "vitest";
import { Locator } from "../../src/model/locate.js";

describe("Locator", () => {
  it("gives 1-based lines and columns from offsets", () => {
    const locator = new Locator("ab\ncd\n\nef");
    expect(locator.locate(0)).toEqual({ line: 1, column: 1 });
    expect(locator.locate(4)).toEqual({ line: 2, column: 2 });
    expect(locator.locate(7)).toEqual({ line: 4, column: 1 });
  });

  it("counts a character outside the BMP as one column", () => {
    const text = "Bravo 👍 vous avez fini.\n😀😀 ok";
    const locator = new Locator(text);
    expect(locator.locate(text.indexOf("vous"))).toEqual({ line: 1, column: 9 });
    expect(locator.locate(text.indexOf("ok"))).toEqual({ line: 2, column: 4 });
  });
});
