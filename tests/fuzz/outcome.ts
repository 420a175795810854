import type { FalcDocument, ListBlock, TextRange } from "../../src/model/types.js";
import { isFalcError } from "../../src/errors.js";

/**
 * How one fuzz case ended, and whether that end is acceptable: a document whose offsets hold, or a
 * FalcError for the user (exit code 2, naming the file). Anything else is a bug in ingestion.
 */

export type Outcome =
  | { kind: "accepted"; document: FalcDocument }
  | { kind: "rejected"; error: unknown }
  | { kind: "timeout" };

/**
 * Races the read against a timer; a read still running when the timer fires is a hang. A read
 * that blocks the event loop cannot be interrupted (the timer fires only when it yields), so one
 * that ends past the limit counts as a hang too.
 */
export async function withTimeLimit(read: () => Promise<FalcDocument>, limitMs: number): Promise<Outcome> {
  const begin = performance.now();
  const outcome = await race(read, limitMs);
  return performance.now() - begin > limitMs ? { kind: "timeout" } : outcome;
}

async function race(read: () => Promise<FalcDocument>, limitMs: number): Promise<Outcome> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Outcome>((resolve) => {
    timer = setTimeout(() => resolve({ kind: "timeout" }), limitMs);
  });
  const attempt = read().then(
    (document): Outcome => ({ kind: "accepted", document }),
    (error: unknown): Outcome => ({ kind: "rejected", error }),
  );
  try {
    return await Promise.race([attempt, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Why the outcome is a bug, or undefined when it is one of the two acceptable ends. */
export function problemWith(outcome: Outcome, path: string): string | undefined {
  switch (outcome.kind) {
    case "timeout":
      return "hang: no answer within the time limit (or the event loop was blocked that long)";
    case "accepted":
      return offsetMismatch(outcome.document);
    case "rejected":
      return uncleanError(outcome.error, path);
  }
}

/** The code of a clean rejection, for the summary. */
export function rejectionCode(outcome: Outcome): string {
  return outcome.kind === "rejected" && isFalcError(outcome.error) ? outcome.error.code : "?";
}

function uncleanError(error: unknown, path: string): string | undefined {
  if (!isFalcError(error)) {
    const described = error instanceof Error ? `${error.name}: ${error.message}\n${error.stack?.split("\n").slice(1, 6).join("\n")}` : String(error);
    return `unclean error (not a FalcError): ${described}`;
  }
  if (error.exitCode !== 2) return `FalcError ${error.code} with exit code ${error.exitCode}, expected 2`;
  if (!error.message.includes(path)) return `FalcError ${error.code} whose message does not name the file: ${error.message}`;
  return undefined;
}

/**
 * Every section, block, list item and table cell must point at its own text. Iterative: a
 * hostile file may produce lists nested far deeper than the call stack allows.
 */
export function offsetMismatch(document: FalcDocument): string | undefined {
  const units: (TextRange & { text: string; what: string })[] = [];
  const lists: ListBlock[] = [];
  for (const section of document.sections) {
    units.push({ ...section, what: `section ${section.index}` });
    for (const block of section.blocks) {
      units.push({ ...block, what: `${block.type} in section ${section.index}` });
      if (block.type === "list") lists.push(block);
      if (block.type === "table") for (const cell of block.rows.flat()) units.push({ ...cell, what: "table cell" });
    }
  }
  for (let list = lists.pop(); list; list = lists.pop()) {
    for (const item of list.items) {
      units.push({ ...item, what: `list item at depth ${item.depth}` });
      lists.push(...item.children);
    }
  }
  for (const unit of units) {
    const actual = document.text.slice(unit.start, unit.end);
    if (actual !== unit.text) {
      return `offsets of a ${unit.what} [${unit.start}, ${unit.end}) give ${JSON.stringify(actual.slice(0, 60))}, not ${JSON.stringify(unit.text.slice(0, 60))}`;
    }
  }
  return undefined;
}
