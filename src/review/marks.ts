import type { Verdict } from "./types.js";

/**
 * How the readers' opinion is read from the « Avis des relecteurs » cell. falc writes two checkboxes
 * (« ☐ Compris », « ☐ Pas compris ») and a « Remarques : » area, but many groups work on paper and the
 * staff types the verdicts in afterwards, any way they like: a box ticked, an « x » or « ✔ » typed
 * beside a label, « oui », « OK », « pas compris » on its own, with odd spelling and capitals. Anything
 * that is not a verdict is a remark.
 */

/** The labels falc writes beside its checkboxes, and above the remarks area. */
export const VERDICT_LABELS = { understood: "Compris", notUnderstood: "Pas compris" } as const;
export const REMARKS_LABEL = "Remarques";

/** Glyphs of a checkbox, ticked or not (Word writes ☐/☒ in MS Gothic; people type the others). */
const BOX_EMPTY = "☐";
const TICKS = new Set(["☒", "☑", "✔", "✓", "✅", "✗", "✘", "✕", "❌", "x", "X", "×", "v", "V", "oui", "ok", "1", "+"]);

/** A whole paragraph that says « understood » or « not understood » by itself. */
const YES = new Set(["oui", "ok", "okay", "compris", "bien compris", "c est compris", "d accord", "daccord", "valide", "✔", "✓", "☑", "✅", "👍", "+", "v"]);
const NO = new Set(["non", "nan", "pas compris", "pa compris", "pas compri", "pa compri", "non compris", "incompris", "compris pas", "pas clair", "✘", "✗", "✕", "❌", "👎", "-"]);

export interface OpinionParagraph {
  /** The paragraph's text; a checkbox content control is given as « ☒ » (ticked) or « ☐ ». */
  text: string;
}

export interface Opinion {
  verdict: Verdict;
  remarks: string[];
}

export function readOpinion(paragraphs: readonly OpinionParagraph[]): Opinion {
  let yes = false;
  let no = false;
  const remarks: string[] = [];
  const say = (mark: "yes" | "no") => (mark === "yes" ? (yes = true) : (no = true));
  for (const paragraph of paragraphs) {
    const text = paragraph.text.replace(/\s+/g, " ").trim();
    if (text === "") continue;
    const labelled = labelLine(text);
    if (labelled) {
      if (labelled.mark) say(labelled.mark);
      continue;
    }
    const remark = stripRemarksLabel(text);
    if (remark === "") continue;
    const mark = standaloneMark(remark);
    if (mark) say(mark);
    else remarks.push(remark);
  }
  const verdict: Verdict = yes && no ? "contradictory" : yes ? "understood" : no ? "not-understood" : "none";
  return { verdict, remarks };
}

/**
 * A paragraph made of a verdict label and marks only: « ☒ Compris », « x Pas compris », « ☐ Compris ✔ »,
 * « Compris : oui ». `mark` is what it says, or nothing when the label stands unticked.
 */
function labelLine(text: string): { mark?: "yes" | "no" } | undefined {
  const plain = normalise(text);
  const match = /^(.*?)\b(pas compris|pa compris|non compris|compris)\b(.*)$/.exec(plain);
  if (!match) return undefined;
  const negative = match[2] !== "compris";
  const around = `${match[1]} ${match[3]}`.replace(/[:.!]/g, " ").split(/\s+/).filter(Boolean);
  // Anything else around the label (« compris le mot préavis ? ») makes it a remark.
  if (!around.every((token) => token === BOX_EMPTY || token === "non" || TICKS.has(token) || TICKS.has(token.toLowerCase()))) return undefined;
  const hasBox = text.includes(BOX_EMPTY) || around.some((token) => token === "☒" || token === "☑");
  const ticked = around.some((token) => token !== BOX_EMPTY && token !== "non");
  const denied = around.includes("non");
  if (ticked && !denied) return { mark: negative ? "no" : "yes" };
  // « Compris : non » turns the label round.
  if (denied) return { mark: negative ? "yes" : "no" };
  // The label typed alone, with no box: the person wrote the word itself as the verdict.
  if (!hasBox) return { mark: negative ? "no" : "yes" };
  return {};
}

function stripRemarksLabel(text: string): string {
  return text.replace(/^remarques?\s*:?\s*/i, "").trim();
}

/** « oui », « OK ! », « Ouiii », « ✔ », « pas compri » … as a verdict; anything longer is a remark. */
export function standaloneMark(text: string): "yes" | "no" | undefined {
  const plain = normalise(text).replace(/[.!:;,]+/g, " ").replace(/\s+/g, " ").trim();
  // Letters repeated for emphasis (« ouiii », « nonnn »), but not inside « compris ».
  const squeezed = plain.replace(/([a-z])\1{2,}/g, "$1").replace(/^(oui|non|ok)\1*$/, "$1").replace(/^ouii$/, "oui").replace(/^nonn$/, "non");
  for (const candidate of [plain, squeezed]) {
    if (YES.has(candidate)) return "yes";
    if (NO.has(candidate)) return "no";
  }
  return undefined;
}

/** Lower case, no accents, apostrophes as spaces: « C’est compris ! » → « c est compris ! ». */
function normalise(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[’'`]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}
