// Preloaded into a child `falc` process (node --import): prints its peak memory on exit, even after Ctrl-C.
import { writeSync } from "node:fs";

process.on("exit", () => {
  writeSync(2, `\nfalc-bench-maxrss-kb=${process.resourceUsage().maxRSS}\n`);
});
