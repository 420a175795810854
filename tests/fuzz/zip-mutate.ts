import { unzipSync, zipSync, type Zippable } from "fflate";
import { fromUtf8, mutateBytes, utf8, type Mutated, type Rng } from "./mutate.js";
import { mutateXml, type Dialect } from "./xml-mutate.js";

/**
 * Structure-aware mutations of a DOCX or ODT file: unzip, damage one XML part or the archive's own
 * bookkeeping, zip again. Byte-level noise mostly stops at the ZIP layer; these reach the XML
 * readers, mammoth and the style logic behind it.
 */

type Entries = Record<string, Uint8Array>;

/** The parts worth damaging, most read first. */
const TARGETS: Record<Dialect, { main: string[]; other: string[] }> = {
  docx: {
    main: ["word/document.xml", "word/document.xml", "word/styles.xml"],
    other: ["word/numbering.xml", "word/footnotes.xml", "word/_rels/document.xml.rels", "_rels/.rels", "[Content_Types].xml", "docProps/core.xml", "word/theme/theme1.xml"],
  },
  odt: {
    main: ["content.xml", "content.xml", "styles.xml"],
    other: ["meta.xml", "META-INF/manifest.xml", "mimetype"],
  },
};

function targetPart(entries: Entries, rng: Rng, dialect: Dialect): string {
  const { main, other } = TARGETS[dialect];
  const candidates = (rng.chance(0.8) ? main : other).filter((name) => name in entries);
  return candidates.length > 0 ? rng.pick(candidates) : rng.pick(Object.keys(entries));
}

function mutatePart(entries: Entries, rng: Rng, dialect: Dialect): string {
  const part = targetPart(entries, rng, dialect);
  const mutation = mutateXml(fromUtf8(entries[part]!), rng, dialect);
  entries[part] = utf8(mutation.text);
  return `${part}: ${mutation.label}`;
}

function latin1(text: string): Uint8Array {
  return Uint8Array.from(text, (char) => (char.charCodeAt(0) < 256 ? char.charCodeAt(0) : 0x3f));
}

function utf16(text: string, bigEndian: boolean, bom: boolean): Uint8Array {
  const body = Buffer.from(text, "utf16le");
  if (bigEndian) body.swap16();
  const mark = bom ? (bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]) : [];
  return new Uint8Array([...mark, ...body]);
}

