import { ChunkedWriter } from "./chunked-writer.js";

/**
 * Writes `value` exactly as `JSON.stringify(value, null, 2)` would, without building that string: a
 * score report of a long document is tens of megabytes. Objects and arrays near the top (the report,
 * its files, their sections and findings) are walked here; each element below `NATIVE_DEPTH` is
 * stringified on its own, by the engine, and indented to its place.
 */
export function writeJson(value: unknown, write: (text: string) => void): void {
  const out = new ChunkedWriter(write);
  writeValue(value, "", 0, out);
  out.flush();
}

/** Depth from which values are stringified whole: a finding, a section's figures. */
const NATIVE_DEPTH = 4;
const INDENT = "  ";

/** Writes a value that JSON.stringify would not drop (the caller checks `isWritable`). */
function writeValue(value: unknown, indent: string, depth: number, out: ChunkedWriter): void {
  value = toJsonValue(value);
  if (depth >= NATIVE_DEPTH || value === null || typeof value !== "object") {
    const text = JSON.stringify(value, null, 2) ?? "null";
    out.write(indent === "" || !text.includes("\n") ? text : text.replaceAll("\n", `\n${indent}`));
    return;
  }
  const inner = indent + INDENT;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      out.write("[]");
      return;
    }
    out.write("[");
    for (let i = 0; i < value.length; i++) {
      out.write(i === 0 ? `\n${inner}` : `,\n${inner}`);
      // An element JSON.stringify would drop (undefined, a function) is written as null in an array.
      if (isWritable(toJsonValue(value[i]))) writeValue(value[i], inner, depth + 1, out);
      else out.write("null");
    }
    out.write(`\n${indent}]`);
    return;
  }
  let first = true;
  for (const key of Object.keys(value)) {
    const field = (value as Record<string, unknown>)[key];
    if (!isWritable(toJsonValue(field))) continue;
    out.write(first ? `{\n${inner}` : `,\n${inner}`);
    first = false;
    out.write(`${JSON.stringify(key)}: `);
    writeValue(field, inner, depth + 1, out);
  }
  out.write(first ? "{}" : `\n${indent}}`);
}

function toJsonValue(value: unknown): unknown {
  if (value !== null && typeof value === "object" && typeof (value as { toJSON?: unknown }).toJSON === "function") {
    return (value as { toJSON: () => unknown }).toJSON();
  }
  return value;
}

function isWritable(value: unknown): boolean {
  return value !== undefined && typeof value !== "function" && typeof value !== "symbol";
}
