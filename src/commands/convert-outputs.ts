import { basename, dirname, extname, join, resolve } from "node:path";
import { FalcError } from "../errors.js";
import { writeFilesAtomic } from "../output/atomic.js";
import { outputError } from "../output/errors.js";
import type { ConvertResult } from "../rewrite/types.js";

export const OUTPUT_FORMATS = ["docx", "md", "json"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface OutputTargets {
  falcDocx?: string;
  reviewDocx?: string;
  md?: string;
  json?: string;
}

export function outputDir(input: string, out: string | undefined): string {
  return out ?? (input === "-" ? "." : dirname(input));
}

export function outputPaths(input: string, out: string | undefined, formats: readonly OutputFormat[]): OutputTargets {
  const stem = input === "-" ? "entree-standard" : basename(input, extname(input));
  const dir = outputDir(input, out);
  const targets: OutputTargets = {};
  if (formats.includes("docx")) {
    targets.falcDocx = join(dir, `${stem}.falc.docx`);
    targets.reviewDocx = join(dir, `${stem}.relecture.docx`);
  }
  if (formats.includes("md")) targets.md = join(dir, `${stem}.falc.md`);
  if (formats.includes("json")) targets.json = join(dir, `${stem}.falc.json`);
  for (const target of Object.values(targets)) {
    if (input !== "-" && resolve(target) === resolve(input)) {
      throw new FalcError("output-is-input", `La sortie ${target} écraserait le fichier d’entrée.`, {
        file: input,
        hint: "Choisissez un autre dossier de sortie avec --out.",
      });
    }
  }
  return targets;
}

/** Renders every output first, then writes them all or none: no half-written file, no mixed set. */
export async function writeOutputs(result: ConvertResult, targets: OutputTargets): Promise<string[]> {
  const rendered: [string, string | Uint8Array][] = [];
  if (targets.falcDocx) rendered.push([targets.falcDocx, await (await import("../render/falc-docx.js")).renderFalcDocx(result)]);
  if (targets.reviewDocx) rendered.push([targets.reviewDocx, await (await import("../render/review-docx.js")).renderReviewDocx(result)]);
  if (targets.md) rendered.push([targets.md, (await import("../render/convert-md.js")).renderConvertMarkdown(result)]);
  if (targets.json) rendered.push([targets.json, (await import("../render/convert-json.js")).renderConvertJson(result)]);
  await writeFilesAtomic(rendered, (path, error) => outputError(path, error) ?? error);
  return rendered.map(([path]) => path);
}
