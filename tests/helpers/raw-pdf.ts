/**
 * PDFs written object by object, for what pdfkit cannot make: fonts without a character mapping,
 * XFA forms. Objects are numbered from 1 in the order given; the catalog must be object 1.
 */

/** A PDF object's body: a dictionary, an array, or a stream given as its dictionary and data. */
export type RawObject = string | { dictionary: string; stream: string };

export function rawPdf(objects: RawObject[]): Uint8Array {
  let out = "%PDF-1.6\n%\u00e2\u00e3\u00cf\u00d3\n";
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    const body =
      typeof object === "string"
        ? object
        : `${object.dictionary.replace(/>>\s*$/, "")} /Length ${Buffer.byteLength(object.stream, "latin1")} >>\nstream\n${object.stream}\nendstream`;
    out += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, "latin1"));
}

/** A literal PDF string: parentheses and backslashes escaped, other bytes kept (latin1). */
export function pdfString(text: string): string {
  return `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

/** A content stream drawing each line with `font` at `size`, from the top of an A4 page down. */
export function textStream(font: string, lines: string[], size = 11): string {
  const ops = lines.map((line, index) => `BT /${font} ${size} Tf 56 ${780 - index * size * 1.5} Td ${pdfString(line)} Tj ET`);
  return ops.join("\n");
}
