import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DOMParser } from "@xmldom/xmldom";
import { describe, expect, it } from "vitest";
import { selectShard } from "../../src/ingest/discover.js";
import { runCli } from "../helpers/cli.js";
import { tempDir } from "../helpers/temp.js";

const tmp = tempDir("falc-ci-");

describe("--shard", () => {
  it("splits inputs into disjoint shards that cover them all, stable when a document is added", () => {
    const inputs = Array.from({ length: 40 }, (_, i) => ({ path: `docs/doc-${i}.docx` }));
    const shards = [1, 2, 3].map((index) => selectShard(inputs, { index, count: 3 }));
    expect(shards.flat().map((i) => i.path).sort()).toEqual(inputs.map((i) => i.path).sort());
    expect(shards.every((s) => s.length > 5)).toBe(true);
    const grown = selectShard([...inputs, { path: "docs/nouveau.docx" }], { index: 1, count: 3 });
    expect(grown.filter((i) => i.path !== "docs/nouveau.docx")).toEqual(shards[0]);
  });

  it("is validated on the command line", async () => {
    const { code, stderr } = await runCli("score", "fixtures/livret-falc.md", "--shard", "4/3");
    expect(code).toBe(2);
    expect(stderr).toContain("--shard attend i/n");
  });
});

describe("--report junit=PATH", () => {
  it("falc score writes one test case per document, failing those under --fail-under", async () => {
    const report = join(tmp.dir, "score.xml");
    const { code } = await runCli("score", "fixtures/livret-falc.md", "fixtures/contrat-de-sejour.md", "--fail-under", "60", "--report", `junit=${report}`);
    expect(code).toBe(1);
    const xml = new DOMParser().parseFromString(readFileSync(report, "utf8"), "text/xml");
    const cases = Array.from(xml.getElementsByTagName("testcase"));
    expect(cases.map((c) => c.getAttribute("name"))).toEqual(["fixtures/livret-falc.md", "fixtures/contrat-de-sejour.md"]);
    expect(cases[0]!.getElementsByTagName("failure").length).toBe(0);
    expect(cases[1]!.getElementsByTagName("failure")[0]!.getAttribute("message")).toMatch(/^score \d+ < 60$/);
    expect(xml.getElementsByTagName("testsuite")[0]!.getAttribute("failures")).toBe("1");
  });

  it("falc convert writes one test case per document, with errors for unreadable ones", async () => {
    const dir = join(tmp.dir, "docs");
    mkdirSync(dir);
    writeFileSync(join(dir, "a.md"), "# Livret\n\nVous arrivez au foyer le lundi 2 mars 2026. Le repas coûte 8 euros.\n");
    writeFileSync(join(dir, "vide.md"), "");
    const report = join(tmp.dir, "convert.xml");
    const { code } = await runCli("convert", dir, "-o", join(tmp.dir, "out"), "--provider", "offline", "--no-cache", "--format", "md", "--report", `junit=${report}`, "--quiet");
    expect(code).toBe(2);
    const xml = readFileSync(report, "utf8");
    expect(xml).toContain('classname="falc.convert"');
    expect(xml).toMatch(/<error message="empty-file">/);
  });
});

describe("--shard with one document", () => {
  it("reports an unreadable document in the JUnit report instead of stopping, as in a shard of many", async () => {
    const dir = join(tmp.dir, "seul");
    mkdirSync(dir);
    writeFileSync(join(dir, "vide.md"), "");
    const runs = [];
    for (const shard of ["1/2", "2/2"]) {
      const report = join(tmp.dir, `seul-${shard.replace("/", "-")}.xml`);
      const { code } = await runCli("convert", dir, "-o", join(tmp.dir, `seul-out-${shard.replace("/", "-")}`), "--provider", "offline", "--no-cache", "--outputs", "md", "--shard", shard, "--report", `junit=${report}`, "--quiet");
      runs.push({ code, xml: readFileSync(report, "utf8") });
    }
    // The document falls in exactly one of the two shards: that one fails with its error in the report.
    const withDocument = runs.filter((run) => run.xml.includes("vide.md"));
    expect(withDocument).toHaveLength(1);
    expect(withDocument[0]!.code).toBe(2);
    expect(withDocument[0]!.xml).toMatch(/<error message="empty-file">/);
    expect(runs.filter((run) => !run.xml.includes("vide.md"))[0]!.code).toBe(0);
  });
});
