import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { folderCycles, importCycles } from "../scripts/import-cycles.js";
import { tempDir } from "./helpers/temp.js";

const tmp = tempDir("falc-cycles-");

function project(name: string, files: Record<string, string>): string {
  const root = join(tmp.dir, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/**
 * The one import that still closes a cycle between folders: the pipeline scores the draft as written
 * in Markdown (rewrite → render) while the renderers read the rewrite's types (render → rewrite).
 * Breaking it means the command, not the pipeline, computing the « after » score.
 */
const KNOWN = ["rewrite/draft-score.ts -> render/convert-md.ts"];

describe("import cycles", () => {
  it("are found when only types close them, through re-exports and dynamic imports too", () => {
    const typeOnly = project("types", {
      "a.ts": 'import type { B } from "./b.js";\nexport interface A { b: B }\n',
      "b.ts": 'import type { A } from "./a.js";\nexport interface B { a?: A }\n',
      "c.ts": "export const c = 1;\n",
    });
    expect(importCycles(typeOnly)).toEqual([["a.ts", "b.ts", "a.ts"]]);
    const indirect = project("indirect", {
      "x/one.ts": 'export * from "../y/two.js";\n',
      "y/two.ts": 'export async function load() { return import("../z/three.js"); }\n',
      "z/three.ts": 'import { c } from "../x/one.js";\nexport const d = c;\n',
    });
    expect(importCycles(indirect)).toEqual([["x/one.ts", "y/two.ts", "z/three.ts", "x/one.ts"]]);
  });

  it("are found between folders even when no two files close them", () => {
    const root = project("folders", {
      "render/a.ts": 'import type { T } from "../rewrite/types.js";\nexport type U = T;\n',
      "rewrite/types.ts": "export type T = string;\n",
      "rewrite/b.ts": 'import { f } from "../render/c.js";\nexport const g = f;\n',
      "render/c.ts": "export const f = 1;\n",
    });
    expect(importCycles(root)).toEqual([]);
    expect(folderCycles(root)).toEqual([["render", "rewrite", "render"]]);
    expect(folderCycles(root, ["rewrite/b.ts -> render/c.ts"])).toEqual([]);
  });

  it("there are none between the modules of src/, type-only imports included", () => {
    expect(importCycles("src")).toEqual([]);
  });

  it("there are none between the folders of src/, but for the one known import", () => {
    expect(folderCycles("src", KNOWN)).toEqual([]);
  });
});
