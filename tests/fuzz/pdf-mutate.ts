import { matchPositions, mutateBytes, type Mutated, type Rng } from "./mutate.js";

/**
 * Structure-aware mutations of a PDF: the cross-reference table, the trailer, stream lengths and
 * contents, the page tree. PDF syntax is ASCII around binary streams, so the file is handled as
 * Latin-1 text, which maps every byte to one char and back without loss.
 */

interface Change {
  text: string;
  label: string;
}

function toText(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("latin1");
}

function toBytes(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, "latin1"));
}

function replaceAt(text: string, at: number, length: number, by: string): string {
  return text.slice(0, at) + by + text.slice(at + length);
}

function corruptXref(text: string, rng: Rng): Change {
  let mutatedText = text;
  const entries = matchPositions(text, /\d{10} \d{5} [nf]/g);
  if (entries.length === 0) return { text: mutatedText, label: "no xref entry" };
  const count = rng.range(1, Math.min(6, entries.length));
  let result = text;
  for (let i = 0; i < count; i++) {
    const entry = rng.pick(entries);
    const digits = String(rng.int(10_000_000_000)).padStart(10, "0");
    const replacement = rng.pick([`${digits} 00000 n`, "0000000000 65535 f", `${entry.match.slice(0, 10)} 00000 x`, "9999999999 99999 n"]);
    result = replaceAt(result, entry.index, entry.match.length, replacement);
  }
  mutatedText = result;
  return { text: mutatedText, label: `${count} xref entries` };
}

function corruptStartxref(text: string, rng: Rng): Change {
  let mutatedText = text;
  const found = /startxref\s+(\d+)/.exec(text);
  if (!found) return { text: mutatedText, label: "no startxref" };
  const value = rng.pick(["0", "-5", "999999999", String(Number(found[1]) + rng.range(-50, 50)), "abc", ""]);
  mutatedText = replaceAt(text, found.index, found[0].length, `startxref\n${value}`);
  return { text: mutatedText, label: `startxref ${found[1]} → ${JSON.stringify(value)}` };
}

function corruptTrailer(text: string, rng: Rng): Change {
  let mutatedText = text;
  const trailer = text.lastIndexOf("trailer");
  if (trailer < 0) return { text: mutatedText, label: "no trailer" };
  const choice = rng.int(5);
  if (choice === 0) mutatedText = text.slice(0, trailer) + text.slice(trailer).replace(/\/Root \d+ 0 R/, "/Root 999 0 R");
  else if (choice === 1) mutatedText = text.slice(0, trailer) + text.slice(trailer).replace(/\/Size \d+/, `/Size ${rng.pick([0, 1, 2147483647])}`);
  else if (choice === 2) mutatedText = text.slice(0, trailer) + text.slice(trailer).replace(/\/Root \d+ 0 R/, "");
  else if (choice === 3) mutatedText = text.slice(0, trailer) + text.slice(trailer).replace(/\/Info \d+ 0 R/, "/Info 3 0 R");
  else mutatedText = text.slice(0, trailer);
  return { text: mutatedText, label: `trailer variant ${choice}` };
}

function corruptLength(text: string, rng: Rng): Change {
  let mutatedText = text;
  const lengths = matchPositions(text, /\/Length \d+/g);
  if (lengths.length === 0) return { text: mutatedText, label: "no /Length" };
  const length = rng.pick(lengths);
  const value = rng.pick([0, 1, 5, 100_000_000, -1, rng.int(5000)]);
  mutatedText = replaceAt(text, length.index, length.match.length, `/Length ${value}`);
  return { text: mutatedText, label: `${length.match} → /Length ${value}` };
}

function damageStream(text: string, rng: Rng): Change {
  let mutatedText = text;
  const streams = matchPositions(text, /stream\r?\n/g).filter((s) => text.slice(s.index - 3, s.index) !== "end");
  if (streams.length === 0) return { text: mutatedText, label: "no stream" };
  const stream = rng.pick(streams);
  const start = stream.index + stream.match.length;
  const end = text.indexOf("endstream", start);
  if (end < 0) return { text: mutatedText, label: "unterminated stream" };
  const cut = start + rng.int(Math.max(1, end - start));
  const choice = rng.int(3);
  if (choice === 0) mutatedText = text.slice(0, cut);
  else if (choice === 1) mutatedText = text.slice(0, cut) + text.slice(end);
  else {
    let flipped = text;
    for (let i = 0; i < 8; i++) {
      const at = start + rng.int(Math.max(1, end - start));
      flipped = replaceAt(flipped, at, 1, String.fromCharCode(flipped.charCodeAt(at) ^ (1 << rng.int(8))));
    }
    mutatedText = flipped;
  }
  return { text: mutatedText, label: `stream at ${start}: ${["truncate file in stream", "cut stream short", "flip bytes in stream"][choice]}` };
}

function corruptPageTree(text: string, rng: Rng): Change {
  let mutatedText = text;
  const choice = rng.int(5);
  if (choice === 0) mutatedText = text.replace(/\/Count \d+/, `/Count ${rng.pick([0, -1, 999_999, 2_147_483_647])}`);
  else if (choice === 1) mutatedText = text.replace(/\/Parent \d+ 0 R/, "/Parent 999 0 R");
  else if (choice === 2) {
    // A page tree that contains itself: readers must notice the loop.
    const pages = /(\d+) 0 obj\s*<<\s*\/Type \/Pages/.exec(text);
    mutatedText = pages ? text.replace(/\/Kids \[[^\]]*\]/, `/Kids [${pages[1]} 0 R ${pages[1]} 0 R]`) : text;
  } else if (choice === 3) mutatedText = text.replace(/\/Type \/Page\b/g, "/Type /Pagez");
  else mutatedText = text.replace(/\/Contents \d+ 0 R/g, "/Contents 1 0 R");
  return { text: mutatedText, label: `page tree variant ${choice}` };
}

function removeKeywords(text: string, rng: Rng): Change {
  let mutatedText = text;
  const keyword = rng.pick(["endobj", "endstream", "obj", "%%EOF", "xref", "trailer", ">>"]);
  const all = rng.chance(0.3);
  mutatedText = all ? text.split(keyword).join("") : text.replace(keyword, "");
  return { text: mutatedText, label: `remove ${all ? "every" : "first"} ${keyword}` };
}

const MUTATIONS: ((text: string, rng: Rng) => Change)[] = [corruptXref, corruptStartxref, corruptTrailer, corruptLength, damageStream, corruptPageTree, removeKeywords];

export function mutatePdf(bytes: Uint8Array, rng: Rng): Mutated {
  if (rng.chance(0.3)) return mutateBytes(bytes, rng);
  let text = toText(bytes);
  const labels: string[] = [];
  const rounds = rng.chance(0.75) ? 1 : 2;
  for (let i = 0; i < rounds; i++) {
    const change = rng.pick(MUTATIONS)(text, rng);
    labels.push(change.label);
    text = change.text;
  }
  return { bytes: toBytes(text), label: labels.join("; ") };
}