const ENCODINGS: { label: string; encode: (text: string) => Uint8Array }[] = [
  { label: "Latin-1 bytes, declared UTF-8", encode: latin1 },
  { label: "UTF-16LE without BOM", encode: (t) => utf16(t, false, false) },
  { label: "UTF-16BE with BOM", encode: (t) => utf16(t, true, true) },
  { label: "UTF-16LE BOM before UTF-8 bytes", encode: (t) => new Uint8Array([0xff, 0xfe, ...utf8(t)]) },
  { label: "UTF-8 BOM", encode: (t) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(t)]) },
  { label: "declared ISO-8859-1, UTF-8 bytes", encode: (t) => utf8(t.replace(/encoding="[^"]*"/, 'encoding="ISO-8859-1"')) },
  { label: "declared UTF-32", encode: (t) => utf8(t.replace(/encoding="[^"]*"/, 'encoding="UTF-32"')) },
  {
    label: "invalid UTF-8 sequences",
    encode: (t) => {
      const bytes = [...utf8(t)];
      for (let i = 0; i < 20; i++) bytes.splice((i * 7919) % bytes.length, 0, 0xc3, 0x28, 0xff);
      return new Uint8Array(bytes);
    },
  },
];

function wrongEncoding(entries: Entries, rng: Rng, dialect: Dialect): string {
  const part = targetPart(entries, rng, dialect);
  const encoding = rng.pick(ENCODINGS);
  entries[part] = encoding.encode(fromUtf8(entries[part]!));
  return `${part}: ${encoding.label}`;
}

function zeroLength(entries: Entries, rng: Rng, dialect: Dialect): string {
  const part = rng.chance(0.6) ? targetPart(entries, rng, dialect) : rng.pick(Object.keys(entries));
  entries[part] = new Uint8Array(0);
  return `${part}: zero length`;
}

function dropEntry(entries: Entries, rng: Rng, dialect: Dialect): string {
  const part = rng.chance(0.5) ? targetPart(entries, rng, dialect) : rng.pick(Object.keys(entries));
  delete entries[part];
  return `${part}: removed`;
}

function renameEntry(entries: Entries, rng: Rng, dialect: Dialect): string {
  const part = targetPart(entries, rng, dialect);
  const renamed = rng.pick([part.toUpperCase(), `/${part}`, part.replace("/", "\\"), `${part}\u0000`, `../${part}`]);
  entries[renamed] = entries[part]!;
  delete entries[part];
  return `${part}: renamed ${JSON.stringify(renamed)}`;
}

function manyEntries(entries: Entries, rng: Rng): string {
  const count = rng.pick([100, 6_000]);
  for (let i = 0; i < count; i++) entries[`junk/${i}.xml`] = utf8("<a/>");
  return `${count} junk entries`;
}

// ---- Lies in the ZIP bookkeeping, patched after zipping ----

const EOCD = 0x06054b50;

function centralEntries(view: DataView): number[] {
  let eocd = view.byteLength - 22;
  while (eocd > 0 && view.getUint32(eocd, true) !== EOCD) eocd--;
  const count = view.getUint16(eocd + 10, true);
  const offsets: number[] = [];
  let at = view.getUint32(eocd + 16, true);
  for (let i = 0; i < count; i++) {
    offsets.push(at);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  offsets.push(eocd);
  return offsets;
}

/** Fields of a central directory record (offset, width) and of the end record. */
const CENTRAL_FIELDS = { flags: [8, 2], method: [10, 2], crc: [16, 4], compressedSize: [20, 4], size: [24, 4], nameLength: [28, 2], extraLength: [30, 2], localOffset: [42, 4] } as const;
const END_FIELDS = { entries: [10, 2], directorySize: [12, 4], directoryOffset: [16, 4] } as const;

function lyingValue(current: number, width: number, rng: Rng): number {
  const max = width === 2 ? 0xffff : 0xffffffff;
  const value = rng.pick([0, 1, current - 1, current + 1, Math.floor(current / 2), current * 2, current * 1000, max, rng.int(max)]);
  return Math.max(0, Math.min(max, value));
}

function patchBookkeeping(zip: Uint8Array, rng: Rng): string {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const records = centralEntries(view);
  const eocd = records.pop()!;
  const useEnd = rng.chance(0.2) || records.length === 0;
  const fields = useEnd ? END_FIELDS : CENTRAL_FIELDS;
  const name = rng.pick(Object.keys(fields)) as keyof typeof fields;
  const [offset, width] = (fields as Record<string, readonly [number, number]>)[name]!;
  const at = (useEnd ? eocd : rng.pick(records)) + offset;
  const current = width === 2 ? view.getUint16(at, true) : view.getUint32(at, true);
  const value = name === "flags" ? current | rng.pick([1, 8, 0x800]) : lyingValue(current, width, rng);
  if (width === 2) view.setUint16(at, value, true);
  else view.setUint32(at, value, true);
  return `${useEnd ? "end record" : "central entry"} ${name}: ${current} → ${value}`;
}

// ---- Entry point ----

export function mutateArchive(bytes: Uint8Array, rng: Rng, dialect: Dialect): Mutated {
  const entries: Entries = unzipSync(bytes);
  const labels: string[] = [];
  const rounds = rng.chance(0.8) ? 1 : 2;
  for (let i = 0; i < rounds; i++) {
    const roll = rng.int(100);
    if (roll < 62) labels.push(mutatePart(entries, rng, dialect));
    else if (roll < 74) labels.push(wrongEncoding(entries, rng, dialect));
    else if (roll < 82) labels.push(zeroLength(entries, rng, dialect));
    else if (roll < 90) labels.push(dropEntry(entries, rng, dialect));
    else if (roll < 96) labels.push(renameEntry(entries, rng, dialect));
    else labels.push(manyEntries(entries, rng));
  }
  const zippable: Zippable = {};
  // Some stored, some deflated: both code paths of the readers.
  for (const [name, data] of Object.entries(entries)) zippable[name] = [data, { level: rng.chance(0.2) ? 0 : 6 }];
  let zip: Uint8Array = zipSync(zippable);
  if (rng.chance(0.15)) labels.push(patchBookkeeping(zip, rng));
  if (rng.chance(0.05)) {
    const noise = mutateBytes(zip, rng);
    zip = noise.bytes;
    labels.push(noise.label);
  }
  return { bytes: zip, label: labels.join("; ") };
}
