// Build step: parse the YAML rule files once, so that `falc score` does not pay for a YAML parser at
// every start. rules/ stays the only source of truth: each entry carries the sha256 of the file it
// came from, and the loader ignores an entry whose file has changed since.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const rulesDir = join(root, "rules");
const files = {};
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (entry.name.endsWith(".yaml")) {
      const content = readFileSync(path, "utf8");
      files[relative(rulesDir, path).split("\\").join("/")] = {
        sha256: createHash("sha256").update(content).digest("hex"),
        data: parse(content),
      };
    }
  }
};
walk(rulesDir);
mkdirSync(join(root, "dist"), { recursive: true });
writeFileSync(join(root, "dist", "rules-parsed.json"), JSON.stringify({ version: 1, files }));
