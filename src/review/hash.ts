import { createHash } from "node:crypto";

/** A short hash of a text: enough to tell whether a section or a cell changed. */
export function textHash(text: string): string {
  return createHash("sha256").update(text.replace(/[\s\u00a0\u202f]+/g, " ").trim()).digest("hex").slice(0, 16);
}
