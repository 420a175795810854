import type { Unzipped, Zippable } from "fflate";

/**
 * docx stamps the core properties and every zip entry with the current time, so two runs on the
 * same result would differ byte for byte. The package is rewritten with the run's own date instead:
 * the same ConvertResult always gives the same file.
 */

/** DOS zip timestamps cannot go below 1980. */
const FALLBACK_DATE = new Date("1980-01-01T00:00:00Z");

export function runDate(iso: string): Date {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) || date < FALLBACK_DATE ? FALLBACK_DATE : date;
}

const CORE = "docProps/core.xml";
const CREATED = /(<dcterms:created\b[^>]*>)[^<]*(<\/dcterms:created>)/;
const MODIFIED = /(<dcterms:modified\b[^>]*>)[^<]*(<\/dcterms:modified>)/;
const LAST_MODIFIED_BY = /(<cp:lastModifiedBy>)[^<]*(<\/cp:lastModifiedBy>)/;

/** `packed`: the package docx wrote, or its entries already unzipped by a step that changed some. */
export async function reproducible(packed: Uint8Array | Unzipped, iso: string, author: string): Promise<Uint8Array> {
  // Loaded here, like docx, so that commands that write no DOCX do not pay for it at start-up.
  const { strFromU8, strToU8, unzipSync, zipSync } = await import("fflate");
  const date = runDate(iso);
  // W3CDTF without milliseconds, as Word writes it.
  const stamp = date.toISOString().replace(/\.\d{3}Z$/, "Z");
  const files = packed instanceof Uint8Array ? unzipSync(packed) : packed;
  const core = files[CORE];
  if (core) {
    files[CORE] = strToU8(
      strFromU8(core)
        .replace(CREATED, `$1${stamp}$2`)
        .replace(MODIFIED, `$1${stamp}$2`)
        .replace(LAST_MODIFIED_BY, `$1${escapeXml(author)}$2`),
    );
  }
  const zippable: Zippable = {};
  for (const [name, data] of Object.entries(files)) zippable[name] = [data, { mtime: date }];
  return zipSync(zippable, { level: 6 });
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
