/**
 * The mini-syntax of lexicon entries, so that one line covers the forms a reader meets:
 * - `(x)` marks an optional piece: « susmentionné(e)(s) » gives 4 forms;
 * - `{a|b}` gives alternatives: « à compter {du|de la|de} » gives 3 expressions.
 * Expressions are lowercased and their apostrophes normalised to `'`.
 */
export function expandPattern(pattern: string): string[] {
  const out = new Set<string>();
  expandInto(pattern.trim(), out);
  return [...out];
}

function expandInto(pattern: string, out: Set<string>): void {
  const brace = pattern.indexOf("{");
  if (brace >= 0) {
    const close = pattern.indexOf("}", brace);
    if (close < 0) throw new Error(`accolade non fermée dans « ${pattern} »`);
    const head = pattern.slice(0, brace);
    const tail = pattern.slice(close + 1);
    for (const alternative of pattern.slice(brace + 1, close).split("|")) expandInto(head + alternative + tail, out);
    return;
  }
  const paren = pattern.indexOf("(");
  if (paren >= 0) {
    const close = pattern.indexOf(")", paren);
    if (close < 0) throw new Error(`parenthèse non fermée dans « ${pattern} »`);
    const head = pattern.slice(0, paren);
    const tail = pattern.slice(close + 1);
    expandInto(head + tail, out);
    expandInto(head + pattern.slice(paren + 1, close) + tail, out);
    return;
  }
  const normalised = normaliseExpression(pattern);
  if (normalised.length > 0) out.add(normalised);
}

/** Lowercase, one space between words, `’` → `'`. */
export function normaliseExpression(expression: string): string {
  return expression.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, " ").trim();
}
