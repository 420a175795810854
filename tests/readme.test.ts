import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runCli } from "./helpers/cli.js";
import { tempDir } from "./helpers/temp.js";

const readme = readFileSync("README.md", "utf8");
const tmp = tempDir();

/** README.md is a contract with newcomers and CI: its commands and examples must stay true. */
describe("README.md", () => {
  it("opens with the install-and-convert command and the test command that .ci/run runs", () => {
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)![1]!.trim().split("\n");
    expect(firstBlock[0]).toMatch(/^npm ci && npx falc convert fixtures\/\S+ -o \S+$/);
    expect(firstBlock[1]).toBe("npm test");
    expect(readFileSync(".ci/run", "utf8")).toMatch(/\nnpm test\n/);
    const fixture = /npx falc convert (\S+)/.exec(firstBlock[0]!)![1]!;
    expect(() => readFileSync(fixture)).not.toThrow();
  });

  it("shows a falc.config.json example that falc accepts", async () => {
    const example = /### Configuration[\s\S]*?```json\n([\s\S]*?)```/.exec(readme)![1]!;
    const config = tmp.write("falc.config.json", example);
    const { code, stdout, stderr } = await runCli("rules", "--format", "json", "--config", config);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const rules = Object.fromEntries(JSON.parse(stdout).rules.map((r: { id: string }) => [r.id, r]));
    expect(rules["easy-words"].enabled).toBe(false);
    expect(rules["short-sentences"].parameters.max).toBe(15);
  });

  it("documents every exit code the CLI uses", () => {
    for (const code of ["0", "1", "2", "3", "130"]) expect(readme).toMatch(new RegExp(`\\n\\| ${code} \\|`));
  });
});
