import { describe, expect, it } from "vitest";
import { writeJson } from "../../src/output/json-stream.js";

function written(value: unknown): { text: string; chunks: number } {
  const chunks: string[] = [];
  writeJson(value, (chunk) => chunks.push(chunk));
  return { text: chunks.join(""), chunks: chunks.length };
}

describe("writeJson", () => {
  it("writes what JSON.stringify(value, null, 2) writes, nesting and all", () => {
    const report = {
      version: 1,
      files: [{ path: "a.md", score: null, note: undefined, stats: { words: 3 }, findings: [{ ruleId: "no-etc", excerpt: "« etc. »\n", at: [1, 2] }] }],
      failures: [],
      empty: {},
    };
    expect(written(report).text).toBe(
      [
        "{",
        '  "version": 1,',
        '  "files": [',
        "    {",
        '      "path": "a.md",',
        '      "score": null,',
        '      "stats": {',
        '        "words": 3',
        "      },",
        '      "findings": [',
        "        {",
        '          "ruleId": "no-etc",',
        '          "excerpt": "« etc. »\\n",',
        '          "at": [',
        "            1,",
        "            2",
        "          ]",
        "        }",
        "      ]",
        "    }",
        "  ],",
        '  "failures": [],',
        '  "empty": {}',
        "}",
      ].join("\n"),
    );
  });

  it("follows JSON.stringify on the values it drops or changes", () => {
    const odd = { list: [undefined, () => 1, NaN, -0, new Date(0)], fn: () => 1, missing: undefined, deep: [[[[{ a: [1, { b: "\u2028" }] }]]]] };
    expect(written(odd).text).toBe(JSON.stringify(odd, null, 2));
  });

  it("follows JSON.stringify on odd elements of the lists it writes by batches (a file's findings)", () => {
    const report = { files: [{ findings: [undefined, () => 1, { a: 1, dropped: undefined }, new Date(0), null, [], {}, "« x »"], sections: [] }] };
    expect(written(report).text).toBe(JSON.stringify(report, null, 2));
  });

  it("hands a long report on in several chunks rather than one string", () => {
    const findings = Array.from({ length: 3000 }, (_, i) => ({ ruleId: "short-sentences", line: i + 1, excerpt: "Une phrase bien trop longue pour un lecteur FALC." }));
    const { text, chunks } = written({ files: [{ findings }] });
    expect(text).toBe(JSON.stringify({ files: [{ findings }] }, null, 2));
    expect(chunks).toBeGreaterThan(3);
  });
});
