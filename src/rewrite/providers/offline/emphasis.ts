import { extractFacts } from "../../../analysis/normalise/index.js";

/**
 * Key information in bold, sparingly: amounts and dates, the two things a reader of a contract
 * looks for first (how much, from when). Durations and numbers stay plain, or a contract section
 * would be half bold. Bold never changes the words, so it cannot change a fact.
 */
export function boldKeyFacts(text: string): string {
  if (text.includes("**")) return text;
  const facts = extractFacts(text).filter((f) => f.type === "amount" || f.type === "date");
  let out = text;
  for (let i = facts.length - 1; i >= 0; i--) {
    const f = facts[i]!;
    out = `${out.slice(0, f.start)}**${out.slice(f.start, f.end)}**${out.slice(f.end)}`;
  }
  return out;
}
