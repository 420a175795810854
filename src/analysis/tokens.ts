// PLACEHOLDER until the French tokenizer lands. The contract (kinds may grow):
export type TokenKind = "word" | "number" | "punct" | "symbol" | "url" | "email" | "phone";

export interface Token {
  text: string;
  start: number;
  end: number;
  kind: TokenKind;
}

const TOKEN = /([\p{L}]+(?:['’-][\p{L}]+)*)|(\d+(?:[ ,.]\d+)*)|(\S)/gu;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const kind: TokenKind = match[1] ? "word" : match[2] ? "number" : /\p{P}/u.test(match[0]) ? "punct" : "symbol";
    tokens.push({ text: match[0], start: match.index, end: match.index + match[0].length, kind });
  }
  return tokens;
}
