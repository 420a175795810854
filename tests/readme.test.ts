import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
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
    // In a folder of its own: the other tests' documents must not pick it up (it names a picture folder).
    mkdirSync(tmp.path("exemple"), { recursive: true });
    const config = tmp.write("exemple/falc.config.json", example);
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

/**
 * The CI recipes of « Intégration continue » are copied as they are into other people's repositories:
 * they must stay valid YAML, do what the README says, and call falc only with options it has.
 */
describe("README.md CI recipes", () => {
  const section = /\n## Intégration continue\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? "";
  const blocks = [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1]!);
  const recipes = blocks.map((text) => {
    const document = parseDocument(text);
    return { text, errors: document.errors.map(String), tree: document.toJS() as unknown };
  });
  const commands = recipes.flatMap((recipe) => scriptsIn(recipe.tree).flatMap(falcCommands));
  const github = recipes.filter((r) => isRecord(r.tree) && "jobs" in r.tree && !("image" in Object.values(r.tree.jobs as object)[0]));
  const gitlab = recipes.filter((r) => isRecord(r.tree) && Object.values(r.tree).some((job) => isRecord(job) && "script" in job));

  it("are valid YAML: GitHub workflows and a GitLab CI file", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    for (const recipe of recipes) expect(recipe.errors, recipe.text).toEqual([]);
    expect(github.length).toBeGreaterThanOrEqual(3);
    // The GitLab CI file, then its variant split between parallel jobs.
    expect(gitlab).toHaveLength(2);
  });

  it("call falc only with options its help lists, with valid values", async () => {
    expect(commands.length).toBeGreaterThanOrEqual(5);
    const global = await optionsOf([]);
    for (const { command, args, line } of commands) {
      expect(["convert", "score", "merge-reports"], line).toContain(command);
      const known = new Set([...global, ...(await optionsOf([command]))]);
      args.forEach((arg, i) => {
        if (!arg.startsWith("-") || arg === "-") return;
        expect(known, `${line} : ${arg}`).toContain(arg.split("=")[0]);
        const value = args[i + 1] ?? "";
        if (arg === "--fail-under") expect(Number(value), line).toBeGreaterThan(0);
        if (arg === "--report") expect(value, line).toMatch(/^junit=\S+\.xml$/);
        if (arg === "--shard") expect(value, line).toMatch(/^(\d+|\$\{\{ matrix\.shard \}\}|\$CI_NODE_INDEX)\/(\d+|\$CI_NODE_TOTAL)$/);
      });
    }
  });

  it("convert docs/ on each push, keep the cache and manifest, publish the review files and JUnit, fail under 60", () => {
    const convertRecipes = recipes.filter((r) => commands.some((c) => c.command === "convert" && r.text.includes(c.line)));
    expect(convertRecipes.length).toBeGreaterThanOrEqual(3);
    for (const recipe of convertRecipes) {
      const line = commands.find((c) => c.command === "convert" && recipe.text.includes(c.line))!;
      expect(line.args.slice(0, 3), line.line).toEqual(["docs", "-o", "falc-sortie"]);
      expect(line.line).toMatch(/--fail-under 60\b/);
      expect(line.line).toMatch(/--report junit=(\S+)/);
      const junit = /--report junit=(\S+)/.exec(line.line)![1]!;
      expect(recipe.text, "JUnit report published").toMatch(new RegExp(`(report_paths|junit): ${junit.replace(/[.$]/g, "\\$&")}`));
      expect(recipe.text, "review files published").toMatch(/falc-sortie\/\*\*\/\*\.relecture\.docx/);
      expect(recipe.text, "cache kept").toMatch(/\.falc-cache/);
      expect(recipe.text, "manifest kept (with the outputs it lists)").toMatch(/^\s+- falc-sortie\/?$|^\s+falc-sortie$/m);
    }
    const workflow = github[0]!.tree as Record<string, any>;
    expect(Object.keys(workflow.on)).toContain("push");
    const steps: Record<string, any>[] = Object.values(workflow.jobs as Record<string, any>)[0].steps;
    const restore = steps.find((s) => String(s.uses).startsWith("actions/cache/restore@"))!;
    const save = steps.find((s) => String(s.uses).startsWith("actions/cache/save@"))!;
    expect(save.if).toBe("always()");
    expect(save.with.key).toBe(restore.with.key);
    // A unique key per run, and a prefix of it in restore-keys: each run restores the latest.
    expect(restore.with.key).toContain("${{ github.run_id }}");
    const prefixes: string[] = restore.with["restore-keys"].trim().split("\n");
    expect(prefixes.every((prefix) => restore.with.key.startsWith(prefix))).toBe(true);
    const convertStep = steps.find((s) => /falc convert/.test(String(s.run)))!;
    expect(convertStep.env.ANTHROPIC_API_KEY).toBe("${{ secrets.ANTHROPIC_API_KEY }}");
    for (const step of steps.filter((s) => /upload-artifact|junit-report/.test(String(s.uses)))) expect(step.if).toBe("always()");

    const matrix = github.map((r) => r.tree as Record<string, any>).find((tree) => Object.values(tree.jobs as object)[0].strategy?.matrix);
    const shards: number[] = Object.values(matrix!.jobs as Record<string, any>)[0].strategy.matrix.shard;
    const sharded = commands.find((c) => c.line.includes("--shard"))!;
    expect(sharded.line).toContain(`--shard \${{ matrix.shard }}/${shards.length}`);
    expect(shards).toEqual(Array.from({ length: shards.length }, (_, i) => i + 1));

    const job = Object.values(gitlab[0]!.tree as Record<string, any>).find((j) => j.script.some((s: string) => s.includes("falc convert")));
    expect(job.cache.paths).toEqual(expect.arrayContaining([".falc-cache/", "falc-sortie/"]));
    expect(job.cache.when).toBe("always");
    expect(job.artifacts.when).toBe("always");
    expect(job.artifacts.reports.junit).toBe("falc-junit.xml");
  });

  it("split a large library between 8 jobs, then merge their JUnit reports and manifests into one", () => {
    const tree = github.map((r) => r.tree as Record<string, any>).find((t) => Object.values(t.jobs as object)[0].strategy?.matrix)!;
    const [shardJob, mergeJob] = Object.values(tree.jobs as Record<string, any>);
    expect(shardJob.strategy.matrix.shard).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    // Each shard uploads its report and manifest under a name of its own; the merge job runs even when a shard fails.
    const upload = shardJob.steps.find((s: any) => String(s.uses).startsWith("actions/upload-artifact@") && String(s.with.path).includes("falc-manifest.json"));
    expect(upload.if).toBe("always()");
    expect(upload.with.name).toContain("${{ matrix.shard }}");
    expect(upload.with.path.trim().split("\n").sort()).toEqual(["falc-junit.xml", "falc-sortie/falc-manifest.json"]);
    expect(mergeJob.needs).toBe(Object.keys(tree.jobs)[0]);
    expect(mergeJob.if).toBe("always()");
    const download = mergeJob.steps.find((s: any) => String(s.uses).startsWith("actions/download-artifact@"));
    expect(download.with["merge-multiple"]).toBe(false);
    expect(upload.with.name.replace("${{ matrix.shard }}", "1")).toMatch(new RegExp(`^${download.with.pattern.replace("*", ".*")}$`));
    const merges = commands.filter((c) => c.command === "merge-reports" && scriptsIn(mergeJob).some((script) => script.includes(c.line)));
    expect(merges.map((c) => c.args)).toEqual([
      [`${download.with.path}/**/falc-junit.xml`, "-o", "falc-junit.xml"],
      [`${download.with.path}/**/falc-manifest.json`, "-o", "falc-manifest.json"],
    ]);
    expect(scriptsIn(mergeJob).join("\n")).toMatch(/^shopt -s globstar$/m);
    const junit = mergeJob.steps.find((s: any) => String(s.uses).startsWith("mikepenz/action-junit-report@"));
    expect(junit.with.report_paths).toBe("falc-junit.xml");
    // The shards no longer publish a report each: one check for the whole library.
    expect(shardJob.steps.some((s: any) => String(s.uses).startsWith("mikepenz/"))).toBe(false);

    const jobs = gitlab[1]!.tree as Record<string, any>;
    const shards = Object.entries(jobs).find(([, job]) => job.parallel)!;
    expect(shards[1].parallel).toBe(8);
    expect(shards[1].cache.key).toContain("$CI_NODE_INDEX");
    const merge = Object.values(jobs).find((job) => job.needs)!;
    expect(merge.needs).toEqual([shards[0]]);
    expect(merge.rules[0].when).toBe("always");
    expect(merge.script).toEqual(["npx falc merge-reports falc-manifest-*.json -o falc-manifest.json"]);
    expect(shards[1].artifacts.paths).toContain("falc-manifest-$CI_NODE_INDEX.json");
    expect(shards[1].after_script.join("\n")).toContain("falc-manifest-$CI_NODE_INDEX.json");
  });

  it("gate pull and merge requests that change documents with falc score", async () => {
    const workflow = github.map((r) => r.tree as Record<string, any>).find((tree) => tree.on?.pull_request);
    expect(workflow!.on.pull_request.paths).toContain("docs/**");
    const job = Object.values(gitlab[0]!.tree as Record<string, any>).find((j) => j.script.some((s: string) => s.includes("falc score")));
    expect(job.rules).toContainEqual({ if: '$CI_PIPELINE_SOURCE == "merge_request_event"', changes: ["docs/**/*"] });
    const scores = commands.filter((c) => c.command === "score");
    expect(scores.length).toBeGreaterThanOrEqual(2);
    // Run each recipe's score command as written, on a copy of two fixtures: one easy to read, one not.
    for (const [index, { args, line }] of scores.entries()) {
      // JSON for scripts, or GitHub's workflow commands so that findings show on the pull request's lines.
      expect(line).toMatch(/--fail-under 60 --format (json|github)/);
      const github = line.includes("--format github");
      const files = (stdout: string) => (github ? new Set(stdout.split("\n").filter(Boolean).map((l) => /file=([^,:]+)/.exec(l)?.[1])).size : JSON.parse(stdout).files.length);
      const docs = tmp.path(`docs-${index}`);
      mkdirSync(docs, { recursive: true });
      copyFileSync("fixtures/livret-falc.md", join(docs, "livret-falc.md"));
      const argv = args.map((arg) => (arg === "docs" ? docs : arg.replace(/^junit=/, `junit=${docs}/`)));
      const easy = await runCli("score", ...argv);
      expect(easy.code, easy.stderr).toBe(0);
      expect(files(easy.stdout)).toBe(1);
      copyFileSync("fixtures/contrat-de-sejour.md", join(docs, "contrat-de-sejour.md"));
      const hard = await runCli("score", ...argv);
      expect(hard.code).toBe(1);
      expect(files(hard.stdout)).toBe(2);
      // Each finding of a Markdown file on its line; the document under the threshold on the file.
      if (github) expect(hard.stdout.split("\n").filter(Boolean).every((l) => /^::(error|warning|notice) file=[^,]+,(line=\d+,col=\d+,|title=falc score::)/.test(l))).toBe(true);
    }
  });
});

