import { describe, expect, it } from "vitest";
import { loadRuleSet } from "../../src/config/ruleset.js";
import { buildDocument } from "../../src/model/build.js";
import { checkDocument, checkText } from "../../src/rules/engine.js";
import { parseMarkedExample, type LayoutExample, type RuleDefinition } from "../../src/rules/schema.js";
import { applyFixes } from "../../src/rules/fix/apply.js";
import { keepsFacts } from "../../src/rewrite/providers/offline/guard.js";

/**
 * Every rule file carries examples that must (trigger) or must not (pass) produce a finding of that
 * rule; a text example marks the expected span with [[ ]], and the engine must report exactly it. A
 * rule with a `fix` shows what it makes of sentences (fixed): the fixer, under the fidelity guard,
 * must write exactly that, with the sentences the fix adds after it.
 */
const ruleSet = loadRuleSet();

function textSpans(rule: RuleDefinition, text: string): { start: number; end: number; message: string }[] {
  return checkText(text, ruleSet, { only: [rule.id] })
    .filter((finding) => finding.ruleId === rule.id)
    .map((finding) => ({ start: finding.offset, end: finding.offset + finding.length, message: finding.message }));
}

function layoutFindings(rule: RuleDefinition, example: LayoutExample) {
  const document = buildDocument({
    path: "exemple.docx",
    format: "docx",
    bytes: new Uint8Array(),
    blocks: [{ type: "paragraph", runs: example.runs, ...(example.layout ? { layout: example.layout } : {}) }],
    ...(example.defaults ? { defaults: example.defaults } : {}),
  });
  const block = document.sections[0]!.blocks[0]!;
  return { block, findings: checkDocument(document, ruleSet, { only: [rule.id] }).filter((f) => f.ruleId === rule.id) };
}

const label = (example: string | LayoutExample): string => (typeof example === "string" ? example : JSON.stringify(example)).slice(0, 90);

for (const rule of ruleSet.rules) {
  describe(rule.id, () => {
    for (const example of rule.examples.trigger) {
      it(`signale : ${label(example)}`, () => {
        if (typeof example === "string") {
          const { text, spans } = parseMarkedExample(example);
          const found = textSpans(rule, text);
          expect(found.map(({ start, end }) => text.slice(start, end))).toEqual(spans.map(({ start, end }) => text.slice(start, end)));
          expect(found.map(({ start, end }) => ({ start, end }))).toEqual(spans);
          for (const { message } of found) expect(message).not.toMatch(/[{}]|«\s*»/);
        } else {
          const { block, findings } = layoutFindings(rule, example);
          expect(findings.map((f) => ({ offset: f.offset, length: f.length }))).toEqual([{ offset: block.start, length: block.end - block.start }]);
          expect(findings[0]!.message).not.toMatch(/[{}]/);
        }
      });
    }
    for (const { before, after } of rule.examples.fixed) {
      it(`corrige : ${before.slice(0, 90)}`, () => {
        const fixed = applyFixes(before, ruleSet, { only: [rule.id], guard: keepsFacts });
        expect([fixed.text, ...fixed.then].join(" ")).toBe(after);
      });
    }
    for (const example of rule.examples.pass) {
      it(`laisse passer : ${label(example)}`, () => {
        if (typeof example === "string") expect(textSpans(rule, example).map(({ start, end }) => example.slice(start, end))).toEqual([]);
        else expect(layoutFindings(rule, example).findings).toEqual([]);
      });
    }
  });
}
