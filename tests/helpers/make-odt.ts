import { strToU8, zipSync, type Zippable } from "fflate";

/**
 * Builds .odt files from hand-written XML, the way LibreOffice lays them out: `mimetype` first
 * and stored, then content.xml, styles.xml, meta.xml and the manifest.
 */

const NAMESPACES = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"',
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
  'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"',
  'xmlns:xlink="http://www.w3.org/1999/xlink"',
  'xmlns:dc="http://purl.org/dc/elements/1.1/"',
  'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"',
].join(" ");

export const ODT_MIMETYPE = "application/vnd.oasis.opendocument.text";

export interface OdtParts {
  /** The children of office:text. */
  body: string;
  /** The children of office:automatic-styles in content.xml. */
  automaticStyles?: string;
  /** style:font-face elements, declared in both content.xml and styles.xml as LibreOffice does. */
  fontFaces?: string;
  /** The children of office:styles in styles.xml (common and default styles, list styles). */
  styles?: string;
  title?: string;
  mimetype?: string | null;
  /** Replaces content.xml entirely (for broken XML). */
  rawContent?: string;
  /** Extra or replacement entries. */
  extra?: Record<string, string>;
  manifest?: string;
}

export function contentXml(parts: Pick<OdtParts, "body" | "automaticStyles" | "fontFaces">): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content ${NAMESPACES} office:version="1.3">` +
    `<office:font-face-decls>${parts.fontFaces ?? ""}</office:font-face-decls>` +
    `<office:automatic-styles>${parts.automaticStyles ?? ""}</office:automatic-styles>` +
    `<office:body><office:text>${parts.body}</office:text></office:body></office:document-content>`
  );
}

export function stylesXml(parts: Pick<OdtParts, "styles" | "fontFaces">): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<office:document-styles ${NAMESPACES} office:version="1.3">` +
    `<office:font-face-decls>${parts.fontFaces ?? ""}</office:font-face-decls>` +
    `<office:styles>${parts.styles ?? ""}</office:styles></office:document-styles>`
  );
}

function metaXml(title: string | undefined): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<office:document-meta ${NAMESPACES} office:version="1.3"><office:meta>` +
    `<meta:generator>falc tests</meta:generator>${title === undefined ? "" : `<dc:title>${title}</dc:title>`}` +
    `</office:meta></office:document-meta>`
  );
}

const MANIFEST =
  '<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">' +
  `<manifest:file-entry manifest:full-path="/" manifest:media-type="${ODT_MIMETYPE}"/>` +
  '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>' +
  '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>' +
  '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>' +
  "</manifest:manifest>";

export function makeOdt(parts: OdtParts): Uint8Array {
  const files: Zippable = {};
  if (parts.mimetype !== null) files.mimetype = [strToU8(parts.mimetype ?? ODT_MIMETYPE), { level: 0 }];
  files["content.xml"] = strToU8(parts.rawContent ?? contentXml(parts));
  files["styles.xml"] = strToU8(stylesXml(parts));
  files["meta.xml"] = strToU8(metaXml(parts.title));
  files["META-INF/manifest.xml"] = strToU8(parts.manifest ?? MANIFEST);
  for (const [name, content] of Object.entries(parts.extra ?? {})) files[name] = strToU8(content);
  return zipSync(files);
}