describe("README.md --json summary of falc convert", () => {
  it("names exactly the fields falc writes", async () => {
    const block = /`--json` écrit sur la sortie standard[\s\S]*?```\n([\s\S]*?)```/.exec(readme)?.[1] ?? "";
    // Every quoted word is a field name, except the values listed for "status".
    const fields = block.replace(/("status"): "converted" \| "skipped" \| "failed"/, "$1");
    const documented = new Set([...fields.matchAll(/"(\w+)"/g)].map((match) => match[1]!));
    const docs = tmp.path("json-docs");
    mkdirSync(docs, { recursive: true });
    copyFileSync("fixtures/livret-falc.md", join(docs, "livret-falc.md"));
    tmp.write("json-docs/vide.md", "");
    const { stdout } = await runCli("convert", docs, "-o", tmp.path("json-out"), "--provider", "offline", "--no-cache", "--outputs", "md", "--json", "--quiet");
    const written = new Set<string>();
    const collect = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(collect);
      if (!isRecord(node)) return;
      for (const [key, value] of Object.entries(node)) {
        written.add(key);
        collect(value);
      }
    };
    collect(JSON.parse(stdout));
    expect([...documented].sort()).toEqual([...written].sort());
  });
});

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const SHELL_KEYS = new Set(["run", "script", "before_script", "after_script"]);

