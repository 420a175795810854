import type { RuleSet } from "../../../rules/schema.js";
import { capitalise, quotedRanges, inRanges } from "./french.js";

/**
 * Step 5, continued: the learned connectors of the rule `simple-connectors`, where the plain one
 * fits the same place: « lorsque » → « quand », « puisque » → « parce que », « en outre » and
 * « par ailleurs » → « aussi », and at the start of a sentence « Néanmoins, » / « Cependant, » /
 * « Toutefois, » → « Mais », « Par conséquent, » → « Donc, ». Inside a sentence « toutefois » stays:
 * « il convient toutefois de » has no place for « mais ». A replacement is used only if the rule
 * still lists it for that connector. « Il est rappelé que » and « Il est précisé que » at the start
 * of a sentence are dropped.
 */

interface Connector {
  /** The rule entry's `match`, as written in simple-connectors.yaml. */
  match: string;
  use: string;
  pattern: RegExp;
  write: (found: string) => string;
}

const keepCapital = (found: string, word: string): string => (/^\p{Lu}/u.test(found) ? word.charAt(0).toUpperCase() + word.slice(1) : word);

const CONNECTORS: readonly Connector[] = [
  { match: "{lorsque|lorsqu'}", use: "quand", pattern: /(?<![\p{L}])lorsqu(?:e(?![\p{L}])|['’])/giu, write: (f) => keepCapital(f, f.endsWith("e") ? "quand" : "quand ") },
  { match: "{puisque|puisqu'}", use: "parce que", pattern: /(?<![\p{L}])puisqu(?:e(?![\p{L}])|['’])/giu, write: (f) => keepCapital(f, f.endsWith("e") ? "parce que" : "parce qu'") },
  { match: "en outre", use: "aussi", pattern: /(?<![\p{L}])en outre(?![\p{L}])/giu, write: (f) => keepCapital(f, "aussi") },
  { match: "par ailleurs", use: "aussi", pattern: /(?<![\p{L}])par ailleurs(?![\p{L}])/giu, write: (f) => keepCapital(f, "aussi") },
  { match: "néanmoins", use: "mais", pattern: /^Néanmoins,\s*/u, write: () => "Mais " },
  { match: "cependant", use: "mais", pattern: /^Cependant,\s*/u, write: () => "Mais " },
  { match: "toutefois", use: "mais", pattern: /^Toutefois,\s*/u, write: () => "Mais " },
  { match: "en revanche", use: "mais", pattern: /^En revanche,\s*/u, write: () => "Mais " },
  { match: "par contre", use: "mais", pattern: /^Par contre,\s*/u, write: () => "Mais " },
  { match: "par conséquent", use: "donc", pattern: /^Par conséquent,\s*/u, write: () => "Donc, " },
  { match: "en conséquence", use: "donc", pattern: /^En conséquence,\s*/u, write: () => "Donc, " },
];

const usable = new WeakMap<RuleSet, readonly Connector[]>();

function connectorsFor(ruleSet: RuleSet): readonly Connector[] {
  let list = usable.get(ruleSet);
  if (list === undefined) {
    const entries = ruleSet.rules.find((r) => r.id === "simple-connectors")?.parameters.entries;
    const listed = Array.isArray(entries) ? (entries as Array<{ match?: unknown; replace?: unknown }>) : [];
    list = CONNECTORS.filter((c) =>
      listed.some((e) => {
        const match = Array.isArray(e.match) ? e.match : [e.match];
        const replace = Array.isArray(e.replace) ? e.replace : [e.replace];
        return match.includes(c.match) && replace.includes(c.use);
      }),
    );
    usable.set(ruleSet, list);
  }
  return list;
}

/**
 * « Il est rappelé que » and « Il est précisé que » announce the sentence and say nothing themselves
 * (the rule `address-reader-directly` reports them); « convenu », « entendu » carry meaning and stay.
 */
const ANNOUNCEMENT = /^Il est (?:rappelé|précisé) qu(?:e(?![\p{L}])|['’])[ \t\u00A0,]*/u;

export function plainConnectors(text: string, ruleSet: RuleSet): string {
  let out = text;
  const announced = ANNOUNCEMENT.exec(out);
  if (announced !== null) out = capitalise(out.slice(announced[0].length));
  for (const connector of connectorsFor(ruleSet)) {
    connector.pattern.lastIndex = 0;
    if (!connector.pattern.test(out)) continue;
    const quotes = quotedRanges(out);
    connector.pattern.lastIndex = 0;
    out = out.replace(connector.pattern, (found: string, offset: number) =>
      inRanges(quotes, offset, offset + found.length) ? found : connector.write(found),
    );
  }
  return out;
}
