import { createRequire } from "node:module";
import { FalcError } from "../errors.js";
import { validateRule, type RuleDefinition } from "../rules/schema.js";

const requireCjs = createRequire(import.meta.url);

/**
 * Validates one parsed rule file; an error names the file and, when the YAML has it, the line of the
 * key it is about (« rules/mot.yaml, ligne 7 : clé inconnue « colour » »). The YAML is read again for
 * its positions only when there is an error: a valid rule set never pays for them.
 */
export function validateRuleFile(raw: unknown, content: string, shown: string, expectedId: string, pack?: string): RuleDefinition {
  let rule: RuleDefinition;
  try {
    rule = validateRule(raw, shown, expectedId);
  } catch (error) {
    if (!(error instanceof FalcError) || error.code !== "rule-invalid") throw error;
    const line = lineOfMessage(content, error.message);
    if (line === undefined) throw error;
    const prefix = `${shown} : `;
    const rest = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
    throw new FalcError("rule-invalid", `${shown}, ligne ${line} : ${rest}`, { file: shown, ...(error.hint ? { hint: error.hint } : {}), cause: error });
  }
  if (pack !== undefined) rule.pack = pack;
  return rule;
}

type Path = (string | number)[];

/** « parameters.patterns[0].tokens[1].min » → ["parameters", "patterns", 0, "tokens", 1, "min"]. */
function pathOf(quoted: string): Path {
  const path: Path = [];
  for (const part of quoted.split(".")) {
    const [name, ...indices] = part.split("[");
    if (name !== "") path.push(name!);
    for (const index of indices) path.push(Number(index.replace("]", "")));
  }
  return path;
}

/**
 * The line of the first key a message quotes that the file has: messages name keys between « »
 * (« parameters.max », « examples.fixed[2] »). A key the file lacks (a missing required key) gives
 * the line of its nearest parent that it has; none at all, no line.
 */
export function lineOfMessage(content: string, message: string): number | undefined {
  const { LineCounter, parseDocument, isMap, isSeq } = requireCjs("yaml") as typeof import("yaml");
  const counter = new LineCounter();
  let document: ReturnType<typeof parseDocument>;
  try {
    document = parseDocument(content, { lineCounter: counter });
  } catch {
    return undefined;
  }
  for (const match of message.matchAll(/«\s*([\w.[\]-]+)\s*»/gu)) {
    const path = pathOf(match[1]!);
    let node: unknown = document.contents;
    let offset: number | undefined;
    for (const step of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => (item.key as { value?: unknown } | null)?.value === step);
        if (pair === undefined) break;
        offset = (pair.key as { range?: [number, number, number] }).range?.[0] ?? offset;
        node = pair.value;
      } else if (isSeq(node) && typeof step === "number" && node.items[step] !== undefined) {
        node = node.items[step];
        offset = (node as { range?: [number, number, number] }).range?.[0] ?? offset;
      } else {
        break;
      }
    }
    if (offset !== undefined) return counter.linePos(offset).line;
  }
  return undefined;
}
