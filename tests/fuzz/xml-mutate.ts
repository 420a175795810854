import { HOSTILE_VALUES, matchPositions, type Rng } from "./mutate.js";

/**
 * Mutations of one XML part, done on the text rather than through a DOM: they must be able to
 * produce what a DOM cannot (unbalanced tags, bad characters, broken entities) as well as
 * well-formed XML with surprising structure (missing, repeated or absurdly nested elements).
 */

export interface XmlMutation {
  text: string;
  label: string;
}

export type Dialect = "docx" | "odt";

const OPEN_TAG = /<([A-Za-z_][\w:.-]*)(?:\s[^<>]*?)?(\/?)>/g;
const ATTRIBUTE = /(\s[A-Za-z_][\w:.-]*)="([^"]*)"/g;

/** An element's extent [start, end) in the text, found by counting same-name tags. */
function elementExtent(text: string, start: number, name: string, selfClosing: boolean, openLength: number): number {
  if (selfClosing) return start + openLength;
  const tags = new RegExp(`<(/?)${name.replace(/[.]/g, "\\.")}(?=[\\s/>])[^<>]*?(/?)>`, "g");
  tags.lastIndex = start + openLength;
  let depth = 1;
  for (let m = tags.exec(text); m; m = tags.exec(text)) {
    if (m[2] === "/") continue;
    depth += m[1] === "/" ? -1 : 1;
    if (depth === 0) return m.index + m[0].length;
  }
  return -1;
}

/** A random element below the root, or undefined when none can be delimited. */
function randomElement(text: string, rng: Rng): { start: number; end: number; name: string } | undefined {
  const tags = matchPositions(text, OPEN_TAG);
  for (let attempt = 0; attempt < 8 && tags.length > 1; attempt++) {
    const tag = tags[1 + rng.int(tags.length - 1)]!;
    const parsed = /^<([^\s/>]+)[^]*?(\/?)>$/.exec(tag.match);
    if (!parsed) continue;
    const end = elementExtent(text, tag.index, parsed[1]!, parsed[2] === "/", tag.match.length);
    if (end > 0) return { start: tag.index, end, name: parsed[1]! };
  }
  return undefined;
}

function dropElement(text: string, rng: Rng): XmlMutation {
  const element = randomElement(text, rng);
  if (!element) return truncateText(text, rng);
  return { text: text.slice(0, element.start) + text.slice(element.end), label: `drop <${element.name}>` };
}

function duplicateElement(text: string, rng: Rng): XmlMutation {
  const element = randomElement(text, rng);
  if (!element) return truncateText(text, rng);
  const copy = text.slice(element.start, element.end);
  const times = rng.chance(0.2) ? rng.range(50, 500) : rng.range(1, 3);
  return { text: text.slice(0, element.end) + copy.repeat(times) + text.slice(element.end), label: `duplicate <${element.name}> ×${times}` };
}

