import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { convertFiles } from "../../src/commands/convert.js";
import { startMockAnthropic, wellBehavedRewrite, type MockAnthropic } from "../helpers/mock-anthropic.js";
import { tempDir } from "../helpers/temp.js";
import { CONTRACT, PLANTED } from "./contract-fixture.js";

const tmp = tempDir("falc-privacy-");
const KEY = "sk-ant-privacy";
let mock: MockAnthropic | undefined;
afterEach(async () => mock?.close());

const planted = [...new Set(Object.values(PLANTED).flat())];

async function convert(name: string, pseudonymize: boolean) {
  mock = await startMockAnthropic([], { apiKey: KEY });
  const input = tmp.write(`${name}.txt`, CONTRACT);
  const out = join(tmp.dir, `${name}-out`);
  const outcome = await convertFiles([input], {
    env: { ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: mock.url },
    out,
    cache: false,
    maxRepairs: 0,
    pseudonymize,
    formats: ["md", "json"],
  });
  const sent = mock.requests.map((request) => JSON.stringify(request.body)).join("\n");
  return { outcome, sent, markdown: readFileSync(join(out, `${name}.falc.md`), "utf8"), report: JSON.parse(readFileSync(join(out, `${name}.falc.json`), "utf8")) };
}

describe("personal data stays home", () => {
  it("sends none of the planted personal data to the provider, and puts all of it back in the outputs", async () => {
    const { sent, markdown, report } = await convert("masked", true);
    expect(planted.length).toBeGreaterThan(20);
    for (const value of planted) expect(sent, value).not.toContain(value);
    expect(sent).toMatch(/\[PERSONNE_\d+\]/);
    for (const value of planted) expect(markdown.replace(/\s+/g, " "), value).toContain(value.replace(/\s+/g, " "));
    expect(report.privacy.pseudonymized).toBe(true);
    expect(report.privacy.masked.PERSONNE).toBeGreaterThan(0);
    expect(report.privacy.masked.TELEPHONE).toBeGreaterThan(0);
    expect(JSON.stringify(report.privacy)).not.toMatch(/Perrin|@/);
  });

  it("sends it as it is only with --no-pseudonymize, and says so", async () => {
    const notices: string[] = [];
    mock = await startMockAnthropic([], { apiKey: KEY });
    const input = tmp.write("unmasked.txt", CONTRACT);
    await convertFiles([input], { env: { ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: mock.url }, out: join(tmp.dir, "u"), cache: false, maxRepairs: 0, pseudonymize: false, formats: ["json"], onNotice: (n) => notices.push(n) });
    const sent = mock.requests.map((request) => JSON.stringify(request.body)).join("\n");
    expect(planted.some((value) => sent.includes(value))).toBe(true);
    expect(notices.join(" ")).toContain("--no-pseudonymize");
  });

  it("reports a person whose placeholder the model dropped as missing", async () => {
    mock = await startMockAnthropic((request) => {
      const rewrite = wellBehavedRewrite(request);
      for (const block of rewrite.blocks) {
        if (block.type === "paragraph") block.sentences = block.sentences.map((s) => s.replace(/\[PERSONNE_1\]/g, "la personne"));
        else if (block.type === "list") block.items = block.items.map((s) => s.replace(/\[PERSONNE_1\]/g, "la personne"));
      }
      return { rewrite };
    }, { apiKey: KEY });
    const input = tmp.write("dropped.txt", CONTRACT);
    const outcome = await convertFiles([input], { env: { ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: mock.url }, out: join(tmp.dir, "d"), cache: false, maxRepairs: 0, formats: ["json"] });
    const missing = outcome.files[0]!.result.sections.flatMap((s) => s.facts.missing);
    expect(missing.some((fact) => fact.type === "personal-data")).toBe(true);
  });
});
