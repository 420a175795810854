import type { Unzipped } from "fflate";
import { DEFAULT_LIMITS } from "../../ingest/types.js";
import { parseXml } from "../../ingest/xml.js";
import { cellText, child, children, is } from "../../review/cell.js";
import { textHash } from "../../review/hash.js";
import { passageEasyItems, passageRows } from "../../review/read-docx.js";
import { buildState } from "../../review/state.js";
import { stateParts, withStateContentType, withStateRelationship } from "../../review/state-part.js";
import type { ConvertResult } from "../../rewrite/types.js";

/**
 * Adds falc's state to a freshly packed review document. The hash of each easy-to-read cell is taken
 * from the document itself, read back with the very reader that will later look for edits: an
 * untouched cell cannot be mistaken for a corrected one.
 */
export async function attachReviewState(packed: Uint8Array, result: ConvertResult): Promise<Unzipped> {
  const { strFromU8, strToU8, unzipSync } = await import("fflate");
  const files = unzipSync(packed);
  const documentXml = renumberBookmarks(strFromU8(files["word/document.xml"]!));
  files["word/document.xml"] = strToU8(documentXml);
  const state = buildState(result, cellHashes(documentXml));
  for (const [name, text] of Object.entries(stateParts(state))) files[name] = strToU8(text);
  files["word/_rels/document.xml.rels"] = strToU8(withStateRelationship(strFromU8(files["word/_rels/document.xml.rels"]!)));
  files["[Content_Types].xml"] = strToU8(withStateContentType(strFromU8(files["[Content_Types].xml"]!)));
  // Left unzipped: the package is zipped once, when it is made reproducible.
  return files;
}

/**
 * docx numbers bookmarks with one counter for the whole process: documents written side by side in a
 * library run would get their numbers in whatever order they happen to be rendered. Numbered again
 * from 1 in document order, the same result gives the same bytes in any run.
 */
export function renumberBookmarks(documentXml: string): string {
  const ids = new Map<string, number>();
  return documentXml.replace(/(<w:bookmark(?:Start|End)\b[^>]*?\bw:id=")(\d+)(")/g, (_match, head: string, id: string, tail: string) => {
    let next = ids.get(id);
    if (next === undefined) {
      next = ids.size + 1;
      ids.set(id, next);
    }
    return `${head}${next}${tail}`;
  });
}

function cellHashes(documentXml: string): Map<string, string> {
  const root = parseXml(documentXml, "word/document.xml", { path: "relecture", limits: DEFAULT_LIMITS }).documentElement!;
  const hashes = new Map<string, string>();
  const body = child(root, "body");
  for (const table of body ? children(body).filter((node) => is(node, "tbl")) : []) {
    for (const passage of passageRows(table)) {
      if (passage.id !== undefined) hashes.set(passage.id, textHash(cellText(passageEasyItems(passage))));
    }
  }
  return hashes;
}
