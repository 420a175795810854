// PLACEHOLDER until the French sentence splitter lands: splits on . ! ? and line breaks.
export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
}

export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  const pattern = /[^.!?\n]+[.!?]*/g;
  for (const match of text.matchAll(pattern)) {
    const raw = match[0];
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed.length === 0) continue;
    const start = match.index + lead;
    spans.push({ text: trimmed, start, end: start + trimmed.length });
  }
  return spans;
}