/** The shell scripts of a workflow or CI file: GitHub's `run:`, GitLab's `script:`. */
function scriptsIn(node: unknown, shell = false): string[] {
  if (typeof node === "string") return shell ? [node] : [];
  if (Array.isArray(node)) return node.flatMap((item) => scriptsIn(item, shell));
  if (isRecord(node)) return Object.entries(node).flatMap(([key, value]) => scriptsIn(value, shell || SHELL_KEYS.has(key)));
  return [];
}

/** `npx falc <command> <args>` in a shell script, up to a redirection or another command. */
function falcCommands(script: string): { command: string; args: string[]; line: string }[] {
  const found: { command: string; args: string[]; line: string }[] = [];
  for (const line of script.replace(/\\\n\s*/g, " ").split("\n")) {
    // `${{ matrix.shard }}` is one word for the shell once GitHub has expanded it.
    const words = line.trim().replace(/\$\{\{[^}]*\}\}/g, (expression) => expression.replace(/\s+/g, "\u0000")).split(/\s+/).map((w) => w.replace(/\u0000/g, " "));
    const at = words.indexOf("falc");
    if (at < 0) continue;
    const rest = words.slice(at + 2);
    const end = rest.findIndex((word) => /^([<>|;&]|\d?>)/.test(word));
    found.push({ command: words[at + 1] ?? "", args: end < 0 ? rest : rest.slice(0, end), line: line.trim() });
  }
  return found;
}

/** Option names (short and long) that `falc [command] --help` lists. */
async function optionsOf(command: string[]): Promise<string[]> {
  const { stdout, code } = await runCli(...command, "--help");
  expect(code).toBe(0);
  return [...stdout.matchAll(/^ {2}(?:(-[A-Za-z]), )?(--[a-z][\w-]*)/gm)].flatMap((match) => [match[1], match[2]].filter((name): name is string => name !== undefined));
}
