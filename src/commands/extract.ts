import { ingestFile, type IngestOptions } from "../ingest/index.js";
import type { FalcDocument } from "../model/types.js";
import { writeJson } from "../output/json-stream.js";

export type ExtractFormat = "json" | "md";

export interface ExtractResult {
  document: FalcDocument;
  output: string;
}

/** `falc extract`: how falc understood a document, as JSON (the model) or Markdown. */
export async function extract(path: string, format: ExtractFormat, options: IngestOptions = {}): Promise<ExtractResult> {
  const document = await ingestFile(path, options);
  if (format === "json") return { document, output: JSON.stringify(document, null, 2) + "\n" };
  const { renderModelMarkdown } = await import("../render/model-markdown.js");
  return { document, output: renderModelMarkdown(document) };
}

/** `extract`, written to `write` as it is made: the JSON model of a long document is tens of megabytes. */
export async function extractTo(path: string, format: ExtractFormat, write: (text: string) => void, options: IngestOptions = {}): Promise<FalcDocument> {
  const document = await ingestFile(path, options);
  if (format === "json") {
    writeJson(document, write);
    write("\n");
  } else {
    const { renderModelMarkdown } = await import("../render/model-markdown.js");
    write(renderModelMarkdown(document));
  }
  return document;
}
