import type { ReviewState } from "./types.js";

/**
 * The review document carries falc's state in a custom XML part (`customXml/item1.xml`), the
 * package's own place for data that belongs to an application: Word and LibreOffice keep it when
 * they save, and nobody sees it. It holds the JSON of `ReviewState`.
 */

export const STATE_NAMESPACE = "urn:falc:relecture:1";
export const STATE_PART = "customXml/item1.xml";
const PROPS_PART = "customXml/itemProps1.xml";
const ITEM_RELS = "customXml/_rels/item1.xml.rels";
const CUSTOM_XML_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml";
const CUSTOM_XML_PROPS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps";
/** Fixed, so that the same result always gives the same bytes. */
const ITEM_ID = "{6C1A2B0E-9F3D-4C55-8E2A-0F1D2C3B4A59}";

export function stateXml(state: ReviewState): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<relecture xmlns="${STATE_NAMESPACE}">${escapeXml(JSON.stringify(state))}</relecture>`;
}

/** The state from the part's XML text, or undefined when it is not falc's or cannot be read. */
export function parseStateXml(xml: string): ReviewState | undefined {
  const match = /<relecture\b[^>]*xmlns="urn:falc:relecture:1"[^>]*>([\s\S]*)<\/relecture>/.exec(xml);
  if (!match) return undefined;
  try {
    const state = JSON.parse(unescapeXml(match[1]!)) as ReviewState;
    return state.version === 1 && Array.isArray(state.sections) && typeof state.round === "number" ? state : undefined;
  } catch {
    return undefined;
  }
}

/** The parts to add to the package, and the edits of the two parts that must name them. */
export function stateParts(state: ReviewState): Record<string, string> {
  return {
    [STATE_PART]: stateXml(state),
    [PROPS_PART]: `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="${ITEM_ID}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="${STATE_NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>`,
    [ITEM_RELS]: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${CUSTOM_XML_PROPS_REL}" Target="itemProps1.xml"/></Relationships>`,
  };
}

export function withStateRelationship(documentRels: string): string {
  return documentRels.replace("</Relationships>", `<Relationship Id="rIdFalcRelecture" Type="${CUSTOM_XML_REL}" Target="../customXml/item1.xml"/></Relationships>`);
}

export function withStateContentType(contentTypes: string): string {
  return contentTypes.replace("</Types>", `<Override PartName="/${PROPS_PART}" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/></Types>`);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(Number.parseInt(code, 16)))
    .replace(/&amp;/g, "&");
}