function escapeAttribute(value: string): string {
  return value.replace(/&(?!amp;)/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
}

function corruptAttribute(text: string, rng: Rng): XmlMutation {
  const attributes = matchPositions(text, ATTRIBUTE);
  if (attributes.length === 0) return truncateText(text, rng);
  let result = text;
  const labels: string[] = [];
  // From the end, so that earlier positions stay valid.
  const chosen = Array.from({ length: rng.range(1, 5) }, () => rng.pick(attributes)).sort((a, b) => b.index - a.index);
  for (const attribute of chosen) {
    const name = /^\s([^=]+)=/.exec(attribute.match)![1]!;
    const raw = rng.chance(0.15);
    const value = raw ? rng.pick(['"', "<", "&", "a\"b='c'"]) : escapeAttribute(rng.pick(HOSTILE_VALUES));
    result = result.slice(0, attribute.index) + ` ${name}="${value}"` + result.slice(attribute.index + attribute.match.length);
    labels.push(`${name}=${JSON.stringify(value)}`);
  }
  return { text: result, label: `attributes ${labels.join(" ")}` };
}

function hugeAttribute(text: string, rng: Rng): XmlMutation {
  const attributes = matchPositions(text, ATTRIBUTE);
  if (attributes.length === 0) return truncateText(text, rng);
  const attribute = rng.pick(attributes);
  const name = /^\s([^=]+)=/.exec(attribute.match)![1]!;
  const size = rng.pick([100_000, 1_000_000, 4_000_000]);
  const value = rng.chance(0.5) ? "9".repeat(size) : "x".repeat(size);
  return {
    text: text.slice(0, attribute.index) + ` ${name}="${value}"` + text.slice(attribute.index + attribute.match.length),
    label: `huge attribute ${name} (${size} chars)`,
  };
}

interface Nest {
  name: string;
  /** Where the nest goes: right after the first match. */
  anchor: RegExp;
  prefix?: string;
  open: string;
  inner: string;
  close: string;
  suffix?: string;
}

/** Shapes of deep nesting, each valid where it is inserted, so that the readers walk all of it. */
const NESTS: Record<Dialect, Nest[]> = {
  docx: [
    { name: "w:sdt", anchor: /<w:body>/, open: "<w:sdt><w:sdtContent>", inner: "<w:p><w:r><w:t>Texte profond.</w:t></w:r></w:p>", close: "</w:sdtContent></w:sdt>" },
    { name: "w:tbl", anchor: /<w:body>/, open: "<w:tbl><w:tr><w:tc>", inner: "<w:p><w:r><w:t>Cellule profonde.</w:t></w:r></w:p>", close: "</w:tc></w:tr></w:tbl>" },
    { name: "w:hyperlink", anchor: /<w:body>/, prefix: "<w:p>", open: "<w:hyperlink>", inner: "<w:r><w:t>Lien profond.</w:t></w:r>", close: "</w:hyperlink>", suffix: "</w:p>" },
    { name: "w:smartTag", anchor: /<w:body>/, prefix: "<w:p>", open: "<w:smartTag>", inner: "<w:r><w:t>Mot.</w:t></w:r>", close: "</w:smartTag>", suffix: "</w:p>" },
    { name: "w:ins", anchor: /<w:body>/, prefix: "<w:p>", open: "<w:ins>", inner: "<w:r><w:t>Insertion.</w:t></w:r>", close: "</w:ins>", suffix: "</w:p>" },
  ],
  odt: [
    { name: "text:section", anchor: /<office:text>/, open: "<text:section>", inner: "<text:p>Texte profond.</text:p>", close: "</text:section>" },
    { name: "text:list", anchor: /<office:text>/, open: "<text:list><text:list-item>", inner: "<text:p>Élément profond.</text:p>", close: "</text:list-item></text:list>" },
    { name: "text:span", anchor: /<office:text>/, prefix: "<text:p>", open: "<text:span>", inner: "Mot profond.", close: "</text:span>", suffix: "</text:p>" },
    { name: "table:table", anchor: /<office:text>/, open: "<table:table><table:table-row><table:table-cell>", inner: "<text:p>Cellule profonde.</text:p>", close: "</table:table-cell></table:table-row></table:table>" },
    { name: "text:a", anchor: /<office:text>/, prefix: "<text:p>", open: "<text:a>", inner: "Lien.", close: "</text:a>", suffix: "</text:p>" },
  ],
};

function deepNesting(text: string, rng: Rng, dialect: Dialect): XmlMutation {
  const nest = rng.pick(NESTS[dialect]);
  const depth = rng.chance(0.5) ? 50_000 : rng.pick([500, 5_000, 20_000]);
  const anchor = nest.anchor.exec(text);
  if (!anchor) return dropElement(text, rng);
  const at = anchor.index + anchor[0].length;
  const wrapped = (nest.prefix ?? "") + nest.open.repeat(depth) + nest.inner + nest.close.repeat(depth) + (nest.suffix ?? "");
  return { text: text.slice(0, at) + wrapped + text.slice(at), label: `nest <${nest.name}> ×${depth}` };
}

const JUNK = [
  "<",
  "&",
  "&unknown;",
  "&#0;",
  "&#xD800;",
  "]]>",
  "</w:p>",
  "</text:p>",
  "<!--",
  "<?xml version=\"1.0\"?>",
  "<!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>",
  "<!DOCTYPE d SYSTEM \"file:///etc/passwd\">",
  "<x:unbound>",
  "\u0000\u0001\u001f",
  "\uFFFE",
];

function insertJunk(text: string, rng: Rng): XmlMutation {
  const junk = rng.pick(JUNK);
  const at = rng.int(text.length + 1);
  return { text: text.slice(0, at) + junk + text.slice(at), label: `insert ${JSON.stringify(junk.slice(0, 30))} at ${at}` };
}

function deleteText(text: string, rng: Rng): XmlMutation {
  const length = rng.range(1, Math.min(2000, text.length));
  const at = rng.int(Math.max(1, text.length - length));
  return { text: text.slice(0, at) + text.slice(at + length), label: `delete ${length} chars at ${at}` };
}

function truncateText(text: string, rng: Rng): XmlMutation {
  const at = rng.int(text.length);
  return { text: text.slice(0, at), label: `truncate XML at ${at}` };
}

function renameTags(text: string, rng: Rng): XmlMutation {
  const tags = [...new Set(matchPositions(text, OPEN_TAG).map((t) => /^<([^\s/>]+)/.exec(t.match)![1]!))];
  if (tags.length < 2) return truncateText(text, rng);
  const from = rng.pick(tags);
  const to = rng.pick(tags);
  // Both opening and closing tags, so the XML stays well-formed while the structure becomes absurd.
  const pattern = new RegExp(`<(/?)${from.replace(/[.]/g, "\\.")}(?=[\\s/>])`, "g");
  return { text: text.replace(pattern, `<$1${to}`), label: `rename <${from}> to <${to}>` };
}

export function mutateXml(text: string, rng: Rng, dialect: Dialect): XmlMutation {
  const roll = rng.int(100);
  if (roll < 18) return dropElement(text, rng);
  if (roll < 33) return duplicateElement(text, rng);
  if (roll < 50) return corruptAttribute(text, rng);
  if (roll < 56) return hugeAttribute(text, rng);
  if (roll < 68) return deepNesting(text, rng, dialect);
  if (roll < 78) return insertJunk(text, rng);
  if (roll < 86) return renameTags(text, rng);
  if (roll < 93) return deleteText(text, rng);
  return truncateText(text, rng);
}
