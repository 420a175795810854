import { capitalise } from "./french.js";

/**
 * Step 8: an enumeration becomes a bullet list, as FALC writes it.
 * - « X comprend : a, b, c et d. » (three items or more after a colon) → intro « X comprend : » and
 *   one item each;
 * - « Vous apportez vos vêtements, vos papiers, vos médicaments et votre téléphone. » (three items
 *   or more before « et », each starting with the same kind of determiner) → « Vous apportez : »
 *   and the items.
 * Lists joined by « ou » stay sentences: as bullets, the choice would be lost. Items longer than 12
 * words are probably clauses, not list items, and the sentence is left as it is.
 */

export interface ListBlock {
  intro: string;
  items: string[];
}

const MAX_ITEM_WORDS = 12;
const DETERMINER_CLASS: Readonly<Record<string, string>> = {
  le: "def", la: "def", les: "def", "l'": "def",
  un: "indef", une: "indef", des: "indef",
  mon: "poss", ma: "poss", mes: "poss", ton: "poss", ta: "poss", tes: "poss", son: "poss", sa: "poss", ses: "poss",
  notre: "poss", nos: "poss", votre: "poss", vos: "poss", leur: "poss", leurs: "poss",
};

/** Splits at « , » and a final « et » outside brackets and quotes. */
function splitItems(text: string): string[] | null {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === "(" || c === "«") depth++;
    else if ((c === ")" || c === "»") && depth > 0) depth--;
    else if (c === "," && depth === 0 && text.charAt(i + 1) === " ") {
      parts.push(text.slice(from, i));
      from = i + 2;
    }
  }
  parts.push(text.slice(from));
  const last = parts.pop()!;
  const et = last.lastIndexOf(" et ");
  if (et > 0 && parts.length > 0) parts.push(last.slice(0, et), last.slice(et + 4));
  else parts.push(last);
  if (/\sou\s/u.test(parts[parts.length - 1]!) && parts.length > 1) return null;
  const items = parts.map((p) => p.trim());
  return items.every((p) => p !== "" && p.split(/\s+/).length <= MAX_ITEM_WORDS) ? items : null;
}

function determinerClass(item: string): string | undefined {
  const first = /^(l['’]|\p{L}+)/u.exec(item.toLowerCase())?.[1]?.replace("’", "'");
  return first === undefined ? undefined : DETERMINER_CLASS[first];
}

function colonList(body: string): ListBlock | null {
  const colon = body.indexOf(" : ");
  if (colon <= 0 || body.slice(0, colon).includes("«")) return null;
  const items = splitItems(body.slice(colon + 3));
  if (items === null || items.length < 3) return null;
  return { intro: `${capitalise(body.slice(0, colon).trim())} :`, items };
}

function determinerList(body: string): ListBlock | null {
  const items = splitItems(body);
  if (items === null || items.length < 4) return null;
  const kind = determinerClass(items[1]!);
  if (kind === undefined || !items.slice(1).every((item) => determinerClass(item) === kind)) return null;
  // The first item starts at the last determiner of that kind in the first part.
  const first = items[0]!;
  let start = -1;
  for (const m of first.matchAll(/(?<![\p{L}])(l['’]|\p{L}+)/gu)) {
    if (DETERMINER_CLASS[m[1]!.toLowerCase().replace("’", "'")] === kind) start = m.index!;
  }
  const intro = start > 0 ? first.slice(0, start).trim() : "";
  if (intro.split(/\s+/).length < 2) return null;
  return { intro: `${intro} :`, items: [first.slice(start), ...items.slice(1)] };
}

/** The list a sentence is, or null. */
export function toList(sentence: string): ListBlock | null {
  const body = sentence.trim().replace(/\.$/u, "");
  if (/[.;!?]/u.test(body.replace(/\d[.,]\d/g, ""))) return null;
  return colonList(body) ?? determinerList(body);
}
