import { countWordTokens } from "./tokens.js";

/**
 * The number of words in `text`, as the tokenizer sees them (see isWordKind in tokens.ts): « l'école »
 * and « peut-être » are one word each, and so are « 74,50 € », « 12 h 30 » and an e-mail address.
 */
export function countWords(text: string): number {
  return countWordTokens(text);
}
