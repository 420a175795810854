import { createHash } from "node:crypto";
import type { BlockInput, BlockLayout, DocumentWarning, FalcDocument, RunStyle, SourceFormat } from "./types.js";
import { renderBlocks } from "./render.js";
import { DEFAULT_SECTIONING, promoteStructuralTitles, splitSections, type SectioningOptions } from "./sections.js";

export interface BuildInput {
  path: string;
  format: SourceFormat;
  bytes: Uint8Array;
  blocks: BlockInput[];
  /** A title from the file's metadata (DOCX core properties, PDF info), preferred when present. */
  metadataTitle?: string;
  warnings?: DocumentWarning[];
  defaults?: RunStyle & BlockLayout;
}

/** Title of the text before the first heading, when there is one. */
export const PREAMBLE_TITLE = "Début du document";

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Turns what an ingester read into the document model: plain text, offsets, sections. */
export function buildDocument(input: BuildInput, sectioning: Partial<SectioningOptions> = {}): FalcDocument {
  const options = { ...DEFAULT_SECTIONING, ...sectioning };
  const { text, blocks } = renderBlocks(promoteStructuralTitles(input.blocks));
  const firstHeading = blocks.find((block) => block.type === "heading");
  const title = cleanTitle(input.metadataTitle) ?? cleanTitle(firstHeading?.text) ?? fileStem(input.path);
  const document: FalcDocument = {
    source: { path: input.path, format: input.format, sha256: sha256(input.bytes), size: input.bytes.byteLength },
    title,
    warnings: [...(input.warnings ?? [])],
    text,
    sections: blocks.length === 0 ? [] : splitSections(blocks, text, options, firstHeading ? PREAMBLE_TITLE : title),
  };
  if (input.defaults) document.defaults = input.defaults;
  return document;
}

function cleanTitle(title: string | undefined): string | undefined {
  const cleaned = title?.replace(/\s+/g, " ").trim();
  return cleaned ? cleaned : undefined;
}

function fileStem(path: string): string {
  if (path === "-") return "Entrée standard";
  const base = path.split(/[\\/]/).pop() ?? path;
  return base.replace(/\.[^.]+$/, "");
}
