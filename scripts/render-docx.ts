/**
 * Writes both DOCX outputs of `falc convert` for the test ConvertResult, and renders them to PDF and
 * PNG pages through LibreOffice and poppler when they are installed, so that people can look at them.
 *
 *   node --import tsx scripts/render-docx.ts [out-folder]      (default: /tmp/falc-render)
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { renderFalcDocx } from "../src/render/falc-docx.js";
import { renderReviewDocx } from "../src/render/review-docx.js";
import { buildConvertResult } from "../tests/helpers/convert-result.js";

const out = resolve(process.argv[2] ?? "/tmp/falc-render");
mkdirSync(out, { recursive: true });
const STEM = "contrat-de-sejour";
// Only this script's own earlier outputs are removed (a page count may have shrunk).
for (const name of readdirSync(out)) if (name.startsWith(`${STEM}.`) && /\.(png|pdf|docx)$/.test(name)) rmSync(join(out, name));

const result = buildConvertResult();
const files = {
  [`${STEM}.falc.docx`]: await renderFalcDocx(result),
  [`${STEM}.relecture.docx`]: await renderReviewDocx(result),
};
for (const [name, bytes] of Object.entries(files)) {
  writeFileSync(join(out, name), bytes);
  console.log(`${join(out, name)} (${bytes.byteLength} octets)`);
}

function has(command: string): boolean {
  try {
    execFileSync("which", [command], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

if (!has("soffice")) {
  console.log("LibreOffice (soffice) absent : pas de rendu PDF ni PNG.");
} else {
  // A private profile, so that a LibreOffice already open (or another run) does not block this one.
  const profile = `file://${join(out, ".lo-profile")}`;
  for (const name of Object.keys(files)) {
    execFileSync("soffice", [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "pdf", "--outdir", out, join(out, name)], { stdio: "ignore" });
    const pdf = join(out, name.replace(/\.docx$/, ".pdf"));
    if (has("pdftoppm")) execFileSync("pdftoppm", ["-png", "-r", "60", pdf, pdf.replace(/\.pdf$/, "")]);
  }
  for (const name of readdirSync(out).sort()) if (name.startsWith(`${STEM}.`) && /\.(pdf|png)$/.test(name)) console.log(join(out, name));
}
