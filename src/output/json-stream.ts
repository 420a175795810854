import { ChunkedWriter } from "./chunked-writer.js";

/**
 * Writes `value` exactly as `JSON.stringify(value, null, 2)` would, without building that string: a
 * score report of a long document is tens of megabytes. Objects and arrays near the top (the report,
 * its files, their sections and findings) are walked here; values from `NATIVE_DEPTH` down are
 * stringified by the engine, the elements of a list (a file's findings) a batch at a time.
 */
export function writeJson(value: unknown, write: (text: string) => void): void {
  const out = new JsonOut(write);
  writeValue(value, "", 0, out);
  out.flush();
}

/** Past this many characters, a piece is handed to the sink as it is rather than copied into a chunk. */
const LARGE = 16 * 1024;

/** Small pieces gathered in chunks; a batch of elements, often hundreds of kilobytes, goes straight to the sink. */
class JsonOut extends ChunkedWriter {
  constructor(private readonly direct: (text: string) => void) {
    super(direct);
  }

  writeLarge(text: string): void {
    if (text.length < LARGE) {
      this.write(text);
      return;
    }
    this.flush();
    this.direct(text);
  }
}

/** Depth from which values are stringified whole: a finding, a section's figures. */
const NATIVE_DEPTH = 4;
const INDENT = "  ";

/** Writes a value that JSON.stringify would not drop (the caller checks `isWritable`). */
function writeValue(value: unknown, indent: string, depth: number, out: JsonOut): void {
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
    if (depth + 1 >= NATIVE_DEPTH) {
      writeNativeElements(value, inner, out);
      out.write(`\n${indent}]`);
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

/** Elements stringified per batch rather than one by one: a report holds tens of thousands of findings. */
const BATCH = 1024;

/**
 * Writes `[` and the elements of a non-empty array at indentation `inner`, as JSON.stringify would,
 * a batch at a time. Each batch is nested in as many arrays as `inner` has levels, so that the engine
 * itself indents the elements to their place: no second pass over the text to re-indent it.
 */
function writeNativeElements(elements: readonly unknown[], inner: string, out: JsonOut): void {
  const levels = inner.length / INDENT.length;
  const { prefix, suffix } = nestingFrame(levels);
  for (let start = 0; start < elements.length; start += BATCH) {
    const text = JSON.stringify(nest(elements.slice(start, start + BATCH), levels), null, 2);
    out.write(start === 0 ? `[\n${inner}` : `,\n${inner}`);
    out.writeLarge(text.slice(prefix, text.length - suffix));
  }
}

function nest(elements: unknown[], levels: number): unknown {
  let wrapped: unknown = elements;
  for (let level = 1; level < levels; level++) wrapped = [wrapped];
  return wrapped;
}

/** How many characters of a nested batch come before its first element and after its last. */
function nestingFrame(levels: number): { prefix: number; suffix: number } {
  const frame = JSON.stringify(nest([null], levels), null, 2);
  const prefix = frame.indexOf("null");
  return { prefix, suffix: frame.length - prefix - "null".length };
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
